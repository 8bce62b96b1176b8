/** hyphen (ytiurin/hyphen) ships no types: the one function broadsheet uses. */
declare module 'hyphen/*' {
  /** The text with soft hyphens (U+00AD, or `hyphenChar`) where words may break. */
  export function hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string;
}
