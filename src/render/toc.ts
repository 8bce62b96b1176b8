/**
 * `--toc`: number, title, slug and words of each section, in aligned columns. Titles are indented
 * by depth; at a given width, long titles and slugs are cut with `…` rather than wrapped into the
 * next column, and the slug column gives way first when the width is too narrow for it.
 */
import { flatten, hasContent, sectionWords, type Document, type Section } from '../document/tree.js';
import type { Kit } from '../kit.js';
import { trimLines } from '../layout/layout.js';
import { sanitizeLine } from '../sanitize.js';
import { thousands } from './stats.js';

export interface TocEntry {
  number: string;
  level: number;
  title: string;
  /** GitHub's anchor for the heading; null for the lead, which has no heading. */
  slug: string | null;
  words: number;
}

/** Lead (when it has content) and every section in document order; or the selected subtrees. */
export function tocEntries(doc: Document, selection?: readonly Section[]): TocEntry[] {
  return listed(doc, selection).map(({ section }) => entry(section));
}

function entry(section: Section): TocEntry {
  return { number: section.number, level: section.level, title: section.title, slug: section.slug || null, words: sectionWords(section) };
}

/** Sections in the table, each with its depth below the top of the table. */
function listed(doc: Document, selection?: readonly Section[]): { section: Section; depth: number }[] {
  const depthOf = (s: Section) => (s.number === '0' ? 0 : s.number.split('.').length - 1);
  if (!selection) {
    const all = flatten(doc.sections).map((section) => ({ section, depth: depthOf(section) }));
    return hasContent(doc.lead) ? [{ section: doc.lead, depth: 0 }, ...all] : all;
  }
  return selection.flatMap((root) => [root, ...flatten(root.children)].map((section) => ({ section, depth: depthOf(section) - depthOf(root) })));
}

/** `--toc -f markdown`: a nested list of links to the headings, as doctoc writes one. */
export function renderTocMarkdown(doc: Document, selection?: readonly Section[]): string {
  const lines = listed(doc, selection)
    .filter(({ section }) => section.slug !== '')
    .map(({ section, depth }) => `${'  '.repeat(depth)}- [${section.title.replace(/[\\[\]]/g, '\\$&')}](#${section.slug})`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

const GAP = '  ';
/** Below this many columns for titles, the slug column is left out. */
const MIN_TITLE_AND_SLUG = 24;
/** Indentation never takes more than this share of the title column. */
const MAX_INDENT_SHARE = 0.5;

interface Row {
  number: string;
  depth: number;
  level: number;
  title: string;
  slug: string;
  words: string;
}

export function renderToc(doc: Document, selection: readonly Section[] | undefined, width: number, kit: Kit): string {
  const { layout, theme } = kit;
  const rows: Row[] = listed(doc, selection).map(({ section, depth }) => {
    const words = sectionWords(section);
    return {
      number: section.number,
      depth,
      level: section.level,
      title: section.number === '0' ? '(lead)' : sanitizeLine(section.title),
      slug: section.slug ? `#${sanitizeLine(section.slug)}` : '',
      words: `${thousands(words)} ${words === 1 ? 'word' : 'words'}`,
    };
  });
  if (rows.length === 0) return '';
  const widest = (values: string[]) => values.reduce((max, v) => Math.max(max, layout.columns(v)), 0);
  const numberWidth = widest(rows.map((r) => r.number));
  const wordsWidth = widest(rows.map((r) => r.words));
  const naturalTitle = rows.reduce((max, r) => Math.max(max, 2 * r.depth + layout.columns(r.title)), 0);
  let slugWidth = widest(rows.map((r) => r.slug));
  let titleWidth = naturalTitle;
  if (width > 0) {
    const room = width - numberWidth - wordsWidth - 2 * GAP.length;
    if (room - GAP.length - slugWidth < titleWidth) {
      if (room - GAP.length >= MIN_TITLE_AND_SLUG) {
        // Titles first: they keep at least 60 % of the room, slugs get what is left.
        titleWidth = Math.min(naturalTitle, Math.max(room - GAP.length - slugWidth, Math.ceil((room - GAP.length) * 0.6)));
        slugWidth = room - GAP.length - titleWidth;
      } else {
        slugWidth = 0;
        titleWidth = Math.max(1, Math.min(naturalTitle, room));
      }
    }
  }
  const lines = rows.map((row) => {
    const indent = Math.min(2 * row.depth, Math.floor(titleWidth * MAX_INDENT_SHARE));
    const title = layout.truncate(row.title, titleWidth - indent);
    const cells = [
      layout.pad(row.number, numberWidth, 'left'),
      ' '.repeat(indent) + theme.heading(title, row.level || 2) + ' '.repeat(Math.max(0, titleWidth - indent - layout.columns(title))),
      ...(slugWidth > 0 ? [theme.meta(layout.pad(layout.truncate(row.slug, slugWidth), slugWidth, 'left'))] : []),
      theme.meta(layout.pad(row.words, wordsWidth, 'right')),
    ];
    const line = cells.join(GAP);
    // Narrower than even the number and word columns: number and title, cut to the width.
    return width > 0 && layout.columns(line) > width ? layout.truncate(`${row.number}${GAP}${row.title}`, width) : line;
  });
  return `${trimLines(lines.join('\n'))}\n`;
}
