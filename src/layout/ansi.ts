/**
 * broadsheet's own escape sequences, in one place: SGR styles (written by chalk) and OSC 8
 * hyperlinks. Nothing else that starts with ESC is ever printed: the sanitiser turns every ESC
 * from a document into U+FFFD before styling, so these patterns only ever meet our own codes.
 */
export const ESC = '\u001B';

const SGR = '\\u001B\\[[0-9;]*m';
const OSC8 = '\\u001B\\]8;[^\\u0007\\u001B]*(?:\\u0007|\\u001B\\\\)';

/** Any of our codes. */
export const OWN_ESCAPES = new RegExp(`${SGR}|${OSC8}`, 'g');

/** The spaces, tabs and codes at the end of a line. */
export const SPACE_AND_ESCAPE_TAIL = new RegExp(`(?:[ \\t]|${SGR}|${OSC8})+$`);

/** A space at either end of a text, codes aside. */
export const SPACE_AT_AN_END = new RegExp(`^(?:${SGR}|${OSC8})* | (?:${SGR}|${OSC8})*$`);

/** A space or tab right before a newline, an escape code or the end: a line may end in spaces. */
export const MAYBE_TRAILING_SPACE = new RegExp(`[ \\t](?:\\n|${ESC}|$)`);

export function stripEscapes(text: string): string {
  return text.includes(ESC) ? text.replace(OWN_ESCAPES, '') : text;
}

const OSC = `${ESC}]`;
const ST = `${ESC}\\`;

/** Make `text` a clickable link to `target` on terminals that support OSC 8. */
export function osc8(text: string, target: string): string {
  return `${OSC}8;;${target}${ST}${text}${OSC}8;;${ST}`;
}
