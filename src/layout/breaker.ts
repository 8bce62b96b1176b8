/**
 * Paragraph line breaking, as a newspaper sets a column: for the whole paragraph at once, not
 * line by line. The words are boxes and the spaces glue; among all the ways to break the
 * paragraph into lines no wider than the measure, it takes the one with the least raggedness
 * (the sum of the squares of each line's slack, the last line free), and it does not leave a
 * single word alone on the last line of a paragraph of two or more lines (a widow) when it can
 * avoid it. Dynamic programming over the break points, linear in the words times the words a
 * line can hold.
 *
 * Breaks fall at spaces; between CJK characters (never before closing punctuation or after
 * opening punctuation: kinsoku); after a hyphen or dash between letters; and inside a word only
 * when the word is wider than the whole line. A span marked as an atom (a URL) is never broken
 * where it fits. Runs of spaces collapse to one, except inside spans marked to keep them (code).
 * Styles and OSC 8 links open across a break are closed at the end of the line and opened again
 * at the start of the next.
 */
import { ESC, stripEscapes } from './ansi.js';
import type { Hyphenator } from './hyphenate.js';
import { once } from '../once.js';
import { ATOM_END, ATOM_START, KEEP_END, KEEP_START, StyleState, clusters, escapeLength, hasMarkers, splitEscapes } from './styled.js';

export interface Measurer {
  /** Display width of visible text (no escapes). */
  width(text: string): number;
  /** Whether every character of `text` is one column wide (the fast path). */
  simple(text: string): boolean;
  /** Where words may be hyphenated at a line end (narrow measures only). */
  hyphenate?: Hyphenator;
}

/** A paragraph of several lines ending in one short word (a widow) costs this much... */
const WIDOW = 1e9;
/** ...where short is under this many columns (and under half the measure): a long URL alone on the last line is no widow. */
const WIDOW_WIDTH = 15;
/** A break after a hyphen or dash inside a word, rather than at a space, costs nothing more... */
const HYPHEN_BREAK = 0;
/** ...while hyphenating a word costs about as much as seven columns of slack on a line. */
const HYPHENATION = 50;

interface Box {
  /** The box's text, escapes included. */
  text: string;
  width: number;
  /** Columns of space before the box when it is not the first on its line (0: no space, a break without glue). */
  glue: number;
  /** Whether a line may end before this box. */
  breakable: boolean;
  /** A penalty for breaking before this box. */
  penalty: number;
  /** Holds an atom (a URL): broken only where it is wider than the line. */
  atom?: boolean;
  /** Set in a code span: never hyphenated. */
  code?: boolean;
  /** A syllable after a hyphenation point: a line ending before it ends with `-`. */
  hyphen?: boolean;
  /** The box's text without escapes, where known. */
  visible?: string;
}

/** Break `text` (one paragraph; `\n` forces a break) into lines of at most `width` columns. */
export function breakParagraph(text: string, width: number, measurer: Measurer): string {
  const out: string[] = [];
  const state = new StyleState();
  for (const segment of text.split('\n')) {
    if (!measurer.hyphenate && plainBreaks(segment, width, out, measurer, state)) continue;
    const boxes = boxesOf(segment, width, measurer);
    if (boxes.length === 0) {
      // An empty line carries no codes: the styles open across it are opened on the next.
      out.push('');
      continue;
    }
    for (const [from, to] of bestBreaks(boxes, width)) out.push(emitLine(boxes, from, to, state));
  }
  return out.join('\n');
}

/** The hyphen and the dashes a word may break after (HYPHENS). */
const isHyphen = (code: number) => code === 0x2d || code === 0x2013 || code === 0x2014;
const [ATOM_START_CODE, ATOM_END_CODE, KEEP_START_CODE, KEEP_END_CODE] = [ATOM_START, ATOM_END, KEEP_START, KEEP_END].map((marker) => marker.charCodeAt(0));
const MARKERS = new RegExp(`[${ATOM_START}${ATOM_END}${KEEP_START}${KEEP_END}]`, 'g');

/**
 * Text of one-column characters (measurer.simple: no tabs; atoms such as URLs, code spans' kept
 * spaces and our own style and link codes are allowed) is most prose in most documents. It needs
 * no clusters and no boxes: its words are found where they are in the text without its markers
 * (split at spaces, not inside atoms, and after a hyphen between letters), measured by their
 * characters less their codes, each with the spaces before it (one, or as many as a code span
 * keeps, none after a hyphen), and the same optimal fit runs over their widths. A line is then a
 * slice of that text, with the styles open at its ends closed and opened again as emitLine does.
 */
