/**
 * Bytes in, with limits that hold for any input: a regular file is measured before it is read;
 * anything else (stdin, a pipe, a device such as /dev/zero) is read in chunks and refused at the
 * first byte past the limit, or at once when its first chunk shows it is binary.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { BroadsheetError } from '../errors.js';

/** The largest document broadsheet reads (the bench extracts sections from 50 MB). */
export const MAX_BYTES = 64 * 2 ** 20;
/** Binary files show a NUL byte within their first few kilobytes. */
export const SNIFF_BYTES = 8192;
const CHUNK = 64 * 1024;

export function megabytes(bytes: number): string {
  return `${Math.floor(bytes / 2 ** 20)} MB`;
}

export function tooLarge(shown: string, limit = MAX_BYTES): BroadsheetError {
  return new BroadsheetError('too-large', `${shown}: too large (limit ${megabytes(limit)})`);
}

/** `what`: the text expected (Markdown; a web page for import). */
export function binary(shown: string, what = 'Markdown'): BroadsheetError {
  return new BroadsheetError('binary', `${shown}: looks like a binary file, not ${what}`);
}

/** A file by path: its size is checked first; a device or FIFO is read up to the limit. */
export function readFileBytes(path: string, shown: string, limit = MAX_BYTES, what = 'Markdown'): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw fsError(error, shown, what);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new BroadsheetError('is-directory', `${shown}: is a directory`);
    if (stat.isFile() && stat.size > limit) throw tooLarge(shown, limit);
    const collector = new Collector(shown, limit, what);
    // A regular file in one read of its size (and one more that finds its end): chunks joined
    // afterwards would copy a long document once more (~50 ms at 10 MB).
    let size = stat.isFile() ? Math.max(CHUNK, stat.size + 1) : CHUNK;
    for (;; size = CHUNK) {
      const chunk = Buffer.allocUnsafe(size);
      const n = readSync(fd, chunk, 0, size, null);
      if (n === 0) break;
      collector.add(chunk.subarray(0, n));
    }
    return collector.bytes();
  } catch (error) {
    if (error instanceof BroadsheetError) throw error;
    throw fsError(error, shown, what);
  } finally {
    closeSync(fd);
  }
}

/** A stream (stdin), read to its end, the limit or its first sign of being binary. */
export async function readStreamBytes(chunks: AsyncIterable<Uint8Array>, shown: string, limit = MAX_BYTES, what = 'Markdown'): Promise<Uint8Array> {
  const collector = new Collector(shown, limit, what);
  try {
    for await (const chunk of chunks) collector.add(chunk);
  } catch (error) {
    if (error instanceof BroadsheetError) throw error;
    throw fsError(error, shown, what);
  }
  return collector.bytes();
}

/** Chunks so far; throws the moment they are too many or binary. */
class Collector {
  private readonly chunks: Uint8Array[] = [];
  private length = 0;

  constructor(
    private readonly shown: string,
    private readonly limit: number,
    private readonly what: string,
  ) {}

  add(chunk: Uint8Array): void {
    if (this.length < SNIFF_BYTES && chunk.subarray(0, SNIFF_BYTES - this.length).includes(0)) throw binary(this.shown, this.what);
    this.length += chunk.length;
    if (this.length > this.limit) throw tooLarge(this.shown, this.limit);
    this.chunks.push(chunk);
  }

  bytes(): Uint8Array {
    return this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.length);
  }
}

/** `what`: Markdown, which may also be a stored article's name; else only a file. */
export function fsError(error: unknown, shown: string, what = 'Markdown'): BroadsheetError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new BroadsheetError('missing-file', `${shown}: no such file${what === 'Markdown' ? ' or stored article' : ''}`);
    case 'EISDIR':
      return new BroadsheetError('is-directory', `${shown}: is a directory`);
    case 'EACCES':
    case 'EPERM':
      return new BroadsheetError('unreadable', `${shown}: permission denied`);
    default:
      return new BroadsheetError('unreadable', `${shown}: cannot read (${code ?? 'unknown error'})`);
  }
}
