/** See marked-gfm-only.mjs: marked's source without the rules a GFM lexer never uses, and GFM's closing-delimiter rules built on first use, its punctuation classes spliced as text. */
export function gfmOnly(source: string): { code: string; removed: string[]; deferred: string[]; asText: string[] } | undefined;
/** The esbuild plugin that bundles marked through gfmOnly. */
export const markedForGfm: import('esbuild').Plugin;
