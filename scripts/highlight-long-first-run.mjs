// highlight.js scans code with one pattern per mode (and per point it may resume at): all of the
// mode's rules joined in an alternation, made when the mode is first entered. V8 compiles a
// pattern on its first run, and how depends on the string: under 1,000 characters (a code block
// almost always) it makes bytecode, and machine code when the pattern runs again; from 1,000
// characters it makes machine code at once. For these long alternations the bytecode is the
// costlier of the two (V8's peephole pass), and every pattern that runs twice paid for both.
// The highlighter's bundle runs each joined pattern once, first, on the string it is given
// padded with spaces to 1,000 characters: the same string width (V8 keeps machine code for
// Latin-1 and two-byte strings apart), so the code made is the code the scan runs. The match is
// dropped and lastIndex set again, as highlight.js sets it before every run. (As prime.ts does
// for marked's rules.) ajv's README's 32 blocks, highlighted in-process, first pass: 97.7 ->
// 76.3 ms, commander's 97.9 -> 80.3 ms (medians of 15, alternating).

/** V8's length from which a pattern's first run makes machine code (as src/document/prime.ts's LONG_SUBJECT). */
const LONG_SUBJECT = 1000;

export const ORIGINAL = '    exec(s) {\n      this.matcherRe.lastIndex = this.lastIndex;\n      const match = this.matcherRe.exec(s);\n';
export const REPLACEMENT = `    exec(s) {
      if (!this.ranLong) {
        this.ranLong = true;
        if (s.length < ${LONG_SUBJECT}) this.matcherRe.exec(s + ' '.repeat(${LONG_SUBJECT} - s.length));
      }
      this.matcherRe.lastIndex = this.lastIndex;
      const match = this.matcherRe.exec(s);
`;

/** The patch, as scripts/highlight-core.mjs applies it. */
export const longFirstRunPatch = {
  file: 'highlight-long-first-run.mjs',
  what: 'MultiRegex.exec',
  original: ORIGINAL,
  replacement: REPLACEMENT,
  without: 'colour runs with code ~20 ms slower',
};
