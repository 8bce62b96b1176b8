/**
 * GitHub's heading anchors, as github-slugger makes them. A heading of ASCII alone (most) does
 * not go through github-slugger's pattern: a class of every Unicode punctuation and symbol, which
 * V8 compiles on its first use (~0.5 ms of every start-up). In ASCII that class is everything
 * but letters, digits, spaces, hyphens and underscores, after lowercasing (a test compares the
 * two on every ASCII character and on random headings).
 */
import { slug as unicodeSlug } from 'github-slugger';

// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7F]*$/;
const NOT_KEPT_IN_ASCII = /[^ \-0-9a-z_]/g;

/** A heading's anchor, before a repeat is numbered. */
export function anchorSlug(text: string): string {
  return ASCII.test(text) ? text.toLowerCase().replace(NOT_KEPT_IN_ASCII, '').replace(/ /g, '-') : unicodeSlug(text);
}

/** A document's anchors: a repeat gets -1, -2, ..., as github-slugger's Slugger numbers them. */
export class Slugs {
  private readonly occurrences = new Map<string, number>();

  slug(text: string): string {
    const original = anchorSlug(text);
    let result = original;
    while (this.occurrences.has(result)) {
      const n = this.occurrences.get(original)! + 1;
      this.occurrences.set(original, n);
      result = `${original}-${n}`;
    }
    this.occurrences.set(result, 0);
    return result;
  }
}
