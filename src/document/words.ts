/**
 * What a reader reads in a token tree: its plain text (link text rather than link syntax) and its
 * word count.
 */
import type { Token } from 'marked';

/**
 * The text a reader sees in inline tokens, on one line. `shortcodes`: emoji as the shortcodes
 * they were written as (GitHub makes heading anchors from those).
 */
export function plainInline(tokens: readonly Token[] | undefined, shortcodes = false): string {
  if (!tokens) return '';
  let out = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
        out += 'tokens' in token && token.tokens ? plainInline(token.tokens, shortcodes) : token.text;
        break;
      case 'emoji':
        out += shortcodes ? token.raw : textOf(token);
        break;
      case 'footnoteReference':
        break;
      case 'escape':
      case 'codespan':
        out += token.text;
        break;
      case 'image':
        out += token.text;
        break;
      case 'br':
        out += ' ';
        break;
      case 'html':
      case 'checkbox':
        break;
      default:
        out += 'tokens' in token && token.tokens ? plainInline(token.tokens as Token[], shortcodes) : textOf(token);
    }
  }
  return out.replace(/\s+/g, ' ').trim();
}

/**
 * A word: letters or digits, joined by apostrophes, dots or hyphens; in Chinese and Japanese,
 * which do not put spaces between words, each Han or kana character (as word processors count
 * them).
 */
const WORD = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[\p{L}\p{N}])+(?:['’.-](?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[\p{L}\p{N}])+)*/gu;

/** Words in block tokens: letters or digits, joined by apostrophes, dots or hyphens. */
export function countWords(tokens: readonly Token[] | undefined): number {
  if (!tokens) return 0;
  let words = 0;
  for (const token of tokens) {
    switch (token.type) {
      case 'space':
      case 'hr':
      case 'def':
      case 'html':
      case 'checkbox':
      case 'emoji':
      case 'footnoteReference':
        break;
      case 'htmlDetails':
        words += countWords((token as unknown as { summary: Token[] }).summary) + countWords(token.tokens as Token[]);
        break;
      case 'code':
      case 'codespan':
      case 'escape':
        words += countText(token.text);
        break;
      case 'table':
        for (const cell of token.header) words += countWords(cell.tokens);
        for (const row of token.rows) for (const cell of row) words += countWords(cell.tokens);
        break;
      case 'list':
        for (const item of token.items) words += countWords(item.tokens);
        break;
      case 'image':
        words += countText(token.text);
        break;
      default:
        if ('tokens' in token && token.tokens && token.tokens.length > 0) words += countWords(token.tokens);
        else words += countText(textOf(token));
    }
  }
  return words;
}

export function countText(text: string): number {
  return countLatinWords(text) ?? text.match(WORD)?.length ?? 0;
}

/**
 * WORD's count for Latin text (ASCII, Latin-1, Latin Extended-A and B, General Punctuation such
 * as curly quotes and dashes), without building an array of matches: word counts run over every
 * text token, and WORD's Unicode classes cost ~0.5 ms to compile on first use. A letter or digit
 * starts a word unless it follows another, or a joiner that follows one. Undefined at the first
 * character outside those blocks: WORD decides then (a test checks every character inside them).
 */
function countLatinWords(text: string): number | undefined {
  let words = 0;
  let previous = false; // the previous character is a letter or digit
  let joined = false; // ... or a joiner right after one
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let word: boolean;
    if (c < 128) word = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
    else if (c <= 0x24f) word = isLatinLetterOrDigit(c);
    else if (c >= 0x2000 && c <= 0x206f) word = false;
    else return undefined;
    if (word) {
      if (!previous && !joined) words++;
      previous = true;
      joined = false;
    } else {
      joined = previous && (c === 39 || c === 46 || c === 45 || c === 0x2019);
      previous = false;
    }
  }
  return words;
}

/** \p{L} or \p{N} in U+0080-U+024F: ª ² ³ µ ¹ º ¼-¾, À-ÿ but × and ÷, and all of Latin Extended. */
function isLatinLetterOrDigit(c: number): boolean {
  if (c >= 0xc0) return c !== 0xd7 && c !== 0xf7;
  return c === 0xaa || c === 0xb2 || c === 0xb3 || c === 0xb5 || c === 0xb9 || c === 0xba || (c >= 0xbc && c <= 0xbe);
}

/** The `text` field of tokens that have one (extension and generic tokens included). */
export function textOf(token: Token): string {
  const text = (token as { text?: unknown }).text;
  return typeof text === 'string' ? text : '';
}
