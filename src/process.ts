/**
 * Runs `main` against the real process: the one place that reads process.* for the CLI. Bundled
 * as CommonJS (dist/broadsheet.cjs) and started by bin/broadsheet.cjs.
 */
import { fstatSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { main, type IO } from './cli/main.js';
import type { Stdin, StdinKind } from './load/source.js';
import { formatError } from './errors.js';
import { backgroundFromOsc11 } from './options.js';
import { DescriptorSink, descriptorStdout } from './output.js';

declare const BROADSHEET_VERSION: string | undefined;

/**
 * process.stdout and process.stderr are created on first use, and each costs start-up time (see
 * descriptorStdout): a run that writes to a pipe or file, and nothing to stderr, needs neither.
 * Those this run has used are kept here, for the exit to see whether they have written everything.
 */
const usedStreams = new Set<NodeJS.WriteStream>();
function std(name: 'stdout' | 'stderr'): NodeJS.WriteStream {
  const stream = process[name];
  usedStreams.add(stream);
  return stream;
}

function processIO(argv: string[]): IO {
  const descriptor = descriptorStdout(() => std('stdout'));
  const terminal = descriptor ? undefined : std('stdout');
  return {
    argv,
    env: process.env,
    get stdout() {
      return descriptor ?? std('stdout');
    },
    get stderr() {
      return std('stderr');
    },
    stdoutIsTTY: terminal?.isTTY === true,
    columns: terminal?.columns,
    rows: terminal?.rows,
    stdin: { kind: stdinKind(), chunks: () => process.stdin },
    articlesDir: join(__dirname, '..', 'articles'),
    // Inlined at build time; reading package.json would cost a file read at every start.
    version: typeof BROADSHEET_VERSION === 'string' ? BROADSHEET_VERSION : '0.0.0',
    hyperlinkSupport: async () => (await import('supports-hyperlinks')).createSupportsHyperlinks(std('stdout')),
    background: askBackground,
  };
}

export async function run(): Promise<void> {
  try {
    process.exitCode = await main(processIO(process.argv.slice(2)));
  } catch (error) {
    std('stderr').write(formatError(`internal error: ${(error as Error)?.message ?? String(error)}`));
    process.exitCode = 2;
  }
  // Left to end by itself, Node first waits for V8 to finish compiling hot functions in the
  // background, code nothing will run: 5-20 ms of every run (more after a long document). When
  // every byte written is with the OS, nothing is lost by leaving at once.
  if (allWritten(usedStreams)) process.exit();
}

/**
 * Whether nothing written is still queued: files and terminals are written synchronously, the
 * descriptor sink too; a pipe's stream holds what the OS did not take yet in writableLength.
 */
export function allWritten(streams: Iterable<{ writableLength: number }>): boolean {
  for (const stream of streams) if (stream.writableLength > 0) return false;
  return true;
}

/**
 * Run the common paths once, output discarded, so the build's V8 code caches hold their compiled
 * functions (see bin/broadsheet.cjs). `articleDone` is called after the article's runs as text,
 * in colour and as a table of contents: the bin takes the main bundle's cache for the stored
 * article there. V8 reads all of a cache at every start, so functions of other paths in it
 * (JSON, Markdown, --help) cost every run more than compiling them cost the runs that use them:
 * when this cache was made so (352 KB against 447 KB), each of those three runs took ~4 ms less
 * in-process, from reading the bundle to exiting. `documentsDone` is called after a README's
 * runs as text and in colour: the bin takes the cache for documents of the reader's own there,
 * the article's functions and what READMEs add (439 KB against the article's 367 KB; the article
 * as text ~0.4 ms slower with it, READMEs and changelogs 1.1-4.3 ms faster as text).
 */
export async function warmUp(articleDone: () => void = () => {}, documentsDone: () => void = () => {}): Promise<void> {
  const { Writable } = await import('node:stream');
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  // As into a pipe or file (output.ts writes to the descriptor as it renders), but nowhere.
  const descriptor = new DescriptorSink(-1, () => sink, (_fd, bytes, offset) => bytes.length - offset);
  const stdin: Stdin = { kind: 'null', chunks: async function* () {} };
  // As for a reader without a config file (one stat, no file), whoever builds: with one, every
  // run would go through commander (quick-args.ts), and the caches would hold that path.
  const env = { ...process.env, BROADSHEET_CONFIG_PATH: join(__dirname, 'no-config') };
  for (const argv of [['--format', 'text'], ['--color', 'always', '--hyperlinks', 'always', '-w', '80'], ['--toc']]) {
    await main({ ...processIO(argv), env, stdin, stdout: descriptor, stderr: sink, stdoutIsTTY: false });
  }
  articleDone();
  // What READMEs use and the article does not: the lazy bundles for HTML, entities, emoji,
  // YAML and highlighting are loaded (and the bin keeps their code caches too).
  const readme = Buffer.from(WARM_UP_README);
  const piped: Stdin = {
    kind: 'pipe',
    chunks: async function* () {
      yield readme;
    },
  };
  for (const argv of [['-', '-w', '80'], ['-', '--color', 'always', '-w', '80']]) {
    await main({ ...processIO(argv), env, stdin: piped, stdout: sink, stderr: sink, stdoutIsTTY: false });
  }
  documentsDone();
  // The command lines commander reads (help, errors, the config file) load its bundle, whose
  // cache is written after this: its help is compiled here.
  await main({ ...processIO(['--help']), env, stdin, stdout: sink, stderr: sink, stdoutIsTTY: false });
}

const WARM_UP_README = `---
title: Sample
tags: [a, b]
---

<h1 align="center">Sample &amp; more</h1>

<p align="center"><img alt="logo" src="logo.png"><br><a href="https://example.com">site</a></p>

A paragraph with :rocket: and &copy; and a [link](https://example.com), \`code\` and **bold**.

| a | b |
|---|---|
| 1 | 2 |

\`\`\`js
const x = 1;
\`\`\`

## Install with \`npm\`

[![badge](https://example.com/badge.svg)](https://example.com) ~~old~~ <https://example.com>

- one item with *emphasis*
  - a nested item
1. first
2. second
- [x] done

> [!NOTE]
> A note.

> A quote.

<details><summary>More</summary>

Hidden text.

</details>

---

\`\`\`sh
npm install sample
\`\`\`

\`\`\`ts
export const answer: number = 42;
\`\`\`

\`\`\`json
{ "name": "sample", "version": "1.0.0" }
\`\`\`

\`\`\`console
$ sample --help
\`\`\`

\`\`\`python
def answer():
    return 42
\`\`\`

\`\`\`yaml
name: sample
\`\`\`

\`\`\`html
<p class="note">Hello</p>
\`\`\`
`;

/** How long a terminal has to answer; a local one answers in a few ms. */
const BACKGROUND_TIMEOUT_MS = 100;

/**
 * Ask the terminal for its background colour (OSC 11), followed by a device-attributes query
 * (DA1) that every terminal answers: when the DA1 answer comes first, the terminal does not know
 * OSC 11, and nothing is left to arrive later and land in the shell's input. Read in raw mode;
 * undefined when there is no answer in time, or stdin is not the terminal.
 */
function askBackground(): Promise<'dark' | 'light' | undefined> {
  const stdin = process.stdin;
  if (!stdin.isTTY || !std('stdout').isTTY) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    let answer = '';
    const finish = () => {
      clearTimeout(timer);
      stdin.off('data', read);
      stdin.setRawMode(false);
      stdin.pause();
      resolve(backgroundFromOsc11(answer));
    };
    const read = (chunk: Buffer) => {
      answer += chunk.toString('latin1');
      // eslint-disable-next-line no-control-regex
      if (/\u001B\[\?[\d;]*c/.test(answer)) finish();
    };
    const timer = setTimeout(finish, BACKGROUND_TIMEOUT_MS);
    stdin.setRawMode(true);
    stdin.on('data', read);
    stdin.resume();
    std('stdout').write('\u001B]11;?\u001B\\\u001B[c');
  });
}

/** What standard input is, from its descriptor: process.stdin is created only to read it. */
function stdinKind(): StdinKind {
  try {
    const stat = fstatSync(0);
    if (stat.isFIFO()) return 'pipe';
    if (stat.isFile()) return 'file';
    if (stat.isSocket()) return 'socket';
    if (stat.isDirectory()) return 'directory';
    if (stat.isCharacterDevice()) {
      if (stat.rdev === statSync('/dev/null').rdev) return 'null';
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return (require('node:tty') as typeof import('node:tty')).isatty(0) ? 'terminal' : 'device';
    }
    return 'device';
  } catch {
    return 'closed';
  }
}

export type { Stdin };
