/**
 * A value made on its first use, then kept. For what only some documents need and costs to make
 * at load: V8 parses a regular expression when it is made, and a Unicode class such as \p{L} is
 * a set to build (~0.3 ms each), at every start-up of a document that may never use it.
 */
export function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

/** V8's length from which a pattern's first run makes machine code (JSRegExp::kTierUpForSubjectLengthValue). */
export const LONG_SUBJECT = 1000;

/**
 * A regular expression made on its first use (as `once`), and run there once on `sample` padded
 * with spaces to LONG_SUBJECT characters. V8 compiles a pattern when it first runs: bytecode for
 * a shorter subject (then machine code when it runs again), machine code at once for a longer
 * one. For a pattern of large Unicode classes the bytecode is by far the costlier: words.ts's
 * word pattern took 2.5 ms to compile on its first short run, 0.65 ms as machine code. `sample`
 * has the width of the texts the pattern will read (Latin-1, or two-byte: a character above
 * U+00FF), as V8 keeps code for each apart; the other width then gets machine code at once too.
 */
export function compiledOnce(make: () => RegExp, sample: string): () => RegExp {
  return once(() => {
    const pattern = make();
    pattern.exec(sample.padEnd(LONG_SUBJECT, ' '));
    pattern.lastIndex = 0;
    return pattern;
  });
}
