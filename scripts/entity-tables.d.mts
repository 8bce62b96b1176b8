/** See entity-tables.mjs: entities' decodeBase64 body as it ships, and what the build puts in its place. */
export const ORIGINAL: string;
export const REPLACEMENT: string;
export const entityTablesPatch: import('./patched-package.mjs').PackagePatch;
/** The esbuild plugin that applies it. */
export const entityTables: import('esbuild').Plugin;
