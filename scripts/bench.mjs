// npm run bench: start-up, throughput, scaling, memory and extraction, measured side by side in
// one run (commands alternate; medians and ratios, never absolute times across runs).
// Writes the table to stdout and bench-results.json. Not a test: nothing here passes or fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
const row = (name, ours, theirs, against, target) => {
  const ratio = theirs ? ours / theirs : undefined;
  rows.push({ name, ours, theirs, against, ratio, target, met: ratio === undefined || target === undefined ? undefined : ratio <= target });
};

const dir = mkdtempSync(join(tmpdir(), 'broadsheet-bench-'));

// Floor rows: marked alone (scripts/lex-only.cjs), bundled (GFM only) and cached as broadsheet
// is, lexing the same input and printing nothing, against the same baseline. What a ratio has
// above its floor is broadsheet's own cost; the floor itself is the parser's.
const markedBundle = join(dir, 'marked.cjs');
await build({ entryPoints: ['marked'], bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: true, outfile: markedBundle, logLevel: 'warning', plugins: [markedForGfm] });
const lexOnly = (file) => [node, [join(root, 'scripts', 'lex-only.cjs'), markedBundle, file]];
const article = join(root, 'articles', 'xi-putin-new-era.md');

// 1. Start-up against a bare Node. Every command runs in one rotation, so all ratios share the
// same baseline and the same moments of machine noise.
const startRuns = quick ? 11 : 41;
const bare = [node, ['-e', '']];
const startups = [
  ['start-up: --format text', [node, [bin, '--format', 'text']], 1.5],
  ['start-up: --format ansi --color always', [node, [bin, '--format', 'ansi', '--color', 'always']], 2],
  ['start-up: --toc', [node, [bin, '--toc']], 1.5],
  ['start-up: --help', [node, [bin, '--help']], 1.5],
  // A script reads the output through a pipe; Node creates its stdout differently there.
  ['start-up: --format text, read through a pipe', [node, [bin, '--format', 'text'], 'pipe'], 1.5],
  ['floor: marked alone lexing the article', lexOnly(article), undefined],
];
{
  const [baseline, ...medians] = compare([bare, ...startups.map(([, side]) => side)], startRuns, 3);
  startups.forEach(([name, , target], k) => row(name, medians[k], baseline, "node -e ''", target));
}

// 2-5. Throughput, scaling, memory, extraction on generated article-like documents.
const sizes = quick ? [1, 10] : [1, 10, 50];
const files = Object.fromEntries(sizes.map((mb) => {
  const file = join(dir, `${mb}mb.md`);
  writeFileSync(file, generate(mb * 2 ** 20));
  return [mb, file];
}));
const ourRender = (file) => [node, [bin, file, '--format', 'text', '--width', '80']];
const lowdownRender = (file) => ['lowdown', ['-tterm', '--term-no-ansi', '--term-width=80', file]];
const times = {};
for (const mb of sizes) {
  const runs = mb >= 50 ? 3 : 5;
  // At 10 MB the floor joins the same rotation, against the same lowdown runs.
  const floor = mb === 10 && lowdown;
  const sides = [ourRender(files[mb]), ...(lowdown ? [lowdownRender(files[mb])] : []), ...(floor ? [lexOnly(files[mb])] : [])];
  const [ours, theirs, floorTime] = compare(sides, runs);
  times[mb] = ours;
  row(`${mb} MB to text, width 80`, ours, theirs, lowdown ? 'lowdown -tterm' : undefined, mb === 10 ? 2 : undefined);
  if (floor) row(`floor: marked alone lexing ${mb} MB`, floorTime, theirs, 'lowdown -tterm');
}
rows.push({ name: '10 MB / 1 MB (scaling)', ratio: times[10] / times[1], target: 12, met: times[10] / times[1] <= 12 });
const rssOurs = peakRss(...ourRender(files[10]));
const rssTheirs = lowdown ? peakRss(...lowdownRender(files[10])) : undefined;
if (rssOurs !== undefined) {
  rows.push({ name: 'peak RSS at 10 MB (MB)', ours: rssOurs, theirs: rssTheirs, against: 'lowdown', ratio: rssTheirs ? rssOurs / rssTheirs : undefined, target: 3, met: rssTheirs ? rssOurs / rssTheirs <= 3 : undefined, unit: 'MB' });
}
const biggest = sizes[sizes.length - 1];
const extract = [node, [bin, files[biggest], '--section', 'The last section', '--format', 'markdown']];
const [ex, whole] = compare([extract, ...(lowdown ? [lowdownRender(files[biggest])] : [])], 3);
row(`one section out of ${biggest} MB, markdown`, ex, whole, lowdown ? `lowdown rendering all ${biggest} MB` : undefined, 1);

// Report.
const fmt = (v, unit = 'ms') => (v === undefined ? '-' : `${v.toFixed(unit === 'ms' && v < 100 ? 1 : 0)} ${unit}`);
console.log(`broadsheet bench  node ${process.version}  ${new Date().toISOString()}${lowdown ? '' : '  (lowdown not installed: apt-get install lowdown; comparisons skipped)'}`);
console.log('| measure | broadsheet | against | baseline | ratio | target | met |');
console.log('|---|---:|---|---:|---:|---:|---|');
for (const r of rows) {
  const unit = r.unit ?? 'ms';
  console.log(`| ${r.name} | ${r.ours === undefined ? '' : fmt(r.ours, unit)} | ${r.against ?? ''} | ${r.theirs === undefined ? '' : fmt(r.theirs, unit)} | ${r.ratio === undefined ? '-' : `${r.ratio.toFixed(2)}x`} | ${r.target === undefined ? '' : `<= ${r.target}x`} | ${r.met === undefined ? '' : r.met ? 'yes' : 'NO'} |`);
}
const out = join(root, 'bench-results.json');
writeFileSync(out, `${JSON.stringify({ node: process.version, date: new Date().toISOString(), lowdown, rows }, null, 2)}\n`);
console.log(`\nwrote ${out}`);
