/**
 * `broadsheet import <file.html | URL | ->`: the page becomes a stored article, or Markdown on
 * stdout with `--stdout`. Everything it needs (Readability, linkedom, turndown) is in its own
 * bundle (dist/import.cjs), loaded here and nowhere else, so reading an article never pays for it.
 */
import { BroadsheetError } from '../errors.js';
import { readFileBytes, readStreamBytes } from '../load/read.js';
import type { Stdin } from '../load/source.js';
import { writeOutput, type OutputIO } from '../output.js';
import { sanitizeLine } from '../sanitize.js';

export interface ImportRequest {
  source: string;
  /** Print the Markdown instead of storing it. */
  stdout: boolean;
  /** Replace an article already stored under the same name. */
  force: boolean;
  timeoutMs: number;
}

export interface ImportIO extends OutputIO {
  env: Readonly<Record<string, string | undefined>>;
  stdin: Stdin;
}

/** `--timeout`'s default: a slow news site still answers in 30 s. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** A page may be at most this large, from a file, stdin or the network. */
export const MAX_PAGE_BYTES = 20 * 2 ** 20;

/** `--timeout`: seconds, more than 0 (fractions allowed), for the whole transfer of a URL. */
export function parseTimeout(value: string): number {
  const seconds = /^\s*\d+(?:\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
  if (!(seconds > 0) || seconds > 3600) throw new Error(`timeout must be a number of seconds from 0.1 to 3600, not '${sanitizeLine(value).slice(0, 40)}'`);
  return Math.round(seconds * 1000);
}

export async function runImport(request: ImportRequest, io: ImportIO): Promise<void> {
  const { importArticle, storeArticle, articleStoreDir } = await import('../import/index.js');
  // Where it would go is known before any work: an import with nowhere to store it fails at once.
  const dir = request.stdout ? undefined : articleStoreDir(io.env);
  const result = await importArticle({
    source: request.source,
    readFile: async (path) => readFileBytes(path, sanitizeLine(path), MAX_PAGE_BYTES, 'a web page'),
    readStdin: () => {
      if (io.stdin.kind === 'terminal') throw new BroadsheetError('usage', 'import -: stdin is a terminal; pipe a page to it, or name a file or URL');
      return readStreamBytes(io.stdin.chunks(), 'stdin', MAX_PAGE_BYTES, 'a web page');
    },
    timeoutMs: request.timeoutMs,
    maxBytes: MAX_PAGE_BYTES,
  });
  if (dir === undefined) {
    await writeOutput(result.markdown, io, 'never');
    return;
  }
  const path = await storeArticle(dir, result.slug, result.markdown, { force: request.force });
  // The name to read it by, and where it is: `broadsheet import URL | cut -f1` is the name.
  await writeOutput(`${result.slug}\t${sanitizeLine(path)}\n`, io, 'never');
}
