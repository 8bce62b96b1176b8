/** Word count and reading time, as a newspaper site shows them. */
import type { Document } from '../document/tree.js';
import { sectionWords } from '../document/tree.js';

/** Average silent reading speed of adults for non-fiction (Brysbaert, 2019). */
export const WORDS_PER_MINUTE = 238;

export interface Stats {
  words: number;
  minutes: number;
}

export function articleStats(doc: Document): Stats {
  let words = sectionWords(doc.lead);
  for (const section of doc.sections) words += sectionWords(section);
  return { words, minutes: Math.max(1, Math.round(words / WORDS_PER_MINUTE)) };
}

export function formatStats({ words, minutes }: Stats): string {
  return `${wordsLabel(words)} · ${minutes} min read`;
}

/** 1,010 (toLocaleString would load ICU's locale data: ~5 ms of start-up). */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

export function wordsLabel(words: number): string {
  return `${thousands(words)} ${words === 1 ? 'word' : 'words'}`;
}
