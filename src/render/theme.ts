/**
 * How each element looks. The text theme is all identity functions, so plain output cannot
 * contain an escape byte; the ansi theme uses its own chalk instance (never chalk's global level,
 * which reads the environment at import).
 */
import { Chalk } from 'chalk';

type Paint = (text: string) => string;

export interface Theme {
  ansi: boolean;
  title: Paint;
  standfirst: Paint;
  caption: Paint;
  meta: Paint;
  heading: (text: string, level: number) => string;
  /** Underline drawn below headings in plain text, where there is no bold. */
  headingRule: (level: number) => string | undefined;
  strong: Paint;
  em: Paint;
  del: Paint;
  code: Paint;
  codeBlock: Paint;
  url: Paint;
  mark: Paint;
  html: Paint;
  border: Paint;
  quoteBar: string;
  bullets: readonly string[];
  rule: string;
}

const same: Paint = (text) => text;

export const textTheme: Theme = {
  ansi: false,
  title: same,
  standfirst: same,
  caption: same,
  meta: same,
  heading: same,
  headingRule: (level) => (level <= 1 ? '=' : '-'),
  strong: same,
  em: same,
  del: same,
  code: same,
  codeBlock: same,
  url: same,
  mark: same,
  html: same,
  border: same,
  quoteBar: '>',
  bullets: ['•', '◦', '▪'],
  rule: '─',
};

export function ansiTheme(): Theme {
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
