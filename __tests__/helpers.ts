/** Shared by the tests: run the built bin in a clean environment, and compare with golden files. */
import type { StdinKind } from '../src/load/source.js';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script, runInThisContext } from 'node:vm';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(ROOT, 'bin', 'broadsheet.cjs');
export const FIXTURES = join(ROOT, '__tests__', 'fixtures');
export const GOLDEN = join(ROOT, '__tests__', 'golden');

/** One of the built bundles' exports, loaded as bin/broadsheet.cjs loads it (each is written as a CommonJS module's function). */
export function loadBundle(name: string): unknown {
  const file = join(ROOT, 'dist', name);
  const wrapped = new Script(readFileSync(file, 'utf8'), { filename: file }).runInThisContext() as (...args: unknown[]) => void;
  const bundle = { exports: {} };
  wrapped(bundle.exports, createRequire(file), bundle, file, dirname(file));
  return bundle.exports;
}

/** Where the tests' runs look for a config file unless a case sets one: nowhere that exists. */
export const NO_CONFIG_HOME = '/nonexistent/broadsheet-tests/config-home';

/** An environment built from scratch: nothing that changes behaviour unless a case sets it (not the developer's config). */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', TERM: 'dumb', LANG: 'C.UTF-8', XDG_CONFIG_HOME: NO_CONFIG_HOME, ...extra };
}

export interface Run {
  stdout: string;
  stderr: string;
  status: number | null;
}

/** A run of main in-process, with stdout's bytes as written. */
export interface MainRun extends Run {
  bytes: Buffer;
}

