/**
 * Syntax highlighting for fenced code with a language, in ansi output: highlight.js's core with
 * only the grammars a document names (and the ones they embed), loaded before rendering so the
 * renderer stays synchronous. All of highlight.js's ~190 grammars cost ~100 ms to load; the core
 * and one grammar ~5 ms. The kit (kit.ts) loads this module only for a document with such a block.
 * Built as its own file (dist/highlight.cjs); each grammar is required from highlight.js itself
 * (grammar.ts).
 */
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

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'" };

/**
 * highlight.js's HTML (spans with `hljs-` classes around escaped text) as terminal colours: each
 * run of text in the colour of its innermost scope that has one (neighbouring runs of one colour
 * joined); text in no such scope stays plain, so the code block's own style shows.
 */
export function colourise(html: string, styles: SyntaxStyles): string {
  type Style = (text: string) => string;
  const stack: (Style | undefined)[] = [];
  let out = '';
  let run = '';
  let runStyle: Style | undefined;
  const flush = () => {
    out += runStyle && run ? runStyle(run) : run;
    run = '';
  };
  for (const [piece, classes] of html.matchAll(/<span class="([^"]*)">|<\/span>|[^<]+/g)) {
    if (classes !== undefined) {
      const scope = /hljs-([\w-]+)/.exec(classes)?.[1];
      stack.push((scope && Object.hasOwn(styles, scope) ? styles[scope] : undefined) ?? stack[stack.length - 1]);
    } else if (piece === '</span>') stack.pop();
    else {
      const style = stack[stack.length - 1];
      if (style !== runStyle) {
        flush();
        runStyle = style;
      }
      run += piece.replace(/&(?:amp|lt|gt|quot|#x27);/g, (entity) => ENTITIES[entity] ?? entity);
    }
  }
  flush();
  return out;
}

/** A highlighter for the languages a document names (the others come back undefined). */
export async function createHighlighter(styles: SyntaxStyles, langs: Iterable<string> = []): Promise<Highlighter> {
  await loadGrammars(langs);
  return (code, lang) => {
    const name = grammarOf(lang);
    if (!name || !hljs.getLanguage(name)) return undefined;
    try {
      return colourise(hljs.highlight(code, { language: name, ignoreIllegals: true }).value, styles).replace(/\n+$/, '');
    } catch {
      // A grammar that fails on some input: the block is shown uncoloured rather than not at all.
      return undefined;
    }
  };
}
