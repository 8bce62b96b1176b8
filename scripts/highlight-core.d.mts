/** A change to highlight.js's core (patched-package.mjs). */
export type CorePatch = import('./patched-package.mjs').PackagePatch;
export const PATCHES: CorePatch[];
/** The esbuild plugin that bundles highlight.js's core with every patch applied. */
export const highlightCore: import('esbuild').Plugin;
