/**
 * Styled text as broadsheet writes it: visible characters interleaved with our own escape codes
 * (SGR styles, OSC 8 links) and two pairs of private markers that the renderers put around spans
 * the line breaker must treat specially. Control characters from a document never get here (the
 * sanitiser turns them into U+FFFD first), so the markers cannot be forged by a document.
 */

import { isSingleCodePoints } from './measure.js';

/** Around a span that must not be broken where it fits (a URL): STX ... ETX. */
export const ATOM_START = '\u0002';
export const ATOM_END = '\u0003';
/** Around a span whose spaces are kept as they are (a code span): EOT ... ENQ. */
export const KEEP_START = '\u0004';
export const KEEP_END = '\u0005';

/** A span the breaker keeps whole where it fits on a line. */
export function atom(text: string): string {
  return `${ATOM_START}${text}${ATOM_END}`;
}

/** A span whose runs of spaces are kept. */
export function keepSpaces(text: string): string {
  return `${KEEP_START}${text}${KEEP_END}`;
}

// eslint-disable-next-line no-control-regex
const MARKERS = /[\u0002-\u0005]/g;

export function stripMarkers(text: string): string {
  return hasMarkers(text) ? text.replace(MARKERS, '') : text;
}

export function hasMarkers(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0002-\u0005]/.test(text);
}

/** The length of the escape sequence at `at` (SGR or OSC 8), or 0. */
export function escapeLength(text: string, at: number): number {
  if (text.charCodeAt(at) !== 27) return 0;
  const next = text.charCodeAt(at + 1);
  if (next === 91) {
    // CSI ... m
    let i = at + 2;
    while (i < text.length && ((text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) || text.charCodeAt(i) === 59)) i++;
    return text.charCodeAt(i) === 109 ? i + 1 - at : 0;
  }
  if (next === 93) {
    // OSC ... BEL or ST
    for (let i = at + 2; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 7) return i + 1 - at;
      if (c === 27 && text.charCodeAt(i + 1) === 92) return i + 2 - at;
    }
  }
  return 0;
}

/**
 * Which styles and link are open at a point of styled text, so that a line cut there can close
 * them and the next line open them again (a terminal must not carry a style past a line end, and
 * an OSC 8 link split over lines must be one on each).
 */
export class StyleState {
  /** Open SGR codes in the order they were opened, each with the code that closes it. */
  private open: { code: string; close: string }[] = [];
  private link: string | undefined;

  /** Every code in `text`, in order (a line, a word): what is open after it. */
  applyAll(text: string): void {
    for (let at = text.indexOf('\u001B'); at >= 0; at = text.indexOf('\u001B', at + 1)) {
      const length = escapeLength(text, at);
      if (length > 0) this.apply(text.slice(at, at + length));
    }
  }

  apply(sequence: string): void {
    if (sequence.charCodeAt(1) === 93) {
      // OSC 8 ; params ; URI ST: an empty URI closes the link.
      // eslint-disable-next-line no-control-regex
      const body = sequence.slice(2).replace(/(?:\u0007|\u001B\\)$/, '');
      const uri = body.slice(body.indexOf(';', 2) + 1);
      this.link = uri === '' ? undefined : sequence;
      return;
    }
    const params = sequence.slice(2, -1);
    const list = params === '' ? ['0'] : params.split(';');
    for (let i = 0; i < list.length; i++) {
      const n = Number(list[i]);
      if (n === 0) this.open = [];
      else if (n === 38 || n === 48) {
        // An extended colour (38;5;n, 38;2;r;g;b): one code with its arguments, closed by 39 or 49.
        const length = list[i + 1] === '5' ? 3 : list[i + 1] === '2' ? 5 : 1;
        const close = `\u001B[${n + 1}m`;
        this.open = this.open.filter((o) => o.close !== close);
        this.open.push({ code: `\u001B[${list.slice(i, i + length).join(';')}m`, close });
        i += length - 1;
      } else {
        const close = CLOSES.get(n);
        if (close !== undefined) {
          // A colour replaces the colour open before it.
          if (close === 39 || close === 49) this.open = this.open.filter((o) => o.close !== `\u001B[${close}m`);
          this.open.push({ code: `\u001B[${n}m`, close: `\u001B[${close}m` });
        } else this.open = this.open.filter((o) => o.close !== `\u001B[${n}m`);
      }
    }
  }

  /** Whether nothing is open: a line needs no codes at its ends. */
  isEmpty(): boolean {
    return this.open.length === 0 && this.link === undefined;
  }

  /** Codes that reopen what is open (at the start of a line). */
  reopen(): string {
    return this.open.map((o) => o.code).join('') + (this.link ?? '');
  }

  /** Codes that close what is open (at the end of a line), innermost first. */
  close(): string {
    const closes: string[] = [];
    for (let i = this.open.length - 1; i >= 0; i--) {
      const close = this.open[i]!.close;
      if (!closes.includes(close)) closes.push(close);
    }
    return (this.link ? '\u001B]8;;\u001B\\' : '') + closes.join('');
  }

}

/** SGR codes broadsheet's themes use, each with the code that closes it. */
const CLOSES = new Map<number, number>([
  [1, 22],
  [2, 22],
  [3, 23],
  [4, 24],
  [7, 27],
  [8, 28],
  [9, 29],
  ...[30, 31, 32, 33, 34, 35, 36, 37, 90, 91, 92, 93, 94, 95, 96, 97].map((n): [number, number] => [n, 39]),
  ...[40, 41, 42, 43, 44, 45, 46, 47, 100, 101, 102, 103, 104, 105, 106, 107].map((n): [number, number] => [n, 49]),
]);

let segmenter: Intl.Segmenter | undefined;

/**
 * The user-perceived characters of plain text (a base with its combining marks, an emoji with its
 * variation selector, skin tone or ZWJ sequence), each measured as one. One-column text is split
 * by code unit, text whose characters never cluster (measure.ts) by code point, anything else by
 * Intl.Segmenter, created on first use.
 */
export function clusters(text: string, simple: boolean): string[] {
  if (simple) return text.split('');
  if (isSingleCodePoints(text)) return Array.from(text);
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Styled text as runs of visible text and single escape sequences, in order. */
export function splitEscapes(text: string): { text: string; escape: boolean }[] {
  const out: { text: string; escape: boolean }[] = [];
  let start = 0;
  for (let at = text.indexOf('\u001B'); at >= 0; at = text.indexOf('\u001B', at + 1)) {
    const length = escapeLength(text, at);
    if (length === 0) continue;
    if (at > start) out.push({ text: text.slice(start, at), escape: false });
    out.push({ text: text.slice(at, at + length), escape: true });
    start = at + length;
    at = start - 1;
  }
  if (start < text.length) out.push({ text: text.slice(start), escape: false });
  return out;
}
