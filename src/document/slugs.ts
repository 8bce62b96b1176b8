/**
 * GitHub's heading anchors, as github-slugger makes them. A heading of Latin letters and General
 * Punctuation alone (most: curly quotes and dashes included) does not go through github-slugger's
 * pattern, a class of every Unicode punctuation and symbol that V8 compiles on its first use
 * (~0.5 ms of every start-up). Within those blocks the class removes all but letters, digits,
 * space, hyphen, underscore and three connectors (a test compares the two on every character of
 * the blocks and on random headings).
 */
import { slug as unicodeSlug } from 'github-slugger';
import { isLatinBlocks } from './words.js';

const NOT_KEPT_IN_LATIN = /[^ \-0-9A-Z_a-z\u00AA\u00B5\u00BA\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u203F\u2040\u2054]/g;

/** A heading's anchor, before a repeat is numbered. */
export function anchorSlug(text: string): string {
  // Lowercased first, as github-slugger does: İ becomes i and a combining dot, outside the blocks.
  const lower = text.toLowerCase();
  return isLatinBlocks(lower) ? lower.replace(NOT_KEPT_IN_LATIN, '').replace(/ /g, '-') : unicodeSlug(text);
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
