/**
 * The one module that owns stdout: writes the text directly or through a pager, treats a closed
 * pipe as success (`broadsheet | head -1`), and waits for the pager before returning.
 */
import { fstatSync, statSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { BroadsheetError, formatError } from './errors.js';
import type { When } from './options.js';

/** Where text goes: a stream, or anything with a stream's write(data, callback) and 'error' event. */
export interface Sink {
  write(data: string | Uint8Array, callback?: (error?: Error | null) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** What is printed: text, bytes, or text in pieces (in order) that are never joined into one string to be written. */
export type Printable = string | Uint8Array | readonly string[];

const isPieces = (text: Printable): text is readonly string[] => Array.isArray(text);

export interface OutputIO {
  stdout: Sink;
  stderr: Sink;
  stdoutIsTTY: boolean;
  rows?: number;
  env: Readonly<Record<string, string | undefined>>;
}

/** Print `text`; a failure to write (a full disk, say) is one BroadsheetError. */
export async function writeOutput(text: Printable, io: OutputIO, paging: When): Promise<void> {
  const pager = paging === 'never' || !io.stdoutIsTTY ? undefined : choosePager(io.env);
  // Lines are counted only for a terminal: in a pipe, 10 MB of output would cost ~20 ms for nothing.
  if (pager && (paging === 'always' || countLines(text) >= (io.rows || 24))) {
    const paged = await runPager(pager, isPieces(text) ? text.join('') : text, io);
    if (paged) return;
  }
  try {
    await writeStream(io.stdout, text);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const reason = code ? `${message.replace(/^[A-Z]+: /, '').replace(/, write$/, '')} (${code})` : message;
    throw new BroadsheetError('output-failed', `cannot write the output: ${reason}`);
  }
}

export interface PagerCommand {
  command: string;
  args: string[];
}

/**
 * BROADSHEET_PAGER, then PAGER, then less. An empty value means no pager. `more` and `most` from
 * PAGER are replaced by less, as bat does, since they mangle colour; less always gets -R (keep
 * our colours) and -F (quit when the text fits, as a safety net for our own height check).
 */
export function choosePager(env: Readonly<Record<string, string | undefined>>): PagerCommand | undefined {
  const own = env.BROADSHEET_PAGER;
  const generic = env.PAGER;
  const value = own ?? generic ?? 'less';
  const words = splitCommand(value);
  if (words.length === 0) return undefined;
  let [command, ...args] = words as [string, ...string[]];
  if (own === undefined && ['more', 'most'].includes(basename(command))) {
    command = 'less';
    args = [];
  }
  if (basename(command) === 'less') {
    if (args.length === 0) args = ['-R', '-F'];
    else if (!args.some((a) => /^-[A-Za-z]*R/.test(a) || a === '--RAW-CONTROL-CHARS')) args.unshift('-R');
  }
  return { command, args };
}

/** Split a command line on spaces, honouring simple single and double quotes. */
export function splitCommand(value: string): string[] {
  const words: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const match of value.matchAll(pattern)) words.push(match[1] ?? match[2] ?? match[3]!);
  return words;
}

function countLines(text: Printable): number {
  if (isPieces(text)) return text.reduce((lines, piece) => lines + countLines(piece), 0);
  let lines = 0;
  if (typeof text === 'string') for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  else for (let at = text.indexOf(0x0a); at >= 0; at = text.indexOf(0x0a, at + 1)) lines++;
  return lines;
}

/** Resolves true once the pager exits; false when it could not start (after one warning). */
async function runPager(pager: PagerCommand, text: string | Uint8Array, io: OutputIO): Promise<boolean> {
  // Loaded only when a pager runs: child_process costs start-up time every run otherwise.
  const { spawn } = await import('node:child_process');
  return new Promise((resolve) => {
    const env = { ...io.env, LESSCHARSET: io.env.LESSCHARSET ?? 'utf-8' } as NodeJS.ProcessEnv;
    let child;
    try {
      child = spawn(pager.command, pager.args, { stdio: ['pipe', 'inherit', 'inherit'], env });
    } catch (error) {
      io.stderr.write(formatError(`cannot run pager '${pager.command}' (${(error as Error).message}); printing directly`));
      resolve(false);
      return;
    }
    // The reader's Ctrl-C belongs to the pager; broadsheet waits for it to restore the terminal.
    const ignore = () => {};
    process.on('SIGINT', ignore);
    let started = true;
    child.on('error', (error: NodeJS.ErrnoException) => {
      started = false;
      process.off('SIGINT', ignore);
      io.stderr.write(formatError(`cannot run pager '${pager.command}' (${error.code ?? error.message}); printing directly`));
      resolve(false);
    });
    child.on('close', () => {
      process.off('SIGINT', ignore);
      if (started) resolve(true);
    });
    // Quitting the pager early closes its stdin: that is the reader's choice, not an error.
    child.stdin.on('error', ignore);
    child.stdin.end(text);
  });
}

/** Write everything; a reader that closed the pipe early is not an error. */
export function writeStream(stream: Sink, text: Printable): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') resolve();
      else reject(error);
    };
    stream.on('error', onError);
    if (text.length === 0) {
      resolve();
      return;
    }
    const done = (error?: Error | null) => {
      if (error) onError(error as NodeJS.ErrnoException);
      else resolve();
    };
    if (!isPieces(text)) stream.write(text, done);
    else if (stream instanceof DescriptorSink) stream.writePieces(text, done);
    else stream.write(text.join(''), done);
  });
}

