/** See marked-gfm-only.mjs: marked's source without the rules a GFM lexer never uses. */
export function gfmOnly(source: string): { code: string; removed: string[] } | undefined;
/** The esbuild plugin that bundles marked through gfmOnly. */
export const markedForGfm: import('esbuild').Plugin;
