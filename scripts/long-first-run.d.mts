/** See long-first-run.mjs: V8's long-subject length, and code that makes a pattern's first run a long one. */
export const LONG_SUBJECT: number;
export function runLongFirst(pattern: string, text: string): string;
