// The `entities` package keeps its tables of HTML's and XML's character references as base64
// text, decoded into 16-bit words when its module loads: atob, then a loop over every pair of
// characters. That loop runs once, cold, in V8's interpreter: ~0.8 ms of every run that loads
// the HTML bundle (htmlparser2 reads the tables) or the entities bundle (broadsheet's own
// decoding), both for a README with HTML and a reference. The bundles decode the same bytes with
// Buffer (native) and copy them into the words at once where the machine is little-endian, as
// the tables are; elsewhere a pair at a time, as before. A test holds the tables equal.
//
// scripts/build.mjs applies it (patched-package.mjs); when entities' function is not the one
// this expects (a new release), the build fails, saying so.

import { patchedPackage } from './patched-package.mjs';

export const ORIGINAL = `    const binary = 
    // eslint-disable-next-line n/no-unsupported-features/node-builtins
    typeof atob === "function"
        ? // Browser (and Node >=16)
            // eslint-disable-next-line n/no-unsupported-features/node-builtins
            atob(input)
        : // Older Node versions (<16)
            // eslint-disable-next-line n/no-unsupported-features/node-builtins
            typeof Buffer.from === "function"
                ? // eslint-disable-next-line n/no-unsupported-features/node-builtins
                    Buffer.from(input, "base64").toString("binary")
                : // eslint-disable-next-line unicorn/no-new-buffer, n/no-deprecated-api
                    new Buffer(input, "base64").toString("binary");
    const evenLength = binary.length & ~1; // Round down to even length
    const out = new Uint16Array(evenLength / 2);
    for (let index = 0, outIndex = 0; index < evenLength; index += 2) {
        const lo = binary.charCodeAt(index);
        const hi = binary.charCodeAt(index + 1);
        out[outIndex++] = lo | (hi << 8);
    }
    return out;
}`;

export const REPLACEMENT = `    // broadsheet (scripts/entity-tables.mjs): decoded natively.
    const bytes = Buffer.from(input, "base64");
    const out = new Uint16Array(bytes.length >> 1);
    if (new Uint8Array(new Uint16Array([1]).buffer)[0] === 1) new Uint8Array(out.buffer).set(bytes.subarray(0, out.length * 2));
    else for (let index = 0; index < out.length; index++) out[index] = bytes[2 * index] | (bytes[2 * index + 1] << 8);
    return out;
}`;

/** The patch, as patched-package.mjs applies it. */
export const entityTablesPatch = {
  file: 'entity-tables.mjs',
  what: 'decodeBase64',
  original: ORIGINAL,
  replacement: REPLACEMENT,
  without: '~0.8 ms of loading the HTML or entities bundle',
};

/** The esbuild plugin: entities' decodeBase64 (either build of the package) decoded natively; another shape fails the build. */
export const entityTables = patchedPackage('entity-tables', /[\\/]entities[\\/]dist[\\/](?:esm|commonjs)[\\/]internal[\\/]decode-shared\.js$/, "entities'", [entityTablesPatch]);
