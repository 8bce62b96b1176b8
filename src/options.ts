/**
 * Flags + environment + terminal facts -> Options, the decisions a run needs. Pure: the CLI
 * passes the facts in, so every rule here is testable without a terminal. Every default lives
 * here (DEFAULTS); the commander program declares them from this object.
 */
import { BroadsheetError } from './errors.js';
import { COLUMN_GUTTER } from './layout/columns.js';
import type { Format, LinkStyle, RenderRequest } from './request.js';

export const WHEN = ['auto', 'always', 'never'] as const;
export type When = (typeof WHEN)[number];

/** What commander parsed, untouched. */
export interface Flags {
  width?: number;
  format?: Format;
  color: When | false;
  toc?: boolean;
  section?: string[];
  paging: When;
  hyperlinks: When;
  links: LinkStyle;
  heading: boolean;
  linkDefs: boolean;
  list?: boolean;
  stats?: boolean;
  encoding: string;
  smart: boolean;
  theme?: ThemeFlag;
  hyphenate: When;
  columns: string;
}

export const THEMES = ['auto', 'dark', 'light'] as const;
export type ThemeFlag = (typeof THEMES)[number];

export const DEFAULTS = {
  color: 'auto',
  paging: 'auto',
  hyperlinks: 'auto',
  links: 'inline',
  heading: true,
  linkDefs: true,
  encoding: 'auto',
  smart: true,
  hyphenate: 'auto',
  columns: '1',
} as const satisfies Partial<Flags>;

/** What the CLI knows about the world it runs in. */
export interface Surroundings {
  stdoutIsTTY: boolean;
  columns?: number;
  rows?: number;
  env: Readonly<Record<string, string | undefined>>;
}

/** What the CLI may ask the terminal, only when the answer matters. */
export interface Questions {
  /** Whether the terminal shows OSC 8 links. */
  hyperlinkSupport?: () => Promise<boolean>;
  /** The terminal's background (OSC 11), when it answers quickly. */
  background?: () => Promise<'dark' | 'light' | undefined>;
}

export interface Options extends RenderRequest {
  paging: When;
  /** `--list`: the stored articles instead of a document. */
  list: boolean;
  encoding: string;
}

/** On a terminal, text is wrapped at its width, but never wider than a readable measure. */
export const MAX_READING_WIDTH = 80;
/** Narrower than this, `--hyphenate auto` hyphenates: a short measure has little slack to share. */
export const HYPHENATE_BELOW = 52;
/** `--columns auto` sets columns of about this measure, a gutter apart. */
export const COLUMN_MEASURE = 60;
/** A column is never narrower than this. */
const MIN_COLUMN = 20;
export const MIN_WIDTH = 10;
export const MAX_WIDTH = 1000;

/** `--width` values: 0 (no wrapping) or MIN_WIDTH..MAX_WIDTH whole columns. */
export function parseWidth(value: string): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (n === 0 || (Number.isInteger(n) && n >= MIN_WIDTH && n <= MAX_WIDTH)) return n;
  throw new BroadsheetError('usage', `width must be 0 (no wrapping) or a whole number of columns from ${MIN_WIDTH} to ${MAX_WIDTH}`);
}

/** `auto` colour: a terminal, unless NO_COLOR is set non-empty; FORCE_COLOR forces it on. */
export function colorWanted(flag: When | false, facts: Surroundings): boolean {
  if (flag === false || flag === 'never') return false;
  if (flag === 'always') return true;
  const force = facts.env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.trim().toLowerCase());
  if (facts.env.NO_COLOR) return false;
  return facts.stdoutIsTTY && facts.env.TERM !== 'dumb';
}

/** Flags with every default filled in (for callers that build flags by hand). */
export function withDefaults(flags: Partial<Flags>): Flags {
  return { ...DEFAULTS, ...Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined)) } as Flags;
}

/**
 * `hyperlinkSupport` answers whether the terminal shows OSC 8 links; it is asked only when the
 * answer matters (ansi on a terminal with `--hyperlinks auto`).
 */
