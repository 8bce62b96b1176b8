/**
 * GitHub's emoji shortcodes (`:bug:`, `:sparkles:`), from gemoji, GitHub's own list. Its own
 * bundle: loaded only for documents with a shortcode-shaped word.
 */
import { shortcodeLines } from './shortcode-lines.js';

/** Shortcode name -> emoji. */
export interface EmojiTable {
  get(name: string): string | undefined;
}

/**
 * The emoji of each shortcode, found by a binary search of gemoji's lines, in the order of their
 * names. Not a Map: building one of gemoji's 1,913 names took ~14 ms of a fresh process (V8's
 * interpreter runs that code once), for the one or two shortcodes a README has; splitting the
 * text into lines is one native call, and a search is 11 steps.
 */
export function emojiTable(): EmojiTable {
  const lines = shortcodeLines().split('\n');
  return {
    get(name) {
      let low = 0;
      let high = lines.length - 1;
      while (low <= high) {
        const middle = (low + high) >>> 1;
        const line = lines[middle]!;
        const key = line.slice(0, line.indexOf(' '));
        if (key === name) return line.slice(key.length + 1);
        if (key < name) low = middle + 1;
        else high = middle - 1;
      }
      return undefined;
    },
  };
}