export function runBin(args: string[], options: { env?: Record<string, string>; input?: string | Buffer; timeout?: number } = {}): Run {
  const result: SpawnSyncReturns<string> = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: cleanEnv(options.env),
    // Without input, stdin is /dev/null: a pipe, even an empty one, is read as the document.
    stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    input: options.input,
    encoding: 'utf8',
    timeout: options.timeout ?? 30000,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

/** Compare with a golden file; `UPDATE_GOLDEN=1 npm test` rewrites them (never edit by hand). */
/**
 * The dist bundles the built bin compiled for these arguments (broadsheet.cjs, html.cjs, ...):
 * the bin names each one it loads when BROADSHEET_REPORT_CODE_CACHE=1.
 */
export function bundlesLoaded(args: string[], options: { input?: string; env?: Record<string, string> } = {}): string[] {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: cleanEnv({ ...options.env, BROADSHEET_REPORT_CODE_CACHE: '1' }), encoding: 'utf8', input: options.input ?? '' });
  if (run.status !== 0) throw new Error(`broadsheet ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return [...run.stderr.matchAll(/^code cache for (\S+):/gm)].map((match) => match[1]!).sort();
}

export function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
  }
  // A missing golden file fails: writing it here would make the test pass without a review.
  if (!existsSync(path)) throw new Error(`golden file ${name} is missing: run UPDATE_GOLDEN=1 npm test and review it`);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

const OWN_ESCAPES = /\u001B\[[0-9;]*m|\u001B\]8;;[\x21-\x7E]*(?:\u001B\\|\u0007)/g;

/** Text with broadsheet's own SGR and OSC 8 codes removed. */
export function stripOwnEscapes(text: string): string {
  return text.replace(OWN_ESCAPES, '');
}

export const CONTROL_OR_BIDI = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u180E\u200B\u200E\u200F\u2028-\u202E\u2060\u2066-\u2069\uFEFF]/;

/** A stdout or stderr that keeps what is written to it. */
export class Capture {
  private readonly chunks: Buffer[] = [];
  write(data: string | Uint8Array, callback?: (error?: Error | null) => void): boolean {
    this.chunks.push(Buffer.from(data));
    callback?.(null);
    return true;
  }
  get bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
  get text(): string {
    return this.bytes.toString('utf8');
  }
  on(): this {
    return this;
  }
}

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * `main` in-process, as the bin would run it in a pipe with a clean environment: for the cases
 * that need no real process (a spawn costs ~50 ms; the hostile matrix has over a hundred).
 */
export async function runMain(args: string[], options: { env?: Record<string, string>; input?: string | Uint8Array; stdin?: StdinKind; timeLimitMs?: number } = {}): Promise<MainRun> {
  const { main } = await import('../src/cli/main.js');
  const stdout = new Capture();
  const stderr = new Capture();
  const input = options.input;
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : (input ?? new Uint8Array(0));
  const status = await main({
    argv: args,
    env: cleanEnv(options.env),
    stdout,
    stderr,
    stdoutIsTTY: false,
    // Given input arrives through a pipe; without it, stdin is /dev/null, as in a terminal's script.
    stdin: { kind: options.stdin ?? (input === undefined ? 'null' : 'pipe'), chunks: async function* () {
      yield bytes;
    } },
    articlesDir: join(ROOT, 'articles'),
    version: VERSION,
    timeLimitMs: options.timeLimitMs === undefined ? undefined : () => options.timeLimitMs!,
  });
  return { stdout: stdout.text, stderr: stderr.text, status, bytes: stdout.bytes };
}

/** Text with characters of one to four bytes, a surrogate pair among them, in pieces of any size (for UTF-8 encoders). */
export const textPieces = fc.array(fc.array(fc.constantFrom('a', ' ', '\n', 'é', '“', '字', '😀', '\u0301')).map((chars) => chars.join('')), { maxLength: 12 });

/** The patterns in a --print-regexp-bytecode listing: each one V8 compiled to bytecode (see src/document/prime.ts). */
export function bytecodePatterns(listing: string): string[] {
  return [...listing.matchAll(/^\[generated bytecode for regexp pattern: '([\s\S]*?)'\]$/gm)].map((match) => match[1]!);
}

/** Node run with `args` under --print-regexp-bytecode (V8 writes the listing to stdout, among the run's own output). */
export function runPrintingBytecode(args: string[], input?: string): Run & { compiled: string[] } {
  const run = spawnSync(process.execPath, ['--print-regexp-bytecode', ...args], { cwd: ROOT, env: cleanEnv(), input, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.error) throw run.error;
  return { stdout: run.stdout, stderr: run.stderr, status: run.status, compiled: bytecodePatterns(run.stdout) };
}

/**
 * esbuild bundling an entry that requires `node_modules/<path>`, written with `contents`, through
 * `plugins`: how a build plugin meets a dependency of another shape than the one it patches.
 */
export async function bundleWithDependency(path: string, contents: string, plugins: import('esbuild').Plugin[]): Promise<unknown> {
  const { build } = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'broadsheet-dependency-'));
  mkdirSync(dirname(join(dir, 'node_modules', path)), { recursive: true });
  writeFileSync(join(dir, 'node_modules', path), contents);
  writeFileSync(join(dir, 'entry.js'), `console.log(require('./node_modules/${path}'));\n`);
  return build({ entryPoints: [join(dir, 'entry.js')], bundle: true, write: false, logLevel: 'silent', plugins });
}

/** The vendored READMEs and changelogs (__tests__/corpus), as paths. */
export function corpusMarkdownFiles(): string[] {
  return ['readme', 'changelog'].flatMap((kind) => readdirSync(join(ROOT, '__tests__', 'corpus', kind)).filter((name) => name.endsWith('.md')).map((name) => join(ROOT, '__tests__', 'corpus', kind, name)));
}

/** Every fenced block (``` or ~~~) of the vendored READMEs and changelogs, with the first word of its info string (or ''). */
export function corpusFencedBlocks(): { lang: string; code: string }[] {
  return corpusMarkdownFiles().flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/^ {0,3}(`{3,}|~{3,})[ \t]*([^\s`]*)[^\n]*\n([\s\S]*?)^ {0,3}\1/gm)].map((match) => ({ lang: match[2]!, code: match[3]! })));
}

/** highlight.js with every grammar, bundled (as the build bundles it) through `plugins`, run in Node's own context. */
export async function bundledHighlightJs<T>(plugins: import('esbuild').Plugin[]): Promise<T> {
  const { build } = await import('esbuild');
  const nodeRequire = createRequire(import.meta.url);
  const bundled = await build({ entryPoints: [nodeRequire.resolve('highlight.js')], bundle: true, write: false, format: 'cjs', platform: 'node', logLevel: 'silent', plugins });
  const module = { exports: {} as T };
  (runInThisContext(`(function (module, exports, require) {${bundled.outputFiles[0]!.text}\n})`) as (...args: unknown[]) => void)(module, module.exports, nodeRequire);
  return module.exports;
}
