/**
 * Line layout in display columns (CJK and emoji count two). A Layout is made for one document by
 * the kit (kit.ts): without the Unicode measure it measures text of one-column characters itself
 * (a test holds it to string-width); with it, string-width measures everything else. Paragraphs
 * are broken by breaker.ts; code is soft-wrapped with a continuation mark.
 */
import { ESC, MAYBE_TRAILING_SPACE, OWN_ESCAPES, SPACE_AND_ESCAPE_TAIL, SPACE_AT_AN_END, stripEscapes } from './ansi.js';
import { breakParagraph, type Measurer } from './breaker.js';
import type { Hyphenator } from './hyphenate.js';
import { SIMPLE_CHARACTERS, fastWidth, isAscii, isSimple, type UnicodeLayout } from './measure.js';
import { KEEP_END, KEEP_START, StyleState, clusters, hasMarkers, splitEscapes, stripMarkers } from './styled.js';

export type Align = 'left' | 'right' | 'center' | null;

/** Marks a code line that continues on the next row. */
export const CONTINUATION = '↩';

export class Layout {
  private readonly measurer: Measurer;
  /** string-width's answers: it costs microseconds a call, and tables and emoji ask again and again. */
  private readonly widths = new Map<string, number>();

  /**
   * `unicode`: the full measure; without it, text outside the fast path is an internal error.
   * `hyphenate`: where words may break at line ends (narrow measures).
   */
  constructor(
    private readonly unicode?: UnicodeLayout,
    hyphenate?: Hyphenator,
  ) {
    this.measurer = { simple: isSimple, width: (text) => this.measure(text), hyphenate };
  }

  /** Width in terminal columns of text that may carry broadsheet's own codes and markers. */
  columns(text: string): number {
    return this.measure(stripMarkers(stripEscapes(text)));
  }

  private measure(plain: string): number {
    const fast = fastWidth(plain);
    if (fast !== undefined) return fast;
    let width = this.widths.get(plain);
    if (width === undefined) {
      width = this.full().stringWidth(plain);
      if (plain.length <= 64 && this.widths.size < 50_000) this.widths.set(plain, width);
    }
    return width;
  }

  /**
   * A paragraph set to `width` columns (breaker.ts); 0 means one line per paragraph. Either way
   * runs of spaces collapse to one (but in code spans) and no line starts or ends with a space.
   */
  wrap(text: string, width: number): string {
    const normal = isAscii(text) ? text : text.normalize();
    if (width <= 0) return unwrapped(normal);
    if (fitsAsItIs(normal, width)) return normal + closeOpenStyles(normal);
    return breakParagraph(normal, width, this.measurer);
  }

  /**
   * A line of code wider than `width` continues on the next row, with CONTINUATION at the end
   * of each row it leaves: broken after a space or punctuation in the last third of the row
   * where there is one, else at the width. Every character is kept, in order.
   */
  wrapCode(line: string, width: number, mark: (text: string) => string = (t) => t): string {
    if (width <= 1 || this.columns(line) <= width) return line;
    const room = width - 1;
    const rows: string[] = [];
    let row = '';
    let rowWidth = 0;
    /** The row so far at the last good break: after a space or punctuation. */
    let lastBreak: { at: number; width: number } | undefined;
    const cut = (at: number, used: number) => {
      rows.push(row.slice(0, at));
      row = row.slice(at);
      rowWidth -= used;
      lastBreak = undefined;
    };
    for (const piece of splitEscapes(line)) {
      if (piece.escape) {
        row += piece.text;
        continue;
      }
      for (const ch of clusters(piece.text, isSimple(piece.text))) {
        const w = this.columns(ch);
        if (rowWidth + w > room && rowWidth > 0) {
          const good = lastBreak && lastBreak.width >= Math.ceil((room * 2) / 3) ? lastBreak : undefined;
          cut(good ? good.at : row.length, good ? good.width : rowWidth);
        }
        row += ch;
        rowWidth += w;
        if (/[\s,;.)\]}>/=&|:-]/.test(ch)) lastBreak = { at: row.length, width: rowWidth };
      }
    }
    rows.push(row);
    return restyle(rows, mark(CONTINUATION));
  }

  widest(text: string): number {
    // One line (a table cell, mostly): no array of lines to make.
    if (!text.includes('\n')) return this.columns(text);
    let max = 0;
    for (const line of text.split('\n')) max = Math.max(max, this.columns(line));
    return max;
  }

  pad(text: string, width: number, align: Align): string {
    return padToWidth(text, this.columns(text), width, align);
  }

  /** Text with a rule as wide as its widest line (plain text has no bold to mark a heading). */
  underline(text: string, char: string, width: number, style: (rule: string) => string = (rule) => rule): string {
    const length = Math.max(1, width > 0 ? Math.min(this.widest(text), width) : this.widest(text));
    return `${text}\n${style(char.repeat(length))}`;
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
    if (!this.unicode) throw new Error('internal: the Unicode measure was not loaded for this document');
    return this.unicode;
  }
}

/** Rows of a cut line, each closing the styles and link open at its end and the next opening them again. */
function restyle(rows: string[], mark: string): string {
  const state = new StyleState();
  return rows
    .map((row, i) => {
      let out = state.reopen() + row;
      state.applyAll(row);
      out += state.close();
      return i < rows.length - 1 ? out + mark : out;
    })
    .join('\n');
}