interface PlainWords {
  /** The segment without its markers (codes kept): each word is a slice of it. */
  text: string;
  /** How many words (the arrays are longer). */
  count: number;
  /** Whether the text has codes in it. */
  styled: boolean;
}

/**
 * The words of a plain segment, or undefined when it is not one (see above), in the scratch
 * arrays (starts, ends, widths, glue), valid until the next call: a long document has hundreds
 * of thousands of paragraphs, and arrays or words of their own for each would cost more in
 * collecting garbage than in use.
 */
function plainWords(segment: string, measurer: Measurer): PlainWords | undefined {
  const marked = segment.includes(ATOM_START) || segment.includes(KEEP_START);
  const text = marked ? segment.replace(MARKERS, '') : segment;
  const styled = text.includes(ESC);
  if (!measurer.simple(styled ? stripEscapes(text) : text)) return undefined;
  if (!marked && !styled) return bareWords(text);
  // A word per run of characters between spaces outside atoms, as scanBoxes reads them. Other
  // characters below a space never get here (measurer.simple refused them). No closures: the
  // variables of this loop, which reads every character of a document's prose, would live in a
  // context the closures share (with them, wrapping the 10 MB bench document's paragraphs took
  // ~5% longer).
  wordCount = 0;
  let start = -1;
  let spaces = 0;
  let atomDepth = 0;
  let keep = false;
  let hasAtom = false;
  let at = 0;
  let dashed = false;
  /** The current word's columns (its characters less its codes). */
  let columns = 0;
  for (let i = 0; i < segment.length; i++) {
    const c = segment.charCodeAt(i);
    if (c < 32) {
      if (c === 27) {
        // Offsets are in the text without markers: a code with a marker in it would skew them.
        const length = escapeLength(segment, i);
        if (length === 0 || (marked && hasMarkers(segment.slice(i, i + length)))) return undefined;
        if (start < 0) start = at;
        at += length;
        i += length - 1;
      } else if (c === ATOM_START_CODE) {
        atomDepth++;
        hasAtom = true;
      } else if (c === ATOM_END_CODE) atomDepth = Math.max(0, atomDepth - 1);
      else if (c === KEEP_START_CODE) keep = true;
      else if (c === KEEP_END_CODE) keep = false;
      continue;
    }
    if (c === 32 && atomDepth === 0) {
      if (start >= 0) {
        endWord(text, start, at, spaces, columns, dashed && !hasAtom);
        start = -1;
        spaces = 0;
        hasAtom = false;
        dashed = false;
        columns = 0;
      }
      spaces = keep ? spaces + 1 : 1;
    } else {
      if (start < 0) start = at;
      columns++;
      if (isHyphen(c)) dashed = true;
    }
    at++;
  }
  if (start >= 0) endWord(text, start, at, spaces, columns, dashed && !hasAtom);
  return { text, count: wordCount, styled };
}

/**
 * plainWords for text with neither markers nor codes (most paragraphs, in plain text): each word
 * and each dash found by a native search for the next one, not a character at a time (eslint's
 * README as text ~5 ms faster, the 10 MB bench document ~30 ms). Text with markers or codes
 * stays with the loop above: searched the same way, commander's README took ~2 ms longer, as
 * cold code pays more for a native call than for a few turns of a loop.
 */
function bareWords(text: string): PlainWords {
  wordCount = 0;
  const length = text.length;
  // The next of each dash at or after the current word, or the text's length: none.
  let hyphen = -1;
  let enDash = -1;
  let emDash = -1;
  let spaces = 0;
  for (let i = 0; i < length; ) {
    if (text.charCodeAt(i) === 32) {
      spaces = 1;
      i++;
      continue;
    }
    let end = text.indexOf(' ', i);
    if (end < 0) end = length;
    if (hyphen < i) hyphen = indexOrLength(text, '-', i);
    if (enDash < i) enDash = indexOrLength(text, '\u2013', i);
    if (emDash < i) emDash = indexOrLength(text, '\u2014', i);
    // Every character is one column (measurer.simple), and none is below a space but the spaces.
    endWord(text, i, end, spaces, end - i, hyphen < end || enDash < end || emDash < end);
    spaces = 0;
    i = end;
  }
  return { text, count: wordCount, styled: false };
}

