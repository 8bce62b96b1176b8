/**
 * How each element looks. The plain theme is all identity functions, so plain output cannot
 * contain an escape byte; the styled theme (ansi.ts) uses its own chalk instance, never chalk's
 * global level, which reads the environment at import.
 */

import type { Palette } from './palette.js';

type Style = (text: string) => string;

export interface Theme {
  ansi: boolean;
  /** The colours of a styled theme (the highlighter takes its syntax colours). */
  palette?: Palette;
  title: Style;
  standfirst: Style;
  caption: Style;
  meta: Style;
  heading: (text: string, level: number) => string;
  /** The rule under a heading of this level (0: the headline), if it has one. */
  headingRule: (level: number) => string | undefined;
  /** How those rules are drawn. */
  rules: Style;
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
  // Plain text has no bold: the first levels are told apart by their rules.
  headingRule: (level) => ['━', '═', '─', '┄'][level],
  rules: same,
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
