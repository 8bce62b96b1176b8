/**
 * Text encoded as UTF-8 a buffer at a time: a long text is never encoded whole (10 MB would be
 * copied into 10 MB of fresh memory first), and its pieces can die as soon as they are encoded.
 */

/**
 * `pieces`, in order, encoded into one reused buffer of `bufferBytes`: each chunk is the buffer's
 * filled part, valid until the next one is asked for.
 */
export function* utf8Chunks(pieces: Iterable<string>, bufferBytes = 1 << 18): Generator<Uint8Array, void, undefined> {
  // Room for a surrogate pair (6 bytes at 3 a unit) at the least.
  const buffer = Buffer.allocUnsafe(Math.max(8, bufferBytes));
  let used = 0;
  for (const piece of pieces) {
    for (let from = 0; from < piece.length; ) {
      // At most 3 bytes a UTF-16 unit: what fits is known before encoding.
      let to = Math.min(from + Math.floor((buffer.length - used) / 3), piece.length);
      // A surrogate pair stays in one buffer.
      if (to < piece.length && isHighSurrogate(piece.charCodeAt(to - 1))) to--;
      if (to > from) {
        used += buffer.write(from === 0 && to === piece.length ? piece : piece.slice(from, to), used);
        from = to;
      } else {
        yield buffer.subarray(0, used);
        used = 0;
      }
    }
  }
  if (used > 0) yield buffer.subarray(0, used);
}

/**
 * Whether a chunk of utf8Chunks(…, bufferBytes) may have more after it: every chunk but the last
 * is full, within 5 bytes of `bufferBytes` (the next character did not fit). One shorter is the
 * last, and no step needs to run to find out.
 */
export const mayHaveMore = (chunk: Uint8Array, bufferBytes: number): boolean => chunk.length > Math.max(8, bufferBytes) - 6;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
