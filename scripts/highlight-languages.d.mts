/** The source of src/highlight/languages.ts for the installed highlight.js. */
export function languagesSource(): string;
