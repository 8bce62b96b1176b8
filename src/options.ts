/**
 * Flags + environment + terminal facts -> the decisions the core needs. Pure: the CLI passes the
 * facts in, so every rule here is testable without a terminal.
 */
import { BroadsheetError } from './errors.js';

export const FORMATS = ['ansi', 'text', 'markdown', 'json'] as const;
export type Format = (typeof FORMATS)[number];
export const WHEN = ['auto', 'always', 'never'] as const;
export type When = (typeof WHEN)[number];
export const LINK_STYLES = ['inline', 'footnotes'] as const;
export type LinkStyleFlag = (typeof LINK_STYLES)[number];

/** What commander parsed, untouched. */
export interface Flags {
  width?: number;
  format?: Format;
  color?: When | false;
  toc?: boolean;
  section?: string[];
  pager?: boolean;
  paging?: When;
  hyperlinks?: When;
  links?: LinkStyleFlag;
}

/** What the CLI knows about the world it runs in. */
export interface Facts {
  stdoutIsTTY: boolean;
  columns?: number;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether the terminal supports OSC 8 (found out only when it matters). */
  hyperlinkSupport?: boolean;
}

export interface Options {
  format: Format;
  width: number;
  toc: boolean;
  sections: string[];
  links: LinkStyleFlag;
  hyperlinks: boolean;
  paging: When;
}

export const MAX_READING_WIDTH = 80;
export const MIN_WIDTH = 10;
export const MAX_WIDTH = 1000;

/** `--width` values: 0 (no wrapping) or MIN_WIDTH..MAX_WIDTH whole columns. */
export function parseWidth(value: string): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (n === 0 || (Number.isInteger(n) && n >= MIN_WIDTH && n <= MAX_WIDTH)) return n;
  throw new BroadsheetError('usage', `width must be 0 (no wrapping) or a whole number of columns from ${MIN_WIDTH} to ${MAX_WIDTH}`);
}

/** `auto` colour: a terminal, unless NO_COLOR is set non-empty; FORCE_COLOR forces it on. */
export function colorWanted(flag: When | false | undefined, facts: Facts): boolean {
  if (flag === false || flag === 'never') return false;
  if (flag === 'always') return true;
  const force = facts.env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.trim().toLowerCase());
  if (facts.env.NO_COLOR) return false;
  return facts.stdoutIsTTY && facts.env.TERM !== 'dumb';
}

export function resolveOptions(flags: Flags, facts: Facts): Options {
  const color = colorWanted(flags.color, facts);
  let format: Format = flags.format ?? (color ? 'ansi' : 'text');
  // An explicit `--color never` wins over `--format ansi`: the same layout, no escapes.
  if (format === 'ansi' && (flags.color === false || flags.color === 'never')) format = 'text';
  const width = flags.width ?? (facts.stdoutIsTTY ? Math.min(facts.columns || MAX_READING_WIDTH, MAX_READING_WIDTH) : 0);
  const paging: When = flags.pager === false ? 'never' : flags.pager === true ? 'always' : (flags.paging ?? 'auto');
  const hyperlinksFlag = flags.hyperlinks ?? 'auto';
  const hyperlinks =
    format === 'ansi' &&
    (hyperlinksFlag === 'always' || (hyperlinksFlag === 'auto' && facts.stdoutIsTTY && (facts.hyperlinkSupport ?? false)));
  return {
    format,
    width,
    toc: flags.toc ?? false,
    sections: flags.section ?? [],
    links: flags.links ?? 'inline',
    hyperlinks,
    paging,
  };
}
