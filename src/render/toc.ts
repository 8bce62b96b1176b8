/** `--toc`: number, title, slug and words for each section, indented by depth. */
import { flatten, sectionWords, type Document, type Section } from '../document.js';
import { sanitizeLine } from '../sanitize.js';
import { columns, indent, trimLines, wrap } from './layout.js';
import { wordsLabel } from './stats.js';
import type { Theme } from './theme.js';

export interface TocEntry {
  number: string;
  level: number;
  title: string;
  slug: string;
  words: number;
}

/** Lead (when it has content) and every section in document order. */
export function tocEntries(doc: Document): TocEntry[] {
  const sections = flatten(doc.sections);
  const entries = sections.map(entry);
  const leadWords = sectionWords(doc.lead);
  return leadWords > 0 || doc.lead.tokens.some((t) => t.type !== 'space') ? [entry(doc.lead), ...entries] : entries;
}

function entry(section: Section): TocEntry {
  return { number: section.number, level: section.level, title: section.title, slug: section.slug, words: sectionWords(section) };
}

export function renderToc(doc: Document, theme: Theme, width: number): string {
  const lines = tocEntries(doc).map((e) => {
    const depth = e.number === '0' ? 0 : e.number.split('.').length - 1;
    const pad = '  '.repeat(depth);
    const title = e.number === '0' ? '(lead)' : sanitizeLine(e.title);
    const head = `${pad}${e.number}  `;
    const details = theme.meta(`${e.slug ? `#${sanitizeLine(e.slug)} · ` : ''}${wordsLabel(e.words)}`);
    const text = `${theme.heading(title, e.level || 2)}  ${details}`;
    const hang = columns(head);
    const body = width > 0 && width - hang >= 10 ? wrap(text, width - hang) : text;
    return indent(body, head, ' '.repeat(hang));
  });
  return lines.length ? `${trimLines(lines.join('\n'))}\n` : '';
}
