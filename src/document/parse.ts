/**
 * Markdown -> marked's tokens, through marked's public API only: a fresh `Marked` instance per
 * document (never the global one), configured with `use()`.
 */
import { Lexer, Marked, Tokenizer, type MarkedExtension, type Token, type Tokens, type TokensList } from 'marked';
import { BroadsheetError } from '../errors.js';
import { footnotes } from './footnotes.js';
import { primeRules, skipping, unreachableRules } from './prime.js';

export interface LexOptions {
  /**
   * Lex inline markup everywhere (rendering, word counts). False leaves each paragraph's inline
   * source as one text token and lexes headings only: extracting sections as Markdown needs no
   * more, and skipping inline lexing halves the time on a large file.
   */
  inline: boolean;
}

/** marked pads every row of a table to its header's width: cells are what a table costs. */
export const MAX_TABLE_CELLS = 500_000;

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

/** Refuses a table whose padded cells would not fit in memory, before marked builds them. */
const boundedTables: MarkedExtension = {
  tokenizer: {
    table(src: string) {
      const firstBreak = src.indexOf('\n');
      if (firstBreak < 0 || !/^ {0,3}[|:-]/.test(src.slice(firstBreak + 1, firstBreak + 5))) return false;
      const header = src.slice(0, firstBreak).trim();
      let columns = 1 - (header.startsWith('|') ? 1 : 0) - (header.endsWith('|') && header.length > 1 ? 1 : 0);
      for (let at = header.indexOf('|'); at >= 0; at = header.indexOf('|', at + 1)) columns++;
      // Rows run to the first blank line at most (after the header and delimiter lines): an upper
      // bound is enough to refuse.
      const end = src.search(/\n[ \t]*(?:\n|$)/);
      let rows = -1;
      for (let at = src.indexOf('\n'); at >= 0 && (end < 0 || at < end); at = src.indexOf('\n', at + 1)) rows++;
      if (columns * rows > MAX_TABLE_CELLS) {
        throw new BroadsheetError('too-large', `a table of ${columns} columns and ${rows} rows is too large (limit ${String(MAX_TABLE_CELLS).replace(/\B(?=(\d{3})+$)/g, ',')} cells)`);
      }
      return false;
    },
  },
};

/**
 * marked 18, checking whether a line after a quote continues a list that ends the quote, reads
 * the context the quote is in (the token before it) where it means the quote's own list: inside a
 * list item whose text comes first (`- a\n  > *\nb`) it finds no list, and throws ("reading
 * 'raw'"). Nothing else in a quote reads that context (its blocks are lexed afresh), so quotes
 * are lexed without it: the same tokens for every quote that lexed, and no throw.
 */
const quotesOwnContext: MarkedExtension = {
  tokenizer: {
    blockquote(src: string) {
      const state = this.lexer.state;
      const before = state.lastToken;
      state.lastToken = undefined;
      try {
        return Tokenizer.prototype.blockquote.call(this, src);
      } finally {
        state.lastToken = before;
      }
    },
  },
};

/**
 * Lists without their items' blocks, for extraction: marked lexes each item's text as blocks of
 * its own (its paragraphs, nested lists...), which sections taken as Markdown never read (they
 * are cut from the source at top-level headings; so is whether a list is loose or an item a
 * task, which marked reads from those blocks). A list whose text has `]:` in it may hold a link
 * definition, which would resolve a reference in a heading anywhere: that one is lexed as marked
 * lexes it. express's changelog, one release as Markdown: 98 -> 69 ms.
 */
const shallowLists: MarkedExtension = {
  tokenizer: {
    list(src: string) {
      const lexer = this.lexer;
      const blockTokens = lexer.blockTokens;
      // As marked's own leaves the lexer when it returns: back at the top level (the tokenizer
      // set it below for each item), where a paragraph may go on over a line of HTML.
      lexer.blockTokens = ((_src: string, tokens: Token[] = []) => {
        lexer.state.top = true;
        return tokens;
      }) as Lexer['blockTokens'];
      let list: Tokens.List | undefined;
      try {
        list = Tokenizer.prototype.list.call(this, src);
      } finally {
        lexer.blockTokens = blockTokens;
      }
      return list?.raw.includes(']:') ? Tokenizer.prototype.list.call(this, src) : list;
    },
  },
};

