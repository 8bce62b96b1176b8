#!/usr/bin/env node
// The command. All of it lives in dist/broadsheet.cjs, built by `npm run build`, with what only
// some documents need in files of their own beside it (dist/html.cjs, dist/highlight.cjs, ...).
// Each is compiled with the V8 code cache the build made beside it (Node 20 has no
// module.enableCompileCache): start-up is most of a CLI's cost, and the cache halves the compile
// part of it.
'use strict';
const { readFileSync, statSync, writeFileSync, writeSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');

const dist = join(__dirname, '..', 'dist');
/** Bundles compiled so far: their scripts and stamps, for the build to write their caches. */
const compiled = new Map();

/**
 * A cache file starts with its bundle's stamp, padded to a multiple of 8 bytes: V8 copies cached
 * data that is not 8-byte aligned before reading it (a copy of ~360 KB, a page fault per 4 KB).
 */
const cacheHeader = (stamp) => stamp.padEnd(Math.ceil(stamp.length / 8) * 8);

/**
 * Compiles and runs one of our bundles (each is written as a CommonJS module's function), with
 * its code cache when it is this build's: `<name>.cache`, or `<name>.<variant>.cache`.
 */
function load(name, variant) {
  const file = join(dist, name);
  // No dist/ (a checkout not built yet, or one being rebuilt), or one from an older build (before
  // each bundle was written as a function): one line, not a stack trace.
  const rebuild = (what) => {
    writeSync(2, `broadsheet: ${file} ${what}; run \`npm run build\`\n`);
    process.exit(2);
  };
  let source;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    rebuild(error.code === 'ENOENT' ? 'is missing' : `cannot be read (${error.code ?? error.message})`);
  }
  if (!source.startsWith('(function (exports')) rebuild('is from another build of broadsheet');
  // The build ends each bundle with a line naming it by its content (scripts/build.mjs); V8 itself
  // checks only the source's length, so a cache is used only when it starts with the same line.
  const stamp = source.slice(source.lastIndexOf('//# broadsheet-build '));
  let cachedData;
  try {
    const cache = readFileSync(cacheFile(file, variant));
    const header = cacheHeader(stamp);
    if (stamp.startsWith('//#') && cache.subarray(0, header.length).toString() === header) cachedData = cache.subarray(header.length);
  } catch {
    // No cache (or an unreadable one): V8 compiles from source, a few ms slower.
  }
  const script = new Script(source, { filename: file, cachedData });
  // Written at once, not through process.stderr: the command may leave as soon as its own streams are drained.
  if (process.env.BROADSHEET_REPORT_CODE_CACHE === '1') writeSync(2, `code cache for ${name}: ${!cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'used'}${variant ? ` (${variant})` : ''}\n`);
  compiled.set(name, { file, script, stamp });
  const bundle = { exports: {} };
  script.runInThisContext()(bundle.exports, bundleRequire, bundle, file, dist);
  return bundle.exports;
}

/**
 * The bundles' require: our own files (`./html.cjs`) through load, anything else (Node's modules,
 * an optional package) through this file's own require. bin/ and dist/ sit side by side in the
 * package, so Node resolves a package the same from either; a require made for dist
 * (module.createRequire) loaded Node's public module, its ES-module loader and source maps:
 * ~0.2-0.5 ms of every start (the first alone, ~0.2 ms; the article 0.5 ms sooner in paired runs).
 */
const loaded = new Map();
function bundleRequire(id) {
  if (!/^\.\/[\w-]+\.cjs$/.test(id)) return require(id);
  if (!loaded.has(id)) loaded.set(id, load(id.slice(2)));
  return loaded.get(id);
}

const cacheFile = (file, variant) => `${file}${variant ? `.${variant}` : ''}.cache`;

/**
 * The main bundle has two caches. V8 reads all of a cache at every start, so the one the stored
 * article runs with holds what its runs compile and no more; a document of the reader's own (a
 * file, or `-` for stdin) is read with the `documents` cache, which also holds what READMEs use
 * and the article does not (tables, HTML, lists, ...), ~70 KB more. A guess from the arguments
 * alone, before anything is compiled: a wrong one costs a millisecond or two, never a result.
 */
const ownDocument = () => process.argv.slice(2).some((arg) => arg === '-' || (!arg.startsWith('-') && isFile(arg)));
const isFile = (path) => {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    // A name too long, a path through a file, no permission: the command says so itself.
    return false;
  }
};

const MAIN = 'broadsheet.cjs';
const DOCUMENTS = 'documents';
const writing = process.env.BROADSHEET_WRITE_CODE_CACHE === '1';
const broadsheet = load(MAIN, !writing && ownDocument() ? DOCUMENTS : undefined);
if (!writing) broadsheet.run();
else {
  const writeCache = ({ file, script, stamp }, variant) =>
    writeFileSync(cacheFile(file, variant), Buffer.concat([Buffer.from(cacheHeader(stamp)), script.createCachedData()]));
  // The main bundle's caches are taken after the article's runs and after the READMEs' (see
  // warmUp); the others' at the end, after the runs that load them.
  broadsheet
    .warmUp(
      () => writeCache(compiled.get(MAIN)),
      () => writeCache(compiled.get(MAIN), DOCUMENTS),
    )
    .then(() => {
      for (const [name, bundle] of compiled) if (name !== MAIN) writeCache(bundle);
    });
}
