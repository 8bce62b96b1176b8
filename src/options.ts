/**
 * Flags + environment + terminal facts -> Options, the decisions a run needs. Pure: the CLI
 * passes the facts in, so every rule here is testable without a terminal. Every default lives
 * here (DEFAULTS); the commander program declares them from this object.
 */
import { BroadsheetError } from './errors.js';
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
}

export const DEFAULTS = {
  color: 'auto',
  paging: 'auto',
  hyperlinks: 'auto',
  links: 'inline',
  heading: true,
  linkDefs: true,
  encoding: 'auto',
} as const satisfies Partial<Flags>;

/** What the CLI knows about the world it runs in. */
export interface Surroundings {
  stdoutIsTTY: boolean;
  columns?: number;
  env: Readonly<Record<string, string | undefined>>;
}

export interface Options extends RenderRequest {
  paging: When;
  /** `--list`: the stored articles instead of a document. */
  list: boolean;
  encoding: string;
}

/** On a terminal, text is wrapped at its width, but never wider than a readable measure. */
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
export async function resolveOptions(flags: Flags, facts: Surroundings, hyperlinkSupport: () => Promise<boolean> = async () => false): Promise<Options> {
  const color = colorWanted(flags.color, facts);
  let format: Format = flags.format ?? (color ? 'ansi' : 'text');
  // An explicit `--color never` wins over `--format ansi`: the same layout, no escapes.
  if (format === 'ansi' && (flags.color === false || flags.color === 'never')) format = 'text';
  const width = flags.width ?? (facts.stdoutIsTTY ? Math.min(facts.columns || MAX_READING_WIDTH, MAX_READING_WIDTH) : 0);
  const hyperlinks = format === 'ansi' && (flags.hyperlinks === 'always' || (flags.hyperlinks === 'auto' && facts.stdoutIsTTY && (await hyperlinkSupport())));
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
  };
}
