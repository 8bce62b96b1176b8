/**
 * The one pipeline, shared by the CLI and the library: Markdown -> parse -> select -> decide
 * what the document needs -> load it -> render. Pure but for the kit's lazy imports: no process,
 * no clock (the CLI passes a guard that puts the synchronous steps under a time limit).
 */
import { selectSections } from './document/select.js';
import { loadDecoders, type Decoders } from './document/transform.js';
import { buildDocument, decodersFor, lexDocument, type Document, type Lexed, type Section } from './document/tree.js';
import { loadKit, needsOf, type Kit, type Needs } from './kit.js';
import { readFrontMatter } from './load/frontmatter.js';
import { jsonArticle, type JsonArticle } from './render/json.js';
import { renderMarkdown } from './render/markdown.js';
import { renderTerminalPieces, terminalPieces } from './render/terminal/index.js';
import { renderToc, renderTocMarkdown, tocEntries, type TocEntry } from './render/toc.js';
import { completeRequest, type RenderRequest } from './request.js';
import { safeJson } from './sanitize.js';
import { utf8Chunks } from './utf8.js';

/** Text to print, bytes (an extraction of the bytes that were read), or a value for JSON (which the caller stringifies). */
export type Rendered =
  | { kind: 'text'; text: string }
  /** Text in pieces, in order: a long document is written without being joined into one string first. */
  | { kind: 'pieces'; pieces: readonly string[] }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'json'; value: JsonArticle | TocEntry[] };

/** Markdown as text, or as the text decoded from bytes along with those bytes. */
export type MarkdownInput = string | { text: string; bytes?: Uint8Array };

/** Runs a synchronous step; the CLI's guard stops it after a time limit (guard.ts). */
export type Guard = <T>(step: () => T) => T;

export interface PipelineHooks {
  guard?: Guard;
  /** Loads what the document needs; tests pass their own. */
  loadKit?: (needs: Needs) => Promise<Kit>;
  /** Told, in one line, what was read otherwise than asked (front matter that is not valid YAML). */
  warn?: (message: string) => void;
}

/** A document parsed, its sections selected and what it needs loaded: ready to render. */
export interface Prepared {
  doc: Document;
  selection: readonly Section[] | undefined;
  request: RenderRequest;
  kit: Kit;
}

export async function renderDocument(markdown: MarkdownInput, request: Partial<RenderRequest> = {}, hooks: PipelineHooks = {}): Promise<Rendered> {
  const { doc, selection, request: complete, kit } = await prepareDocument(markdown, request, hooks);
  return (hooks.guard ?? unguarded)(() => renderParsed(doc, selection, complete, kit));
}

/** Every step but rendering (parse, select, load): the CLI renders as it writes (output.ts). */
export async function prepareDocument(markdown: MarkdownInput, request: Partial<RenderRequest> = {}, hooks: PipelineHooks = {}): Promise<Prepared> {
  const { text, bytes } = typeof markdown === 'string' ? { text: markdown, bytes: undefined } : markdown;
  const complete = completeRequest(request);
  const guard = hooks.guard ?? unguarded;
  // Extraction as Markdown needs headings and source ranges only: inline markup is not lexed.
  const inline = !(complete.format === 'markdown' && !complete.toc);
  // Front matter first: a block with more than `key: value` lines loads the YAML parser.
  const frontMatter = await readFrontMatter(text, { guard, warn: hooks.warn });
  // What the tokens hold decides what is loaded: decoders for entities, HTML and emoji first...
  const build = (lexed: Lexed, decoders: Decoders) => {
    const doc = buildDocument(lexed, decoders);
    const selection = complete.sections.length > 0 ? selectSections(doc, complete.sections) : undefined;
    return { doc, selection, needs: needsOf(doc, complete) };
  };
  // ...in one guarded step with lexing when there are none to load (each step starts a watchdog
  // thread: the article's run as text took ~0.4 ms less in-process).
  const lexing = guard(() => {
    const lexed = lexDocument(text, { inline, bytes, frontMatter });
    const wanted = decodersFor(lexed);
    const none = !wanted.entities && !wanted.html && !wanted.emoji;
    return { lexed, wanted, built: none ? build(lexed, {}) : undefined };
  });
  const decoders = lexing.built ? undefined : await loadDecoders(lexing.wanted);
  // The transform changes tokens in place (decoding their text): a step the guard runs again (a
  // busy machine) builds from a fresh lexing, or it would decode `&amp;lt;` twice.
  let lexed: Lexed | undefined = lexing.lexed;
  const { doc, selection, needs } =
    lexing.built ??
    guard(() => {
      const fresh = lexed ?? lexDocument(text, { inline, bytes, frontMatter });
      lexed = undefined;
      return build(fresh, decoders!);
    });
  // ...then, from the document as a reader sees it, what rendering needs.
  const kit = await (hooks.loadKit ?? loadKit)(needs);
  return { doc, selection, request: complete, kit };
}

const unguarded: Guard = (step) => step();

/** Render a parsed document with a loaded kit: synchronous and pure. */
export function renderParsed(doc: Document, selection: readonly Section[] | undefined, request: RenderRequest, kit: Kit): Rendered {
  if (request.toc) {
    if (request.format === 'json') return { kind: 'json', value: tocEntries(doc, selection) };
    if (request.format === 'markdown') return { kind: 'text', text: renderTocMarkdown(doc, selection) };
    return { kind: 'text', text: renderToc(doc, selection, request.width, kit) };
  }
  switch (request.format) {
    case 'markdown': {
      const source = renderMarkdown(doc, selection, request);
      return typeof source === 'string' ? { kind: 'text', text: source } : { kind: 'bytes', bytes: source };
    }
    case 'json':
      return { kind: 'json', value: jsonArticle(doc, selection, kit, request) };
    default:
      return { kind: 'pieces', pieces: renderTerminalPieces(doc, request, kit, selection) };
  }
}

/** The reader's formats (text, ansi): renderParsed gives them in pieces, renderChunks in chunks. */
export const isReaderFormat = (request: RenderRequest): boolean => !request.toc && request.format !== 'markdown' && request.format !== 'json';

/**
 * A reader's format (isReaderFormat) as UTF-8, a chunk at a time, each rendered when it is asked
 * for. Every chunk is the same reused buffer (utf8.ts): write or copy it before asking for the
 * next.
 */
export function renderChunks({ doc, selection, request, kit }: Prepared, bufferBytes?: number): Generator<Uint8Array, void, undefined> {
  if (!isReaderFormat(request)) throw new TypeError(`renderChunks renders text and ansi, not ${request.toc ? 'a table of contents' : request.format}: renderParsed renders it`);
  return utf8Chunks(terminalPieces(doc, request, kit, selection), bufferBytes);
}

/** A rendering as the text broadsheet prints (JSON stringified). */
export function textOf(rendered: Rendered): string {
  switch (rendered.kind) {
    case 'json':
      return safeJson(rendered.value);
    case 'bytes':
      return Buffer.from(rendered.bytes).toString('utf8');
    case 'pieces':
      return rendered.pieces.join('');
    default:
      return rendered.text;
  }
}
