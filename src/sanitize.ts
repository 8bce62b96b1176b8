/**
 * Terminal safety. A terminal obeys escape sequences, so no character from a document may reach
 * it as a control. Each dangerous character becomes U+FFFD (visible, like bat --sanitize)
 * rather than vanishing, so a reader can tell something was there.
 *
 * Replaced: C0 controls except tab and newline; DEL; C1 controls (U+0080-U+009F, which include the
 * 8-bit CSI and OSC); bidi controls (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069);
 * invisible characters that hide text (U+200B zero-width space, U+2060 word joiner, U+FEFF,
 * U+180E, U+2028/U+2029 which some terminals treat as line breaks). ESC is a C0 control, so every
 * sequence it starts (CSI, OSC, DCS, APC, PM, SOS) is broken at its first byte.
 * Kept: U+200C and U+200D (joiners that Persian, Indic scripts and emoji sequences need).
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u180E\u200B\u200E\u200F\u2028-\u202E\u2060\u2066-\u2069\uFEFF]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_TEST = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u180E\u200B\u200E\u200F\u2028-\u202E\u2060\u2066-\u2069\uFEFF]/;

export const REPLACEMENT = '\uFFFD';

/** Make one piece of document text safe to print. Tabs and newlines are kept. */
export function sanitize(text: string): string {
  return UNSAFE_TEST.test(text) ? text.replace(UNSAFE, REPLACEMENT) : text;
}

/** Same, for text that must stay on one line (headings, table cells, error messages). */
export function sanitizeLine(text: string): string {
  return sanitize(text).replace(/[\t\n]/g, ' ');
}

export function hasUnsafe(text: string): boolean {
  return UNSAFE_TEST.test(text);
}

/**
 * JSON that is safe to print: JSON.stringify escapes C0 controls but leaves DEL, C1, bidi and
 * zero-width characters raw; escape them as \\uXXXX too. The parsed value is unchanged.
 */
export function safeJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
