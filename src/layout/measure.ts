/**
 * Display columns, fast. Most text (Latin, Greek, Cyrillic, general punctuation such as curly
 * quotes and dashes, box drawing) is one column per character; for that text we count characters
 * ourselves. string-width's first call on any other character costs ~25 ms (it builds an Intl
 * segmenter and a Unicode emoji property set), more than all the rest of a start-up, so it is
 * loaded only for documents that need it (see kit.ts) and answers for CJK, emoji and combining
 * marks.
 */

/** Characters that are one column wide each, alone or in any sequence (checked against string-width by a test). */
const SIMPLE = /^[\x20-\x7E\u00A0-\u00AC\u00AE-\u02FF\u0370-\u0377\u037A-\u037F\u0384-\u038A\u038C\u038E-\u03A1\u03A3-\u03FF\u0400-\u0482\u048A-\u052F\u2010-\u2027\u2030-\u205E\u20A0-\u20C0\u2500-\u257F\u25AA\u25E6\uFFFD]*$/;

/** Spaces other than U+0020: wrap-ansi trims them at row starts, so such text takes its path. */
const OTHER_SPACES = /[\u00A0\u2000-\u200A\u202F\u205F]/;

export function isSimple(text: string): boolean {
  return SIMPLE.test(text);
}

/** Text the fast wrapper handles: one-column characters, and U+0020 as the only space. */
export function isSimpleToWrap(text: string): boolean {
  return SIMPLE.test(text) && !OTHER_SPACES.test(text);
}

/** The full Unicode measure and wrapper, loaded for documents whose text needs them. */
export interface UnicodeLayout {
  stringWidth: (text: string) => number;
  wrapAnsi: (text: string, columns: number, options: { hard?: boolean; trim?: boolean; wordWrap?: boolean }) => string;
}
