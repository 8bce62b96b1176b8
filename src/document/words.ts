/**
 * What a reader reads in a token tree: its plain text (link text rather than link syntax) and its
 * word count.
 */
import type { Token, Tokens } from 'marked';
import { compiledOnce, once } from '../once.js';

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
 * them). Made and compiled on first use (once.ts): Latin text is counted without it, and what
 * it reads has a character beyond Latin (a two-byte string).
 */
const WORD = compiledOnce(() => /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[\p{L}\p{N}])+(?:['’.-](?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[\p{L}\p{N}])+)*/gu, '\u4e00');

/**
 * Words in block tokens: letters or digits, joined by apostrophes, dots or hyphens. Indexed loops,
 * not `for...of`: this walks every token of a document for its word count, and an iterator per
 * token list costs (~25% of this walk at 10 MB, on its one cold run).
 */
export function countWords(tokens: readonly Token[] | undefined): number {
  if (!tokens) return 0;
  let words = 0;
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k]!;
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
      case 'image':
        words += countText(token.text);
        break;
      case 'table': {
        const { header, rows } = token as Tokens.Table;
        for (let c = 0; c < header.length; c++) words += countWords(header[c]!.tokens);
        for (let r = 0; r < rows.length; r++) {
          const row = rows[r]!;
          for (let c = 0; c < row.length; c++) words += countWords(row[c]!.tokens);
        }
        break;
      }
      case 'list': {
        const { items } = token as Tokens.List;
        for (let i = 0; i < items.length; i++) words += countWords(items[i]!.tokens);
        break;
      }
      default: {
        const children = (token as { tokens?: Token[] }).tokens;
        if (children && children.length > 0) words += countWords(children);
        else words += countText(textOf(token));
      }
    }
  }
  return words;
}

export function countText(text: string): number {
  return countLatinWords(text) ?? text.match(WORD())?.length ?? 0;
}

/** Characters of Latin text counted by LATIN_WORD so far, and how many it counts before the loop takes over. */
let countedByPattern = 0;
const PATTERN_BUDGET = 1 << 18;

/**
 * WORD's count for Latin text (see countLatinLoop), undefined for any other. The first 256 KB
 * of a run are counted by LATIN_WORD, a regular expression: a short document is counted before
 * countLatinLoop would leave V8's interpreter, which reads ~80 ns a character (2 ms of the
 * article's 100 ms start-up). After that the loop is compiled, and faster than a call per word.
 */
function countLatinWords(text: string): number | undefined {
  if (countedByPattern > PATTERN_BUDGET) return countLatinLoop(text);
  if (!isLatinBlocks(text)) return undefined;
  countedByPattern += text.length;
  return countLatinPattern(text);
}

/** Text of the blocks countLatinLoop reads (below U+0250, and General Punctuation): heading anchors read the same blocks without Unicode classes (slugs.ts). */
export const isLatinBlocks = (text: string): boolean => LATIN_BLOCKS.test(text);
// eslint-disable-next-line no-control-regex -- every character below U+0250 is read by the loop, controls too
const LATIN_BLOCKS = /^[\u0000-\u024F\u2000-\u206F]*$/;
/** A run of letters and digits below U+0250 (see isLatinLetterOrDigit) and its joined runs: a word as countLatinLoop counts one. */
const LATIN_LETTERS = '0-9A-Za-z\u00AA\u00B2\u00B3\u00B5\u00B9\u00BA\u00BC-\u00BE\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F';
const LATIN_WORD = new RegExp(`[${LATIN_LETTERS}]+(?:['.\\-\u2019][${LATIN_LETTERS}]+)*`, 'g');

/** countLatinLoop's count for text it reads (isLatinBlocks), a test() a word: no array of matches. */
export function countLatinPattern(text: string): number {
  LATIN_WORD.lastIndex = 0;
  let words = 0;
  while (LATIN_WORD.test(text)) words++;
  return words;
}

const LETTER = 1;
const JOINER = 2;
/** What each character below U+0250 is to WORD: a letter or digit, a joiner, or neither (0). Made on the loop's first use, which a short document never reaches (countLatinWords). */
const LATIN_KINDS = once(() => new Uint8Array(0x250).map((_, c) => (isLatinLetterOrDigit(c) ? LETTER : c === 39 || c === 46 || c === 45 ? JOINER : 0)));

/**
 * Where countLatinLoop is after a character: outside a word (0), after a letter or digit (1),
 * or after a joiner that follows one (2). STEPS[state << 2 | kind] is the next state, plus 4
 * when the character starts a word: a letter or digit outside a word (after a joiner that
 * follows one, it continues the word).
 */
const STEPS = new Uint8Array([0, 1 | 4, 0, 0, 0, 1, 2, 0, 0, 1, 0, 0]);

/**
 * WORD's count for Latin text (ASCII, Latin-1, Latin Extended-A and B, General Punctuation such
 * as curly quotes and dashes), a character at a time, without building an array of matches:
 * word counts run over every text token, and WORD's Unicode classes cost ~0.5 ms to compile on
 * first use. A letter or digit starts a word unless it follows another, or a joiner that follows
 * one. Undefined at the first character outside those blocks: WORD decides then (a test checks
 * every character inside them). One table step a character, no branches on the state: this
 * loop reads a long document's every word.
 */
export function countLatinLoop(text: string): number | undefined {
  const kinds = LATIN_KINDS();
  let words = 0;
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let kind: number;
    if (c < 0x250) kind = kinds[c]!;
    else if (c >= 0x2000 && c <= 0x206f) kind = c === 0x2019 ? JOINER : 0;
    else return undefined;
    const step = STEPS[(state << 2) | kind]!;
    words += step >> 2;
    state = step & 3;
  }
  return words;
}

/** \p{L} or \p{N} below U+0250: ASCII letters and digits, ª ² ³ µ ¹ º ¼-¾, À-ÿ but × and ÷, and all of Latin Extended. */
export function isLatinLetterOrDigit(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c >= 0xc0) return c !== 0xd7 && c !== 0xf7;
  return c === 0xaa || c === 0xb2 || c === 0xb3 || c === 0xb5 || c === 0xb9 || c === 0xba || (c >= 0xbc && c <= 0xbe);
}

/** The `text` field of tokens that have one (extension and generic tokens included). */
export function textOf(token: Token): string {
  const text = (token as { text?: unknown }).text;
  return typeof text === 'string' ? text : '';
}
