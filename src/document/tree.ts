/**
 * Markdown (+ front matter) -> a Document: metadata, a title, the lead (section 0) and a tree of
 * sections numbered like a table of contents. Only top-level block tokens can be headings, so
 * anything that merely looks like a heading inside a code block, HTML block, quote or list is
 * ignored by construction.
 */
import type { Token, Tokens } from 'marked';
import { metaText, splitFrontMatter, type FrontMatter, type Meta } from '../load/frontmatter.js';
import { BroadsheetError } from '../errors.js';
import { checkDepth } from '../limits.js';
import type { FootnoteDefinition } from './footnotes.js';
import { allTokens, lex } from './parse.js';
import { anyDecoder, decodeMeta, decodersNeeded, mayTransform, recordingDecoders, transformTokens, type DecoderNeeds, type Decoders } from './transform.js';
import { isRelease, isUnreleased, rankHeadings, versionOf, type Version } from './releases.js';
import { plainInline, countWords } from './words.js';
import { Slugs } from './slugs.js';

export interface Section {
  /** `0` for the lead, else `1`, `2`, `2.1`... */
  number: string;
  /** Heading depth (1-6); 0 for the lead. */
  level: number;
  title: string;
  slug: string;
  /** Source range [start, end) in the whole text, heading and subsections included. */
  start: number;
  end: number;
  heading?: Tokens.Heading;
  /** Block tokens between this heading and the next heading of any level. */
  tokens: Token[];
  children: Section[];
  parent?: Section;
  /** The version a release heading names; `unreleased` for an Unreleased section. */
  release?: Version | 'unreleased';
}

/** A link reference definition (`[label]: url`) at the top level, where it is in the source. */
export interface Definition {
  /** Normalised as CommonMark matches labels: case folded, white space collapsed. */
  label: string;
  start: number;
  end: number;
}

export interface Document {
  /** The text (decoded: LF line ends, no BOM). */
  source: string;
  /** The bytes the text was decoded from, when the caller has them (byte-exact extraction). */
  bytes?: Uint8Array;
  /** Every front matter value, as JSON can carry it. */
  meta: Meta;
  title?: string;
  /** Inline tokens of the title when it came from a heading. */
  titleTokens?: Token[];
  lead: Section;
  sections: Section[];
  /** Whether inline tokens were lexed (needed for rendering and word counts). */
  inline: boolean;
  /** Whether releases shape the tree (a changelog: two or more headings that name versions). */
  releases: boolean;
  definitions: Definition[];
  /** GFM footnote definitions by label; rendered where they are referenced, numbered. */
  footnotes: Map<string, FootnoteDefinition>;
  /**
   * Whether a decoder (entities, HTML, emoji) was given to build it: only then, or where the
   * source has a numeric character reference (marked decodes those), can its tokens' text hold
   * characters the source does not. Absent (a Document made elsewhere): as if one was.
   */
  decodersGiven?: boolean;
  /**
   * What the decoders made, when any was given (recordingDecoders): the only text of its tokens
   * that is not a piece of the source (but for numeric references). Absent: not known.
   */
  decoded?: readonly string[];
}

export interface ParseOptions {
  /** Lex inline markup everywhere (rendering, word counts); false lexes headings only. */
  inline?: boolean;
  /** The bytes `source` was decoded from. */
  bytes?: Uint8Array;
  /**
   * The front matter, read (readFrontMatter reads a block that needs the YAML parser); without
   * it, the block's top-level scalars are read.
   */
  frontMatter?: FrontMatter;
}

interface Placed {
  token: Token;
  start: number;
}

/** The first step: front matter split off, the body lexed. Decoders are loaded after it, for what it holds. */
export interface Lexed {
  source: string;
  bytes?: Uint8Array;
  meta: Meta;
  bodyStart: number;
  body: string;
  tokens: Token[];
  inline: boolean;
}

export function lexDocument(source: string, options: ParseOptions = {}): Lexed {
  const inline = options.inline ?? true;
  const { meta, bodyStart } = options.frontMatter ?? splitFrontMatter(source);
  const body = source.slice(bodyStart);
  checkDepth(body);
  return { source, bytes: options.bytes, meta, bodyStart, body, tokens: lexWithin(body, inline), inline };
}

