// V8 compiles a regular expression on its first run, and how depends on the string: under 1,000
// characters it makes bytecode, and machine code when the pattern runs again; from 1,000
// characters it makes machine code at once. For long patterns the bytecode is the costlier of
// the two (V8's peephole pass). The build's patches to highlight.js and marked run such a
// pattern first on its string padded with spaces to that length: the same string width (V8 keeps
// machine code for Latin-1 and two-byte strings apart), so the code made is the code the real
// runs use. (src/document/prime.ts primes marked's other rules the same way, and has the same
// LONG_SUBJECT: a build script cannot import the TypeScript source.)

/** V8's length from which a pattern's first run makes machine code (JSRegExp::kTierUpForSubjectLengthValue). */
export const LONG_SUBJECT = 1000;

/** Code that runs `pattern` once on `text` padded to LONG_SUBJECT characters, when `text` is shorter; the match is dropped. */
export const runLongFirst = (pattern, text) => `if (${text}.length < ${LONG_SUBJECT}) ${pattern}.exec(${text} + ' '.repeat(${LONG_SUBJECT} - ${text}.length));`;
