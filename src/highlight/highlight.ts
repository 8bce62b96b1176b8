/**
 * Syntax highlighting for fenced code with a language, in ansi output: highlight.js's core with
 * only the grammars a document names (and the ones they embed), loaded before rendering so the
 * renderer stays synchronous. All of highlight.js's ~190 grammars cost ~100 ms to load; the core
 * and one grammar ~5 ms. The kit (kit.ts) loads this module only for a document with such a block.
 * Built as its own file (dist/highlight.cjs); each grammar is required from highlight.js itself
 * (grammar.ts).
 */
import type { Emitter, HighlightResult } from 'highlight.js';
import core from 'highlight.js/lib/core';
import { importGrammar } from './grammar.js';
import { AUTO_DETECT, EMBEDS, GRAMMARS } from './languages.js';

/** Our own instance: a program using highlight.js beside broadsheet's library keeps its registrations. */
const hljs = core.newInstance();
// http guesses its body's language: among these only, whatever else a document loaded.
hljs.configure({ languages: [...AUTO_DETECT] });

/** Colours `code` as `lang`; undefined when the language is unknown or was not loaded. */
export type Highlighter = (code: string, lang: string) => string | undefined;

/** A colour for each highlight.js scope worth one (theme/ansi.ts: syntaxStyles). */
export type SyntaxStyles = Readonly<Record<string, (text: string) => string>>;

/** The grammar's module name for a fence's language, or undefined. */
export function grammarOf(lang: string): string | undefined {
  const name = lang.trim().toLowerCase();
  return Object.hasOwn(GRAMMARS, name) ? GRAMMARS[name] : undefined;
}

/** Registers the grammars for these fence languages, with those they embed. */
async function loadGrammars(langs: Iterable<string>): Promise<void> {
  const wanted = new Set<string>();
  const add = (name: string) => {
    if (wanted.has(name)) return;
    wanted.add(name);
    for (const embedded of EMBEDS[name] ?? []) add(embedded);
  };
  for (const lang of langs) {
    const name = grammarOf(lang);
    if (name) add(name);
  }
  await Promise.all(
    [...wanted]
      .filter((name) => !hljs.getLanguage(name))
      .map(async (name) => {
        hljs.registerLanguage(name, (await importGrammar(name)).default);
      }),
  );
}

type Style = SyntaxStyles[string];

/** A scope highlight.js opened, in the one it was opened in (a block's root scope has no name). */
interface Scope {
  readonly name: string;
  parent: Scope | undefined;
}

/**
 * highlight.js's emitter (its `__emitter` option): the text in runs, each with the innermost
 * scope it was added in. It stands in for highlight.js's token tree and the HTML made from it,
 * which broadsheet only read back into colours (escaped, matched and unescaped again); the
 * highlighter colours the runs (colourResult), so emitters need no styles of their own.
 * Exported for the tests.
 */
export class ScopeEmitter implements Emitter {
  readonly texts: string[] = [];
  readonly scopes: Scope[] = [];
  private readonly root: Scope = { name: '', parent: undefined };
  private current = this.root;

  addText(text: string): void {
    if (text !== '') {
      this.texts.push(text);
      this.scopes.push(this.current);
    }
  }

  startScope(scope: string): void {
    this.openNode(scope);
  }

  endScope(): void {
    this.closeNode();
  }

  /** Called by highlight.js itself, beside startScope. */
  openNode(scope: string): void {
    this.current = { name: scope, parent: this.current };
  }

  /** Never past the root, as highlight.js's token tree. */
  closeNode(): void {
    if (this.current !== this.root) this.current = this.current.parent!;
  }

  /** A piece in a language embedded here (JavaScript in HTML): its scopes sit in the one open here. */
  __addSublanguage(emitter: Emitter, _name: string): void {
    const embedded = emitter as ScopeEmitter;
    embedded.root.parent = this.current;
    for (let i = 0; i < embedded.texts.length; i++) {
      this.texts.push(embedded.texts[i]!);
      this.scopes.push(embedded.scopes[i]!);
    }
  }

  finalize(): void {
    this.current = this.root;
  }

  /** highlight.js's `value`, which broadsheet does not read (colourResult reads the runs). */
  toHTML(): string {
    return '';
  }
}

hljs.configure({ __emitter: ScopeEmitter });

/**
 * A highlighting's text in colour: each run in the colour of its innermost scope that has one
 * (a scope's colour is its name's first part's: 'title' of 'title.function', as highlight.js's
 * CSS classes name it), neighbouring runs of one colour joined; text in no such scope stays
 * plain, so the code block's own style shows. A highlighting that failed mid-scan (highlight.js's
 * safe mode, an illegal match: its value is then the code as HTML) is the code as it is,
 * uncoloured, as is one whose runs another emitter holds.
 */
export function colourResult(result: HighlightResult, code: string, styles: SyntaxStyles): string {
  if (result.errorRaised || result.illegal || !(result._emitter instanceof ScopeEmitter)) return code;
  const { texts, scopes } = result._emitter;
  const resolved = new Map<Scope, Style | undefined>();
  const styleOf = (scope: Scope | undefined): Style | undefined => {
    if (!scope) return undefined;
    if (resolved.has(scope)) return resolved.get(scope);
    const name = /^[\w-]*/.exec(scope.name)![0];
    const style = (name && Object.hasOwn(styles, name) ? styles[name] : undefined) ?? styleOf(scope.parent);
    resolved.set(scope, style);
    return style;
  };
  let out = '';
  let run = '';
  let colour: Style | undefined;
  for (let i = 0; i < texts.length; i++) {
    const style = styleOf(scopes[i]);
    if (style !== colour) {
      out += colour && run ? colour(run) : run;
      run = '';
      colour = style;
    }
    run += texts[i];
  }
  return out + (colour && run ? colour(run) : run);
}

/** A highlighter for the languages a document names (the others come back undefined). */
export async function createHighlighter(styles: SyntaxStyles, langs: Iterable<string> = []): Promise<Highlighter> {
  await loadGrammars(langs);
  return (code, lang) => {
    const name = grammarOf(lang);
    if (!name || !hljs.getLanguage(name)) return undefined;
    try {
      return colourResult(hljs.highlight(code, { language: name, ignoreIllegals: true }), code, styles).replace(/\n+$/, '');
    } catch {
      // A grammar that fails on some input: the block is shown uncoloured rather than not at all.
      return undefined;
    }
  };
}
