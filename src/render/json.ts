/**
 * `--format json`: a stable shape for scripts (documented in the README), as a value; the CLI
 * stringifies it (sanitize.ts safeJson), so any control character in the document is escaped.
 */
import { articleMeta } from '../document/meta.js';
import type { Meta } from '../load/frontmatter.js';
import { hasContent, sectionWords, type Document, type Section } from '../document/tree.js';
import type { Kit } from '../kit.js';
import { sourceOf } from './markdown.js';
import { articleStats } from './stats.js';
import { renderSectionBody } from './terminal/index.js';
import type { TocEntry } from './toc.js';

export interface JsonSection extends TocEntry {
  /** Plain text, unwrapped, without the section's own heading; subsections included. */
  text: string;
  /** The source, heading included. */
  markdown: string;
}

export interface JsonArticle {
  title: string | null;
  standfirst: string | null;
  caption: string | null;
  credit: string | null;
  /** Each author's name (front matter `author`, `authors` or `byline`). */
  authors: string[];
  /** As written: front matter `date`, `published` or `created`. */
  date: string | null;
  /** Where it was published: front matter `source`, `url` or `link`. */
  source: string | null;
  /** Every front matter value; lists stay lists. */
  meta: Meta;
  words: number;
  readingMinutes: number;
  sections: JsonSection[];
}

/** The selected sections, or else the lead (when it has content) and the top-level sections. */
export function jsonArticle(doc: Document, selection: readonly Section[] | undefined, kit: Kit, options: { heading: boolean } = { heading: true }): JsonArticle {
  const stats = articleStats(doc);
  const meta = articleMeta(doc.meta);
  const chosen = selection ?? [...(hasContent(doc.lead) ? [doc.lead] : []), ...doc.sections];
  return {
    title: doc.title ?? null,
    standfirst: meta.standfirst ?? null,
    caption: meta.caption ?? null,
    credit: meta.credit ?? null,
    authors: meta.authors,
    date: meta.date ?? null,
    source: meta.source ?? null,
    meta: doc.meta,
    words: stats.words,
    readingMinutes: stats.minutes,
    sections: chosen.map((section) => ({
      number: section.number,
      level: section.level,
      title: section.title,
      slug: section.slug || null,
      words: sectionWords(section),
      text: renderSectionBody(doc, section, { width: 0, hyperlinks: false, links: 'inline' }, kit).replace(/\n$/, ''),
      markdown: sourceOf(doc, section, options.heading),
    })),
  };
}
