/**
 * The command line, start to end: argv -> Options -> load -> the pipeline -> output. It takes
 * its world as an argument (IO), so tests run it in-process; process.ts gives it the real one.
 */
import { CommanderError } from 'commander';
import { BroadsheetError, EXIT, formatError } from '../errors.js';
import { createGuard, timeLimitMs } from '../guard.js';
import { loadSource } from '../load/source.js';
import { resolveOptions, type Flags } from '../options.js';
import { writeOutput, type Sink } from '../output.js';
import { renderDocument, type Rendered } from '../pipeline.js';
import { safeJson, sanitizeLine } from '../sanitize.js';
import { createProgram } from './program.js';

export interface IO {
  argv: string[];
  env: Readonly<Record<string, string | undefined>>;
  stdout: Sink;
  stderr: Sink;
  stdoutIsTTY: boolean;
  columns?: number;
  rows?: number;
  readStdin: () => Promise<Uint8Array>;
  articlesDir: string;
  version: string;
  /** Whether the terminal shows OSC 8 links; asked only when the answer matters. */
  hyperlinkSupport?: () => Promise<boolean>;
  /** Processing time allowed for a document of this many characters (tests shorten it). */
  timeLimitMs?: (length: number) => number;
}

export async function main(io: IO): Promise<number> {
  const program = createProgram(io.version, { writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });
  try {
    program.parse(io.argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT.ok;
      io.stderr.write(formatError(sanitizeLine(error.message.replace(/^error: /, ''))));
      return EXIT.usage;
    }
    throw error;
  }
  try {
    const options = await resolveOptions(program.opts<Flags>(), io, io.hyperlinkSupport);
    const source = await loadSource(program.args[0], io);
    const rendered = await renderDocument(source.text, options, { guard: createGuard((io.timeLimitMs ?? timeLimitMs)(source.text.length)) });
    await writeOutput(printable(rendered), io, options.paging);
    return EXIT.ok;
  } catch (error) {
    io.stderr.write(formatError(describe(error)));
    return error instanceof BroadsheetError ? error.exitCode : EXIT.usage;
  }
}

function printable(rendered: Rendered): string {
  return rendered.kind === 'json' ? safeJson(rendered.value) : rendered.text;
}

/** One line for any failure, never a stack trace. */
function describe(error: unknown): string {
  if (error instanceof BroadsheetError) return error.message;
  if (error instanceof RangeError) {
    // A limit of the JavaScript engine that no check of ours foresaw: say which one.
    if (/call stack/i.test(error.message)) return 'document is nested too deeply to parse (the parser ran out of stack)';
    return `document is too large to render (${sanitizeLine(error.message)})`;
  }
  // A system error (a full disk, say) explains itself; anything else is a bug of ours.
  if (typeof (error as NodeJS.ErrnoException)?.code === 'string') return sanitizeLine((error as Error).message);
  return sanitizeLine(`internal error: ${String((error as Error)?.message ?? error)}`);
}
