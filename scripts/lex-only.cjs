// The bench's floor: marked alone, loaded the way bin/broadsheet.cjs loads broadsheet (one
// CommonJS bundle compiled with a V8 code cache), its rules primed and skipped as broadsheet
// primes and skips them, lexing a document (blocks and inline) and printing nothing. broadsheet
// cannot beat its own parser; the bench compares both to the same baseline, so the table shows
// how much of each ratio is marked's.
// Usage: node scripts/lex-only.cjs <marked bundle> <markdown file>. Writes <bundle>.cache on the
// first run, as the build does for broadsheet.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { Script } = require('node:vm');

const [bundleFile, input] = process.argv.slice(2);
const source = readFileSync(bundleFile, 'utf8');
let cachedData;
try {
  cachedData = readFileSync(`${bundleFile}.cache`);
} catch {
  // First run: compile from source, then keep the cache below.
}
// The bundle is written as a function (scripts/bench.mjs), compiled as it is, as the bin does.
const script = new Script(source, { filename: bundleFile, cachedData });
const bundle = { exports: {} };
script.runInThisContext()(bundle.exports, require, bundle);
// Front matter is not Markdown; broadsheet strips it before lexing too.
const text = readFileSync(input, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
// Its rules primed as broadsheet primes them, and those the text cannot reach skipped, as
// broadsheet skips them (src/document/prime.ts, bundled beside marked).
const { Marked, primeRules, skipping, unreachableRules } = bundle.exports;
const skipped = unreachableRules(text);
primeRules(text, true, skipped);
new Marked({ gfm: true }).use(skipping(skipped)).lexer(text);
if (!cachedData) writeFileSync(`${bundleFile}.cache`, script.createCachedData());
