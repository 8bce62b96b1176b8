/** The styled theme, in its own module so plain-text runs never load chalk. */
import { Chalk } from 'chalk';
import type { Theme } from './theme.js';

export function createAnsiTheme(): Theme {
  const c = new Chalk({ level: 1 });
  return {
    ansi: true,
    title: (t) => c.bold(t),
    standfirst: (t) => c.italic(t),
    caption: (t) => c.dim(t),
    meta: (t) => c.dim(t),
    heading: (t, level) => (level <= 2 ? c.bold.cyan(t) : c.bold(t)),
    headingRule: () => undefined,
    strong: (t) => c.bold(t),
    em: (t) => c.italic(t),
    del: (t) => c.strikethrough(t),
    code: (t) => c.yellow(t),
    codeBlock: (t) => c.yellow(t),
    url: (t) => c.blue(t),
    mark: (t) => c.blue(t),
    html: (t) => c.dim(t),
    border: (t) => c.dim(t),
    quoteBar: c.dim('│'),
    bullets: ['•', '◦', '▪'],
    rule: '─',
  };
}