/** The decoders a lexed document gives work to (HTML blocks only matter when it is rendered). */
export function decodersFor(lexed: Lexed): DecoderNeeds {
  return decodersNeeded(lexed.tokens, lexed.meta, { html: lexed.inline, source: lexed.body });
}

/** Lex and build in one go, with the decoders given (the library and tests; the pipeline loads them between). */
export function parseDocument(source: string, options: ParseOptions = {}, decoders: Decoders = {}): Document {
  return buildDocument(lexDocument(source, options), decoders);
}

/**
 * The second step: the tokens as a reader sees them (transform.ts), then the section tree. The
 * transform changes the lexed tokens in place, so a Lexed is built once (lex again for another).
 */
export function buildDocument(lexed: Lexed, decoders: Decoders): Document {
  const { source, bodyStart, body, inline } = lexed;
  const decoded: string[] = [];
  const recording = anyDecoder(decoders) ? recordingDecoders(decoders, decoded) : decoders;
  const meta = decodeMeta(lexed.meta, recording);
  const blocks = mayTransform(body, decoders) ? transformTokens(lexed.tokens, recording) : lexed.tokens;
  const placed = place(blocks, body, bodyStart);
  const headings = placed.filter((p): p is Placed & { token: Tokens.Heading } => p.token.type === 'heading');
  const titles = new Map<Token, string>(headings.map((h) => [h.token, plainInline(h.token.tokens)]));
  const depthOne = headings.filter((h) => h.token.depth === 1);

  let title: string | undefined = metaText(meta.title);
  let titleTokens: Token[] | undefined;
  let first = 0;
  const firstContent = placed.findIndex((p) => p.token.type !== 'space');
  const leading = placed[firstContent];
  // A lone leading `#` heading is the title; so is one followed only by `#` releases (`# Changelog`).
  const lone = (h: Token) => depthOne.every((other) => other.token === h || isRelease(titles.get(other.token)!));
  if (leading?.token.type === 'heading' && leading.token.depth === 1 && !isRelease(titles.get(leading.token)!) && lone(leading.token)) {
    const text = plainInline(leading.token.tokens);
    if (title === undefined || sameText(title, text)) {
      title = text;
      titleTokens = leading.token.tokens;
      first = firstContent + 1;
    }
  }

  const end = source.length;
  const firstStart = placed[first]?.start ?? end;
  const sectionHeadings = headings.filter((h) => h.start >= firstStart);
  const { releases, ranks: rankList } = rankHeadings(sectionHeadings.map((h) => ({ depth: h.token.depth, title: titles.get(h.token)! })));
  const ranks = new Map<Token, number>(sectionHeadings.map((h, i) => [h.token, rankList[i]!]));
  const lead: Section = {
    number: '0',
    level: 0,
    title: '',
    slug: '',
    start: firstStart,
    end: sectionHeadings[0]?.start ?? end,
    tokens: [],
    children: [],
  };

  const slugger = new Slugs();
  const roots: Section[] = [];
  const stack: { section: Section; rank: number }[] = [];
  let current = lead;
  for (let i = first; i < placed.length; i++) {
    const { token, start } = placed[i]!;
    if (token.type !== 'heading') {
      current.tokens.push(token);
      continue;
    }
    const heading = token as Tokens.Heading;
    const rank = ranks.get(heading)!;
    // Every open section at the same or a deeper rank ends where this heading starts.
    while (stack.length > 0 && stack[stack.length - 1]!.rank >= rank) stack.pop()!.section.end = start;
    const parent = stack[stack.length - 1]?.section;
    const siblings = parent ? parent.children : roots;
    const titleText = titles.get(heading)!;
    const version = versionOf(titleText);
    const section: Section = {
      number: parent ? `${parent.number}.${siblings.length + 1}` : String(siblings.length + 1),
      level: heading.depth,
      title: titleText,
      // GitHub makes the anchor from the heading as written: emoji as their shortcodes.
      slug: slugger.slug(plainInline(heading.tokens, true)),
      start,
      end,
      heading,
      tokens: [],
      children: [],
      parent,
      release: version ?? (isUnreleased(titleText) ? 'unreleased' : undefined),
    };
    siblings.push(section);
    stack.push({ section, rank });
    current = section;
  }
  const definitions = placed.filter((p) => p.token.type === 'def').map((p) => ({ label: (p.token as Tokens.Def).tag, start: p.start, end: p.start + p.token.raw.length }));
  const footnotes = new Map<string, FootnoteDefinition>();
  // Only a document with `[^` has footnote definitions; the walk over every token costs ~60 ms at 10 MB.
  if (source.includes('[^')) for (const token of allTokens(blocks)) if (token.type === 'footnoteDefinition') footnotes.set((token as unknown as FootnoteDefinition).label, token as unknown as FootnoteDefinition);
  return { source, bytes: lexed.bytes, meta, title, titleTokens, lead, sections: roots, inline, releases, definitions, footnotes, decodersGiven: anyDecoder(decoders), decoded };
}

