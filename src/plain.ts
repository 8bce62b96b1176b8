/** Plain text of tokens, as a reader sees it: link text rather than link syntax. */
import type { Token } from 'marked';

export function plainInline(tokens: readonly Token[] | undefined): string {
  if (!tokens) return '';
  let out = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
        out += 'tokens' in token && token.tokens ? plainInline(token.tokens) : token.text;
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
        out += 'tokens' in token && token.tokens ? plainInline(token.tokens) : textOf(token);
    }
  }
  return out.replace(/\s+/g, ' ').trim();
}

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

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
  return text.match(WORD)?.length ?? 0;
}

/** The `text` field of tokens that have one (extension and generic tokens included). */
export function textOf(token: Token): string {
  const text = (token as { text?: unknown }).text;
  return typeof text === 'string' ? text : '';
}
