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
import { DARK, paint, type Palette } from '../theme/palette.js';

interface CodeRenderer {
  renderer: { code: (token: { type: 'code'; raw: string; text: string; lang?: string; escaped?: boolean }) => string };
}

/** Colours `code` as `lang`; undefined when the language is unknown. */
export type Highlighter = (code: string, lang: string) => string | undefined;

/** Colours from the theme's palette (palette.ts: each checked for contrast on its background). */
export function createHighlighter(palette: Palette = DARK, level: 1 | 2 = 1): Highlighter {
  const c = new Chalk({ level });
  const { keyword, string, number, comment, title, type } = palette.syntax;
  const colour = (n: number) => paint(c, palette, level, n);
  // Only the tokens worth a colour; the rest (cli-highlight's default is a reset code) stay plain.
  const plain = (text: string) => text;
  const theme: HighlightTheme = {
    default: plain,
    keyword: colour(keyword),
    built_in: colour(type),
    type: colour(type),
    literal: colour(number),
    number: colour(number),
    regexp: colour(string),
    string: colour(string),
    symbol: colour(number),
    class: colour(title),
    function: colour(title),
    title: colour(title),
    comment: colour(comment),
    doctag: colour(comment),
    meta: colour(comment),
    tag: colour(keyword),
    name: colour(keyword),
    attr: colour(type),
    attribute: colour(type),
    addition: colour(palette.alerts.tip),
    deletion: colour(palette.alerts.caution),
  };
  const terminal = markedTerminal({ tab: 0 } as never, { theme } as never) as unknown as CodeRenderer;
  return (code, lang) => {
    if (!/^[\w+#.-]+$/.test(lang) || !supportsLanguage(lang)) return undefined;
    const previous = chalk.level;
    chalk.level = level;
    try {
      return terminal.renderer.code({ type: 'code', raw: code, text: code, lang }).replace(/\n+$/, '');
    } finally {
      chalk.level = previous;
    }
  };
}
