/** A change to highlight.js's core: the text it replaces, once, and what the build puts in its place. */
export interface CorePatch {
  file: string;
  what: string;
  original: string;
  replacement: string;
  without: string;
}
export const PATCHES: CorePatch[];
/** The esbuild plugin that bundles highlight.js's core with every patch applied. */
export const highlightCore: import('esbuild').Plugin;
