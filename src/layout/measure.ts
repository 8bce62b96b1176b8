/**
 * Display columns, fast. Most text (Latin, Greek, Cyrillic, general punctuation such as curly
 * quotes and dashes, box drawing) is one column per character; for that text we count characters
 * ourselves. string-width's first call on any other character costs ~25 ms (it builds an Intl
 * segmenter and a Unicode emoji property set), more than all the rest of a start-up, so it is
 * loaded only for documents that need it (see kit.ts) and answers for CJK, emoji and combining
 * marks. Text of wide characters (CJK, most emoji) that do not cluster is measured here too,
 * by East Asian Width (see CLUSTERING).
 */
import { eastAsianWidth } from 'get-east-asian-width';
import { once } from '../once.js';

/** Characters that are one column wide each, alone or in any sequence (checked against string-width by a test). */
export const SIMPLE_CHARACTERS = /^[\x20-\x7E\u00A0-\u00AC\u00AE-\u02FF\u0370-\u0377\u037A-\u037F\u0384-\u038A\u038C\u038E-\u03A1\u03A3-\u03FF\u0400-\u0482\u048A-\u052F\u2010-\u2027\u2030-\u205E\u2070-\u209F\u20A0-\u20C0\u2100-\u214F\u2190-\u21FF\u2500-\u257F\u25A0-\u25FC\u2600-\u2613\uFFFD]*$/;

/** ASCII alone: text that Unicode-aware steps (normalization, Unicode classes) leave as it is. */
// eslint-disable-next-line no-control-regex
export const isAscii = (text: string): boolean => /^[\x00-\x7F]*$/.test(text);

export function isSimple(text: string): boolean {
  return SIMPLE_CHARACTERS.test(text);
}

/** The same characters, and line breaks: a whole source checked without making a copy of it without its newlines. */
const SIMPLE_LINES = new RegExp(SIMPLE_CHARACTERS.source.replace('^[', '^[\\n'));

export function isSimpleLines(text: string): boolean {
  return SIMPLE_LINES.test(text);
}

/**
 * Characters that can join a neighbour into one grapheme cluster, or print nothing: marks,
 * controls and formats (ZWJ, variation selectors), unassigned and private code points, regional
 * indicators and emoji modifiers, Hangul jamo, the spacing vowels of Thai and Lao, halfwidth
 * sound marks, the conjoining vowels of Kirat Rai and the Prepend characters of the grapheme
 * rules (UAX #29). Text without any is one cluster per code point, and each is as wide as its
 * East Asian Width says: string-width's own answer (its Intl.Segmenter and emoji tables cost
 * ~80 ms to load), checked for every code point, beside every kind of neighbour, by a test.
 * Made on first use (once.ts), as EMOJI_WITH_SELECTOR: Latin text never asks.
 */
export const CLUSTERING = once(() => /[\p{M}\p{C}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\p{Regional_Indicator}\p{Emoji_Modifier}\u0E33\u0EB3\uFF9E\uFF9F\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\u0D4E\u{110BD}\u{110CD}\u{111C2}\u{111C3}\u{1193F}\u{11941}\u{11A3A}\u{11A84}-\u{11A89}\u{11D46}\u{11F02}\u{113D1}\u{16D63}\u{16D67}-\u{16D6A}]/u);

/**
 * Characters that never cluster, beyond SIMPLE_CHARACTERS: the rest of General Punctuation
 * (en and em spaces), arrows, symbols and dingbats (✨ ✓ →), CJK, kana, Hangul syllables and
 * full-width forms. Text of these alone is answered without CLUSTERING, whose Unicode classes
 * take ~2 ms to build and compile on first use: most READMEs have one such character (a link to
 * a translation, a ✨), few have a mark. A test checks every character here against CLUSTERING.
 */
