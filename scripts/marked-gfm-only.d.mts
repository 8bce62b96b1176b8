/** See marked-gfm-only.mjs: marked's source without the rules a GFM lexer never uses, and GFM's closing-delimiter rules built on first use, its punctuation classes spliced as text (with `\p{P}\p{S}` as ranges), its class of letters and digits built on first use. */
export function gfmOnly(source: string): { code: string; removed: string[]; deferred: string[]; asText: string[]; punctuation: string[] } | undefined;
/** `\p{P}\p{S}` written out as the ranges this Node's ICU gives it (`\u{...}` escapes). */
export function punctuationRanges(): string;
/** The esbuild plugin that bundles marked through gfmOnly. */
export const markedForGfm: import('esbuild').Plugin;
