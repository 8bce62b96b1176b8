/**
 * Line layout in display columns (CJK and emoji count two). A Layout is made for one document by
 * the kit (kit.ts): without the Unicode layout it measures and wraps text of one-column
 * characters itself, with wrap-ansi's own algorithm (tested to give identical lines); with it,
 * anything else (styles, links, CJK, emoji, combining marks) goes to wrap-ansi and string-width.
 */
import { ESC, MAYBE_TRAILING_SPACE, SPACE_AND_ESCAPE_TAIL, stripEscapes } from './ansi.js';
import { isSimple, isSimpleToWrap, type UnicodeLayout } from './measure.js';

export type Align = 'left' | 'right' | 'center' | null;

export class Layout {
  /** `unicode`: the full layout; without it, text outside the fast path is an internal error. */
  constructor(private readonly unicode?: UnicodeLayout) {}

  /** Width in terminal columns of text that may carry broadsheet's own SGR and OSC 8 codes. */
  columns(text: string): number {
    const plain = stripEscapes(text);
    return isSimple(plain) ? plain.length : this.full().stringWidth(plain);
  }

  /** Word-wrap styled text to `width` columns; 0 means no wrapping. Long words are broken. */
  wrap(text: string, width: number): string {
    if (width <= 0) return text;
    if (isPlainSimple(text)) {
      const normal = ASCII.test(text) ? text : text.normalize();
      return normal.includes('\n') ? normal.split('\n').map((line) => wrapLine(line, width)).join('\n') : wrapLine(normal, width);
    }
    return this.full().wrapAnsi(text, width, { hard: true, trim: true });
  }

  /** Break preformatted text at exactly `width` columns, keeping its spaces. */
  chop(text: string, width: number): string {
    if (width <= 0) return text;
    if (isPlainSimple(text)) return text.normalize().split('\n').map((line) => chopLine(line, width)).join('\n');
    return this.full().wrapAnsi(text, width, { hard: true, wordWrap: false, trim: false });
  }

  widest(text: string): number {
    let max = 0;
    for (const line of text.split('\n')) max = Math.max(max, this.columns(line));
    return max;
  }

  pad(text: string, width: number, align: Align): string {
    const gap = Math.max(0, width - this.columns(text));
    if (align === 'right') return ' '.repeat(gap) + text;
    if (align === 'center') return ' '.repeat(Math.floor(gap / 2)) + text + ' '.repeat(gap - Math.floor(gap / 2));
    return text + ' '.repeat(gap);
  }

  /** Text with a rule as wide as its widest line (plain text has no bold to mark a heading). */
  underline(text: string, char: string, width: number): string {
    const length = Math.max(1, width > 0 ? Math.min(this.widest(text), width) : this.widest(text));
    return `${text}\n${char.repeat(length)}`;
  }

  /** Plain text cut to `width` columns, with `…` where it was cut. */
  truncate(text: string, width: number): string {
    if (this.columns(text) <= width) return text;
    if (width <= 1) return width === 1 ? '…' : '';
    let out = '';
    let used = 0;
    for (const ch of text) {
      const w = this.columns(ch);
      if (used + w > width - 1) break;
      out += ch;
      used += w;
    }
    return `${out.trimEnd()}…`;
  }

  expandTabs(line: string, size = 4): string {
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
        column += this.columns(ch);
      }
    }
    return out;
  }

  private full(): UnicodeLayout {
    if (!this.unicode) throw new Error('internal: the Unicode layout was not loaded for this document');
    return this.unicode;
  }
}

// eslint-disable-next-line no-control-regex
const ASCII = /^[\u0000-\u007F]*$/;
function isPlainSimple(text: string): boolean {
  return !text.includes(ESC) && !text.includes('\t') && isSimpleToWrap(text.replace(/\n/g, ' '));
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

/** No line ends in spaces, even when style codes sit between or after them. */
export function trimLines(text: string): string {
  // One native scan finds out whether any line needs it; almost none does.
  if (!MAYBE_TRAILING_SPACE.test(text)) return text;
  return text
    .split('\n')
    .map((line) => line.replace(SPACE_AND_ESCAPE_TAIL, (tail) => tail.replace(/[ \t]+/g, '')))
    .join('\n');
}

/** The largest of `values`, at least `floor` (no spread: lists can be long). */
export function maxOf(values: Iterable<number>, floor = 0): number {
  let max = floor;
  for (const value of values) if (value > max) max = value;
  return max;
}
