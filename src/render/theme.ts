/**
 * How each element looks. The text theme is all identity functions, so plain output cannot
 * contain an escape byte; the ansi theme (ansi-theme.ts) uses its own chalk instance, never
 * chalk's global level, which reads the environment at import.
 */

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

let makeAnsiTheme: (() => Theme) | undefined;

export function useAnsiTheme(make: () => Theme): void {
  makeAnsiTheme = make;
}

export function hasAnsiTheme(): boolean {
  return makeAnsiTheme !== undefined;
}

/** The styled theme (registered by ansi-theme.ts, which prepare.ts loads when it is needed). */
export function ansiTheme(): Theme {
  if (!makeAnsiTheme) throw new Error('internal: the ansi theme was not loaded');
  return makeAnsiTheme();
}

type Highlighter = (code: string, lang: string) => string | undefined;
let highlighter: Highlighter | undefined;

/** Registered by highlight.ts when a document has fenced code with a language (ansi only). */
export function useHighlighter(fn: Highlighter | undefined): void {
  highlighter = fn;
}

export function currentHighlighter(): Highlighter | undefined {
  return highlighter;
}