export function lex(body: string, options: LexOptions): TokensList {
  // U+2028 and U+2029 end a line for marked's patterns (JavaScript's `$` and `.`), not for
  // CommonMark: they are lexed as stand-ins of the same length and put back afterwards.
  const standIns = /[\u2028\u2029]/.test(body) ? chooseStandIns(body) : undefined;
  const source = standIns ? body.replace(/[\u2028\u2029]/g, (ch) => (ch === '\u2028' ? standIns[0] : standIns[1])) : body;
  // The block rules this source cannot reach are neither primed nor run (nor compiled).
  const skipped = unreachableRules(source);
  primeRules(source, options.inline, skipped);
  // boundedTables is used after: marked calls its table tokenizer first.
  const marked = new Marked({ gfm: true }).use(skipping(skipped)).use(boundedTables);
  // (Only where a quote can be: it runs marked's own quote rule, which skipping would not.)
  if (!skipped.includes('blockquote')) marked.use(quotesOwnContext);
  // Every footnote, defined or referenced, starts with `[^`. Without one, the extension could
  // match nothing, yet marked would call its tokenizers at every block and every inline step
  // (with an object made for each call): ~1.5% of lexing a long document.
  if (source.includes('[^')) marked.use(footnotes());
  let tokens: TokensList;
  if (options.inline) tokens = marked.lexer(source);
  else {
    tokens = marked.use(inlineAsText, shallowLists).lexer(source);
    // Headings still need their inline tokens: titles and slugs are what a reader sees.
    const headings = new Lexer({ gfm: true });
    headings.tokens.links = tokens.links;
    for (const token of tokens) if (token.type === 'heading') token.tokens = headings.inlineTokens(token.text);
  }
  if (standIns) putBack(tokens, new Map([[standIns[0], '\u2028'], [standIns[1], '\u2029']]));
  return tokens;
}

/** Two private-use characters the text does not contain. */
function chooseStandIns(text: string): [string, string] {
  const free: string[] = [];
  for (let code = 0xe000; free.length < 2; code++) {
    const ch = String.fromCharCode(code);
    if (!text.includes(ch)) free.push(ch);
  }
  return [free[0]!, free[1]!];
}

/** Every string in the token tree (and its link definitions) with the stand-ins put back. */
function putBack(value: unknown, originals: Map<string, string>, seen = new Set<object>()): unknown {
  if (typeof value === 'string') return value.replace(/[\ue000-\uf8ff]/g, (ch) => originals.get(ch) ?? ch);
  if (value === null || typeof value !== 'object' || seen.has(value)) return value;
  seen.add(value);
  const record = value as Record<string, unknown>;
  // An array's keys include marked's `links` (the link definitions) as well as its items.
  for (const key of Object.keys(record)) record[key] = putBack(record[key], originals, seen);
  return value;
}

/** Every token in the tree, depth first, containers before their children. */
export function allTokens(tokens: readonly Token[], out: Token[] = []): Token[] {
  for (const token of tokens) {
    out.push(token);
    switch (token.type) {
      case 'list':
        for (const item of token.items) allTokens(item.tokens, out);
        break;
      case 'table':
        for (const cell of token.header) allTokens(cell.tokens, out);
        for (const row of token.rows) for (const cell of row) allTokens(cell.tokens, out);
        break;
      default:
        // A <details> block (document/html.ts) holds its summary's inline tokens beside its body.
        if (token.type === 'htmlDetails') allTokens((token as unknown as { summary: Token[] }).summary, out);
        if ('tokens' in token && Array.isArray(token.tokens)) allTokens(token.tokens as Token[], out);
    }
  }
  return out;
}

/** The language a fence names: the first word of its info string ('' for none). */
export function fenceLanguage(token: { lang?: string }): string {
  return (token.lang ?? '').trim().split(/\s/)[0] ?? '';
}
