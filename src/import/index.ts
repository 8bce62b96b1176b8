/**
 * `broadsheet import <file.html | URL | ->`: a saved page, a URL or stdin -> a stored article
 * (Markdown with YAML front matter), ready for `storeArticle`.
 *
 * Loading stays lazy: nothing outside src/import imports this folder except the import command,
 * and within it Readability, linkedom and turndown (extract.ts, to-markdown.ts) load only when
 * an import runs, so even `articleStoreDir` for listing the store costs nothing.
 */
import { fileURLToPath } from 'node:url';
import { BroadsheetError } from '../errors.js';
import { assembleArticle, isoDate, slugify, standfirstFrom } from './article.js';
import { cleanLine } from './clean.js';
import { decodeHtml } from './decode-html.js';
import { fetchPage } from './fetch-page.js';

export { articleStoreDir, storeArticle } from './store.js';
export { slugify } from './article.js';

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_BYTES = 20 * 2 ** 20;

export interface ImportOptions {
  /** A path to a saved page, an http(s) URL (a file: URL is a path), or '-' for stdin. */
  source: string;
  readFile: (path: string) => Promise<Uint8Array>;
  readStdin: () => Promise<Uint8Array>;
  fetchImpl?: typeof globalThis.fetch;
  /** For a URL: the whole transfer (default 30 s). */
  timeoutMs?: number;
  /** The page may be at most this long, from any source (default 20 MB). */
  maxBytes?: number;
}

export interface ImportResult {
  /** The stored article: front matter, blank line, body. */
  markdown: string;
  /** The file name it should be stored under, without '.md'. */
  slug: string;
  title: string;
  /** The page's address as recorded in the front matter, when known. */
  source?: string;
}

export async function importArticle(options: ImportOptions): Promise<ImportResult> {
  const { source, timeoutMs = DEFAULT_TIMEOUT_MS, maxBytes = DEFAULT_MAX_BYTES } = options;
  const shown = source === '-' ? 'stdin' : cleanLine(source).slice(0, 200);
  const kind = classify(source);

  let bytes: Uint8Array;
  let contentType: string | undefined;
  let url: string | undefined;
  if (kind.type === 'url') {
    const page = await fetchPage(source, { timeoutMs, maxBytes, ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}) });
    ({ bytes, contentType } = page);
    url = page.finalUrl;
  } else {
    try {
      bytes = kind.type === 'stdin' ? await options.readStdin() : await options.readFile(kind.path);
    } catch (error) {
      throw readError(shown, error);
    }
    if (bytes.byteLength > maxBytes) throw new BroadsheetError('too-large', `${shown}: too large (limit ${Math.floor(maxBytes / 2 ** 20)} MB)`);
  }

  const { text } = decodeHtml(bytes, contentType);
  // One after the other: both load linkedom, and jest's ESM loader trips over two concurrent
  // first imports of one module.
  const { extractArticle } = await import('./extract.js');
  const { toMarkdown, firstParagraphText } = await import('./to-markdown.js');
  let article;
  try {
    article = extractArticle(text, url ? { url } : {});
  } catch (error) {
    if (error instanceof BroadsheetError) throw new BroadsheetError(error.code, `${shown}: ${error.message}`);
    throw error;
  }
  const title = article.title || 'Untitled';
  const standfirst = standfirstFrom(article.excerpt, firstParagraphText(article.contentHtml));
  const body = toMarkdown(article.contentHtml, {
    title,
    ...(standfirst ? { standfirst } : {}),
    ...(article.leadImage?.caption ? { caption: article.leadImage.caption } : {}),
    dated: isoDate(article.publishedTime) !== undefined,
  });
  if (!/[\p{L}\p{N}]/u.test(body)) throw new BroadsheetError('no-article', `${shown}: no article found in the page`);
  const markdown = assembleArticle({ ...article, title }, body, { standfirst });
  const fallback = article.url ? slugify(lastPathSegment(article.url)) : 'article';
  return { markdown, slug: slugify(title, fallback), title, ...(article.url ? { source: article.url } : {}) };
}

type SourceKind = { type: 'stdin' } | { type: 'url' } | { type: 'file'; path: string };

function classify(source: string): SourceKind {
  if (source === '-') return { type: 'stdin' };
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(source)?.[1]?.toLowerCase();
  if (scheme === undefined) return { type: 'file', path: source };
  if (scheme === 'http' || scheme === 'https') return { type: 'url' };
  if (scheme === 'file') {
    try {
      return { type: 'file', path: fileURLToPath(source) };
    } catch {
      // fall through to the error below
    }
  }
  throw new BroadsheetError('usage', `${cleanLine(source).slice(0, 200)}: only http and https URLs (or a file, or - for stdin) can be imported`);
}

function readError(shown: string, error: unknown): BroadsheetError {
  if (error instanceof BroadsheetError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new BroadsheetError('missing-file', `${shown}: no such file`);
  if (code === 'EISDIR') return new BroadsheetError('is-directory', `${shown}: is a directory`);
  if (code === 'EACCES' || code === 'EPERM') return new BroadsheetError('unreadable', `${shown}: permission denied`);
  return new BroadsheetError('unreadable', `${shown}: cannot read (${code ?? (error instanceof Error ? error.message : String(error))})`);
}

function lastPathSegment(url: string): string {
  try {
    const segments = new URL(url).pathname.split('/').filter(Boolean);
    return decodeURIComponent(segments[segments.length - 1] ?? '').replace(/\.[a-z]{2,5}$/i, '');
  } catch {
    return '';
  }
}
