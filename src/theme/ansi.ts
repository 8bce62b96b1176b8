/**
 * The styled theme, in its own module so plain-text runs never load chalk. A visible hierarchy:
 * the headline bold over a heavy rule; `#` bold in the accent colour over a light rule; `##` bold
 * in the accent colour; `###` bold; `####` to `######` italic. The standfirst is italic, the
 * caption italic in the caption colour, the reading time plain in it.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { DARK, paint, type Palette } from './palette.js';
import type { Theme } from './theme.js';

/** `level`: 1 for the 16 basic colours (chalk picks the nearest), 2 for 256 colours. */
export function createAnsiTheme(palette: Palette = DARK, level: 1 | 2 = 1): Theme {
  const c = new Chalk({ level });
  const colour = (n: number) => paint(c, palette, level, n);
  const accent = colour(palette.accent);
  const meta = colour(palette.meta);
  const border = colour(palette.border);
  const alert = (variant: string): ChalkInstance => colour(palette.alerts[variant as keyof Palette['alerts']] ?? palette.alerts.note);
  return {
    ansi: true,
    palette,
    title: (t) => c.bold(t),
    standfirst: (t) => c.italic(t),
    caption: (t) => meta.italic(t),
    meta: (t) => meta(t),
    heading: (t, level) => (level <= 2 ? accent.bold(t) : level === 3 ? c.bold(t) : c.italic(t)),
    headingRule: (level) => (level === 0 ? '━' : level === 1 ? '─' : undefined),
    rules: (t) => border(t),
    strong: (t) => c.bold(t),
    em: (t) => c.italic(t),
    del: (t) => c.strikethrough(t),
    code: (t) => colour(palette.code)(t),
    codeBlock: (t) => colour(palette.code)(t),
    url: (t) => colour(palette.url)(t),
    mark: (t) => colour(palette.url)(t),
    html: (t) => meta(t),
    border: (t) => border(t),
    quoteBar: border('│'),
    alert: (variant, label) => alert(variant).bold(label),
    alertBar: (variant) => alert(variant)('┃'),
    bullets: ['•', '◦', '▪'],
    rule: '─',
  };
}

/** Code colours for the highlighter (highlight.ts), by highlight.js scope: each checked for contrast. */
export function syntaxStyles(palette: Palette = DARK, level: 1 | 2 = 1): Record<string, (text: string) => string> {
  const c = new Chalk({ level });
  const { keyword, string, number, comment, title, type } = palette.syntax;
  const colour = (n: number) => paint(c, palette, level, n);
  return {
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
    emphasis: c.italic,
    strong: c.bold,
    link: c.underline,
  };
}