/**
 * marked's block patterns run out of regular-expression stack on one block of several MB (a
 * paragraph or line with no blank line in it; 8 MB always, 5 MB sometimes): say so, not "error".
 */
function lexWithin(body: string, inline: boolean): Token[] {
  try {
    return lex(body, { inline });
  } catch (error) {
    if (!(error instanceof RangeError) || !/call stack/i.test(error.message)) throw error;
    let longest = 0;
    for (const block of body.split(/\n[ \t]*\n/)) longest = Math.max(longest, block.length);
    if (longest < 2 ** 20) throw error;
    throw new BroadsheetError('too-large', `a paragraph of ${(longest / 2 ** 20).toFixed(1)} MB (no blank line in it) is more than the Markdown parser can take`);
  }
}

/** Attach source offsets to top-level tokens: marked's top-level raws tile the body exactly. */
function place(blocks: Token[], body: string, offset: number): Placed[] {
  const placed: Placed[] = [];
  // marked consumes its source a token at a time, each raw what it consumed: raws that add up
  // to the body tile it, and their offsets are the running sum. Comparing each with the body
  // instead cost ~0.3 s at 50 MB (list raws are built by concatenation, and flattened to compare).
  let total = 0;
  for (const token of blocks) total += token.raw.length;
  if (total === body.length) {
    let at = offset;
    for (const token of blocks) {
      placed.push({ token, start: at });
      at += token.raw.length;
    }
    return placed;
  }
  let cursor = 0;
  for (const token of blocks) {
    let at = cursor;
    if (body.startsWith(token.raw, cursor) === false) {
      const found = body.indexOf(token.raw, cursor);
      if (found >= 0) at = found;
    }
    placed.push({ token, start: offset + at });
    cursor = at + token.raw.length;
  }
  return placed;
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(a) === norm(b);
}

/**
 * Whether a section has anything to read besides its heading: the one notion the table of
 * contents, the selector and JSON share (a lead of only link definitions or HTML comments has
 * none).
 */
export function hasContent(section: Section): boolean {
  return section.tokens.some((token) => !(token.type === 'space' || token.type === 'def' || (token.type === 'html' && isComment(token.raw))));
}

function isComment(html: string): boolean {
  return /^\s*(?:<!--[^]*?-->\s*)+$/.test(html);
}

/** Sections in document order, depth first. */
export function flatten(sections: Section[]): Section[] {
  const out: Section[] = [];
  const walk = (list: Section[]) => {
    for (const s of list) {
      out.push(s);
      walk(s.children);
    }
  };
  walk(sections);
  return out;
}

/** Words in a section, its subsections included. */
export function sectionWords(section: Section): number {
  // Remembered: the table of contents asks for every section, and each includes its children.
  let words = counted.get(section);
  if (words === undefined) {
    words = countWords(section.tokens) + (section.heading ? countWords(section.heading.tokens) : 0);
    for (const child of section.children) words += sectionWords(child);
    counted.set(section, words);
  }
  return words;
}

const counted = new WeakMap<Section, number>();
