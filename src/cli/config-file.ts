/**
 * Where the config file is (config.ts says what it holds) and its text: without commander, so a
 * run that reads its command line without it (quick-args.ts) asks only whether there is one.
 */
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { BroadsheetError } from '../errors.js';
import { fsError } from '../load/read.js';
import { sanitizeLine } from '../sanitize.js';

export type Env = Readonly<Record<string, string | undefined>>;

/** Where the config is looked for; undefined without BROADSHEET_CONFIG_PATH, XDG_CONFIG_HOME or HOME. */
export function configPath(env: Env): string | undefined {
  if (env.BROADSHEET_CONFIG_PATH) return env.BROADSHEET_CONFIG_PATH;
  // A relative XDG_CONFIG_HOME is ignored, as the XDG Base Directory specification says.
  const base = env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : env.HOME ? join(env.HOME, '.config') : undefined;
  return base === undefined ? undefined : join(base, 'broadsheet', 'config');
}

/**
 * Whether something is at `path`: no, without an exception (every run asks), where nothing is or
 * the path goes through a file (ENOTDIR); any other error is thrown.
 */
function isThere(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return false;
    throw error;
  }
}

/** The file's text, or undefined when there is no such file. */
export function readConfig(path: string): string | undefined {
  try {
    return isThere(path) ? readFileSync(path, 'utf8') : undefined;
  } catch (error) {
    const { message } = fsError(error, sanitizeLine(path));
    throw new BroadsheetError('usage', `config ${message}`);
  }
}

/**
 * Whether a run has a config to read: a file where it is looked for, or a path that cannot be
 * looked at (readConfig words that error). False where readConfig finds no file.
 */
export function hasConfig(env: Env): boolean {
  const path = configPath(env);
  if (path === undefined) return false;
  try {
    return isThere(path);
  } catch {
    return true;
  }
}
