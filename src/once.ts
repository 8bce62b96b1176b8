/**
 * A value made on its first use, then kept. For what only some documents need and costs to make
 * at load: V8 parses a regular expression when it is made, and a Unicode class such as \p{L} is
 * a set to build (~0.3 ms each), at every start-up of a document that may never use it.
 */
export function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}
