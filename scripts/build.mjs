// Build: the command as one CommonJS bundle with a V8 code cache beside it, and tsc output with
// types for the library entry. Start-up is most of a CLI's cost: one file to read, no module
// resolution, no ESM loader, functions already compiled (see bin/broadsheet.cjs).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { highlightCore } from './highlight-core.mjs';
import { entityTables } from './entity-tables.mjs';
import { markedForGfm } from './marked-gfm-only.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

// commander requires node:child_process at import, only to run executable subcommands, which
// broadsheet has none of; loading it (with net, dgram and stream) costs every run. Give commander
// a stand-in that loads the real module on first use.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (args.importer.includes('commander') ? { path: 'lazy-child-process', namespace: 'lazy' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};

// chalk detects colour support at import (node:tty, node:os, the environment), for its default
// instance; broadsheet decides colour itself and uses only `new Chalk({ level })`, so the main
// bundle gives chalk a detector that says "none" without loading anything.
const noColorDetection = {
  name: 'no-color-detection',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, (args) => (args.importer.includes('chalk') ? { path: 'supports-color', namespace: 'stub' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default { stdout: false, stderr: false };', loader: 'js' }));
  },
};

// What only some documents need is a file of its own, required when a document needs it: the
// highlighter (highlight.js's core; each grammar a document names is required from highlight.js
// itself, by path) for ansi output of fenced code that names a language; the HTML parser for documents with HTML blocks; the entity table
// for documents with named entities; GitHub's emoji for documents with shortcodes; the YAML
// parser for front matter with more than `key: value` lines; the completion scripts for
// --completion; commander, for the command lines that need it.
const LAZY = [
  { source: 'src/highlight/highlight.ts', file: 'highlight.cjs' },
  { source: 'src/highlight/common-grammars.ts', file: 'common-grammars.cjs' },
  { source: 'src/document/html.ts', file: 'html.cjs' },
  { source: 'src/document/entities.ts', file: 'entities.cjs' },
  { source: 'src/document/emoji.ts', file: 'emoji.cjs' },
  // Hyphenation patterns, one language a file, for narrow measures.
  ...['en', 'de', 'fr', 'es', 'it', 'pt', 'nl'].map((lang) => ({ source: `src/layout/hyphenation/${lang}.ts`, file: `hyphenation-${lang}.cjs` })),
  // `broadsheet import`: Readability, linkedom and turndown, ~1 MB that reading never loads.
  { source: 'src/import/index.ts', file: 'import.cjs' },
  { source: 'src/load/yaml-front-matter.ts', file: 'yaml.cjs' },
  { source: 'src/cli/completion.ts', file: 'completion.cjs' },
  // commander and the program: help, version, errors, `import`, the config file and every
  // command line src/cli/quick-args.ts leaves to it; the common ones never load it.
  { source: 'src/cli/command-line.ts', file: 'command-line.cjs' },
];
const separateBundles = {
  name: 'separate-bundles',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (args) => {
      const target = resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts');
      const lazy = LAZY.find(({ source }) => target === resolve(source));
      return lazy && args.kind === 'dynamic-import' ? { path: `./${lazy.file}`, external: true } : undefined;
    });
  },
};

// Each bundle is written as the function the bin calls: the bin compiles the file as it is, with no
// wrapper joined on at run time (which V8 copied into one flat string of the bundle's size, a
// page fault per 4 KB on these machines).
const asFunction = { banner: { js: '(function (exports, require, module, __filename, __dirname) {' }, footer: { js: '})' } };

const common = {
  bundle: true,
  platform: 'node',
  // CommonJS: esbuild turns each dynamic import() into a lazy initialiser, so the core, chalk
  // and string-width are parsed with the bundle but run only when a document needs them.
  format: 'cjs',
  target: 'node20',
  // Node built-ins imported on demand become require() calls: the bundle runs in a vm.Script,
  // which has no dynamic-import hook on every Node 20.
  supported: { 'dynamic-import': false },
  // BROADSHEET_NO_MINIFY=1 keeps names readable for a CPU profile.
  minify: process.env.BROADSHEET_NO_MINIFY !== '1',
  legalComments: 'none',
  logLevel: 'warning',
};

// gemoji's list has each emoji's tags, description and category too; broadsheet reads only the
// names and the emoji. The emoji bundle gets those alone, as the one text the library makes from
// gemoji (src/document/shortcode-lines.ts, run here once): 197 KB of object literals become ~40 KB
// of text, less to read and deserialize for every document with a shortcode-shaped word (a time
// such as 10:30:00 is one), and nothing to build from it at load.
const emojiNamesOnly = {
  name: 'emoji-names-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]document[\\/]shortcode-lines\.ts$/ }, async (args) => {
      const { outputFiles } = await build({ entryPoints: [args.path], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'warning' });
      const { shortcodeLines } = await import(`data:text/javascript,${encodeURIComponent(outputFiles[0].text)}`);
      return { contents: `export const shortcodeLines = () => ${JSON.stringify(shortcodeLines())};`, loader: 'js' };
    });
  },
};

