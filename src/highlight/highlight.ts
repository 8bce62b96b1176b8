/**
 * Syntax highlighting for fenced code with a language, in ansi output: marked-terminal's code
 * renderer (cli-highlight over highlight.js). It costs ~150 ms to load, so the kit (kit.ts)
 * loads it only when a document has such a block. Two of its habits are handled here: it reads chalk's
 * global level (0 in a pipe, even with --color always), and highlight.js prints an unknown
 * language's name to stderr, raw; we set the level and ask cli-highlight first.
 * Built as its own file (dist/highlight.cjs): it is 1.5 MB, and every run would read it.
 */
import chalk, { Chalk } from 'chalk';
import { supportsLanguage, type Theme as HighlightTheme } from 'cli-highlight';
import { markedTerminal } from 'marked-terminal';

interface CodeRenderer {
  renderer: { code: (token: { type: 'code'; raw: string; text: string; lang?: string; escaped?: boolean }) => string };
}

/** Colours `code` as `lang`; undefined when the language is unknown. */
export type Highlighter = (code: string, lang: string) => string | undefined;

export function createHighlighter(): Highlighter {
  const c = new Chalk({ level: 1 });
  // Only the tokens worth a colour; the rest (cli-highlight's default is a reset code) stay plain.
  const plain = (text: string) => text;
  const theme: HighlightTheme = {
    default: plain,
    keyword: c.blue,
    built_in: c.cyan,
    type: c.cyan,
    literal: c.magenta,
    number: c.magenta,
    regexp: c.red,
    string: c.green,
    symbol: c.magenta,
    class: c.yellow,
    function: c.yellow,
    title: c.yellow,
    comment: c.dim,
    doctag: c.dim,
    meta: c.dim,
    tag: c.blue,
    name: c.blue,
    attr: c.cyan,
    attribute: c.cyan,
    addition: c.green,
    deletion: c.red,
  };
  const terminal = markedTerminal({ tab: 0 } as never, { theme } as never) as unknown as CodeRenderer;
  return (code, lang) => {
    if (!/^[\w+#.-]+$/.test(lang) || !supportsLanguage(lang)) return undefined;
    const level = chalk.level;
    chalk.level = 1;
    try {
      return terminal.renderer.code({ type: 'code', raw: code, text: code, lang }).replace(/\n+$/, '');
    } finally {
      chalk.level = level;
    }
  };
}
