/** Line layout in display columns (CJK and emoji count two), via wrap-ansi and string-width. */
import wrapAnsi from 'wrap-ansi';
import stringWidth from 'string-width';

export { stringWidth };

/** Word-wrap styled text to `width` columns; 0 means no wrapping. Long words are broken. */
export function wrap(text: string, width: number): string {
  if (width <= 0) return text;
  return wrapAnsi(text, width, { hard: true, trim: true });
}

/** Break preformatted text at exactly `width` columns, keeping its spaces. */
export function chop(text: string, width: number): string {
  if (width <= 0) return text;
  return wrapAnsi(text, width, { hard: true, wordWrap: false, trim: false });
}

export function widest(text: string): number {
  let max = 0;
  for (const line of text.split('\n')) max = Math.max(max, stringWidth(line));
  return max;
}

/** Prefix each line; blank lines get the prefix without its trailing spaces. */
export function indent(text: string, first: string, rest: string = first): string {
  return text
    .split('\n')
    .map((line, i) => {
      const prefix = i === 0 ? first : rest;
      return line === '' ? prefix.trimEnd() : prefix + line;
    })
    .join('\n');
}

export function expandTabs(line: string, size = 4): string {
  if (!line.includes('\t')) return line;
  let out = '';
  let column = 0;
  for (const ch of line) {
    if (ch === '\t') {
      const pad = size - (column % size);
      out += ' '.repeat(pad);
      column += pad;
    } else {
      out += ch;
      column += stringWidth(ch);
    }
  }
  return out;
}

export function pad(text: string, width: number, align: 'left' | 'right' | 'center' | null): string {
  const gap = Math.max(0, width - stringWidth(text));
  if (align === 'right') return ' '.repeat(gap) + text;
  if (align === 'center') return ' '.repeat(Math.floor(gap / 2)) + text + ' '.repeat(gap - Math.floor(gap / 2));
  return text + ' '.repeat(gap);
}

// eslint-disable-next-line no-control-regex
const TRAILING = /[ \t]+((?:\u001B\[[0-9;]*m|\u001B\]8;[^\u001B\u0007]*(?:\u001B\\|\u0007))*)$/;

/** No line ends in spaces, even when a style reset follows them. */
export function trimLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(TRAILING, '$1'))
    .join('\n');
}

/** Text with a rule as wide as its widest line (plain text has no bold to mark a heading). */
export function underline(text: string, char: string, width: number): string {
  const length = Math.max(1, width > 0 ? Math.min(widest(text), width) : widest(text));
  return `${text}\n${char.repeat(length)}`;
}
