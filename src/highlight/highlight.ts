/**
 * Syntax highlighting for fenced code with a language, in ansi output: highlight.js's core with
 * only the grammars a document names (and the ones they embed), loaded before rendering so the
 * renderer stays synchronous. All of highlight.js's ~190 grammars cost ~100 ms to load; the core
 * and one grammar ~5 ms. The kit (kit.ts) loads this module only for a document with such a block.
 * Built as its own file (dist/highlight.cjs); each grammar is required from highlight.js itself
 * (grammar.ts).
 */
import type { Emitter } from 'highlight.js';
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

type Style = (text: string) => string;

/**
 * The styles the emitters of the highlighting under way colour with. highlight.js makes its
 * emitters itself (one per language a block embeds), from the class it was configured with; a
 * highlighter sets these before each block, and highlighting is synchronous.
 */
let activeStyles: SyntaxStyles = {};

/** A scope's colour: its name's first part's ('title' of 'title.function'), as highlight.js's CSS class names it. */
function styleOf(scope: string): Style | undefined {
  if (scope.startsWith('language:')) return undefined;
  const name = /^[\w-]*/.exec(scope)![0];
  return name && Object.hasOwn(activeStyles, name) ? activeStyles[name] : undefined;
}

/**
 * highlight.js's emitter (its `__emitter` option), colouring as highlight.js scans: each run of
 * text in the colour of its innermost scope that has one (neighbouring runs of one colour
 * joined); text in no such scope stays plain, so the code block's own style shows. It stands in
 * for highlight.js's token tree and the HTML made from it, which broadsheet only read back into
 * colours (escaped, matched and unescaped again).
 */
class AnsiEmitter implements Emitter {
  /** The text, in runs, each with its colour; undefined: the enclosing one's (plain, or a host language's). */
  private readonly texts: string[] = [];
  private readonly colours: (Style | undefined)[] = [];
  /** Each open scope's colour: its own, else the one it is in. */
  private readonly stack: (Style | undefined)[] = [];

  private get current(): Style | undefined {
    return this.stack[this.stack.length - 1];
  }

  addText(text: string): void {
    if (text !== '') this.add(text, this.current);
  }

  startScope(scope: string): void {
    this.openNode(scope);
  }

  endScope(): void {
    this.closeNode();
  }

  /** Called by highlight.js itself, beside startScope. */
  openNode(scope: string): void {
    this.stack.push((scope ? styleOf(scope) : undefined) ?? this.current);
  }

  closeNode(): void {
    this.stack.pop();
  }

  /** A language embedded here (JavaScript in HTML): its plain text takes the colour it sits in. */
  __addSublanguage(emitter: Emitter, _name: string): void {
    const embedded = emitter as AnsiEmitter;
    const enclosing = this.current;
    embedded.texts.forEach((text, i) => this.add(text, embedded.colours[i] ?? enclosing));
  }

  finalize(): void {
    this.stack.length = 0;
  }

  /** The coloured text (highlight.js's `value`). */
  toHTML(): string {
    let out = '';
    let run = '';
    let colour: Style | undefined;
    this.texts.forEach((text, i) => {
      if (this.colours[i] !== colour) {
        out += colour && run ? colour(run) : run;
        run = '';
        colour = this.colours[i];
      }
      run += text;
    });
    return out + (colour && run ? colour(run) : run);
  }

  private add(text: string, colour: Style | undefined): void {
    this.texts.push(text);
    this.colours.push(colour);
  }
}

hljs.configure({ __emitter: AnsiEmitter });

/** A highlighter for the languages a document names (the others come back undefined). */
export async function createHighlighter(styles: SyntaxStyles, langs: Iterable<string> = []): Promise<Highlighter> {
  await loadGrammars(langs);
  return (code, lang) => {
    const name = grammarOf(lang);
    if (!name || !hljs.getLanguage(name)) return undefined;
    try {
      activeStyles = styles;
      const result = hljs.highlight(code, { language: name, ignoreIllegals: true });
      // A grammar that raised an error mid-scan (highlight.js's safe mode): its value is the code
      // as HTML, shown here as it is, uncoloured.
      return (result.errorRaised ? code : result.value).replace(/\n+$/, '');
    } catch {
      // A grammar that fails on some input: the block is shown uncoloured rather than not at all.
      return undefined;
    }
  };
}
