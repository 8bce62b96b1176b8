/**
 * Text that comes from a web page is stored only after this: it never carries a control
 * character into an article (the reader sanitises again when it prints; this keeps the stored
 * file itself clean, front matter included).
 *
 * - C0 controls except tab and newline, DEL and C1 controls (ESC and the 8-bit CSI among them)
 *   become U+FFFD, so a reader can see that something was there. CR and CRLF become newlines.
 * - Bidi controls (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) are removed: they are
 *   invisible formatting that can reorder what a reader sees, and right-to-left pages use them
 *   legitimately, so a replacement character in their place would litter those articles.
 * - Invisible characters that hide text or break lines (U+200B, U+2060, U+FEFF, U+180E) are
 *   removed; U+2028 and U+2029 become a space.
 * Kept: U+200C and U+200D (joiners that Persian, Indic scripts and emoji sequences need).
 */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const INVISIBLE = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u200B\u2060\uFEFF\u180E]/g;
const LINE_SEPARATORS = /[\u2028\u2029]/g;

export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(CONTROLS, '\uFFFD')
    .replace(INVISIBLE, '')
    .replace(LINE_SEPARATORS, ' ');
}

/**
 * Cleaned, on one line: every run of ASCII white space (newlines and tabs included) becomes one
 * space. No-break and ideographic spaces are the page's typography and stay.
 */
export function cleanLine(text: string): string {
  return cleanText(text).replace(/[ \t\n\f\v]+/g, ' ').trim();
}
