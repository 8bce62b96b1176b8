/**
 * Where documents come from: the articles shipped in `articles/`, a path, or stdin; and how
 * their bytes become text a parser can trust.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { constants as bufferConstants } from 'node:buffer';
import { basename, join } from 'node:path';
import { BroadsheetError } from '../errors.js';
import { sanitizeLine } from '../sanitize.js';

export const DEFAULT_ARTICLE = 'xi-putin-new-era';

export interface Source {
  /** What the user named: a slug, a path or `-`; safe to print. */
  name: string;
  text: string;
}

/** Slugs of the stored articles, sorted. */
export function listArticles(articlesDir: string): string[] {
  try {
    return readdirSync(articlesDir)
      .filter((file) => file.endsWith('.md'))
      .map((file) => basename(file, '.md'))
      .sort();
  } catch {
    return [];
  }
}

const SNIFF_BYTES = 8192;
/** Node cannot hold a longer string; refusing up front beats a RangeError deep in a parser. */
export const MAX_BYTES = Math.min(bufferConstants.MAX_STRING_LENGTH, 2 ** 31 - 1);

/**
 * Bytes to text: refuse binaries, replace invalid UTF-8 with U+FFFD, drop a leading BOM and make
 * CRLF and CR line ends plain LF, so every later stage sees one kind of text.
 */
export function decode(bytes: Uint8Array, name: string): string {
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) throw binary(name);
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
  const sample = text.slice(0, SNIFF_BYTES);
  let invalid = 0;
  for (const ch of sample) if (ch === '\uFFFD') invalid++;
  if (sample.length > 0 && invalid / sample.length > 0.3) throw binary(name);
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

function binary(name: string): BroadsheetError {
  return new BroadsheetError('binary', `${name}: looks like a binary file, not Markdown`);
}

/** Resolve what the user asked for (undefined = the stored article) to a path, or `-`. */
export function resolveSourcePath(arg: string | undefined, articlesDir: string): string {
  if (arg === undefined) return join(articlesDir, `${DEFAULT_ARTICLE}.md`);
  if (arg === '-') return '-';
  if (/^[a-z0-9][a-z0-9-]*$/.test(arg) && !exists(arg)) {
    const stored = join(articlesDir, `${arg}.md`);
    if (exists(stored)) return stored;
  }
  return arg;
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** What the user named (undefined: the stored article) -> text. */
export async function loadSource(arg: string | undefined, io: { articlesDir: string; readStdin: () => Promise<Uint8Array> }): Promise<Source> {
  const path = resolveSourcePath(arg, io.articlesDir);
  if (path === '-') return { name: 'stdin', text: decodeChecked(await io.readStdin(), 'stdin') };
  return readSourceFile(path, arg ?? path);
}

/** Read a file (not stdin) into text, with every failure turned into one clear error. */
export function readSourceFile(path: string, name: string = path): Source {
  const shown = sanitizeLine(name);
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new BroadsheetError('is-directory', `${shown}: is a directory`);
    size = stat.size;
  } catch (error) {
    if (error instanceof BroadsheetError) throw error;
    throw fsError(error, shown);
  }
  if (size > MAX_BYTES) throw tooLarge(shown);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw fsError(error, shown);
  }
  return { name: shown, text: decodeChecked(bytes, shown) };
}

export function decodeChecked(bytes: Uint8Array, shown: string): string {
  if (bytes.length > MAX_BYTES) throw tooLarge(shown);
  return decode(bytes, shown);
}

function tooLarge(shown: string): BroadsheetError {
  return new BroadsheetError('too-large', `${shown}: too large (limit ${Math.floor(MAX_BYTES / 2 ** 20)} MB)`);
}

function fsError(error: unknown, shown: string): BroadsheetError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new BroadsheetError('missing-file', `${shown}: no such file or stored article`);
    case 'EISDIR':
      return new BroadsheetError('is-directory', `${shown}: is a directory`);
    case 'EACCES':
    case 'EPERM':
      return new BroadsheetError('unreadable', `${shown}: permission denied`);
    case 'ERR_FS_FILE_TOO_LARGE':
      return tooLarge(shown);
    default:
      return new BroadsheetError('unreadable', `${shown}: cannot read (${code ?? 'unknown error'})`);
  }
}
