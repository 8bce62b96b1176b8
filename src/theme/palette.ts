/**
 * Two palettes, designed for dark and for light backgrounds, as xterm 256-colour indices, each
 * with the basic colour it becomes on a terminal of 16 (chosen, not computed: chalk sends a
 * 256-colour code whatever its level, and the nearest basic colour to a dark blue is fine on
 * white but a yellow is not). Contrast
 * ratios (WCAG 2) of each text colour against black, #1e1e1e and #282c34 for dark, and against
 * white, #fdf6e3 (Solarized light) and #f5f5f5 for light; AA asks 4.5 for text, 3 for the rules
 * and borders around it (scripts: see the comments' numbers, computed from the xterm palette).
 */
import type { ChalkInstance, ForegroundColorName } from 'chalk';

export interface Palette {
  name: 'dark' | 'light';
  /** Section heads (`#`, `##`). */
  accent: number;
  /** Code spans and code blocks without a language. */
  code: number;
  /** Link targets, notes, marks. */
  url: number;
  /** Captions, credits, reading time, table-of-contents details. */
  meta: number;
  /** Rules, table borders, quote bars (not text). */
  border: number;
  alerts: Record<'note' | 'tip' | 'important' | 'warning' | 'caution', number>;
  /** Syntax highlighting. */
  syntax: { keyword: number; string: number; number: number; comment: number; title: number; type: number };
  /** Each colour above as one of the 16 basic ones. */
  basic: Record<number, ForegroundColorName>;
}

/** A palette colour as a chalk style: the 256-colour index at level 2, its basic colour at level 1. */
export function paint(c: ChalkInstance, palette: Palette, level: 1 | 2, n: number): ChalkInstance {
  return level === 2 ? c.ansi256(n) : c[palette.basic[n] ?? 'white'];
}

export const DARK: Palette = {
  name: 'dark',
  accent: 81, // 12.7 / 10.0 / 8.4
  code: 180, // 10.4 / 8.2 / 6.9
  url: 75, // 9.1 / 7.2 / 6.0
  meta: 248, // 8.8 / 7.0 / 5.9
  border: 243, // 4.6 / 3.7 / 3.1
  alerts: { note: 75, tip: 114, important: 183, warning: 221, caution: 210 }, // 9.1, 12.1, 11.5, 15.1, 9.1 on black
  syntax: { keyword: 75, string: 114, number: 183, comment: 246, title: 221, type: 81 }, // comment 6.9 / 5.5 / 4.6
  basic: { 81: 'cyanBright', 180: 'yellow', 75: 'blueBright', 248: 'white', 243: 'gray', 246: 'gray', 114: 'greenBright', 183: 'magentaBright', 221: 'yellowBright', 210: 'redBright' },
};

export const LIGHT: Palette = {
  name: 'light',
  accent: 25, // 6.4 / 6.0 / 5.9
  code: 94, // 5.7 / 5.3 / 5.3
  url: 25, // 6.4 / 6.0 / 5.9
  meta: 242, // 5.3 / 4.9 / 4.8
  border: 246, // 3.0 / 2.8 / 2.8
  alerts: { note: 25, tip: 22, important: 91, warning: 94, caution: 160 }, // 6.4, 8.0, 7.9, 5.7, 5.4 on white
  syntax: { keyword: 25, string: 22, number: 91, comment: 240, title: 94, type: 24 }, // comment 7.1 / 6.6 / 6.5
  // No yellow and no bright colours: both fade on white.
  basic: { 25: 'blue', 24: 'blue', 94: 'red', 242: 'gray', 240: 'gray', 246: 'gray', 22: 'green', 91: 'magenta', 160: 'red' },
};
