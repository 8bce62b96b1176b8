/**
 * From marked's tokens to what a reader sees, before the section tree is built (titles, slugs,
 * word counts and every format see the result): HTML entities decoded (`&copy;`, `&nbsp;`),
 * inline HTML folded into the elements it delimits, HTML blocks parsed into blocks, GitHub
 * alerts (`> [!NOTE]`) made callouts, emoji shortcodes (`:bug:`) made emoji. Each needs a decoder
 * that is loaded only when the lexed tokens show a use for it (decodersNeeded).
 *
 * The top-level tokens stay one for one, each with its `raw`: section ranges are computed from
 * them (a converted HTML block becomes `blocks` holding its blocks).
 */
import type { Token, Tokens } from 'marked';
import type { EmojiTable } from './emoji.js';
import { foldInlineHtml, trimInline } from './inline-html.js';
import { mapMetaStrings, metaStrings, type Meta } from '../load/frontmatter.js';
import { allTokens } from './parse.js';

export interface Decoders {
  /** HTML character references -> characters (CommonMark's rule: the semicolon is required). */
  entities?: (text: string) => string;
  /** An HTML block -> blocks. */
  html?: (html: string) => Token[];
  /** Shortcode name -> emoji. */
  emoji?: EmojiTable;
}

export interface DecoderNeeds {
  entities: boolean;
  html: boolean;
  emoji: boolean;
}

/** Blocks that stand for one top-level token (an HTML block's, a quote of several alerts); keeps its raw source. */
export interface Blocks {
  type: 'blocks';
  raw: string;
  tokens: Token[];
}

/** A GitHub alert: a labelled callout. */
export interface Alert {
  type: 'alert';
  raw: string;
  variant: AlertVariant;
  tokens: Token[];
}

export const ALERT_VARIANTS = ['note', 'tip', 'important', 'warning', 'caution'] as const;
export type AlertVariant = (typeof ALERT_VARIANTS)[number];

/** An emoji from a shortcode; `raw` keeps the shortcode (slugs are made from it, as GitHub does). */
export interface Emoji {
  type: 'emoji';
  raw: string;
  text: string;
}

const ENTITY = /&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});/;
/**
 * A reference as the source may spell one that becomes a reference in a link's target or title:
 * marked takes the backslash out of an escape there (`[a](x&amp\;)`, `&\#38;`), and `#` and `;`
 * are the only characters of a reference that are escapes (one before the `&` leaves the
 * reference itself in the source).
 */
const ENTITY_IN_SOURCE = /&(?:[A-Za-z][A-Za-z0-9]{1,31}|\\?#[0-9]{1,7}|\\?#[xX][0-9A-Fa-f]{1,6})\\?;/;
/**
 * Where an HTML block may start: a `<` with nothing before it on its line but indentation and
 * the marks of the containers whose content marked lexes as blocks (a quote's `>`, a list
 * item's marker, a footnote's label; after a task box, marked reads the line as text). A `<`
 * anywhere else (inline HTML, an autolink, code) starts none.
 */
const HTML_BLOCK_START = /^(?:[ \t>]|[-*+][ \t]|\d{1,9}[.)][ \t]|\[\^[^\]\n]*\]:)*</m;
const SHORTCODE = /:[a-z0-9_+-]+:/;
const SHORTCODES = /:([a-z0-9_+-]+):/g;

