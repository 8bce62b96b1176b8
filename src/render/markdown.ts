/**
 * `--format markdown`: the source as it was, so an extraction is safe to commit or publish. With
 * the bytes that were read, it is byte for byte: CRLF stays CRLF, invalid UTF-8 and a BOM stay
 * as they were, a section at the end of a file without a final newline ends without one. The
 * link definitions the sections use follow them, copied from the source, so the notes render
 * the same on a release page.
 */
import { normalizeLabel, referencedLabels } from '../document/references.js';
import type { Definition, Document, Section } from '../document/tree.js';

export interface MarkdownOptions {
  /** Each section's own heading line (false: `--no-heading`). */
  heading: boolean;
  /** Append the definitions the sections use (false: `--no-link-defs`). */
  linkDefinitions: boolean;
}

/** A range of the text: [start, end). */
type Range = [number, number];

export function renderMarkdown(doc: Document, selection: readonly Section[] | undefined, options: MarkdownOptions): string | Uint8Array {
  if (!selection) return doc.bytes ?? doc.source;
  const ranges: Range[] = selection.map((section) => [bodyStart(doc, section, options.heading), section.end]);
  const definitions = options.linkDefinitions ? definitionsUsed(doc, ranges) : [];
  if (!doc.bytes) {
    const parts = ranges.map(([start, end]) => `${trimBlankLines(doc.source.slice(start, end))}\n`);
    if (definitions.length > 0) parts.push(`${definitions.map((d) => trimBlankLines(doc.source.slice(d.start, d.end))).join('\n')}\n`);
    return parts.join('\n');
  }
  const lines = new LineMap(doc.source, doc.bytes);
  const eol = lineEnding(doc.bytes);
  const parts: Uint8Array[] = [];
  ranges.forEach(([start, end], i) => {
    if (i > 0) parts.push(eol);
    parts.push(lines.slice(start, end));
  });
  if (definitions.length > 0) {
    const lastByte = parts[parts.length - 1]?.at(-1);
    if (lastByte !== undefined && lastByte !== LF && lastByte !== CR) parts.push(eol);
    parts.push(eol);
    for (const d of definitions) parts.push(withEnding(lines.slice(d.start, d.end), eol));
  }
  return Buffer.concat(parts);
}

/** A section's lines as written, without the blank lines that separate it from the next. */
export function sourceOf(doc: Document, section: Section, heading = true): string {
  return trimBlankLines(doc.source.slice(bodyStart(doc, section, heading), section.end));
}

/** Where a section starts: its heading line, or (without headings) the line after it. */
function bodyStart(doc: Document, section: Section, heading: boolean): number {
  if (heading || !section.heading) return section.start;
  const end = section.start + section.heading.raw.length;
  if (doc.source[end - 1] === '\n') return end;
  const newline = doc.source.indexOf('\n', end);
  return newline < 0 ? doc.source.length : newline + 1;
}

function trimBlankLines(text: string): string {
  return text.replace(/(?:\n[ \t]*)+$/, '').replace(/^(?:[ \t]*\n)+/, '');
}

/** The definitions used in the ranges and not already among their lines, in source order, once each. */
function definitionsUsed(doc: Document, ranges: Range[]): Definition[] {
  if (doc.definitions.length === 0) return [];
  const defined = new Set(doc.definitions.map((d) => d.label));
  const used = new Set<string>();
  for (const [start, end] of ranges) for (const label of referencedLabels(doc.source.slice(start, end), defined)) used.add(label);
  const inside = (d: Definition) => ranges.some(([start, end]) => d.start >= start && d.end <= end);
  const seen = new Set<string>();
  return doc.definitions.filter((d) => {
    // The first definition of a label is the one that counts, as in CommonMark.
    const label = normalizeLabel(d.label);
    if (seen.has(label)) return false;
    seen.add(label);
    return used.has(label) && !inside(d);
  });
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

function withEnding(line: Uint8Array, eol: Uint8Array): Uint8Array {
  const last = line[line.length - 1];
  return last === LF || last === CR ? line : Buffer.concat([line, eol]);
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
    // Lines end at LF, CRLF or a lone CR; without a CR, a native search finds them (~0.25 s
    // less at 50 MB than looking at every byte).
    if (!bytes.includes(CR)) for (let at = bytes.indexOf(LF); at >= 0; at = bytes.indexOf(LF, at + 1)) this.byteStarts.push(at + 1);
    else {
      for (let i = 0; i < bytes.length; i++) {
        const b = bytes[i];
        if (b === LF || (b === CR && bytes[i + 1] !== LF)) this.byteStarts.push(i + 1);
      }
    }
    this.bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  }

  /** The bytes of the lines that text[start, end) touches, without blank lines at either end. */
  slice(start: number, end: number): Uint8Array {
    if (end <= start) return new Uint8Array(0);
    let first = this.lineOf(start);
    let last = end >= this.text.length ? this.textStarts.length : this.lineOf(end - 1) + 1;
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