function indexOrLength(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at < 0 ? text.length : at;
}

/** Words found so far by plainWords, in the scratch arrays. */
let wordCount = 0;

function pushWord(from: number, to: number, gap: number, columns: number): void {
  const { starts, ends, widths, glue } = scratch(wordCount);
  starts[wordCount] = from;
  ends[wordCount] = to;
  widths[wordCount] = columns;
  glue[wordCount] = wordCount === 0 ? 0 : gap;
  wordCount++;
}

/**
 * The word text[start, at) of `columns` columns: one word, or, when `split` (a hyphen or dash in
 * it, outside an atom), its pieces after each hyphen or dash between letters (well-known), as
 * splitBox breaks a word: words with no space between them, each measured here, a piece's codes
 * after its last character kept with it.
 */
function endWord(text: string, start: number, at: number, spaces: number, columns: number, split: boolean): void {
  if (!split) {
    pushWord(start, at, spaces, columns);
    return;
  }
  let from = start;
  let pieceColumns = 0;
  let before = -1;
  let last = -1;
  for (let p = start; p < at; p++) {
    if (text.charCodeAt(p) === 27) {
      // plainWords checked every code; at least one step, whatever it finds.
      p += Math.max(1, escapeLength(text, p)) - 1;
      continue;
    }
    if (before >= 0 && isHyphen(text.charCodeAt(last)) && LETTER().test(text[before]!) && LETTER().test(text[p]!) && visibleAfter(text, p + 1, at)) {
      pushWord(from, p, from === start ? spaces : 0, pieceColumns);
      from = p;
      pieceColumns = 0;
    }
    pieceColumns++;
    before = last;
    last = p;
  }
  pushWord(from, at, from === start ? spaces : 0, pieceColumns);
}

/** Whether text[from, to) has a character that is not part of a code. */
function visibleAfter(text: string, from: number, to: number): boolean {
  let p = from;
  while (p < to && text.charCodeAt(p) === 27) p += Math.max(1, escapeLength(text, p));
  return p < to;
}

interface Scratch {
  starts: Int32Array;
  ends: Int32Array;
  widths: Int32Array;
  glue: Int32Array;
  cost: Float64Array;
  /** cost, for a paragraph whose costs cannot pass 2^31 - 1 (fitWords). */
  smallCost: Int32Array;
  from: Int32Array;
  offsets: Int32Array;
}
let scratchArrays: Scratch | undefined;

/** The scratch arrays, with room for `n` words and n + 1 break points; what they held is kept when they grow. */
function scratch(n: number): Scratch {
  if (scratchArrays === undefined || scratchArrays.cost.length < n + 1) {
    const size = Math.max(256, 2 ** Math.ceil(Math.log2(n + 1)));
    const grown = (old: Int32Array | undefined) => {
      const array = new Int32Array(size);
      if (old) array.set(old);
      return array;
    };
    const old = scratchArrays;
    scratchArrays = { starts: grown(old?.starts), ends: grown(old?.ends), widths: grown(old?.widths), glue: grown(old?.glue), cost: new Float64Array(size), smallCost: new Int32Array(size), from: grown(old?.from), offsets: new Int32Array(size) };
  }
  return scratchArrays;
}

/**
 * The plain segment broken into `out`; false (nothing added, `state` untouched) when it is not
 * plain or a word is wider than the line, for the general path to set.
 */
function plainBreaks(segment: string, width: number, out: string[], measurer: Measurer, state: StyleState): boolean {
  const plain = plainWords(segment, measurer);
  if (plain === undefined) return false;
  const { text, count: n } = plain;
  const { starts, ends, widths, glue } = scratch(n);
  if (n === 0) {
    out.push('');
    return true;
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (widths[i]! > width) return false;
    total += widths[i]! + glue[i]!;
  }
  // Words one space apart: a line is the slice from its first word to its last.
  const sliced = !text.includes('  ');
  // Styles open at a line's ends are closed there and opened again on the next, as emitLine does.
  const styled = plain.styled || !state.isEmpty();
  const line = (from: number, to: number) => {
    let line: string;
    if (sliced) line = text.slice(starts[from], ends[to - 1]);
    else {
      line = text.slice(starts[from], ends[from]);
      for (let k = from + 1; k < to; k++) line += ' '.repeat(glue[k]!) + text.slice(starts[k], ends[k]);
    }
    if (!styled) return line;
    const open = state.reopen();
    state.applyAll(line);
    return open + line + state.close();
  };
  if (total <= width) {
    out.push(line(0, n));
    return true;
  }
  let start = 0;
  for (const end of fitWords(widths, glue, n, width)) {
    out.push(line(start, end));
    start = end;
  }
  return true;
}

