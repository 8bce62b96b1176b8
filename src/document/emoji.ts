/**
 * GitHub's emoji shortcodes (`:bug:`, `:sparkles:`), from gemoji, GitHub's own list. Its own
 * bundle: loaded only for documents with a shortcode-shaped word.
 */
import { gemoji } from 'gemoji';

export function emojiTable(): Map<string, string> {
  const table = new Map<string, string>();
  for (const { emoji, names } of gemoji) for (const name of names) table.set(name, emoji);
  return table;
}
