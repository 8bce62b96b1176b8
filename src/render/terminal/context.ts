/** What every terminal renderer receives: the loaded kit, the document's anchors and footnotes, the request's link rules, and the notes collected so far. */
import type { FootnoteDefinition } from '../../document/footnotes.js';
import { flatten, type Document } from '../../document/tree.js';
import type { Kit } from '../../kit.js';
import type { LinkStyle } from '../../request.js';
import { isAscii } from '../../layout/measure.js';

/** How in-page links and headings are matched: letters and digits only (GitHub drops emoji and punctuation from anchors). */
export function anchorKey(slug: string): string {
  const lower = slug.toLowerCase();
  // ASCII (most anchors) without the Unicode classes, which V8 builds on their first use (~1 ms).
  return isAscii(lower) ? lower.replace(/[^a-z0-9]/g, '') : lower.replace(/[^\p{L}\p{N}]/gu, '');
}

/** Below this many columns a container stops indenting its content, so lines still fit. */
export const MIN_INNER = 10;

export interface TerminalOptions {
  /** Columns; 0 = no wrapping. */
  width: number;
  hyperlinks: boolean;
  links: LinkStyle;
  /** Print the selected sections' own headings (the whole document always has its headings). */
  heading?: boolean;
  /** Length and reading time in the header; undefined: when the document has front matter. */
  stats?: boolean;
  /** Typographic punctuation (curly quotes, dashes, ellipses); default true. */
  smart?: boolean;
  /** Columns side by side (`width` is each one's measure); 1 or undefined: none. */
  columns?: number;
  /** Lines on a screen page, for columns filled a page at a time. */
  pageHeight?: number;
}

/** What is listed after the text it belongs to (the document, or each selected section). */
export interface Notes {
  /** Link targets (`--links footnotes`), numbered from 1 in order of first use. */
  links: string[];
  linkNumbers: Map<string, number>;
  /** GFM footnotes referenced, by label, numbered from 1 in order of first reference. */
  footnotes: string[];
  footnoteNumbers: Map<string, number>;
}

export interface TerminalContext extends Kit {
  hyperlinks: boolean;
  links: LinkStyle;
  notes: Notes;
  /** The number of the section an in-page link's anchor leads to (`[Styles](#styles)` -> `Styles (§2.1)`), matched by anchorKey. */
  sectionNumber: (anchor: string) => string | undefined;
  /** The document's footnote definitions, by label. */
  footnoteDefinitions: ReadonlyMap<string, FootnoteDefinition>;
  smart: boolean;
  /** The last character of text rendered in the current block: a quote opens or closes by it. */
  lastChar: string;
}

export function emptyNotes(): Notes {
  return { links: [], linkNumbers: new Map(), footnotes: [], footnoteNumbers: new Map() };
}

export function terminalContext(doc: Document, kit: Kit, options: TerminalOptions): TerminalContext {
  // Made at the first in-page link: most documents have none, and anchorKey's Unicode classes
  // take ~0.4 ms to compile (every render pays it otherwise).
  let anchors: Map<string, string> | undefined;
  const sectionNumber = (anchor: string) => {
    if (!anchors) {
      anchors = new Map();
      for (const section of flatten(doc.sections)) {
        const key = anchorKey(section.slug);
        if (key && !anchors.has(key)) anchors.set(key, section.number);
      }
    }
    return anchors.get(anchorKey(anchor));
  };
  return {
    ...kit,
    // Highlighting is ansi's; the plain theme never colours code.
    highlight: kit.theme.ansi ? kit.highlight : undefined,
    hyperlinks: options.hyperlinks,
    links: options.links,
    notes: emptyNotes(),
    sectionNumber,
    footnoteDefinitions: doc.footnotes,
    smart: options.smart ?? true,
    lastChar: '',
  };
}