/**
 * The optimal fit over words that may break at every space (and after a hyphen): where each line
 * ends, in order. cost[j] is the least raggedness of setting the words before j; every word fits
 * a line (plainBreaks checked), so every j has one. Of equal costs the longest last line wins.
 * The last line is free, but a widow there (one word, however many pieces) costs WIDOW.
 */
function fitWords(widths: Int32Array, glue: Int32Array, n: number, width: number): number[] {
  const arrays = scratch(n);
  const { from, offsets } = arrays;
  // A cost is a sum of squared slacks, one a line: under n * width^2. Where that fits 32 bits
  // (a paragraph of up to 335,000 words at 80 columns) the costs are kept as integers: a
  // double read from a Float64Array is a new heap number in V8's interpreter and baseline code,
  // where a cold run reads them (~40 bytes a word of a README's prose, ~9% of what rendering
  // commander's README allocated).
  const cost = n * width * width < 2 ** 31 ? arrays.smallCost : arrays.cost;
  // offsets[i]: the column word i starts at, were all the words on one line. A line of words
  // [i, j) is then offsets[j - 1] + widths[j - 1] - offsets[i] wide: one subtraction in the
  // inner loop below, which runs for every word times the words a line holds.
  offsets[0] = 0;
  for (let k = 1; k < n; k++) offsets[k] = offsets[k - 1]! + widths[k - 1]! + glue[k]!;
  cost[0] = 0;
  for (let j = 1; j < n; j++) {
    // The slack of a line of words [i, j) is room + offsets[i].
    const room = width - offsets[j - 1]! - widths[j - 1]!;
    let slack = width - widths[j - 1]!;
    let best = cost[j - 1]! + slack * slack;
    let bestFrom = j - 1;
    for (let i = j - 2; i >= 0; i--) {
      slack = room + offsets[i]!;
      if (slack < 0) break;
      const c = cost[i]! + slack * slack;
      if (c < best) {
        best = c;
        bestFrom = i;
      }
    }
    cost[j] = best;
    from[j] = bestFrom;
  }
  // The last line.
  let lineWidth = widths[n - 1]!;
  let spaced = false;
  let best = Infinity;
  for (let i = n - 1; i >= 0; i--) {
    if (i < n - 1) {
      lineWidth += widths[i]! + glue[i + 1]!;
      if (glue[i + 1]! > 0) spaced = true;
    }
    if (lineWidth > width) break;
    const c = cost[i]! + (!spaced && i > 0 && isWidow(lineWidth, width) ? WIDOW : 0);
    if (c < best) {
      best = c;
      from[n] = i;
    }
  }
  const ends: number[] = [];
  for (let j = n; j > 0; j = from[j]!) ends.push(j);
  return ends.reverse();
}

/** Lines from boxes [from, to), styles carried across. */
function emitLine(boxes: Box[], from: number, to: number, state: StyleState): string {
  let line = state.reopen();
  for (let i = from; i < to; i++) {
    const box = boxes[i]!;
    if (i > from && box.glue > 0) line += ' '.repeat(box.glue);
    line += box.text;
    state.applyAll(box.text);
  }
  // A word hyphenated here: its hyphen, in the word's own style.
  if (boxes[to]?.hyphen) line += '-';
  return line + state.close();
}

/**
 * The paragraph's boxes. `keep` regions keep their runs of spaces as glue of that width; atoms
 * are one box each; boxes wider than the line are cut into pieces that fit.
 */
function boxesOf(segment: string, width: number, measurer: Measurer): Box[] {
  // Trailing spaces of a segment never reach a line: the last box's glue is before it, not after.
  const boxes: Box[] = [];
  for (const box of scanBoxes(segment, measurer)) {
    if (boxes.length === 0) box.glue = 0;
    for (const piece of splitBox(box, width, measurer)) boxes.push(piece);
  }
  return boxes;
}

