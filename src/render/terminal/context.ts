/** What every terminal renderer receives: the loaded kit, the request's link rules, and the notes collected so far. */
import type { Kit } from '../../kit.js';
import type { LinkStyle } from '../../request.js';

/** Below this many columns a container stops indenting its content, so lines still fit. */
export const MIN_INNER = 10;

export interface TerminalOptions {
  /** Columns; 0 = no wrapping. */
  width: number;
  hyperlinks: boolean;
  links: LinkStyle;
  /** Print the selected sections' own headings (the whole document always has its headings). */
  heading?: boolean;
}

export interface TerminalContext extends Kit {
  hyperlinks: boolean;
  links: LinkStyle;
  /** Link targets collected for the notes after the text (`--links footnotes`), numbered from 1. */
  notes: string[];
  /** Each collected target's number. */
  noteNumbers: Map<string, number>;
}

export function terminalContext(kit: Kit, options: TerminalOptions): TerminalContext {
  // Highlighting is ansi's; the plain theme never colours code.
  return { ...kit, highlight: kit.theme.ansi ? kit.highlight : undefined, hyperlinks: options.hyperlinks, links: options.links, notes: [], noteNumbers: new Map() };
}
