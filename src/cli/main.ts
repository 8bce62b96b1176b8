/**
 * The command line, start to end: argv -> Options -> load -> the pipeline -> output. It takes
 * its world as an argument (IO), so tests run it in-process; process.ts gives it the real one.
 */
import { BroadsheetError, EXIT, formatError } from '../errors.js';
import { createGuard, timeLimitMs } from '../guard.js';
import { megabytes } from '../load/read.js';
import { loadSource, type Source, type Stdin } from '../load/source.js';
import { listArticles, userStore, type Library } from '../load/store.js';
import { loadKit } from '../kit.js';
import { listedArticles, renderList } from '../render/list.js';
import { resolveOptions, type Flags, type Options } from '../options.js';
import { writeOutput, writeRendering, type Printable, type Sink } from '../output.js';
import { isReaderFormat, prepareDocument, renderChunks, renderParsed, type Rendered } from '../pipeline.js';
import { safeJson, sanitizeLine } from '../sanitize.js';
import { hasConfig } from './config-file.js';
import { quickArgs } from './quick-args.js';

export interface IO {
  argv: string[];
  env: Readonly<Record<string, string | undefined>>;
  stdout: Sink;
  stderr: Sink;
  stdoutIsTTY: boolean;
  columns?: number;
  rows?: number;
  stdin: Stdin;
  /** The articles that ship with broadsheet. */
  articlesDir: string;
  version: string;
  /** Whether the terminal shows OSC 8 links; asked only when the answer matters. */
  hyperlinkSupport?: () => Promise<boolean>;
  /** The terminal's background (OSC 11); asked only for `--theme auto` on a terminal. */
  background?: () => Promise<'dark' | 'light' | undefined>;
  /** Processing time allowed for a document of this many characters (tests shorten it). */
  timeLimitMs?: (length: number) => number;
}

/**
 * Rendering a whole document takes ~25 times its size in memory (JSON the most); past this, only
 * what needs less is done: the table of contents, sections, Markdown extraction.
 */
export const RENDER_LIMIT = 32 * 2 ** 20;

export async function main(io: IO): Promise<number> {
  try {
    // The common command lines without commander (quick-args.ts); the rest, and a run with a
    // config file, with it.
    const quick = quickArgs(io.argv);
    const line = quick && !hasConfig(io.env) ? quick : await (await import('./command-line.js')).readCommandLine(io);
    if ('exit' in line) return line.exit;
    return await read(line.flags, line.article, io);
  } catch (error) {
    io.stderr.write(formatError(describe(error)));
    return error instanceof BroadsheetError ? error.exitCode : EXIT.usage;
  }
}

/** Reads the article (or the listing) the flags ask for, and writes it. */
async function read(flags: Flags, article: string | undefined, io: IO): Promise<number> {
  const options = await resolveOptions(flags, io, { hyperlinkSupport: io.hyperlinkSupport, background: io.background });
  const library = { user: userStore(io.env), bundled: io.articlesDir };
  if (options.list) {
    await writeOutput(await listing(library, options), io, options.paging);
    return EXIT.ok;
  }
  const source = await loadSource(article, { library, stdin: io.stdin, encoding: options.encoding });
  if (source.warning) io.stderr.write(formatError(source.warning));
  checkRenderable(source, options);
  // A stored article is an article: its header shows its length and reading time.
  const request = { ...options, stats: options.stats ?? (source.stored ? true : undefined) };
  const warn = (message: string) => io.stderr.write(formatError(`${source.name}: ${message}`));
  const guard = createGuard((io.timeLimitMs ?? timeLimitMs)(source.text.length));
  const prepared = await prepareDocument(source, request, { guard, warn });
  // The reader's formats are written as they are rendered (output.ts); the others whole.
  if (isReaderFormat(prepared.request)) await writeRendering((bufferBytes) => renderChunks(prepared, bufferBytes), guard, io, options.paging);
  else await writeOutput(printable(guard(() => renderParsed(prepared.doc, prepared.selection, prepared.request, prepared.kit))), io, options.paging);
  return EXIT.ok;
}

/** `--list`: the stored articles, as a table or JSON. */
async function listing(library: Library, options: Options): Promise<string> {
  const articles = await listedArticles(listArticles(library));
  if (options.format === 'json') return safeJson(articles);
  return renderList(articles, options.width, await loadKit({ ansi: options.format === 'ansi', unicode: true, highlight: false }));
}

function checkRenderable(source: Source, options: Options): void {
  const whole = options.sections.length === 0 && !options.toc && options.format !== 'markdown';
  if (whole && source.bytes.length > RENDER_LIMIT) {
    throw new BroadsheetError('too-large', `${source.name}: too large to render whole (limit ${megabytes(RENDER_LIMIT)}); --toc, --section and --format markdown read it`);
  }
}

function printable(rendered: Rendered): Printable {
  if (rendered.kind === 'json') return safeJson(rendered.value);
  if (rendered.kind === 'pieces') return rendered.pieces.join('');
  return rendered.kind === 'bytes' ? rendered.bytes : rendered.text;
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
