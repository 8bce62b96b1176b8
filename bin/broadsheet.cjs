#!/usr/bin/env node
// The command. All of it lives in dist/broadsheet.cjs, built by `npm run build`. It is compiled
// with the V8 code cache the build made beside it (Node 20 has no module.enableCompileCache):
// start-up is most of a CLI's cost, and the cache halves the compile part of it.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');
const { createRequire } = require('node:module');

const dist = join(__dirname, '..', 'dist');
const file = join(dist, 'broadsheet.cjs');
const source = readFileSync(file, 'utf8');
// The build ends the bundle with a line naming it by its content (scripts/build.mjs); V8 itself
// checks only the source's length, so the cache is used only when it starts with the same line.
const stamp = source.slice(source.lastIndexOf('//# broadsheet-build '));
let cachedData;
try {
  const cache = readFileSync(`${file}.cache`);
  if (stamp.startsWith('//#') && cache.subarray(0, stamp.length).toString() === stamp) cachedData = cache.subarray(stamp.length);
} catch {
  // No cache (or an unreadable one): V8 compiles from source, a few ms slower.
}
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
if (process.env.BROADSHEET_REPORT_CODE_CACHE === '1') process.stderr.write(`code cache: ${!cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'used'}\n`);
const bundle = { exports: {} };
// The bundle's own require resolves beside it (dist/highlight.cjs).
script.runInThisContext()(bundle.exports, createRequire(file), bundle, file, dist);
if (process.env.BROADSHEET_WRITE_CODE_CACHE !== '1') bundle.exports.run();
else bundle.exports.warmUp().then(() => writeFileSync(`${file}.cache`, Buffer.concat([Buffer.from(stamp), script.createCachedData()])));
