/**
 * Typographic punctuation, as SmartyPants sets it: straight quotes become curly by context
 * (‘new era’, “x”, it’s, ’90s), `---` an em dash, `--` an en dash, `...` an ellipsis. For what
 * a reader reads (ansi, text, JSON's text), never for code or `--format markdown`.
 */
import { isLatinLetterOrDigit } from '../document/words.js';

/** `before`: the character printed just before `text` (quotes open or close by what precedes them). */
export function smarten(text: string, before = ''): string {
  if (!/['"]|--|\.\.\./.test(text)) return text;
  let out = '';
  let previous = before;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    let put = c;
    if (c === '-' && text[i + 1] === '-' && !isFlag(text, i, previous)) {
      const em = text[i + 2] === '-';
      put = em ? '—' : '–';
      i += em ? 2 : 1;
    } else if (c === '.' && text[i + 1] === '.' && text[i + 2] === '.') {
      put = '…';
      i += 2;
    } else if (c === '"') {
      put = opens(previous) ? '“' : '”';
    } else if (c === "'") {
      // An apostrophe inside a word, or before a decade ('90s); else a quote by context.
      if (isWordChar(previous)) put = '’';
      else if (/^\d\ds\b|^\d\d\b(?!')/.test(text.slice(i + 1)) && opens(previous)) put = '’';
      else put = opens(previous) ? '‘' : '’';
    }
    out += put;
    previous = put;
  }
  return out;
}

/**
 * `--toc` in prose is a command-line flag, not a dash: two hyphens at a word's start (after a
 * space, an opening bracket or a quote: `'--help'` in bat's changelog), a letter after.
 */
function isFlag(text: string, at: number, previous: string): boolean {
  return (previous === '' || /[\s([{‘“]/.test(previous)) && /^--[A-Za-z]/.test(text.slice(at, at + 3));
}

/** A quote opens at the start, after space, or after an opening bracket, dash or quote. */
function opens(previous: string): boolean {
  return previous === '' || /[\s([{\u2014\u2013\-‘“/]/.test(previous);
}

/** A letter or digit. Latin is answered without the Unicode pattern, which costs ~0.3 ms to make on its first use. */
export function isWordChar(c: string): boolean {
  const code = c.charCodeAt(0);
  if (c.length === 1 && code < 0x250) return isLatinLetterOrDigit(code);
  return /[\p{L}\p{N}]/u.test(c);
}
