/**
 * How each element looks. The plain theme is all identity functions, so plain output cannot
 * contain an escape byte; the styled theme (ansi.ts) uses its own chalk instance, never chalk's
 * global level, which reads the environment at import.
 */

type Style = (text: string) => string;

export interface Theme {
  ansi: boolean;
  title: Style;
  standfirst: Style;
  caption: Style;
  meta: Style;
  heading: (text: string, level: number) => string;
  /** Underline drawn below headings in plain text, where there is no bold. */
  headingRule: (level: number) => string | undefined;
  strong: Style;
  em: Style;
  del: Style;
  code: Style;
  codeBlock: Style;
  url: Style;
  mark: Style;
  html: Style;
  border: Style;
  quoteBar: string;
  /** A GitHub alert's label and bar, by variant (note, tip, important, warning, caution). */
  alert: (variant: string, label: string) => string;
  alertBar: (variant: string) => string;
  bullets: readonly string[];
  rule: string;
}

const same: Style = (text) => text;

export const plainTheme: Theme = {
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
  alert: (_, label) => `${label}:`,
  alertBar: () => '>',
  bullets: ['•', '◦', '▪'],
  rule: '─',
};
