/** See highlight-count-groups.mjs: the capturing groups in a pattern's source, read rather than compiled. */
export function countGroups(source: string): number;
/** highlight.js's countMatchGroups as it ships, and what the build puts in its place. */
export const ORIGINAL: string;
export const REPLACEMENT: string;
export const countGroupsPatch: import('./highlight-core.mjs').CorePatch;
