/**
 * GitHub's emoji shortcodes (`:bug:`, `:sparkles:`), from gemoji, GitHub's own list. Its own
 * bundle: loaded only for documents with a shortcode-shaped word.
 */
import { shortcodeLines } from './shortcode-lines.js';

/** Shortcode name -> emoji. */
export interface EmojiTable {
  get(name: string): string | undefined;
}

/** What a name can be: a space or a line break would let a search match across lines. */
const NAME = /^[\w+-]+$/;

/**
 * The emoji of each shortcode, searched for in one text of `\n<name> <emoji>` lines. Not a Map:
 * building one of gemoji's 1,913 names took ~14 ms of a fresh process (V8's interpreter runs it
 * once), for the one or two shortcodes a README has; a search of the text takes microseconds.
 */
export function emojiTable(): EmojiTable {
  const lines = shortcodeLines();
  return {
    get(name) {
      if (!NAME.test(name)) return undefined;
      const at = lines.indexOf(`\n${name} `);
      if (at < 0) return undefined;
      const start = at + name.length + 2;
      return lines.slice(start, lines.indexOf('\n', start));
    },
  };
}