/** The segment's words and atoms as boxes, each with the glue before it (the first's is 0), none split yet. */
function scanBoxes(segment: string, measurer: Measurer): Box[] {
  const raw: Box[] = [];
  let glue = 0;
  let keep = false;
  let current = '';
  let visible = '';
  let atomDepth = 0;
  let hasAtom = false;
  /** Whether the box has characters set in a code span (the span may close before the box ends). */
  let code = false;
  const flush = () => {
    if (current === '' && visible === '') return;
    const width = visible === '' ? 0 : measurer.simple(visible) ? visible.length : measurer.width(visible);
    raw.push({ text: current, width, glue: raw.length === 0 ? 0 : glue, breakable: raw.length > 0 && glue > 0, penalty: 0, atom: hasAtom, code, visible });
    current = '';
    visible = '';
    glue = 0;
    hasAtom = false;
    code = false;
  };
  for (let i = 0; i < segment.length; ) {
    const c = segment[i]!;
    const escape = escapeLength(segment, i);
    if (escape > 0) {
      current += segment.slice(i, i + escape);
      i += escape;
      continue;
    }
    if (c === ATOM_START) {
      atomDepth++;
      hasAtom = true;
    }
    else if (c === ATOM_END) atomDepth = Math.max(0, atomDepth - 1);
    else if (c === KEEP_START) keep = true;
    else if (c === KEEP_END) keep = false;
    else if ((c === ' ' || c === '\t') && atomDepth === 0) {
      if (current !== '' || visible !== '') flush();
      glue = keep ? glue + 1 : 1;
    } else {
      // A run of ordinary characters at once, up to the next character at or below a space
      // (an escape, a marker, a space or a tab: each handled above, one at a time).
      let end = i + 1;
      while (end < segment.length && segment.charCodeAt(end) > 32) end++;
      const run = segment.slice(i, end);
      current += run;
      visible += run;
      if (keep) code = true;
      i = end;
      continue;
    }
    i++;
  }
  flush();
  return raw;
}

/** CJK break opportunities, breaks after hyphens, hyphenation points, and pieces of boxes wider than the line. */
function splitBox(box: Box, width: number, measurer: Measurer): Box[] {
  const visible = box.visible ?? stripEscapes(box.text);
  // A word wider than the line is cut where it must be, not hyphenated too.
  const hyphenation = measurer.hyphenate && !box.atom && !box.code && box.width <= width ? hyphenationPoints(visible, measurer.hyphenate) : undefined;
  const inner = box.width > width || hyphenation !== undefined || (!box.atom && (/[-\u2013\u2014]/.test(visible) || (!measurer.simple(visible) && CJK.test(visible))));
  if (!inner) return [box];
  // User-perceived characters with the escapes before them.
  const units: { text: string; visible: string; width: number }[] = [];
  let pending = '';
  for (const piece of splitEscapes(box.text)) {
    if (piece.escape) {
      if (units.length > 0) units[units.length - 1]!.text += piece.text;
      else pending += piece.text;
      continue;
    }
    for (const ch of clusters(piece.text, measurer.simple(piece.text))) {
      units.push({ text: pending + ch, visible: ch, width: ch.length === 1 && measurer.simple(ch) ? 1 : measurer.width(ch) });
      pending = '';
    }
  }
  if (pending !== '') units.push({ text: pending, visible: '', width: 0 });
  const pieces: Box[] = [];
  let piece: Box = { text: '', width: 0, glue: box.glue, breakable: box.breakable, penalty: box.penalty };
  let offset = 0;
  units.forEach((unit, k) => {
    const before = units[k - 1];
    const opportunity = before !== undefined && !box.atom && breakBetween(before.visible, unit.visible, units[k - 2]?.visible, units[k + 1]?.visible);
    const syllable = before !== undefined && hyphenation !== undefined && hyphenation.has(offset);
    const overflow = piece.width + unit.width > width && piece.width > 0;
    if (before !== undefined && (opportunity || overflow || syllable)) {
      pieces.push(piece);
      const hyphen = syllable && !opportunity && !overflow;
      piece = { text: '', width: 0, glue: 0, breakable: true, penalty: hyphen ? HYPHENATION : opportunity && HYPHENS.includes(before.visible) ? HYPHEN_BREAK : 0, hyphen };
    }
    offset += unit.visible.length;
    piece.text += unit.text;
    piece.width += unit.width;
  });
  pieces.push(piece);
  return pieces;
}

const HYPHENS = ['-', '\u2013', '\u2014'];
const LEFT_MIN = 2;
const RIGHT_MIN = 3;

/**
 * Offsets (in the box's visible text) where its word may be hyphenated: the letters of a word
 * with any punctuation around it (`“representation,`), split by the patterns.
 */
