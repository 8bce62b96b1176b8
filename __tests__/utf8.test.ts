import fc from 'fast-check';
import { mayHaveMore, utf8Chunks } from '../src/utf8.js';
import { textPieces } from './helpers.js';

describe('utf8Chunks', () => {
  it('encodes pieces as their joined text, in chunks no larger than the buffer, never splitting a character', () => {
    fc.assert(
      fc.property(textPieces, fc.integer({ min: 1, max: 40 }), (parts, bufferBytes) => {
        // Each chunk is the same reused buffer: copied as it comes.
        const chunks = Array.from(utf8Chunks(parts, bufferBytes), (chunk) => Buffer.from(chunk));
        expect(Buffer.concat(chunks).toString()).toBe(parts.join(''));
        // Every chunk but the last says there may be more.
        expect(chunks.slice(0, -1).every((chunk) => mayHaveMore(chunk, bufferBytes))).toBe(true);
        for (const chunk of chunks) {
          expect(chunk.length).toBeGreaterThan(0);
          expect(chunk.length).toBeLessThanOrEqual(Math.max(8, bufferBytes));
          expect(chunk.toString()).not.toContain('\uFFFD');
        }
      }),
    );
  });

  it('gives a text that fits the largest buffer as one chunk, however long', () => {
    const text = 'Une phrase, “quoted”, 字 and 😀.\n'.repeat(5000);
    const chunks = [...utf8Chunks([text, text], 1 << 20)];
    expect(chunks).toHaveLength(1);
    expect(mayHaveMore(chunks[0]!, 1 << 20)).toBe(false);
    expect(Buffer.from(chunks[0]!).toString()).toBe(text + text);
  });

  it('makes no chunk for no text', () => {
    expect([...utf8Chunks(['', ''])]).toEqual([]);
  });

  it('encodes a piece only when the next chunk is asked for', () => {
    const made: string[] = [];
    const chunks = utf8Chunks(
      (function* () {
        for (const piece of ['abcdefgh', 'ijklmnop', 'qr']) {
          made.push(piece);
          yield piece;
        }
      })(),
      8,
    );
    expect(Buffer.from(chunks.next().value!).toString()).toBe('abcdef');
    expect(made).toEqual(['abcdefgh']);
  });
});
