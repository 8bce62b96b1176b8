// npm run bench: start-up, throughput, scaling, memory and extraction, measured side by side in
// one run (commands alternate; medians and ratios, never absolute times across runs).
// Writes the table to stdout and bench-results.json. Not a test: nothing here passes or fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { generate } from './corpus.mjs';
import { markedForGfm } from './marked-gfm-only.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'broadsheet.cjs');
const node = process.execPath;
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS; // adds tens of ms to every Node start where set
delete env.NODE_OPTIONS;
delete env.FORCE_COLOR;
delete env.NO_COLOR;
const quick = process.argv.includes('--quick');

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const lowdown = has('lowdown');
const gnuTime = existsSync('/usr/bin/time');

/** Output goes to /dev/null unless `stdout` is 'pipe' (read by the bench, as a script reads it). */
function time(cmd, args, stdout = 'ignore') {
  const start = process.hrtime.bigint();
  const run = spawnSync(cmd, args, { env, stdio: ['ignore', stdout, 'pipe'], maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Alternate the commands run by run, so machine noise hits both sides alike. */
function compare(sides, runs, warmup = 1) {
  for (let i = 0; i < warmup; i++) for (const [cmd, args, stdout] of sides) time(cmd, args, stdout);
  const samples = sides.map(() => []);
  for (let i = 0; i < runs; i++) sides.forEach(([cmd, args, stdout], k) => samples[k].push(time(cmd, args, stdout)));
  return samples.map(median);
}

function peakRss(cmd, args) {
  if (!gnuTime) return undefined;
  const run = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  return Number(run.stderr.trim().split('\n').pop()) / 1024;
}

const rows = [];
/** A measured row; `floor`: marked alone's time on the same input, against the same baseline. */
const row = (name, ours, theirs, against, target, floor) => {
  const ratio = theirs ? ours / theirs : undefined;
  const floorRatio = theirs && floor ? floor / theirs : undefined;
  rows.push({ name, ours, theirs, against, ratio, floor: floorRatio, target, met: ratio === undefined || target === undefined ? undefined : ratio <= target });
};
/** A row computed from others (a median, a worst case, a ratio of two rows). */
const summary = (name, ratio, target, floor) => rows.push({ name, ratio, floor, target, met: target === undefined ? undefined : ratio <= target });

const dir = mkdtempSync(join(tmpdir(), 'broadsheet-bench-'));

// Floor rows: marked alone (scripts/lex-only.cjs), bundled (GFM only), cached and primed as
// broadsheet has it, lexing the same input and printing nothing, against the same baseline.
// What a ratio has above its floor is broadsheet's own cost; the floor itself is the parser's.
const markedBundle = join(dir, 'marked.cjs');
// Written as the function lex-only.cjs calls, as the build writes broadsheet's bundles.
const asFunction = { banner: { js: '(function (exports, require, module) {' }, footer: { js: '})' } };
// marked as broadsheet runs it: with its rules primed before lexing, and those a document cannot
// reach skipped (src/document/prime.ts).
const floorEntry = { contents: "export * from 'marked'; export { primeRules, skipping, unreachableRules } from './src/document/prime.ts';", resolveDir: root, loader: 'ts' };
await build({ stdin: floorEntry, bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: true, outfile: markedBundle, logLevel: 'warning', plugins: [markedForGfm], ...asFunction });
const lexOnly = (file) => [node, [join(root, 'scripts', 'lex-only.cjs'), markedBundle, file]];
const article = join(root, 'articles', 'xi-putin-new-era.md');

// The package as users install it: `npm pack`, the tarball installed into a temp dir (its
// dependencies from the registry), its bin run. Skipped when npm or the registry is unreachable.
function packedBin() {
  // npm gets the caller's environment (a proxy's CA certificates may be in NODE_EXTRA_CA_CERTS).
  const npm = { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000, env: { ...process.env, npm_config_ignore_scripts: 'true' } };
  const pack = spawnSync('npm', ['pack', '--silent', '--pack-destination', dir], { ...npm, cwd: root });
  const tarball = pack.status === 0 ? readdirSync(dir).find((f) => f.endsWith('.tgz')) : undefined;
  if (!tarball) return undefined;
  const prefix = join(dir, 'installed');
  const install = spawnSync('npm', ['install', '--silent', '--no-audit', '--no-fund', '--ignore-scripts', '--prefix', prefix, join(dir, tarball)], npm);
  const installed = join(prefix, 'node_modules', 'broadsheet', 'bin', 'broadsheet.cjs');
  return install.status === 0 && existsSync(installed) ? installed : undefined;
}
const packed = packedBin();

// 1. Start-up against a bare Node. Every command runs in one rotation, so all ratios share the
// same baseline and the same moments of machine noise.
const startRuns = quick ? 11 : 41;
const bare = [node, ['-e', '']];
const articleFloor = lexOnly(article);
const startups = [
  ['start-up: --format text', [node, [bin, '--format', 'text']], 1.55],
  ['start-up: --format ansi --color always', [node, [bin, '--format', 'ansi', '--color', 'always']], 1.65],
  ['start-up: --toc', [node, [bin, '--toc']], 1.55],
  // Not one of issue 13's rows: its target stays where issue 4 set it.
  ['start-up: --help', [node, [bin, '--help']], 1.5],
  // A script reads the output through a pipe; Node creates its stdout differently there.
  ['start-up: --format text, read through a pipe', [node, [bin, '--format', 'text'], 'pipe'], 1.55],
  ...(packed ? [['start-up: --format text, installed from the packed tarball', [node, [packed, '--format', 'text']], undefined]] : []),
];
{
  const [baseline, floor, ...medians] = compare([bare, articleFloor, ...startups.map(([, side]) => side)], startRuns, 3);
  startups.forEach(([name, , target], k) => row(name, medians[k], baseline, "node -e ''", target, name.includes('--help') ? undefined : floor));
  row('floor: marked alone lexing the article', floor, baseline, "node -e ''");
  if (packed) summary('packed install / checkout, start-up --format text', medians[startups.length - 1] / medians[0], 1.1);
}

// 2. Real READMEs (vendored in __tests__/corpus, with their licences): HTML, tables, badges,
// fenced code in several languages. Text at width 80 and colour with highlighting, each beside
// marked alone lexing the same file, against the same bare Node, in one rotation.
const READMES = ['commander', 'eslint', 'glob', 'ajv', 'chalk'];
{
  const readme = (name) => join(root, '__tests__', 'corpus', 'readme', `${name}.md`);
  const sides = READMES.flatMap((name) => [
    [node, [bin, readme(name), '--format', 'text', '--width', '80']],
    [node, [bin, readme(name), '--format', 'ansi', '--color', 'always', '--width', '80']],
    lexOnly(readme(name)),
  ]);
  const [baseline, ...medians] = compare([bare, ...sides], quick ? 7 : 21);
  const texts = [];
  const ansis = [];
  const floors = [];
  READMES.forEach((name, k) => {
    const [text, ansi, floor] = medians.slice(3 * k, 3 * k + 3);
    row(`README ${name}: text, width 80`, text, baseline, "node -e ''", undefined, floor);
    row(`README ${name}: ansi, highlighted`, ansi, baseline, "node -e ''", undefined, floor);
    texts.push(text / baseline);
    ansis.push(ansi / baseline);
    floors.push(floor / baseline);
  });
  summary(`READMEs (${READMES.length}), text: median`, median(texts), 2.0, median(floors));
  summary(`READMEs (${READMES.length}), ansi: median`, median(ansis), 2.5, median(floors));
  summary(`READMEs (${READMES.length}), ansi: worst`, Math.max(...ansis), 3.5, Math.max(...floors));
}

// 3-6. Throughput, scaling, memory, extraction on generated article-like documents.
// Whole renders stop at 32 MB (src/limits.ts), so 1 and 10 MB are rendered; the 50 MB document
// is for extraction, which reads up to 64 MB.
const sizes = quick ? [1, 10] : [1, 10, 50];
const renderSizes = [1, 10];
const files = Object.fromEntries(sizes.map((mb) => {
  const file = join(dir, `${mb}mb.md`);
  writeFileSync(file, generate(mb * 2 ** 20));
  return [mb, file];
}));
const ourRender = (file) => [node, [bin, file, '--format', 'text', '--width', '80']];
const lowdownRender = (file) => ['lowdown', ['-tterm', '--term-no-ansi', '--term-width=80', file]];
const times = {};
for (const mb of renderSizes) {
  const runs = 5;
  // At 10 MB the floor joins the same rotation, against the same lowdown runs.
  const floor = mb === 10 && lowdown;
  const sides = [ourRender(files[mb]), ...(lowdown ? [lowdownRender(files[mb])] : []), ...(floor ? [lexOnly(files[mb])] : [])];
  const [ours, theirs, floorTime] = compare(sides, runs);
  times[mb] = ours;
  row(`${mb} MB to text, width 80`, ours, theirs, lowdown ? 'lowdown -tterm' : undefined, mb === 10 ? 2 : undefined, floorTime);
}
summary('10 MB / 1 MB (scaling)', times[10] / times[1], 12);
const rssOurs = peakRss(...ourRender(files[10]));
const rssTheirs = lowdown ? peakRss(...lowdownRender(files[10])) : undefined;
if (rssOurs !== undefined) {
  rows.push({ name: 'peak RSS at 10 MB (MB)', ours: rssOurs, theirs: rssTheirs, against: 'lowdown', ratio: rssTheirs ? rssOurs / rssTheirs : undefined, target: 3, met: rssTheirs ? rssOurs / rssTheirs <= 3 : undefined, unit: 'MB' });
}
const biggest = sizes[sizes.length - 1];
const extract = [node, [bin, files[biggest], '--section', 'The last section', '--format', 'markdown']];
const [ex, whole] = compare([extract, ...(lowdown ? [lowdownRender(files[biggest])] : [])], 3);
// The target is for 50 MB; --quick extracts from 10 MB, where start-up weighs more.
row(`one section out of ${biggest} MB, markdown`, ex, whole, lowdown ? `lowdown rendering all ${biggest} MB` : undefined, biggest === 50 ? 1 : undefined);

// Report.
const fmt = (v, unit = 'ms') => (v === undefined ? '' : `${v.toFixed(unit === 'ms' && v < 100 ? 1 : 0)} ${unit}`);
const x = (v) => (v === undefined ? '' : `${v.toFixed(2)}x`);
const machine = `${cpus().length} x ${cpus()[0]?.model.trim() ?? 'unknown CPU'}`;
// lowdown has no --version; the Debian package says which.
const lowdownVersion = lowdown ? `lowdown ${spawnSync('dpkg-query', ['-W', '-f', '${Version}', 'lowdown'], { encoding: 'utf8' }).stdout?.trim() || '(version unknown)'}` : undefined;
console.log(`broadsheet bench  node ${process.version}  ${machine}  ${new Date().toISOString()}${lowdown ? `  ${lowdownVersion}` : '  (lowdown not installed: apt-get install lowdown; comparisons skipped)'}${packed ? '' : '  (packed install skipped: npm pack or install failed)'}`);
console.log("floor: marked alone (bundled and cached as broadsheet is) on the same input, against the same baseline; own: ratio - floor, broadsheet's share");
console.log('| measure | broadsheet | against | baseline | ratio | floor | own | target | met |');
console.log('|---|---:|---|---:|---:|---:|---:|---:|---|');
for (const r of rows) {
  const unit = r.unit ?? 'ms';
  const own = r.ratio !== undefined && r.floor !== undefined ? r.ratio - r.floor : undefined;
  console.log(`| ${r.name} | ${fmt(r.ours, unit)} | ${r.against ?? ''} | ${fmt(r.theirs, unit)} | ${r.ratio === undefined ? '-' : x(r.ratio)} | ${x(r.floor)} | ${own === undefined ? '' : `${own >= 0 ? '+' : ''}${own.toFixed(2)}x`} | ${r.target === undefined ? '' : `<= ${r.target}x`} | ${r.met === undefined ? '' : r.met ? 'yes' : 'NO'} |`);
}
const out = join(root, 'bench-results.json');
writeFileSync(out, `${JSON.stringify({ node: process.version, machine, date: new Date().toISOString(), lowdown: lowdownVersion, packed: Boolean(packed), rows }, null, 2)}\n`);
console.log(`\nwrote ${out}`);