function hyphenationPoints(visible: string, hyphenate: Hyphenator): Set<number> | undefined {
  const word = /^([^\p{L}]*)(\p{L}{6,})([^\p{L}]*)$/u.exec(visible);
  if (!word) return undefined;
  const parts = hyphenate(word[2]!);
  if (parts.length < 2) return undefined;
  const points = new Set<number>();
  const letters = word[2]!.length;
  let at = 0;
  for (const part of parts.slice(0, -1)) {
    at += part.length;
    // TeX's English minimums: two letters before a hyphen, three after (never `ital-ic`).
    if (at >= LEFT_MIN && letters - at >= RIGHT_MIN) points.add(word[1]!.length + at);
  }
  return points.size > 0 ? points : undefined;
}

/** Whether a line may break between `a` and `b` (graphemes) inside a run without spaces. */
function breakBetween(a: string, b: string, beforeA: string | undefined, afterB: string | undefined): boolean {
  if (NO_BREAK_AFTER.has(a) || NO_BREAK_BEFORE.has(b)) return false;
  if (CJK.test(a) || CJK.test(b)) return true;
  // After a hyphen or dash between letters: well-known, never inside numbers or at a word's edge.
  return HYPHENS.includes(a) && beforeA !== undefined && LETTER().test(beforeA) && LETTER().test(b) && afterB !== undefined;
}

/** Made on first use (once.ts). */
const LETTER = once(() => /^\p{L}/u);
/** Han, kana, CJK punctuation and full-width forms: text that breaks between characters. */
const CJK = /[\u2E80-\u303F\u3040-\u30FF\u3100-\u312F\u3190-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]|[\u{20000}-\u{3FFFF}]/u;
/** Kinsoku: characters that never start a line... */
const NO_BREAK_BEFORE = new Set([...'、。，．・：；？！゛゜ヽヾゝゞ々ー）］｝〕〉》」』】〙〗〟’”｠»ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ‐゠–〜…‥,.:;!?)]}%％']);
/** ...and characters that never end one. */
const NO_BREAK_AFTER = new Set([...'（［｛〔〈《「『【〘〖〝‘“｟«([{']);

export function isWidow(boxWidth: number, width: number): boolean {
  return boxWidth > 0 && boxWidth < WIDOW_WIDTH && boxWidth < width / 2;
}

/**
 * The line ranges [from, to) of least raggedness. cost[j] is the best cost of setting boxes
 * before j; a line [i, j) may end at j when box j may start a line (or j is the end).
 */
function bestBreaks(boxes: Box[], width: number): [number, number][] {
  const n = boxes.length;
  // One line, when it fits: nothing to choose.
  let total = 0;
  for (let i = 0; i < n; i++) total += boxes[i]!.width + (i > 0 ? boxes[i]!.glue : 0);
  if (total <= width) return [[0, n]];
  const cost = new Float64Array(n + 1).fill(Infinity);
  const from = new Int32Array(n + 1);
  cost[0] = 0;
  for (let j = 1; j <= n; j++) {
    if (j < n && !boxes[j]!.breakable) continue;
    // A line that ends where a word is hyphenated ends with its hyphen.
    let lineWidth = j < n && boxes[j]!.hyphen ? 1 : 0;
    /** Whether the line [i, j) has a space in it: without one it is a single word, however many boxes (syllables) it took. */
    let spaced = false;
    for (let i = j - 1; i >= 0; i--) {
      const glue = i < j - 1 ? boxes[i + 1]!.glue : 0;
      lineWidth += boxes[i]!.width + glue;
      if (glue > 0) spaced = true;
      if (lineWidth > width && i < j - 1) break;
      if (i > 0 && !boxes[i]!.breakable) continue;
      if (cost[i] === Infinity) continue;
      const slack = width - lineWidth;
      let lineCost: number;
      if (j === n) lineCost = !spaced && i > 0 && isWidow(lineWidth, width) ? WIDOW : 0;
      else lineCost = slack >= 0 ? slack * slack : 0;
      lineCost += j < n ? boxes[j]!.penalty : 0;
      if (cost[i]! + lineCost < cost[j]!) {
        cost[j] = cost[i]! + lineCost;
        from[j] = i;
      }
    }
  }
  const lines: [number, number][] = [];
  for (let j = n; j > 0; j = from[j]!) lines.push([from[j]!, j]);
  return lines.reverse();
}
