/** The styled theme, in its own module so plain-text runs never load chalk. */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Theme } from './theme.js';

/** GitHub's alert colours, as near as the 16 colours come: blue, green, magenta, yellow, red. */
function alertColour(c: ChalkInstance, variant: string): (text: string) => string {
  switch (variant) {
    case 'tip':
      return c.green;
    case 'important':
      return c.magenta;
    case 'warning':
      return c.yellow;
    case 'caution':
      return c.red;
    default:
      return c.blue;
  }
}

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
    alert: (variant, label) => c.bold(alertColour(c, variant)(label)),
    alertBar: (variant) => alertColour(c, variant)('┃'),
    bullets: ['•', '◦', '▪'],
    rule: '─',
  };
}