// htmlparser2's index re-exports domutils (for parseFeed and its DomUtils namespace), which
// brings dom-serializer and a second, older copy of the entity tables with an encoder: 80 KB of
// the HTML bundle that broadsheet, which calls parseDocument alone, never runs. The HTML bundle
// gets a stand-in for it.
const noDomUtils = {
  name: 'no-domutils',
  setup(b) {
    b.onResolve({ filter: /^domutils$/ }, (args) => (args.importer.includes('htmlparser2') ? { path: 'domutils', namespace: 'no-domutils' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'no-domutils' }, () => ({
      contents: 'export function getFeed() { throw new Error("internal: broadsheet bundles htmlparser2 without domutils"); }',
      loader: 'js',
    }));
  },
};

// The highlighter requires each grammar by its file's path (src/highlight/grammar-by-path.ts):
// Node resolving the package's exports map loads its ES-module resolver, ~4 ms. That path is
// highlight.js's own mapping for require, checked here; a highlight.js that maps its grammars
// otherwise keeps the resolution by name (and the build says so).
const grammarsMappedByPath = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('highlight.js/package.json'), 'utf8')).exports?.['./lib/languages/*']?.require === './lib/languages/*.js';
if (!grammarsMappedByPath) console.warn('build: highlight.js no longer maps ./lib/languages/* to ./lib/languages/*.js: grammars are resolved by name (~4 ms slower)');
const grammarsByPath = {
  name: 'grammars-by-path',
  setup(b) {
    if (!grammarsMappedByPath) return;
    b.onResolve({ filter: /^\.\/grammar\.js$/ }, (args) => (args.importer.endsWith(join('src', 'highlight', 'highlight.ts')) ? { path: resolve('src/highlight/grammar-by-path.ts') } : undefined));
  },
};

// The lazy bundles' chalk (the highlighter's) gets the same stand-in detector as the main bundle's,
// and commander (in command-line.cjs) the same stand-in for node:child_process.
await Promise.all(LAZY.map(({ source, file }) => build({ ...common, ...asFunction, entryPoints: [source], outfile: `dist/${file}`, plugins: [lazyChildProcess, noColorDetection, emojiNamesOnly, noDomUtils, grammarsByPath, highlightCore, separateBundles, entityTables] })));

await build({
  ...common,
  ...asFunction,
  entryPoints: ['src/process.ts'],
  outfile: 'dist/broadsheet.cjs',
  define: { BROADSHEET_VERSION: JSON.stringify(pkg.version) },
  plugins: [lazyChildProcess, noColorDetection, separateBundles, markedForGfm],
});

// esbuild escapes non-ASCII in strings but leaves it in regular expression literals (curly
// quotes, here): one such character makes the whole source a two-byte string, which Node reads
// ~1.7 ms slower and V8 holds at twice the size. Escaped, the same code in ASCII.
const ascii = (file) => writeFileSync(file, readFileSync(file, 'utf8').replace(/[^\t\n\r\x20-\x7E]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`));
// Each bundle's last line names this build by its content; the bin uses a code cache only when the
// cache starts with the same line. (File times cannot say it: \`npm pack\` sets them all to 1985.)
const stamp = (file) => appendFileSync(file, `//# broadsheet-build ${createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16)}\n`);
for (const file of ['broadsheet.cjs', ...LAZY.map((lazy) => lazy.file)]) {
  const url = new URL(`../dist/${file}`, import.meta.url);
  ascii(url);
  stamp(url);
}

// The man page (src/cli/manpage.ts): the program's flags and help sections with the prose of
// man/broadsheet.1.md, set in roff. package.json's "man" installs it beside the command.
const manDir = mkdtempSync(join(tmpdir(), 'broadsheet-man-'));
try {
  await build({ ...common, minify: false, entryPoints: ['src/cli/manpage.ts'], outfile: join(manDir, 'manpage.cjs') });
  const { manPage } = createRequire(import.meta.url)(join(manDir, 'manpage.cjs'));
  const date = new Date(process.env.SOURCE_DATE_EPOCH ? Number(process.env.SOURCE_DATE_EPOCH) * 1000 : Date.now()).toISOString().slice(0, 10);
  writeFileSync(new URL('../dist/broadsheet.1', import.meta.url), manPage(readFileSync(new URL('../man/broadsheet.1.md', import.meta.url), 'utf8'), pkg.version, date));
} finally {
  rmSync(manDir, { recursive: true, force: true });
}

// Compile the common paths once and keep V8's code for them.
execFileSync(process.execPath, ['bin/broadsheet.cjs'], { env: { ...process.env, BROADSHEET_WRITE_CODE_CACHE: '1' }, stdio: 'inherit' });

execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
