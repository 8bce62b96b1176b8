/**
 * Line layout in display columns (CJK and emoji count two). Plain text made of one-column
 * characters is wrapped here with wrap-ansi's own algorithm (tested to give identical lines);
 * anything else (styles, links, CJK, emoji, combining marks, tabs) goes to wrap-ansi itself.
 */
import { columns, complexLayout, isSimpleToWrap } from './width.js';

export { columns };

/** Word-wrap styled text to `width` columns; 0 means no wrapping. Long words are broken. */
export function wrap(text: string, width: number): string {
  if (width <= 0) return text;
  if (isPlainSimple(text)) {
    const normal = ASCII.test(text) ? text : text.normalize();
    return normal.includes('\n') ? normal.split('\n').map((line) => wrapLine(line, width)).join('\n') : wrapLine(normal, width);
  }
  return complexLayout().wrapAnsi(text, width, { hard: true, trim: true });
}

/** Break preformatted text at exactly `width` columns, keeping its spaces. */
export function chop(text: string, width: number): string {
  if (width <= 0) return text;
  if (isPlainSimple(text)) return text.normalize().split('\n').map((line) => chopLine(line, width)).join('\n');
  return complexLayout().wrapAnsi(text, width, { hard: true, wordWrap: false, trim: false });
}

// eslint-disable-next-line no-control-regex
const ASCII = /^[\u0000-\u007F]*$/;
function isPlainSimple(text: string): boolean {
  return !text.includes('\u001B') && !text.includes('\t') && isSimpleToWrap(text.replace(/\n/g, ' '));
}

/** wrap-ansi's `exec` with { hard: true, trim: true }, for text where width equals length. */
function wrapLine(line: string, width: number): string {
  const common = wrapSingleSpaced(line, width);
  if (common !== undefined) return common;
  if (line.trim() === '') return '';
  const rows = [''];
  let rowLength = 0;
  let trimmedRow = -1;
  let first = true;
  for (const word of line.split(' ')) {
    const last = rows.length - 1;
    if (trimmedRow !== last) {
      const trimmed = rows[last]!.trimStart();
      if (trimmed.length !== rows[last]!.length) {
        rows[last] = trimmed;
        rowLength = trimmed.length;
      }
      if (trimmed.length > 0) trimmedRow = last;
    }
    if (first) first = false;
    else if (rowLength > 0) {
      rows[rows.length - 1] += ' ';
      rowLength++;
    }
    if (word.length > width) {
      // A word longer than the line is broken; it starts here only if that costs no extra row.
      const remaining = width - rowLength;
      if (Math.floor((word.length - 1) / width) < 1 + Math.floor((word.length - remaining - 1) / width)) {
        rows.push('');
        rowLength = 0;
      }
      for (let i = 0; i < word.length; i++) {
        if (rowLength > 0 && rowLength + 1 > width) {
          rows.push('');
          rowLength = 0;
        }
        rows[rows.length - 1] += word.charAt(i);
        rowLength++;
        if (rowLength === width && i < word.length - 1) {
          rows.push('');
          rowLength = 0;
        }
      }
      continue;
    }
    if (rowLength + word.length > width && rowLength > 0 && word.length > 0) {
      rows.push('');
      rowLength = 0;
    }
    rows[rows.length - 1] += word;
    rowLength += word.length;
  }
  return rows.map((row) => (row.endsWith(' ') ? row.replace(/ +$/, '') : row)).join('\n');
}

/**
 * The common case of wrapLine, without its per-word strings: words one space apart, none wider
 * than the line. A row breaks where the next word and its space would pass the width, so the
 * result is the line with some spaces turned into newlines. Undefined for any other line.
 */
function wrapSingleSpaced(line: string, width: number): string | undefined {
  if (line === '' || line.charCodeAt(0) === 32 || line.charCodeAt(line.length - 1) === 32 || line.includes('  ')) return undefined;
  let out = '';
  let rowStart = 0;
  let rowLength = -1;
  for (let start = 0; start <= line.length; ) {
    let end = line.indexOf(' ', start);
    if (end < 0) end = line.length;
    const length = end - start;
    if (length > width) return undefined;
    if (rowLength < 0) rowLength = length;
    else if (rowLength + 1 + length > width) {
      out += `${line.slice(rowStart, start - 1)}\n`;
      rowStart = start;
      rowLength = length;
    } else rowLength += 1 + length;
    start = end + 1;
  }
  return out + line.slice(rowStart);
}

function chopLine(line: string, width: number): string {
  if (line.length <= width) return line;
  const rows: string[] = [];
  for (let at = 0; at < line.length; at += width) rows.push(line.slice(at, at + width));
  return rows.join('\n');
}

export function widest(text: string): number {
  let max = 0;
  for (const line of text.split('\n')) max = Math.max(max, columns(line));
  return max;
}

/** Prefix each line; blank lines get the prefix without its trailing spaces. */
export function indent(text: string, first: string, rest: string = first): string {
  return text
    .split('\n')
    .map((line, i) => {
      const prefix = i === 0 ? first : rest;
      return line === '' ? prefix.trimEnd() : prefix + line;
    })
    .join('\n');
}

export function expandTabs(line: string, size = 4): string {
  if (!line.includes('\t')) return line;
  let out = '';
  let column = 0;
  for (const ch of line) {
    if (ch === '\t') {
      const pad = size - (column % size);
      out += ' '.repeat(pad);
      column += pad;
    } else {
      out += ch;
      column += columns(ch);
    }
  }
  return out;
}

export function pad(text: string, width: number, align: 'left' | 'right' | 'center' | null): string {
  const gap = Math.max(0, width - columns(text));
  if (align === 'right') return ' '.repeat(gap) + text;
  if (align === 'center') return ' '.repeat(Math.floor(gap / 2)) + text + ' '.repeat(gap - Math.floor(gap / 2));
  return text + ' '.repeat(gap);
}

// eslint-disable-next-line no-control-regex
const ESCAPE_OR_SPACE_TAIL = /(?:[ \t]|\u001B\[[0-9;]*m|\u001B\]8;[^\u001B\u0007]*(?:\u001B\\|\u0007))+$/;
// eslint-disable-next-line no-control-regex
const SUSPECT = /[ \t](?:\n|\u001B|$)/;

/** No line ends in spaces, even when style codes sit between or after them. */
export function trimLines(text: string): string {
  // One native scan finds out whether any line needs it; almost none does.
  if (!SUSPECT.test(text)) return text;
  return text
    .split('\n')
    .map((line) => line.replace(ESCAPE_OR_SPACE_TAIL, (tail) => tail.replace(/[ \t]+/g, '')))
    .join('\n');
}

/** Text with a rule as wide as its widest line (plain text has no bold to mark a heading). */
export function underline(text: string, char: string, width: number): string {
  const length = Math.max(1, width > 0 ? Math.min(widest(text), width) : widest(text));
  return `${text}\n${char.repeat(length)}`;
}
