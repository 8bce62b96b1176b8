/** hyphen (ytiurin/hyphen) ships no types: the one function broadsheet uses. */
declare module 'hyphen/*' {
  /** CommonJS: its exports are made at run time, so an ES module imports them as the default. */
  const hyphen: {
    /** The text with soft hyphens (U+00AD, or `hyphenChar`) where words may break. */
    hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string;
  };
  export default hyphen;
}
