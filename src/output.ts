/**
 * The one module that owns stdout: writes the text directly or through a pager, treats a closed
 * pipe as success (`broadsheet | head -1`), and waits for the pager before returning.
 */
import { fstatSync, statSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { BroadsheetError, formatError } from './errors.js';
import type { When } from './options.js';
import type { Guard } from './pipeline.js';
import { mayHaveMore, utf8Chunks } from './utf8.js';

/** Where text goes: a stream, or anything with a stream's write(data, callback) and 'error' event. */
export interface Sink {
  write(data: string | Uint8Array, callback?: (error?: Error | null) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** What is printed: text or bytes. */
export type Printable = string | Uint8Array;

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
    const paged = await runPager(pager, text, io);
    if (paged) return;
  }
  try {
    await writeStream(io.stdout, text);
  } catch (error) {
    throw outputFailed(error);
  }
}

function outputFailed(error: unknown): BroadsheetError {
  const { code, message } = error as NodeJS.ErrnoException;
  const reason = code ? `${message.replace(/^[A-Z]+: /, '').replace(/, write$/, '')} (${code})` : message;
  return new BroadsheetError('output-failed', `cannot write the output: ${reason}`);
}

/**
 * Print a rendering that `render` makes a chunk at a time, as utf8Chunks makes them with
 * `bufferBytes` (pipeline.ts's renderChunks), each chunk under `guard`. To a file, pipe or
 * /dev/null it is written as it is made: a long document's strings die young and its text is
 * never all held (10 MB: fewer, shorter young-generation collections, ~8% less peak memory), a
 * reader sees its start at once, and `| head` stops the rendering. A terminal gets it whole, for
 * the pager.
 */
export async function writeRendering(
  render: (bufferBytes: number) => IterableIterator<Uint8Array>,
  guard: Guard,
  io: OutputIO,
  paging: When,
  bufferBytes = CHUNK_BYTES,
): Promise<void> {
  if (!(io.stdout instanceof DescriptorSink)) {
    // The chunks are one reused buffer: each is copied.
    const chunks = guard(() => Array.from(render(bufferBytes), (chunk) => Buffer.from(chunk)));
    await writeOutput(Buffer.concat(chunks), io, paging);
    return;
  }
  await writeAsRendered(() => render(bufferBytes), guard, io.stdout, bufferBytes);
}

/**
 * A rendered chunk's size. Each is one guarded step, and a step starts a watchdog thread. At 10
 * MB, in one run of 13 alternations: 256 KB chunks (40 steps) were as fast as no chunks at all,
 * 1 and 2 MB the fastest (0.97 of that), 4 MB 0.99 (each page of a larger buffer is faulted in
 * once). A quieter run later put 1 MB at 0.98.
 */
const CHUNK_BYTES = 1 << 20;

/**
 * Each chunk is made under the guard and written outside it: time spent waiting for a reader (a
 * full pipe into less) never counts against the time limit. A step the guard runs again (a busy
 * machine, guard.ts) must not print twice: an attempt cut off part-way (`started` left true)
 * renders again from the start and skips the chunks already written; one that ended but was
 * reported as cut off (the watchdog fired as it returned) gives what it made (`made`).
 */
async function writeAsRendered(render: () => Iterator<Uint8Array>, guard: Guard, sink: DescriptorSink, bufferBytes: number): Promise<void> {
  let chunks = render();
  let written = 0;
  let skip = 0;
  let started = false;
  let made: IteratorResult<Uint8Array> | undefined;
  const next = (): IteratorResult<Uint8Array> => {
    if (made) return made;
    if (started) [chunks, skip] = [render(), written];
    started = true;
    let result = chunks.next();
    for (; !result.done && skip > 0; skip--) result = chunks.next();
    made = result;
    started = false;
    return result;
  };
  for (let result = guard(next); !result.done; result = guard(next)) {
    made = undefined;
    if (!(await wrote(() => sink.writeNow(result.value)))) return;
    written++;
    // Each guarded step starts a watchdog thread: none just to learn that there is no more.
    if (!mayHaveMore(result.value, bufferBytes)) break;
  }
  await wrote(() => sink.drained());
}

/** Whether `write` wrote: false when the reader has gone (`| head`), nothing more being wanted. */
async function wrote(write: () => unknown): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return false;
    throw outputFailed(error);
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
    stream.write(text, done);
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
 * descriptor someone made non-blocking answers EAGAIN when full; that and everything after it
 * then goes through `fallback` (process.stdout), which waits for the reader.
 */
export class DescriptorSink implements Sink {
  private readonly listeners: ((error: Error) => void)[] = [];
  /** The fallback, once the descriptor was full. */
  private rest?: Sink;
  /** Settles when the fallback has written everything given to it. */
  private flushed: Promise<void> = Promise.resolve();

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

  /** Text is encoded a buffer at a time (utf8.ts), never whole. */
  write(data: string | Uint8Array, callback?: (error?: Error | null) => void): boolean {
    try {
      for (const chunk of typeof data === 'string' ? utf8Chunks([data], this.bufferBytes) : [data]) this.writeNow(chunk);
    } catch (error) {
      for (const listener of this.listeners) listener(error as Error);
      callback?.(error as Error);
      return false;
    }
    this.drained().then(
      () => callback?.(null),
      (error: Error) => callback?.(error),
    );
    return true;
  }

  /**
   * Writes every byte of `bytes` before returning, or hands a copy to the fallback once the
   * descriptor was full; a failure (a full disk, a closed pipe) is thrown.
   */
  writeNow(bytes: Uint8Array): void {
    let at = 0;
    if (!this.rest) {
      try {
        while (at < bytes.length) at += this.write_(this.fd, bytes, at);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
        this.rest = this.fallback();
        for (const listener of this.listeners) this.rest.on('error', listener);
        // Its failures reach drained() through each write's callback; a stream's 'error' event
        // with no listener would end the process (a reader that left: EPIPE).
        this.rest.on('error', () => {});
      }
    }
    // Copied: the bytes may be a buffer that is filled again after this.
    const copy = Buffer.from(bytes.subarray(at));
    const written = new Promise<void>((resolve, reject) => this.rest!.write(copy, (error) => (error ? reject(error) : resolve())));
    this.flushed = Promise.all([this.flushed, written]).then(() => undefined);
  }

  /** Settles when everything given is written: at once, unless the fallback took some. */
  drained(): Promise<void> {
    return this.flushed;
  }
}
