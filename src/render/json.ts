/**
 * `--format json`: a stable shape for scripts (documented in the README). JSON escaping makes
 * any control character in the document inert.
 */
import { sectionWords, type Document, type Section } from '../document.js';
import { safeJson } from '../sanitize.js';
import { sourceOf } from './markdown.js';
import { articleStats } from './stats.js';
import { renderTerminalBody } from './terminal.js';
import { textTheme } from './theme.js';
import type { TocEntry } from './toc.js';

export interface JsonSection extends TocEntry {
  text: string;
  markdown: string;
}

export interface JsonArticle {
  title: string | null;
  standfirst: string | null;
  caption: string | null;
  credit: string | null;
  meta: Record<string, string>;
  words: number;
  readingMinutes: number;
  sections: JsonSection[];
}

export function renderJson(doc: Document, selection: Section[] | undefined): string {
  const stats = articleStats(doc);
  const chosen = selection ?? [...(doc.lead.tokens.some((t) => t.type !== 'space') ? [doc.lead] : []), ...doc.sections];
  const article: JsonArticle = {
    title: doc.title ?? null,
    standfirst: doc.meta.standfirst ?? null,
    caption: doc.meta.caption ?? null,
    credit: doc.meta.credit ?? null,
    meta: doc.meta,
    words: stats.words,
    readingMinutes: stats.minutes,
    sections: chosen.map((section) => ({
      number: section.number,
      level: section.level,
      title: section.title,
      slug: section.slug,
      words: sectionWords(section),
      text: renderTerminalBody(section, { theme: textTheme, width: 0, hyperlinks: false, links: 'inline' }).replace(/\n$/, ''),
      markdown: sourceOf(doc, section),
    })),
  };
  return safeJson(article);
}

export function renderTocJson(entries: TocEntry[]): string {
  return safeJson(entries);
}