/** Which decoders the tokens give work to. */
export function decodersNeeded(tokens: readonly Token[], meta: Meta, options: { html: boolean; source?: string }): DecoderNeeds {
  const needs: DecoderNeeds = { entities: metaStrings(meta).some((v) => ENTITY.test(v)), html: false, emoji: false };
  // What no token can need, decided from the source: an HTML block needs a `<` at the start of
  // a line or a container's content (HTML_BLOCK_START), and a text token's text is a piece of
  // the source (less line prefixes, which neither a reference nor a shortcode spans) but for the
  // numeric references marked decodes in it (`&#58;smile&#58;`, `&#38;copy;`), themselves
  // references; a link's target and title, and a link definition's, are too but for the
  // backslashes of escapes (ENTITY_IN_SOURCE). Most long documents have none of them, and most
  // READMEs an `&` but no reference (in `&&`, in prose): a walk over every token of them costs
  // more than these scans of the source.
  const { source } = options;
  const may = source === undefined ? { entities: true, html: options.html, emoji: true } : { entities: ENTITY_IN_SOURCE.test(source), html: options.html && source.includes('<') && HTML_BLOCK_START.test(source), emoji: SHORTCODE.test(source) || source.includes('&#') };
  if (!may.entities && !may.html && !may.emoji) return needs;
  // The walk stops once every decoder the source may need is known to be needed.
  visit(tokens, (token, inCode) => {
    if (token.type === 'html' && (token as Tokens.HTML).block) needs.html ||= may.html;
    else if (token.type === 'text' && !('tokens' in token && token.tokens)) {
      needs.entities ||= may.entities && ENTITY.test(token.text);
      needs.emoji ||= may.emoji && !inCode && SHORTCODE.test(token.text);
    } else if (token.type === 'link' || token.type === 'image') needs.entities ||= may.entities && (ENTITY.test(token.href) || ENTITY.test(token.title ?? '') || (token.type === 'image' && ENTITY.test(token.text)));
    return (needs.html || !may.html) && (needs.entities || !may.entities) && (needs.emoji || !may.emoji);
  });
  return needs;
}

/** Load what is needed, each from its own bundle. */
export async function loadDecoders(needs: DecoderNeeds): Promise<Decoders> {
  const [entities, html, emoji] = await Promise.all([
    needs.entities ? import('./entities.js').then((m) => m.decodeHTMLStrict) : undefined,
    needs.html ? import('./html.js').then((m) => m.htmlToTokens) : undefined,
    needs.emoji ? import('./emoji.js').then((m) => m.emojiTable()) : undefined,
  ]);
  return { entities, html, emoji };
}

/** Every token, with whether it sits inside code, until `fn` returns true; whether it did. */
function visit(tokens: readonly Token[], fn: (token: Token, inCode: boolean) => boolean, inCode = false): boolean {
  for (const token of tokens) {
    if (fn(token, inCode)) return true;
    for (const children of childLists(token)) if (visit(children, fn, inCode || token.type === 'codespan')) return true;
  }
  return false;
}

/** The token lists a token holds. */
function childLists(token: Token): Token[][] {
  switch (token.type) {
    case 'list':
      return (token as Tokens.List).items.map((item) => item.tokens);
    case 'table': {
      const table = token as Tokens.Table;
      return [...table.header.map((c) => c.tokens), ...table.rows.flatMap((row) => row.map((c) => c.tokens))];
    }
    default: {
      const lists: Token[][] = [];
      if ('tokens' in token && Array.isArray(token.tokens)) lists.push(token.tokens as Token[]);
      if (token.type === 'htmlDetails') lists.push((token as unknown as { summary: Token[] }).summary);
      return lists;
    }
  }
}

/**
 * Whether transformTokens can change tokens lexed from this source: only decoders, HTML (which
 * needs a `<`) and alert markers (`[!NOTE]`) do. A long plain document is spared a walk over
 * every token (40-70 ms at 10 MB).
 */
export function mayTransform(source: string, decoders: Decoders): boolean {
  return anyDecoder(decoders) || source.includes('<') || source.includes('[!');
}

/** Whether any decoder is given: only then can tokens hold characters their source does not (but for numeric references, which marked decodes). */
export function anyDecoder(decoders: Decoders): boolean {
  return decoders.entities !== undefined || decoders.html !== undefined || decoders.emoji !== undefined;
}

/**
 * The decoders, each keeping in `made` what it makes that its source may not say: decoded text
 * and link targets, the text and targets of an HTML block's tokens, emoji. Every character a
 * reader sees comes from the source or from these (or from a numeric reference, which marked
 * decodes), so whether the layout can measure a document is read from its source and these, not
 * from a walk over every token (kit.ts). A link's title, which no format prints, is decoded by
 * the same entity decoder and so kept too: at worst the Unicode layout is loaded for nothing,
 * never left out.
 */
