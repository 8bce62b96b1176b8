/**
 * One error class for everything broadsheet reports to a user. The exit codes follow grep:
 * 0 success, 1 "a selector matched nothing (or too much)", 2 usage and input errors.
 */
export const EXIT = { ok: 0, notFound: 1, usage: 2 } as const;

export type ErrorCode =
  | 'usage'
  | 'not-found'
  | 'ambiguous'
  | 'missing-file'
  | 'is-directory'
  | 'unreadable'
  | 'binary'
  | 'too-large'
  | 'too-deep'
  | 'too-slow'
  | 'output-failed'
  // broadsheet import: a page that cannot be fetched, is not HTML or holds no article; an
  // article already stored; a store that cannot be written (all exit 2, like other input errors).
  | 'fetch-failed'
  | 'not-html'
  | 'no-article'
  | 'exists'
  | 'unwritable';

/** Marks our errors across bundles: a lazy bundle (import.cjs) has its own copy of this class. */
const BRAND = Symbol.for('broadsheet.error');

export class BroadsheetError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: number;

  /** `instanceof` by brand, not by class identity, so an error from any bundle is ours. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  constructor(code: ErrorCode, message: string) {
    super(message);
    (this as unknown as Record<symbol, unknown>)[BRAND] = true;
    this.name = 'BroadsheetError';
    this.code = code;
    this.exitCode = code === 'not-found' || code === 'ambiguous' ? EXIT.notFound : EXIT.usage;
  }
}

/** The single line a user sees on stderr; newlines are folded so it stays one line. */
export function formatError(message: string): string {
  return `broadsheet: ${message.replace(/\s*\n\s*/g, ' ').trim()}\n`;
}
