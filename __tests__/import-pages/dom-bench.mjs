/**
 * Measures the two candidate DOMs for the importer (linkedom, jsdom) under Readability, on the
 * pages in a test-pages directory (default: the vendored pages; README-dom-choice.md has the
 * numbers for the first eight). Not a test; run by hand:
 *
 *   npm install --no-save jsdom@29      # jsdom is not a dependency (linkedom was chosen)
 *   node __tests__/import-pages/dom-bench.mjs [pagesDir]
 *
 * Per DOM, in fresh processes: load time of Readability + the DOM (median of 11 processes),
 * parse + extract time per page (first run, and the median of 6 warm runs), resident memory
 * after loading and peak RSS after extracting every page once, and fidelity: the words of
 * Readability's content against expected.html (multiset recall and extra), plus metadata equality.
 * The results are in src/import/README-dom-choice.md.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const here = dirname(fileURLToPath(import.meta.url));
const [, , mode, which, pagesArg, runsArg] = process.argv;

async function loadDom(name) {
  const { Readability } = await import('@mozilla/readability');
  if (name === 'linkedom') {
    const { parseHTML } = await import('linkedom');
    return { Readability, parse: (html) => parseHTML(html).document };
  }
  const { JSDOM, VirtualConsole } = await import('jsdom');
  const virtualConsole = new VirtualConsole();
  return { Readability, parse: (html, url) => new JSDOM(html, { url, virtualConsole }).window.document };
}

const pageNames = (dir) => readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

if (mode === '--load') {
  const t0 = performance.now();
  await loadDom(which);
  process.stdout.write(JSON.stringify({ ms: performance.now() - t0, rssMB: process.memoryUsage().rss / 1048576 }));
} else if (mode === '--run') {
  const { Readability, parse } = await loadDom(which);
  const runs = Number(runsArg);
  const out = {};
  for (const page of pageNames(pagesArg)) {
    const html = readFileSync(join(pagesArg, page, 'source.html'), 'utf8');
    const times = [];
    let article = null;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      article = new Readability(parse(html, 'http://fakehost/test/page.html')).parse();
      times.push(performance.now() - t);
    }
    const warm = times.slice(1).sort((a, b) => a - b);
    out[page] = { first: times[0], warm: warm.length ? warm[Math.floor(warm.length / 2)] : null, article };
  }
  process.stdout.write(JSON.stringify({ maxRssMB: process.resourceUsage().maxRSS / 1024, pages: out }));
} else {
  const dir = mode ?? here;
  const { parseHTML } = await import('linkedom');
  const BLOCK = new Set('ADDRESS ARTICLE ASIDE BLOCKQUOTE BR DD DIV DL DT FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TBODY TD TH THEAD TR UL'.split(' '));
  const text = (html) => {
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    let s = '';
    const walk = (n) => {
      for (const c of n.childNodes) {
        if (c.nodeType === 3) s += c.data;
        else if (c.nodeType === 1) { const b = BLOCK.has(c.tagName); if (b) s += ' '; walk(c); if (b) s += ' '; }
      }
    };
    walk(document.body);
    return s;
  };
  const words = (t) => t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const bag = (ws) => { const m = new Map(); for (const w of ws) m.set(w, (m.get(w) ?? 0) + 1); return m; };
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const self = fileURLToPath(import.meta.url);
  const node = (args) => JSON.parse(execFileSync(process.execPath, [self, ...args], { maxBuffer: 1 << 30 }).toString());
  for (const dom of ['linkedom', 'jsdom']) {
    const loads = Array.from({ length: 11 }, () => node(['--load', dom]));
    const once = node(['--run', dom, dir, '1']);
    const many = node(['--run', dom, dir, '7']);
    console.log(`${dom}: load ${median(loads.map((l) => l.ms)).toFixed(0)} ms, RSS after load ${median(loads.map((l) => l.rssMB)).toFixed(0)} MB, peak RSS after one pass ${once.maxRssMB.toFixed(0)} MB`);
    let sumFirst = 0, sumWarm = 0;
    for (const page of pageNames(dir)) {
      const expected = words(text(readFileSync(join(dir, page, 'expected.html'), 'utf8')));
      const meta = JSON.parse(readFileSync(join(dir, page, 'expected-metadata.json'), 'utf8'));
      const { warm, article } = many.pages[page];
      sumFirst += once.pages[page].first; sumWarm += warm;
      if (!article) { console.log(`  ${page}: no article`); continue; }
      const ours = words(text(article.content));
      const e = bag(expected), o = bag(ours);
      let hit = 0, extra = 0;
      for (const [w, n] of e) hit += Math.min(n, o.get(w) ?? 0);
      for (const [w, n] of o) extra += Math.max(0, n - (e.get(w) ?? 0));
      const metaDiff = ['title', 'byline', 'excerpt', 'siteName', 'publishedTime', 'lang'].filter((k) => (meta[k] ?? null) !== (article[k] ?? null));
      console.log(`  ${page.padEnd(16)} first ${once.pages[page].first.toFixed(0).padStart(5)} ms  warm ${warm.toFixed(0).padStart(5)} ms  recall ${(100 * hit / Math.max(1, expected.length)).toFixed(1)}%  extra ${(100 * extra / Math.max(1, ours.length)).toFixed(1)}%  metadata ${metaDiff.length ? 'differs: ' + metaDiff.join(',') : 'equal'}`);
    }
    console.log(`  total: first ${sumFirst.toFixed(0)} ms, warm ${sumWarm.toFixed(0)} ms`);
  }
}