export function recordingDecoders(decoders: Decoders, made: string[]): Decoders {
  const { entities, html, emoji } = decoders;
  return {
    entities:
      entities &&
      ((text) => {
        const decoded = entities(text);
        if (decoded !== text) made.push(decoded);
        return decoded;
      }),
    html:
      html &&
      ((source) => {
        const blocks = html(source);
        for (const token of allTokens(blocks)) {
          const { text, href } = token as { text?: unknown; href?: unknown };
          for (const value of [text, href]) if (typeof value === 'string') made.push(value);
        }
        return blocks;
      }),
    emoji: emoji && {
      get: (name) => {
        const found = emoji.get(name);
        if (found !== undefined) made.push(found);
        return found;
      },
    },
  };
}

/** The tokens as a reader sees them; top-level tokens one for one. */
export function transformTokens(tokens: Token[], decoders: Decoders): Token[] {
  return tokens.map((token) => transformBlock(token, decoders));
}

function transformBlock(token: Token, decoders: Decoders): Token {
  if (token.type === 'html' && (token as Tokens.HTML).block && decoders.html) {
    const blocks = decoders.html(token.raw);
    const block: Blocks = { type: 'blocks', raw: token.raw, tokens: blocks.map((b) => transformBlock(b, { ...decoders, entities: undefined })) };
    return block as unknown as Token;
  }
  if (token.type === 'blockquote') {
    const quote = token as Tokens.Blockquote;
    quote.tokens = transformTokens(quote.tokens, decoders);
    return asAlert(quote) ?? token;
  }
  switch (token.type) {
    case 'list':
      for (const item of (token as Tokens.List).items) item.tokens = transformTokens(item.tokens, decoders);
      return token;
    case 'table': {
      const table = token as Tokens.Table;
      for (const cell of [...table.header, ...table.rows.flat()]) cell.tokens = transformInline(cell.tokens, decoders);
      return token;
    }
    case 'paragraph':
    case 'heading':
    case 'text':
      if ('tokens' in token && Array.isArray(token.tokens)) token.tokens = transformInline(token.tokens as Token[], decoders);
      return token;
    case 'code':
    case 'space':
    case 'hr':
    case 'def':
      return token;
    default:
      if (token.type === 'htmlDetails') {
        const details = token as unknown as { summary: Token[] };
        details.summary = transformInline(details.summary, decoders);
      }
      if ('tokens' in token && Array.isArray(token.tokens)) token.tokens = transformBlocksOrInline(token.tokens as Token[], decoders);
      return token;
  }
}

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'list', 'table', 'blockquote', 'code', 'hr', 'space', 'html', 'htmlHeading', 'htmlDetails', 'htmlCentered', 'blocks', 'alert', 'footnoteDefinition', 'def']);

function transformBlocksOrInline(tokens: Token[], decoders: Decoders): Token[] {
  return tokens.some((t) => BLOCK_TYPES.has(t.type)) ? transformTokens(tokens, decoders) : transformInline(tokens, decoders);
}

function transformInline(tokens: Token[], decoders: Decoders): Token[] {
  const folded = foldInlineHtml(tokens);
  // The list itself, changed in place, until a token becomes several (a text with emoji): a copy
  // of every inline list of a long document is most of what this step would allocate.
  let out: Token[] | undefined;
  for (let i = 0; i < folded.length; i++) {
    const token = folded[i]!;
    let result: Token | Token[] = token;
    if (token.type === 'codespan' || token.type === 'code') {
      if ((token as { html?: boolean }).html && decoders.entities) token.text = decoders.entities(token.text);
    } else if ('tokens' in token && Array.isArray(token.tokens)) {
      if ((token.type === 'link' || token.type === 'image') && decoders.entities) decodeTarget(token as Tokens.Link | Tokens.Image, decoders.entities);
      token.tokens = transformInline(token.tokens as Token[], decoders);
    } else if (token.type === 'link' || token.type === 'image') {
      if (decoders.entities) decodeTarget(token as Tokens.Link | Tokens.Image, decoders.entities);
    } else if (token.type === 'text') {
      // Nothing to decode and no shortcode (most text of most documents, with decoders or
      // without): the token as it is, not a copy.
      const text = decoders.entities && !(token as { decoded?: boolean }).decoded ? withReferences(token.text, decoders.entities) : token.text;
      if (text !== token.text || (decoders.emoji && SHORTCODE.test(text))) {
        const parts = withEmoji({ ...token, text } as Token, decoders.emoji);
        result = parts.length === 1 ? parts[0]! : parts;
      }
    }
    if (Array.isArray(result)) {
      out ??= folded.slice(0, i);
      out.push(...result);
    } else if (out) out.push(result);
    else folded[i] = result;
  }
  return out ?? folded;
}

