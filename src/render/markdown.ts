/**
 * `--format markdown`: the source as it was, so an extraction is safe to commit or publish. With
 * the bytes that were read, it is byte for byte: CRLF stays CRLF, invalid UTF-8 and a BOM stay
 * as they were, a section at the end of a file without a final newline ends without one.
 */
import type { Document, Section } from '../document/tree.js';

export function renderMarkdown(doc: Document, selection?: readonly Section[]): string | Uint8Array {
  if (!selection) return doc.bytes ?? doc.source;
  if (!doc.bytes) return selection.map((section) => `${sourceOf(doc, section)}\n`).join('\n');
  const lines = new LineMap(doc.source, doc.bytes);
  const eol = lineEnding(doc.bytes);
  const parts: Uint8Array[] = [];
  selection.forEach((section, i) => {
    if (i > 0) parts.push(eol);
    parts.push(lines.slice(section.start, section.end));
  });
  return Buffer.concat(parts);
}

/** A section's lines as written, without the blank lines that separate it from the next. */
export function sourceOf(doc: Document, section: Section): string {
  return doc.source.slice(section.start, section.end).replace(/(?:\n[ \t]*)+$/, '').replace(/^\n+/, '');
}

const LF = 0x0a;
const CR = 0x0d;

/** The document's own line ending, for the blank line between extracted sections. */
function lineEnding(bytes: Uint8Array): Uint8Array {
  const lf = bytes.indexOf(LF);
  if (lf > 0 && bytes[lf - 1] === CR) return Uint8Array.of(CR, LF);
  if (lf < 0 && bytes.includes(CR)) return Uint8Array.of(CR);
  return Uint8Array.of(LF);
}

/**
 * Line N of the decoded text is line N of the bytes (decode.ts replaces line ends one for one),
 * so a range of the text maps to the bytes of the same lines.
 */
class LineMap {
  private readonly textStarts: number[] = [0];
  private readonly byteStarts: number[] = [0];
  private readonly bom: number;

  constructor(
    private readonly text: string,
    private readonly bytes: Uint8Array,
  ) {
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) this.textStarts.push(at + 1);
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (b === LF || (b === CR && bytes[i + 1] !== LF)) this.byteStarts.push(i + 1);
    }
    this.bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  }

  /** The bytes of the lines of text[start, end), without blank lines at either end. */
  slice(start: number, end: number): Uint8Array {
    let first = this.lineOf(start);
    let last = end >= this.text.length ? this.textStarts.length : this.lineOf(end);
    while (last > first && this.blank(last - 1)) last--;
    while (first < last && this.blank(first)) first++;
    if (first === last) return new Uint8Array(0);
    const from = first === 0 ? this.bom : this.byteStarts[first]!;
    const to = this.byteStarts[last] ?? this.bytes.length;
    return this.bytes.subarray(from, to);
  }

  private lineOf(offset: number): number {
    let lo = 0;
    let hi = this.textStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.textStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private blank(line: number): boolean {
    const from = this.textStarts[line]!;
    const to = (this.textStarts[line + 1] ?? this.text.length + 1) - 1;
    return /^[ \t]*$/.test(this.text.slice(from, to));
  }
}
