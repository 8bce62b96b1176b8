/** The grammars in dist/common-grammars.cjs (common-grammars.ts): known without loading it. */
export const COMMON_GRAMMARS = ['bash', 'css', 'graphql', 'javascript', 'json', 'plaintext', 'python', 'shell', 'typescript', 'xml', 'yaml'] as const;

export const isCommonGrammar = (name: string): name is (typeof COMMON_GRAMMARS)[number] => (COMMON_GRAMMARS as readonly string[]).includes(name);