const NEVER_CLUSTERING = new RegExp(
  SIMPLE_CHARACTERS.source.replace(
    '^[',
    '^[\u2000-\u200A\u2010-\u2027\u202F-\u205F\u2070-\u2071\u2074-\u208E\u2090-\u209C\u20A0-\u20C0\u2100-\u218B\u2190-\u2426\u2440-\u244A\u2460-\u2B73\u2B76-\u2BFF\u2E80-\u2E99\u2E9B-\u2EF3\u2F00-\u2FD5\u3000-\u3029\u3030-\u303F\u3041-\u3096\u309B-\u30FF\u3105-\u312F\u3131-\u3163\u3165-\u318E\u3190-\u31E3\u31F0-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA48C\uA490-\uA4C6\uAC00-\uD7A3\uF900-\uFA6D\uFA70-\uFAD9\uFE30-\uFE4F\uFF01-\uFF9D\uFFA1-\uFFBE\uFFC2-\uFFC7\uFFCA-\uFFCF\uFFD2-\uFFD7\uFFDA-\uFFDC\uFFE0-\uFFE6\uFFE8-\uFFEE',
  ),
);

/** Text of one code point per cluster (see CLUSTERING): measured here, without string-width. */
export function isSingleCodePoints(text: string): boolean {
  return NEVER_CLUSTERING.test(text) || !CLUSTERING().test(text);
}

/**
 * An emoji with the emoji variation selector (⚠️, ❤️, ✔️: common in READMEs) is one cluster
 * two columns wide; keycap bases, regional indicators and skin tones take part in longer
 * sequences and are left to the rules below. Any other variation selector is part of the
 * character before it and adds nothing (a stray one after a letter is common too). Checked for
 * every character followed by each selector by a test.
 */
const EMOJI_WITH_SELECTOR = once(() => /(?![#*0-9\p{Regional_Indicator}\p{Emoji_Modifier}\p{Emoji_Component}])\p{Emoji}\uFE0F(?![\uFE00-\uFE0F])/gu);
/** Variation selectors and tabs: no columns of their own (string-width ignores tabs by design). */
const ZERO_WIDTH = /\t|[\uFE00-\uFE0F]/g;
const HAS_ZERO_WIDTH = /\t|[\uFE00-\uFE0F]/;

/** Whether fastWidth measures text, without measuring it (the whole of a long source is asked). */
export function isMeasurable(text: string): boolean {
  return isSimple(text) || !hasClustering(text, HAS_ZERO_WIDTH.test(text));
}

/** Whether text has a character of CLUSTERING, tabs and selectors (`zeroWidth`: it has some) aside. */
function hasClustering(text: string, zeroWidth: boolean): boolean {
  // Selectors and tabs stand apart as spaces here, so they never join lone surrogates into a pair.
  const tested = zeroWidth ? text.replace(ZERO_WIDTH, ' ') : text;
  return !NEVER_CLUSTERING.test(tested) && CLUSTERING().test(tested);
}

/** Columns of text that is simple or single code points (and emoji with the selector); undefined for text that needs string-width. */
export function fastWidth(text: string): number | undefined {
  if (isSimple(text)) return text.length;
  const zeroWidth = HAS_ZERO_WIDTH.test(text);
  if (hasClustering(text, zeroWidth)) return undefined;
  if (!zeroWidth) return widthOf(text);
  let width = 0;
  let last = 0;
  for (const match of text.matchAll(EMOJI_WITH_SELECTOR())) {
    width += widthOf(text.slice(last, match.index)) + 2;
    last = match.index + match[0].length;
  }
  return width + widthOf(text.slice(last));
}

/** The East Asian Widths of text's code points; variation selectors and tabs add nothing. */
function widthOf(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if ((code < 0xfe00 || code > 0xfe0f) && code !== 9) width += eastAsianWidth(code);
  }
  return width;
}

/** The full Unicode measure, loaded for documents whose text needs it. */
export interface UnicodeLayout {
  stringWidth: (text: string) => number;
}
