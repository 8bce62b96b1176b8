/**
 * Display columns, fast. Most text (Latin, Greek, Cyrillic, general punctuation such as curly
 * quotes and dashes, box drawing) is one column per character; for that text we count characters
 * ourselves. string-width's first call on any other character costs ~25 ms (it builds an Intl
 * segmenter and a Unicode emoji property set), more than all the rest of a start-up, so it is
 * loaded only for documents that need it (see kit.ts) and answers for CJK, emoji and combining
 * marks.
 */

/** Characters that are one column wide each, alone or in any sequence (checked against string-width by a test). */
const SIMPLE = /^[\x20-\x7E\u00A0-\u00AC\u00AE-\u02FF\u0370-\u0377\u037A-\u037F\u0384-\u038A\u038C\u038E-\u03A1\u03A3-\u03FF\u0400-\u0482\u048A-\u052F\u2010-\u2027\u2030-\u205E\u2070-\u209F\u20A0-\u20C0\u2100-\u214F\u2190-\u21FF\u2500-\u257F\u25A0-\u25FC\u2600-\u2613\uFFFD]*$/;

export function isSimple(text: string): boolean {
  return SIMPLE.test(text);
}

/** The full Unicode measure, loaded for documents whose text needs it. */
export interface UnicodeLayout {
  stringWidth: (text: string) => number;
}
