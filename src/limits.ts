/**
 * Guards against input that would overflow marked's recursion (it throws near 2,000 nested
 * quotes or lists) or our own. Checked on the raw text before parsing, line by line, so the check
 * itself is linear.
 */
import { BroadsheetError } from './errors.js';

export const MAX_NESTING = 500;

const CONTAINER = /^ {0,3}(?:>[ \t]?|(?:[*+-]|\d{1,9}[.)])[ \t]+)/;

/** Nesting depth a line opens: container markers in its prefix, plus list indentation. */
export function lineDepth(line: string): number {
  let depth = 0;
  let rest = line;
  let indent = 0;
  for (;;) {
    const spaces = /^[ \t]*/.exec(rest)![0];
    const column = columnsAfter(spaces, indent);
    // Tabs as the spaces they stand for, so a marker after a tab is seen.
    const expanded = ' '.repeat(Math.min(column - indent, 3)) + rest.slice(spaces.length);
    indent = column;
    const marker = CONTAINER.exec(expanded);
    if (!marker) break;
    depth++;
    rest = expanded.slice(marker[0].length);
    if (depth > MAX_NESTING) break;
  }
  return depth + Math.floor(indent / 2);
}

/** The column after `spaces` from column `start`: a tab runs to the next multiple of 4, as in CommonMark. */
function columnsAfter(spaces: string, start: number): number {
  let column = start;
  for (let i = 0; i < spaces.length; i++) column = spaces.charCodeAt(i) === 9 ? column + 4 - (column % 4) : column + 1;
  return column;
}

/**
 * How many characters from `from` (up to `to`, and at most one more than half the limit) are ones
 * a container prefix is made of: whitespace, `>`, list bullets, digits, `.` and `)`. lineDepth
 * reads no further, and each such character adds at most 2 to its depth (a tab is 4 columns of
 * indentation, 2 levels; a marker is 1), so a line with a shorter run is within the limit.
 */
function prefixLength(text: string, from: number, to: number): number {
  const end = Math.min(to, from + MAX_NESTING / 2 + 1);
  let i = from;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 32 || c === 9 || c === 62 || c === 42 || c === 43 || c === 45 || c === 46 || c === 41 || (c >= 48 && c <= 57))) break;
  }
  return i - from;
}

/**
 * A line that prefixLength would measure past half the limit, found in one native scan (the loop
 * below, over every line, took ~1 ms on an 87 KB README). It also matches after a lone `\r`,
 * U+2028 or U+2029, which the loop does not split at: the loop, run only then, is the exact
 * answer.
 */
const DEEP_PREFIX = new RegExp(`^[ \\t>*+\\-.)0-9]{${MAX_NESTING / 2 + 1}}`, 'm');

export function checkDepth(text: string): void {
  if (!DEEP_PREFIX.test(text)) return;
  let from = 0;
  while (from < text.length) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    // Only a line that starts with a long run of whitespace and container markers can nest too deep.
    if (prefixLength(text, from, to) > MAX_NESTING / 2) {
      if (lineDepth(text.slice(from, Math.min(to, from + 20000))) > MAX_NESTING) {
        throw new BroadsheetError('too-deep', `document nests quotes or lists more than ${MAX_NESTING} levels deep`);
      }
    }
    from = to + 1;
  }
}
