/** Shared by the tests: run the built bin in a clean environment, and compare with golden files. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(ROOT, 'bin', 'broadsheet.cjs');
export const FIXTURES = join(ROOT, '__tests__', 'fixtures');
export const GOLDEN = join(ROOT, '__tests__', 'golden');

/** An environment built from scratch: nothing that changes behaviour unless a case sets it. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', TERM: 'dumb', LANG: 'C.UTF-8', ...extra };
}

export interface Run {
  stdout: string;
  stderr: string;
  status: number | null;
}

export function runBin(args: string[], options: { env?: Record<string, string>; input?: string | Buffer; timeout?: number } = {}): Run {
  const result: SpawnSyncReturns<string> = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: cleanEnv(options.env),
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: options.timeout ?? 30000,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

/** Compare with a golden file; `UPDATE_GOLDEN=1 npm test` rewrites them (never edit by hand). */
export function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
    if (process.env.CI && !existsSync(path)) throw new Error(`golden file ${name} is missing`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
  }
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

export const CONTROL_OR_BIDI = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u2028-\u202E\u2060\u2066-\u2069\uFEFF]/;
