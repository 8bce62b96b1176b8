/**
 * entities' tables of character references, decoded as the HTML and entities bundles decode
 * them (scripts/entity-tables.mjs): the same 16-bit words as entities' own decoding, for its
 * real tables and for any base64 text; and the change applies to the installed package.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ORIGINAL, REPLACEMENT } from '../scripts/entity-tables.mjs';

const nodeRequire = createRequire(import.meta.url);
// The package's root, from its decoder (dist/<build>/decode.js): its exports map lists no package.json.
const entities = join(dirname(nodeRequire.resolve('entities/decode')), '..', '..');
/** A function body (the text ends with the function's closing brace) as a function of `input`. */
const asFunction = (body: string) => new Function('input', body.slice(0, body.lastIndexOf('}'))) as (input: string) => Uint16Array;
const theirs = asFunction(ORIGINAL);
const ours = asFunction(REPLACEMENT);

describe("entities' tables, decoded natively", () => {
  it('applies to both builds of the installed entities, once each', () => {
    for (const build of ['esm', 'commonjs']) {
      const source = readFileSync(join(entities, 'dist', build, 'internal', 'decode-shared.js'), 'utf8');
      expect([build, source.split(ORIGINAL).length]).toEqual([build, 2]);
    }
  });

  it("gives entities' own words for its HTML and XML tables", () => {
    for (const table of ['html', 'xml']) {
      const source = readFileSync(join(entities, 'dist', 'commonjs', 'generated', `decode-data-${table}.js`), 'utf8');
      const base64 = /decodeBase64\)\("([^"]+)"\)/.exec(source)![1]!;
      const words = ours(base64);
      expect(words.length).toBeGreaterThan(table === 'html' ? 10_000 : 20);
      expect(Array.from(words)).toEqual(Array.from(theirs(base64)));
    }
  });

  it('gives the same words for any bytes, of odd length too', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const base64 = Buffer.from(bytes).toString('base64');
        expect(Array.from(ours(base64))).toEqual(Array.from(theirs(base64)));
      }),
      { numRuns: 500 },
    );
  });
});
