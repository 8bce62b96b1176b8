/**
 * The command line: flags -> Options, then load -> present -> output. The only layer besides
 * output.ts that knows about the process; `main` takes its world as arguments so tests can call it.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { readSourceFile, resolveSourcePath, decodeChecked, type Source } from './articles.js';
import { BroadsheetError, EXIT, formatError } from './errors.js';
import { FORMATS, LINK_STYLES, WHEN, parseWidth, resolveOptions, type Flags } from './options.js';
import { writeOutput, type Sink } from './output.js';
import type { Request } from './core.js';
import { sanitizeLine } from './sanitize.js';

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
  /** Renders; the process entry swaps in a time-limited worker for large inputs. */
  present?: (text: string, request: Request) => Promise<string>;
}

const HELP_AFTER = `
Examples:
  npx broadsheet                                 read the stored article
  broadsheet notes.md                            read any Markdown file (or - for stdin)
  broadsheet | grep -i energy                    plain text, one paragraph per line
  broadsheet --toc                               list the sections
  broadsheet -s 2 -s 'japan pm'                  sections by number or title
  broadsheet --toc --format json | jq -r '.[].slug'
  broadsheet CHANGELOG.md -s 1.2.0 -f markdown   one release's notes, byte for byte

Environment:
  NO_COLOR          set non-empty: no colour unless asked for
  FORCE_COLOR       set (not 0): colour even in a pipe
  BROADSHEET_PAGER  pager command; overrides PAGER; empty: no pager
  PAGER             pager command (default: less -R -F)

Exit status:
  0  success
  1  a --section selector matched nothing, or several sections equally well
  2  usage error, or input that cannot be read
`;

function choice<T extends string>(values: readonly T[], what: string) {
  return (value: string): T => {
    if ((values as readonly string[]).includes(value)) return value as T;
    throw new InvalidArgumentError(`${what} must be one of: ${values.join(', ')}`);
  };
}

function program(io: IO): Command {
  const width = (value: string) => {
    try {
      return parseWidth(value);
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message);
    }
  };
  return new Command('broadsheet')
    .description('Read a news article stored as Markdown in the terminal, set like a newspaper;\nlist and extract sections of any Markdown file for scripts.')
    .argument('[article]', 'a stored article\'s name, a Markdown file, or - for stdin (default: the stored article)')
    .option('-w, --width <columns>', 'wrap at this many columns, 0 for no wrapping\n(default: the terminal\'s width up to 80; no wrapping in a pipe)', width)
    .addOption(new Option('-f, --format <format>', 'ansi, text, markdown or json\n(default: ansi when colour is on, else text)').argParser(choice(FORMATS, 'format')))
    .addOption(new Option('--color <when>', 'colour: auto, always or never').default('auto').argParser(choice(WHEN, 'color')))
    .option('--no-color', 'same as --color never')
    .option('-t, --toc', 'list the sections: number, title, slug, words')
    .option('-s, --section <which>', 'only these sections: numbers, titles, slugs or\n"Parent > Child"; repeatable, comma-separated, ranges 1-2', (value: string, previous: string[] = []) => [...previous, value])
    .addOption(new Option('--paging <when>', 'page long output on a terminal: auto, always or never').default('auto').argParser(choice(WHEN, 'paging')))
    .option('--pager', 'same as --paging always')
    .option('--no-pager', 'same as --paging never')
    .addOption(new Option('--hyperlinks <when>', 'OSC 8 links in ansi: auto, always or never').default('auto').argParser(choice(WHEN, 'hyperlinks')))
    .addOption(new Option('--links <style>', 'show link targets inline or as numbered footnotes').default('inline').argParser(choice(LINK_STYLES, 'links')))
    .version(io.version, '-V, --version')
    .helpOption('-h, --help', 'show this help')
    .addHelpText('after', HELP_AFTER)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: () => {},
      getOutHelpWidth: () => 80,
      getErrHelpWidth: () => 80,
    });
}

export async function main(io: IO): Promise<number> {
  const cli = program(io);
  try {
    cli.parse(io.argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT.ok;
      io.stderr.write(formatError(sanitizeLine(error.message.replace(/^error: /, ''))));
      return EXIT.usage;
    }
    throw error;
  }
  const flags = cli.opts<Flags>();
  const facts = { stdoutIsTTY: io.stdoutIsTTY, columns: io.columns, env: io.env };
  let options = resolveOptions(flags, facts);
  if (options.format === 'ansi' && io.stdoutIsTTY && (flags.hyperlinks ?? 'auto') === 'auto' && io.hyperlinkSupport) {
    options = resolveOptions(flags, { ...facts, hyperlinkSupport: await io.hyperlinkSupport() });
  }
  const [article] = cli.args;
  try {
    const source = await load(article, io);
    const output = await (io.present ?? renderHere)(source.text, options);
    await writeOutput(output, io, options.paging);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof BroadsheetError) {
      io.stderr.write(formatError(error.message));
      return error.exitCode;
    }
    // A bug or a limit we did not foresee: one line, never a stack trace.
    const message = error instanceof RangeError ? 'document is too deeply nested or too large to render' : String((error as Error)?.message ?? error);
    io.stderr.write(formatError(sanitizeLine(message)));
    return EXIT.usage;
  }
}

/** The core is imported only once flags are parsed: `--help` and usage errors never load it. */
export async function renderHere(text: string, request: Request): Promise<string> {
  const [{ present }, { prepare }] = await Promise.all([import('./core.js'), import('./prepare.js')]);
  await prepare(text, request);
  return present(text, request);
}

async function load(article: string | undefined, io: IO): Promise<Source> {
  const path = resolveSourcePath(article, io.articlesDir);
  if (path === '-') return { name: 'stdin', text: decodeChecked(await io.readStdin(), 'stdin') };
  return readSourceFile(path, article ?? path);
}

