/** Word count and reading time, as a newspaper site shows them. */
import type { Document } from '../document/tree.js';
import { sectionWords } from '../document/tree.js';

/** Average silent reading speed of adults for non-fiction (Brysbaert, 2019). */
export const WORDS_PER_MINUTE = 238;

export interface Stats {
  words: number;
  minutes: number;
}

/** Words, and whole minutes to read them (at least 1 when there is anything to read). */
export function articleStats(doc: Document): Stats {
  let words = sectionWords(doc.lead);
  for (const section of doc.sections) words += sectionWords(section);
  return { words, minutes: words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE)) };
}

/** `800 words · 3 min read`; under a minute's reading, `< 1 min read`; nothing to read, nothing. */
export function formatStats({ words }: Stats): string | undefined {
  if (words === 0) return undefined;
  const minutes = words / WORDS_PER_MINUTE;
  return `${wordsLabel(words)} · ${minutes < 1 ? '< 1' : Math.round(minutes)} min read`;
}

/** 1,010 (toLocaleString would load ICU's locale data: ~5 ms of start-up). */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

export function wordsLabel(words: number): string {
  return `${thousands(words)} ${words === 1 ? 'word' : 'words'}`;
}
