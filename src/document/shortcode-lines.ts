/**
 * gemoji's shortcode names with their emoji, as one text: a `<name> <emoji>` line per name, in
 * the order of the names (as `<` orders strings; for a name gemoji gives twice, the emoji a Map
 * would keep: the last). emoji.ts searches it. The library makes it from gemoji on first use; the
 * emoji bundle has it made at build time (scripts/build.mjs runs this module and writes the text
 * in its place): ~40 KB of text where gemoji's module is 197 KB of objects with tags and
 * descriptions.
 */
import { gemoji } from 'gemoji';
import { once } from '../once.js';

export const shortcodeLines = once((): string => {
  const table = new Map<string, string>();
  for (const { emoji, names } of gemoji) for (const name of names) table.set(name, emoji);
  // The default order is the order of UTF-16 code units, which `<` compares by.
  const names = [...table.keys()].sort();
  return names.map((name) => `${name} ${table.get(name)}`).join('\n');
});