/**
 * stdout as its file descriptor when it is a file, pipe, socket or /dev/null: never a terminal.
 * Creating process.stdout loads Node's stream stack (and net, for a pipe): ~2 ms of every run in
 * a pipeline, or of a script that only wants the exit code (`broadsheet -s x >/dev/null`).
 * Undefined for any other character device (a terminal, say), where Node decides.
 */
export function descriptorStdout(fallback: () => Sink = () => process.stdout): Sink | undefined {
  try {
    const stat = fstatSync(1);
    const plain = stat.isFile() || stat.isFIFO() || stat.isSocket() || (stat.isCharacterDevice() && stat.rdev === statSync('/dev/null').rdev);
    if (plain) return new DescriptorSink(1, fallback);
  } catch {
    // Closed or unknown: process.stdout reports it in its own way.
  }
  return undefined;
}

type WriteSync = (fd: number, data: Uint8Array, offset: number) => number;

/**
 * Blocking writes to a descriptor, as Node itself writes to files and pipes on Linux. A
 * descriptor someone made non-blocking answers EAGAIN when full; the rest then goes through
 * `fallback` (process.stdout), which waits for the reader.
 */
export class DescriptorSink implements Sink {
  private readonly listeners: ((error: Error) => void)[] = [];

  constructor(
    private readonly fd: number,
    private readonly fallback: () => Sink,
    private readonly write_: WriteSync = writeSync,
    /** Bytes encoded at a time. */
    private readonly bufferBytes = 1 << 18,
  ) {}

  on(event: 'error', listener: (error: Error) => void): this {
    if (event === 'error') this.listeners.push(listener);
    return this;
  }

  write(data: string | Uint8Array, callback?: (error?: Error | null) => void): boolean {
    return typeof data === 'string' ? this.writePieces([data], callback) : this.writeBytes(data, () => '', callback, true);
  }

  /**
   * Text given in pieces, encoded into one buffer and written a buffer at a time: a long
   * document is never joined into one string nor encoded whole (10 MB of text would first be
   * copied into one string, then into 10 MB of fresh memory: ~0.3 s of a 10 MB render).
   */
  writePieces(pieces: readonly string[], callback?: (error?: Error | null) => void): boolean {
    // Room for a surrogate pair (6 bytes at 3 a unit) at the least.
    const buffer = Buffer.allocUnsafe(Math.max(8, this.bufferBytes));
    let used = 0;
    for (let k = 0; k < pieces.length; k++) {
      const piece = pieces[k]!;
      for (let from = 0; from < piece.length; ) {
        // At most 3 bytes a UTF-16 unit: what fits is known before encoding.
        let to = Math.min(from + Math.floor((buffer.length - used) / 3), piece.length);
        // A surrogate pair stays in one buffer.
        if (to < piece.length && isHighSurrogate(piece.charCodeAt(to - 1))) to--;
        if (to <= from) {
          const rest = () => piece.slice(from) + pieces.slice(k + 1).join('');
          if (!this.writeBytes(buffer.subarray(0, used), rest, callback, false)) return false;
          used = 0;
          continue;
        }
        used += buffer.write(from === 0 && to === piece.length ? piece : piece.slice(from, to), used);
        from = to;
      }
    }
    return this.writeBytes(buffer.subarray(0, used), () => '', callback, true);
  }

  /**
   * Writes every byte. When the descriptor is full, the rest of the bytes and `more()` (text not
   * yet encoded) go to the fallback, which calls `callback` once it has written them; an error
   * calls it at once; success calls it only for the `last` bytes of a write.
   */
  private writeBytes(bytes: Uint8Array, more: () => string, callback: ((error?: Error | null) => void) | undefined, last: boolean): boolean {
    let at = 0;
    try {
      while (at < bytes.length) at += this.write_(this.fd, bytes, at);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        const rest = this.fallback();
        for (const listener of this.listeners) rest.on('error', listener);
        // Copied: the bytes may be the sink's buffer, filled again after this.
        rest.write(Buffer.concat([bytes.subarray(at), Buffer.from(more())]), callback);
        return false;
      }
      for (const listener of this.listeners) listener(error as Error);
      callback?.(error as Error);
      return false;
    }
    if (last) callback?.(null);
    return true;
  }
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
