/**
 * Markdown -> marked's tokens, through marked's public API only: a fresh `Marked` instance per
 * document (never the global one), configured with `use()`.
 */
import { Lexer, Marked, type MarkedExtension, type Token, type TokensList } from 'marked';

export interface LexOptions {
  /**
   * Lex inline markup everywhere (rendering, word counts). False leaves each paragraph's inline
   * source as one text token and lexes headings only: extracting sections as Markdown needs no
   * more, and skipping inline lexing halves the time on a large file.
   */
  inline: boolean;
}

/** An inline tokenizer that takes the whole inline source as one text token. */
const inlineAsText: MarkedExtension = {
  extensions: [
    {
      name: 'inlineAsText',
      level: 'inline',
      tokenizer: (src: string) => ({ type: 'text', raw: src, text: src }),
    },
  ],
};

export function lex(body: string, options: LexOptions): TokensList {
  const marked = new Marked({ gfm: true });
  if (options.inline) return marked.lexer(body);
  const tokens = marked.use(inlineAsText).lexer(body);
  // Headings still need their inline tokens: titles and slugs are what a reader sees.
  const headings = new Lexer({ gfm: true });
  headings.tokens.links = tokens.links;
  for (const token of tokens) if (token.type === 'heading') token.tokens = headings.inlineTokens(token.text);
  return tokens;
}

/** Every token in the tree, depth first, containers before their children. */
export function* allTokens(tokens: readonly Token[]): Generator<Token> {
  for (const token of tokens) {
    yield token;
    switch (token.type) {
      case 'list':
        for (const item of token.items) yield* allTokens(item.tokens);
        break;
      case 'table':
        for (const cell of token.header) yield* allTokens(cell.tokens);
        for (const row of token.rows) for (const cell of row) yield* allTokens(cell.tokens);
        break;
      default:
        if ('tokens' in token && Array.isArray(token.tokens)) yield* allTokens(token.tokens as Token[]);
    }
  }
}