/**
 * Characters of at most one column (measure.ts's SIMPLE_CHARACTERS), and ESC and BEL, which
 * begin and end our own codes and show nothing: a text of them no longer than the width is no
 * wider. (A document's own ESC and BEL never get here: the sanitiser replaces them.)
 */
const AT_MOST_ONE_COLUMN = new RegExp(SIMPLE_CHARACTERS.source.replace('^[', '^[\\x07\\x1b'));

/**
 * A text that is already a line that fits: one line, no markers, single spaces between words and
 * none at its ends. The breaker would give it back as it is, with the styles it leaves open closed
 * (a test holds them equal); most table cells and list items are such texts.
 */
function fitsAsItIs(text: string, width: number): boolean {
  return text.length <= width && AT_MOST_ONE_COLUMN.test(text) && !text.includes('  ') && !SPACE_AT_AN_END.test(text);
}

/** The codes that close the styles and link a text leaves open, as the breaker ends each line. */
function closeOpenStyles(text: string): string {
  if (!text.includes(ESC)) return '';
  const state = new StyleState();
  state.applyAll(text);
  return state.close();
}

/** Width 0: each paragraph on one line; runs of spaces collapse but in code spans; no markers. */
function unwrapped(text: string): string {
  if (!hasMarkers(text) && !text.includes('  ') && !/^ | $|\n | \n/.test(text)) return text;
  // Runs of kept characters are copied as slices, and the last one kept is remembered: asking
  // `out` for its last character flattened it, once a character (tables' cells come here, ~100 ms
  // of a 10 MB document).
  let out = '';
  let last = '';
  let keep = false;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === KEEP_START || c === KEEP_END || (c === ' ' && !keep && (last === '' || last === ' ' || last === '\n'))) {
      out += text.slice(run, i);
      run = i + 1;
      if (c !== ' ') keep = c === KEEP_START;
    } else last = c;
  }
  out += text.slice(run);
  return stripMarkers(out)
    .split('\n')
    .map((line) => line.replace(/ +$/, ''))
    .join('\n');
}

/** `text`, known to be `textWidth` columns wide, padded to `width` columns. */
export function padToWidth(text: string, textWidth: number, width: number, align: Align): string {
  const gap = Math.max(0, width - textWidth);
  if (align === 'right') return ' '.repeat(gap) + text;
  if (align === 'center') return ' '.repeat(Math.floor(gap / 2)) + text + ' '.repeat(gap - Math.floor(gap / 2));
  return text + ' '.repeat(gap);
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
  // A few native substring scans find out whether any line needs it; almost none does. (A
  // regular expression starting at every space took ~0.1 s on 10 MB of text.)
  const maybe =
    text.includes(' \n') || text.includes('\t\n') || text.endsWith(' ') || text.endsWith('\t') || (text.includes('\u001B') && MAYBE_TRAILING_SPACE.test(text));
  if (!maybe) return text;
  // In colour, a space before a code is everywhere (highlighted code, styled words): each line's
  // end is read back to its last visible character, and only a line with a space there is
  // changed (replacing at every line's tail took ~1.5 ms of a README with much code).
  let from = 0;
  for (;;) {
    const newline = text.indexOf('\n', from);
    const to = newline < 0 ? text.length : newline;
    if (endsInSpace(text, from, to)) break;
    if (newline < 0) return text;
    from = newline + 1;
  }
  return text
    .split('\n')
    .map((line) => line.replace(SPACE_AND_ESCAPE_TAIL, (tail) => tail.replace(CODE_OR_SPACES, keepCodes)))
    .join('\n');
}

/** In a line's tail, its codes (kept whole: a space in one is not a line's) and its spaces. */
const CODE_OR_SPACES = new RegExp(`(${OWN_ESCAPES.source})|[ \\t]+`, 'g');
const keepCodes = (_match: string, code: string | undefined) => code ?? '';

/**
 * Whether text[from, to) ends in a space or tab, with only our codes (SPACE_AND_ESCAPE_TAIL's)
 * after it. Read from the end: an SGR code back from its `m`, an OSC 8 back from its BEL or ST
 * to the ESC that opens it (its body has neither), so each code is found whole or not at all.
 */
export function endsInSpace(text: string, from: number, to: number): boolean {
  let end = to;
  while (end > from) {
    const c = text.charCodeAt(end - 1);
    if (c === 32 || c === 9) return true;
    let start: number;
    if (c === 109) {
      // ESC [ digits-and-semicolons m
      start = end - 2;
      while (start >= from && isSgrParameter(text.charCodeAt(start))) start--;
      if (start - 1 < from || text.charCodeAt(start) !== 91 || text.charCodeAt(start - 1) !== 27) return false;
      start--;
    } else if (c === 7 || (c === 92 && end - 2 >= from && text.charCodeAt(end - 2) === 27)) {
      // ESC ] 8 ; body (BEL | ESC \)
      const body = c === 7 ? end - 1 : end - 2;
      start = body - 1;
      while (start >= from && text.charCodeAt(start) !== 27 && text.charCodeAt(start) !== 7) start--;
      if (start < from || !text.startsWith('\u001B]8;', start) || start + 4 > body) return false;
    } else return false;
    end = start;
  }
  return false;
}

const isSgrParameter = (c: number) => (c >= 48 && c <= 57) || c === 59;

/** The largest of `values`, at least `floor` (no spread: lists can be long). */
export function maxOf(values: Iterable<number>, floor = 0): number {
  let max = floor;
  for (const value of values) if (value > max) max = value;
  return max;
}