export async function resolveOptions(flags: Flags, facts: Surroundings, ask: Questions = {}): Promise<Options> {
  const color = colorWanted(flags.color, facts);
  let format: Format = flags.format ?? (color ? 'ansi' : 'text');
  // An explicit `--color never` wins over `--format ansi`: the same layout, no escapes.
  if (format === 'ansi' && (flags.color === false || flags.color === 'never')) format = 'text';
  const screen = facts.stdoutIsTTY ? facts.columns || MAX_READING_WIDTH : 0;
  // Columns are for reading: JSON, Markdown and the lists scripts read never have them.
  const reading = (format === 'ansi' || format === 'text') && !flags.toc && !flags.list;
  const columns = reading ? columnCount(flags.columns, flags.width ?? screen, facts.stdoutIsTTY && flags.width === undefined) : 1;
  // With columns, the width (the terminal's, or -w) is the page's; each column gets its share,
  // no wider than a readable measure unless -w asked for it.
  const share = (page: number) => Math.floor((page - COLUMN_GUTTER * (columns - 1)) / columns);
  const width = columns > 1 ? (flags.width !== undefined ? share(flags.width) : Math.min(share(screen), MAX_READING_WIDTH)) : (flags.width ?? Math.min(screen, MAX_READING_WIDTH));
  const hyperlinks = format === 'ansi' && (flags.hyperlinks === 'always' || (flags.hyperlinks === 'auto' && facts.stdoutIsTTY && (await (ask.hyperlinkSupport ?? (async () => false))())));
  const theme = format === 'ansi' ? await themeFor(flags.theme ?? themeFromEnv(facts.env), facts, ask) : 'dark';
  // A hidden target must stay reachable: only behind a link the terminal makes clickable.
  if (flags.links === 'hidden' && !hyperlinks) {
    throw new BroadsheetError('usage', '--links hidden needs clickable links, which this output does not have (a terminal that shows OSC 8 hyperlinks, or --hyperlinks always with colour)');
  }
  return {
    format,
    width,
    toc: flags.toc ?? false,
    sections: flags.section ?? [],
    links: flags.links,
    hyperlinks,
    heading: flags.heading,
    linkDefinitions: flags.linkDefs,
    paging: flags.paging,
    list: flags.list ?? false,
    stats: flags.stats,
    encoding: flags.encoding,
    smart: flags.smart,
    theme,
    colorLevel: colorLevel(facts.env),
    hyphenate: flags.hyphenate === 'always' ? width > 0 : flags.hyphenate === 'auto' && width > 0 && width < HYPHENATE_BELOW,
    columns,
    // A screen less the pager's prompt line, so each page of columns fills one screen.
    pageHeight: columns > 1 && facts.stdoutIsTTY && flags.width === undefined && facts.rows ? facts.rows - 1 : undefined,
  };
}

/**
 * `--columns`: a number, or `auto` (as many measures of COLUMN_MEASURE as the terminal holds;
 * never in a pipe). `terminal`: the page is the terminal's width, not `-w`'s.
 */
export function columnCount(flag: string, pageWidth: number, terminal: boolean): number {
  const fits = Math.max(1, Math.floor((pageWidth + COLUMN_GUTTER) / (MIN_COLUMN + COLUMN_GUTTER)));
  if (flag === 'auto') return terminal ? Math.max(1, Math.floor((pageWidth + COLUMN_GUTTER) / (COLUMN_MEASURE + COLUMN_GUTTER))) : 1;
  const n = /^\d+$/.test(flag.trim()) ? Number(flag) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 8) throw new BroadsheetError('usage', `columns must be auto or a whole number from 1 to 8, not '${flag}'`);
  // Unwrapped text (a pipe without --width) has no measure to set columns to.
  if (pageWidth === 0) return 1;
  if (n > fits) {
    // A terminal too narrow (the setting may come from a config file) gets what fits; -w is a mistake.
    if (terminal) return fits;
    throw new BroadsheetError('usage', `${n} columns do not fit in ${pageWidth}: each needs ${MIN_COLUMN} and a gutter of ${COLUMN_GUTTER}`);
  }
  return n;
}

function themeFromEnv(env: Readonly<Record<string, string | undefined>>): ThemeFlag {
  const value = env.BROADSHEET_THEME?.trim().toLowerCase();
  return value === 'dark' || value === 'light' ? value : 'auto';
}

/**
 * `auto`: COLORFGBG when the terminal sets it (`15;0`: light on dark); else the terminal's own
 * answer about its background (OSC 11, asked only on a terminal, briefly); else dark.
 */
async function themeFor(flag: ThemeFlag, facts: Surroundings, ask: Questions): Promise<'dark' | 'light'> {
  if (flag !== 'auto') return flag;
  const fromEnv = backgroundFromColorFgBg(facts.env.COLORFGBG);
  if (fromEnv) return fromEnv;
  if (facts.stdoutIsTTY && ask.background) return (await ask.background()) ?? 'dark';
  return 'dark';
}

/** `fg;bg` (or `fg;default;bg`): backgrounds 7 and 9-15 are light, the others dark. */
export function backgroundFromColorFgBg(value: string | undefined): 'dark' | 'light' | undefined {
  const bg = value?.split(';').pop()?.trim();
  if (!bg || !/^\d+$/.test(bg)) return undefined;
  const n = Number(bg);
  return n === 7 || (n >= 9 && n <= 15) ? 'light' : 'dark';
}

/**
 * A terminal's answer to OSC 11 (`ESC ] 11 ; rgb:RRRR/GGGG/BBBB`, 1 to 4 hex digits a channel):
 * light when the background's luminance is over a half.
 */
export function backgroundFromOsc11(answer: string): 'dark' | 'light' | undefined {
  const rgb = /\]11;rgba?:([0-9a-f]{1,4})\/([0-9a-f]{1,4})\/([0-9a-f]{1,4})/i.exec(answer);
  if (!rgb) return undefined;
  const [r, g, b] = rgb.slice(1, 4).map((hex) => parseInt(hex, 16) / (16 ** hex.length - 1)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.5 ? 'light' : 'dark';
}

/** 256 colours where the terminal says so (most do); else the 16 basic ones. */
function colorLevel(env: Readonly<Record<string, string | undefined>>): 1 | 2 {
  return /256|direct|truecolor/.test(env.TERM ?? '') || /truecolor|24bit/.test(env.COLORTERM ?? '') || ['iTerm.app', 'vscode', 'WezTerm', 'ghostty'].includes(env.TERM_PROGRAM ?? '') ? 2 : 1;
}