/** A link's or image's target and title, and an image's text, with their references decoded. */
function decodeTarget(token: Tokens.Link | Tokens.Image, entities: (text: string) => string): void {
  token.href = withReferences(token.href, entities);
  if (token.title) token.title = withReferences(token.title, entities);
  if (token.type === 'image') token.text = withReferences(token.text, entities);
}

/** Text with its references decoded: the decoder is asked only when it has an `&`, as a reference starts with one (most text and targets have none). */
function withReferences(text: string, entities: (text: string) => string): string {
  return text.includes('&') ? entities(text) : text;
}

/** A text token, its shortcodes made emoji tokens (unknown names stay text). */
function withEmoji(token: Token, table: EmojiTable | undefined): Token[] {
  const text = (token as { text: string }).text;
  if (!table || !SHORTCODE.test(text)) return [token];
  const out: Token[] = [];
  let last = 0;
  for (const match of text.matchAll(SHORTCODES)) {
    const emoji = table.get(match[1]!);
    if (!emoji) continue;
    if (match.index! > last) out.push({ type: 'text', raw: text.slice(last, match.index), text: text.slice(last, match.index) } as Token);
    const token: Emoji = { type: 'emoji', raw: match[0], text: emoji };
    out.push(token as unknown as Token);
    last = match.index! + match[0].length;
  }
  if (last === 0) return [token];
  if (last < text.length) out.push({ type: 'text', raw: text.slice(last), text: text.slice(last) } as Token);
  return out;
}

const MARKER = /(^|\n)\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\](?:[ \t]*\n|[ \t]+|$)/i;

/**
 * `> [!NOTE]` at the quote's start: an alert, the marker removed (text may follow the marker on
 * its line). A marker at the start of a later line of the quote starts another alert, as its
 * author meant (GitHub would show it as text).
 */
function asAlert(quote: Tokens.Blockquote): Token | undefined {
  const first = quote.tokens[0];
  if (first?.type !== 'paragraph' || MARKER.exec((first as Tokens.Paragraph).text)?.index !== 0) return undefined;
  const alerts: Alert[] = [];
  for (const block of quote.tokens) {
    for (const part of block.type === 'paragraph' ? splitAtMarkers(block as Tokens.Paragraph) : [block]) {
      if ('variant' in part) alerts.push({ type: 'alert', raw: '', variant: part.variant, tokens: [] });
      else alerts[alerts.length - 1]?.tokens.push(part);
    }
  }
  if (alerts.length === 1) return { ...alerts[0]!, raw: quote.raw } as unknown as Token;
  const group: Blocks = { type: 'blocks', raw: quote.raw, tokens: alerts as unknown as Token[] };
  return group as unknown as Token;
}

/** A paragraph cut where markers start lines: the parts, and the markers between them. */
function splitAtMarkers(paragraph: Tokens.Paragraph): (Token | { variant: AlertVariant })[] {
  const out: (Token | { variant: AlertVariant })[] = [];
  let current: Token[] = [];
  const flush = () => {
    // Soft line breaks at the cut are white space the marker's removal leaves at the edges.
    const trimmed = trimInline(current);
    if (trimmed.length > 0) out.push({ ...paragraph, tokens: trimmed } as Token);
    current = [];
  };
  for (const token of paragraph.tokens) {
    let rest = token.type === 'text' && !('tokens' in token && token.tokens) ? (token as Tokens.Text).text : undefined;
    if (rest === undefined) {
      current.push(token);
      continue;
    }
    for (let match = MARKER.exec(rest); match; match = MARKER.exec(rest)) {
      const before = rest.slice(0, match.index);
      if (before !== '') current.push({ ...token, text: before, raw: before } as Token);
      flush();
      out.push({ variant: match[2]!.toLowerCase() as AlertVariant });
      rest = rest.slice(match.index + match[0].length);
    }
    if (rest !== '') current.push({ ...token, text: rest, raw: rest } as Token);
  }
  flush();
  return out;
}

/** Front matter values with their entities decoded. */
export function decodeMeta(meta: Meta, decoders: Decoders): Meta {
  if (!decoders.entities) return meta;
  return mapMetaStrings(meta, decoders.entities);
}
