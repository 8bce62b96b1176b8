/** See highlight-count-groups.mjs: the capturing groups in a pattern's source, read rather than compiled. */
export function countGroups(source: string): number;
/** highlight.js's countMatchGroups as it ships, and what the build puts in its place. */
export const ORIGINAL: string;
export const REPLACEMENT: string;
/** The esbuild plugin that bundles highlight.js's core with REPLACEMENT. */
export const highlightCountGroups: import('esbuild').Plugin;
