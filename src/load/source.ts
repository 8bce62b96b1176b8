/**
 * Where a document comes from: a file, standard input, or the article library; what the user
 * typed -> bytes and text, with every failure turned into one clear error naming it as typed.
 */
import { join } from 'node:path';
import { BroadsheetError } from '../errors.js';
import { sanitizeLine } from '../sanitize.js';
import { decodeWithWarning, type Encoding } from './decode.js';
import { fsError, readFileBytes, readStreamBytes } from './read.js';
import { DEFAULT_ARTICLE, exists, findArticle, listArticles, type Library } from './store.js';

export interface Source {
  /** What the user named, safe to print: a path as typed, a stored article's name, or `stdin`. */
  name: string;
  text: string;
  /** The bytes as they were read: `--format markdown` prints these. */
  bytes: Uint8Array;
  /** How the bytes were read, when that was a guess (not UTF-8). */
  warning?: string;
  /** A stored article (its header shows its length and reading time). */
  stored?: boolean;
}

/** What standard input is; only a pipe, file, socket or device is read without `-`. */
export type StdinKind = 'pipe' | 'file' | 'socket' | 'device' | 'directory' | 'terminal' | 'null' | 'closed';

export interface Stdin {
  kind: StdinKind;
  chunks: () => AsyncIterable<Uint8Array>;
}

export interface SourceIO {
  library: Library;
  stdin: Stdin;
  encoding?: Encoding;
}

const PIPED: readonly StdinKind[] = ['pipe', 'file', 'socket', 'device', 'directory'];

/**
 * `-` is standard input; no argument is standard input when something is piped to it (and not
 * empty), else the stored article; otherwise a file, else a stored article by name.
 */
export async function loadSource(arg: string | undefined, io: SourceIO): Promise<Source> {
  if (arg === '') throw new BroadsheetError('usage', 'empty file name');
  if (arg === '-') return fromStdin(io);
  if (arg === undefined) {
    if (PIPED.includes(io.stdin.kind)) {
      const piped = await fromStdin(io);
      if (piped.bytes.length > 0) return piped;
    }
    const article = findArticle(DEFAULT_ARTICLE, io.library);
    return { ...fromFile(article?.path ?? join(io.library.bundled, `${DEFAULT_ARTICLE}.md`), DEFAULT_ARTICLE, io), stored: true };
  }
  if (exists(arg)) return fromFile(arg, arg, io);
  const stored = findArticle(arg, io.library);
  if (stored) return { ...fromFile(stored.path, arg, io), stored: true };
  throw missing(arg, io.library);
}

async function fromStdin(io: SourceIO): Promise<Source> {
  if (io.stdin.kind === 'directory') throw new BroadsheetError('is-directory', 'stdin: is a directory');
  if (io.stdin.kind === 'closed') throw fsError({ code: 'EBADF' }, 'stdin');
  const bytes = await readStreamBytes(io.stdin.chunks(), 'stdin');
  return { name: 'stdin', bytes, ...decodeWithWarning(bytes, 'stdin', io.encoding) };
}

function fromFile(path: string, typed: string, io: SourceIO): Source {
  const shown = sanitizeLine(typed);
  const bytes = readFileBytes(path, shown);
  return { name: shown, bytes, ...decodeWithWarning(bytes, shown, io.encoding) };
}

/** No such file: name the stored articles that come closest, if the name looked like one. */
function missing(arg: string, library: Library): BroadsheetError {
  const shown = sanitizeLine(arg);
  const looksLikeName = !/[/\\]/.test(arg);
  const stored = looksLikeName ? listArticles(library).map((a) => a.slug) : [];
  const key = arg.replace(/\.md$/, '').toLowerCase();
  const near = stored.filter((slug) => slug.includes(key) || key.includes(slug) || slug.startsWith(key.slice(0, 3)));
  const hint = near.length > 0 ? `; did you mean ${near.slice(0, 3).join(', ')}?` : stored.length > 0 ? ` (stored articles: ${stored.slice(0, 5).join(', ')}${stored.length > 5 ? ', …' : ''})` : '';
  return new BroadsheetError('missing-file', `${shown}: no such file or stored article${hint}`);
}
