/** See highlight-long-first-run.mjs: MultiRegex.exec as it ships, and what the build puts in its place. */
export const ORIGINAL: string;
export const REPLACEMENT: string;
export const longFirstRunPatch: import('./highlight-core.mjs').CorePatch;
