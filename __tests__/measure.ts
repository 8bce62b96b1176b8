import stringWidth from 'string-width';

/** The widest line, in display columns, ignoring escape sequences. */
export function widestLine(text: string): number {
  return Math.max(0, ...text.split('\n').map((line) => stringWidth(line)));
}
