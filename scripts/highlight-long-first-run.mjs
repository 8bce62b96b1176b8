// highlight.js scans code with one pattern per mode (and per point it may resume at): all of the
// mode's rules joined in an alternation, made when the mode is first entered. V8 compiles a
// pattern on its first run, and how depends on the string: under 1,000 characters (a code block
// almost always) it makes bytecode, and machine code when the pattern runs again; from 1,000
// characters it makes machine code at once. For these long alternations the bytecode is the
// costlier of the two (V8's peephole pass), and every pattern that runs twice paid for both.
// The highlighter's bundle runs each joined pattern once, first, on the string it is given
// padded with spaces to 1,000 characters (long-first-run.mjs). The match is dropped and
// lastIndex set again, as highlight.js sets it before every run. ajv's README's 32 blocks,
// highlighted in-process, first pass: 97.7 -> 76.3 ms, commander's 97.9 -> 80.3 ms (medians of
// 15, alternating).
import { runLongFirst } from './long-first-run.mjs';

export const ORIGINAL = '    exec(s) {\n      this.matcherRe.lastIndex = this.lastIndex;\n      const match = this.matcherRe.exec(s);\n';
export const REPLACEMENT = `    exec(s) {
      if (!this.ranLong) {
        this.ranLong = true;
        ${runLongFirst('this.matcherRe', 's')}
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
