/**
 * Display columns, fast. Most text (Latin, Greek, Cyrillic, general punctuation such as curly
 * quotes and dashes, box drawing) is one column per character; for that text we count characters
 * ourselves. string-width's first call on any other character costs ~25 ms (it builds an Intl
 * segmenter and a Unicode emoji property set), more than all the rest of a start-up; it is loaded
 * only for documents that need it (see prepare.ts) and answers for CJK, emoji and combining marks.
 */

/** Characters that are one column wide each, alone or in any sequence (checked against string-width by a test). */
const SIMPLE = /^[\x20-\x7E\u00A0-\u00AC\u00AE-\u02FF\u0370-\u0377\u037A-\u037F\u0384-\u038A\u038C\u038E-\u03A1\u03A3-\u03FF\u0400-\u0482\u048A-\u052F\u2010-\u2027\u2030-\u205E\u20A0-\u20C0\u2500-\u257F\u25AA\u25E6\uFFFD]*$/;

// eslint-disable-next-line no-control-regex
const ESCAPES = /\u001B\[[0-9;]*m|\u001B\]8;[^\u0007\u001B]*(?:\u0007|\u001B\\)/g;

export interface ComplexLayout {
  stringWidth: (text: string) => number;
  wrapAnsi: (text: string, columns: number, options: { hard?: boolean; trim?: boolean; wordWrap?: boolean }) => string;
}

let complex: ComplexLayout | undefined;

export function useComplexLayout(layout: ComplexLayout | undefined): void {
  complex = layout;
}

export function hasComplexLayout(): boolean {
  return complex !== undefined;
}

export function complexLayout(): ComplexLayout {
  if (!complex) throw new Error('internal: complex text layout was not loaded for this document');
  return complex;
}

export function isSimple(text: string): boolean {
  return SIMPLE.test(text);
}

/** Spaces other than U+0020: wrap-ansi trims them at row starts, so such text takes its path. */
const OTHER_SPACES = /[\u00A0\u2000-\u200A\u202F\u205F]/;

/** Text the fast wrapper handles: one-column characters, and U+0020 as the only space. */
export function isSimpleToWrap(text: string): boolean {
  return SIMPLE.test(text) && !OTHER_SPACES.test(text);
}

/** Width in terminal columns of text that may carry broadsheet's own SGR and OSC 8 codes. */
export function columns(text: string): number {
  const plain = text.includes('\u001B') ? text.replace(ESCAPES, '') : text;
  return SIMPLE.test(plain) ? plain.length : complexLayout().stringWidth(plain);
}
