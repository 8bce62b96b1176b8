/**
 * Changelogs nobody here wrote (__tests__/corpus/changelog, licences in its MANIFEST): every
 * release extracted with `-f markdown` equals a reference computed here, independently, from the
 * file's lines (a release runs from its heading to the next release heading, byte for byte),
 * plus the link definitions it uses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { selectSections } from '../src/document/select.js';
import { compareVersions, isCategory, isUnreleased, rankHeadings, versionOf } from '../src/document/releases.js';
import { flatten, parseDocument, type Document } from '../src/document/tree.js';
import { decode } from '../src/load/decode.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { tocEntries } from '../src/render/toc.js';
import { ROOT, runMain } from './helpers.js';

const CORPUS = join(ROOT, '__tests__', 'corpus');
const changelogs = readdirSync(join(CORPUS, 'changelog')).filter((f) => f.endsWith('.md'));
const readmes = readdirSync(join(CORPUS, 'readme')).filter((f) => f.endsWith('.md'));

describe('versions and categories', () => {
  it.each([
    ['1.2.0', '1.2.0'],
    ['v1.2.0', '1.2.0'],
    ['[1.2.0](https://x.test) (2024-01-01)', '1.2.0'],
    ['1.2.0 - 2024-01-01', '1.2.0'],
    ['2.0.0-next.1', '2.0.0-next.1'],
    ['Version 4.0.0 (2018-01-28)', '4.0.0'],
    ['5.2.1 / 2025-12-01', '5.2.1'],
    ['Alpine Linux 3.5 - 3.12', undefined],
    ['Earlier releases (0.10.1 and younger)', undefined],
    ['1. Introducing raw mode', undefined],
    ['1.2.x', undefined],
    // Capitals, brackets and spaces around: the cheap test of a title's first character first.
    ['V2.0.0', '2.0.0'],
    ['[V1.0.0]', '1.0.0'],
    ['VERSION 3.1', '3.1'],
    ['  [v9.9.9] ', '9.9.9'],
    ['Very 1.0', undefined],
    ['', undefined],
  ])('%s names %s', (title, version) => {
    expect(versionOf(title)?.text).toBe(version);
  });

  it('knows Unreleased, in any case, bracketed or linked', () => {
    for (const title of ['Unreleased', '[UNRELEASED]', ' [unreleased](https://x.test/compare) ', 'Unreleased changes']) expect([title, isUnreleased(title)]).toEqual([title, true]);
    for (const title of ['Unreleasedx', 'Upcoming', '[', '', 'Not unreleased']) expect([title, isUnreleased(title)]).toEqual([title, false]);
  });

  it('orders versions as semver does: a final release above its pre-releases', () => {
    const order = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '1.0.1', '1.10.0'];
    const shuffled = [...order].reverse().map((v) => versionOf(v)!);
    expect(shuffled.sort(compareVersions).map((v) => v.text)).toEqual(order);
  });

  it('knows change categories, with or without emoji', () => {
    for (const title of ['Added', 'Bug Fixes', ':bug: Bug Fix', '🐞 Bug fixes', 'BREAKING CHANGES', 'Features']) expect([title, isCategory(title)]).toEqual([title, true]);
    for (const title of ['Usage', 'Earlier releases', 'Installation']) expect([title, isCategory(title)]).toEqual([title, false]);
  });

  it('ranks releases as siblings whatever their level', () => {
    const h = (depth: number, title: string) => ({ depth, title });
    const { releases, ranks } = rankHeadings([h(2, '[9.0.0](u) (d)'), h(3, 'Bug Fixes'), h(3, '[8.1.1](u) (d)'), h(3, 'Bug Fixes'), h(2, '[8.1.0](u)')]);
    expect(releases).toBe(true);
    expect(ranks[0]).toBe(ranks[2]);
    expect(ranks[2]).toBe(ranks[4]);
    expect(ranks[1]).toBeGreaterThan(ranks[0]!);
    expect(rankHeadings([h(1, 'Usage'), h(2, 'Usage with React')]).ranks).toEqual([1, 2]);
  });
});

/** The reference, computed from lines: nothing here calls the code under test. */
interface Line {
  start: number;
  end: number;
  text: string;
}

function lines(bytes: Buffer): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) {
      out.push({ start, end: i + 1, text: bytes.subarray(start, i + 1).toString('latin1').replace(/\r?\n$|\r$/, '') });
      start = i + 1;
    }
  }
  if (start < bytes.length) out.push({ start, end: bytes.length, text: bytes.subarray(start).toString('latin1') });
  return out;
}

interface Heading {
  line: number;
  depth: number;
  title: string;
}

const RELEASE = /^\[?(?:version\s+|v)?(\d+(?:\.\d+)+(?:-[0-9A-Za-z.-]+)?)(?:\+[0-9A-Za-z.-]+)?\]?(?=$|[\s,;:()[\]/]|\s*[-–—]\s)|^\[?unreleased\b/i;

function plain(title: string): string {
  return title
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\](?:\[[^\]]*\])?/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/\\(.)/g, '$1')
    .trim();
}

/** ATX and setext headings outside fenced code and HTML comments. */
function headings(all: Line[]): Heading[] {
  const found: Heading[] = [];
  let fence: string | undefined;
  let comment = false;
  all.forEach(({ text }, i) => {
    if (comment) {
      if (text.includes('-->')) comment = false;
      return;
    }
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(text);
    if (fence) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length && /^ {0,3}[`~]+\s*$/.test(text)) fence = undefined;
      return;
    }
    if (f) {
      fence = f[1];
      return;
    }
    if (/^\s*<!--/.test(text) && !text.includes('-->')) {
      comment = true;
      return;
    }
    const atx = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(text);
    if (atx) found.push({ line: i, depth: atx[1]!.length, title: plain(atx[2] ?? '') });
    const underline = /^ {0,3}(=+|-+)[ \t]*$/.exec(text);
    const previous = all[i - 1]?.text ?? '';
    if (underline && previous.trim() !== '' && !/^\s*(?:[-*+>#]|\d+[.)]|`{3}|~{3})/.test(previous) && !(all[i - 2] && all[i - 2]!.text.trim() !== '')) {
      found.push({ line: i - 1, depth: underline[1]![0] === '=' ? 1 : 2, title: plain(previous) });
    }
  });
  return found;
}

interface Release {
  selector: string;
  bytes: Buffer;
}

function referenceReleases(bytes: Buffer): Release[] {
  const all = lines(bytes);
  const found = headings(all);
  const releases = found.filter((h) => RELEASE.test(h.title));
  if (releases.length < 2) return [];
  const top = Math.min(...releases.map((h) => h.depth));
  const definitions = all
    .map((l, i) => ({ i, match: /^ {0,3}\[((?:[^\]\\]|\\.)+)\]:\s*\S/.exec(l.text) }))
    .filter((d) => d.match)
    .map((d) => ({ line: d.i, label: d.match![1]!.replace(/\\(.)/g, '$1').trim().replace(/\s+/g, ' ').toLowerCase() }));
  const firstDefinition = new Map<string, number>();
  for (const d of definitions) if (!firstDefinition.has(d.label)) firstDefinition.set(d.label, d.line);
  const counts = new Map<string, number>();
  for (const r of releases) counts.set(r.title.toLowerCase(), (counts.get(r.title.toLowerCase()) ?? 0) + 1);
  const out: Release[] = [];
  for (const release of releases) {
    const version = RELEASE.exec(release.title)![1];
    const key = version ?? 'unreleased';
    // A version named twice is ambiguous by design; skip it here (select.test covers ties).
    if (releases.filter((r) => (RELEASE.exec(r.title)![1] ?? 'unreleased').toLowerCase() === key.toLowerCase()).length > 1) continue;
    const next = found.find((h) => h.line > release.line && (RELEASE.test(h.title) || h.depth < top || (h.depth === top && !isCategoryReference(h.title))));
    let last = (next ? next.line : all.length) - 1;
    while (last > release.line && all[last]!.text.trim() === '') last--;
    const section = Buffer.from(bytes.subarray(all[release.line]!.start, all[last]!.end));
    const used = new Set<string>();
    for (let i = release.line; i <= last; i++) for (const m of all[i]!.text.matchAll(/\[((?:[^[\]\\]|\\.)+)\]/g)) used.add(m[1]!.replace(/\\(.)/g, '$1').trim().replace(/\s+/g, ' ').toLowerCase());
    const appended = [...firstDefinition.entries()].filter(([label, line]) => used.has(label) && (line < release.line || line > last)).sort((a, b) => a[1] - b[1]);
    const eol = bytes.includes(Buffer.from('\r\n')) ? '\r\n' : '\n';
    const parts = [section];
    if (appended.length > 0) {
      if (!/[\r\n]$/.test(section.toString('latin1'))) parts.push(Buffer.from(eol));
      parts.push(Buffer.from(eol));
      for (const [, line] of appended) parts.push(Buffer.from(bytes.subarray(all[line]!.start, all[line]!.end)), ...(/[\r\n]$/.test(all[line]!.text + bytes.subarray(all[line]!.end - 1, all[line]!.end).toString('latin1')) ? [] : [Buffer.from(eol)]));
    }
    out.push({ selector: version ? version : '@unreleased', bytes: Buffer.concat(parts) });
  }
  return out;
}

/** The test's own list of change categories (Keep a Changelog's and the generators'). */
function isCategoryReference(title: string): boolean {
  return /^(?:[^\w\s]*\s*)?(added|changed|deprecated|removed|fixed|fixes|security|features?|new features?|bug ?fix(es)?|breaking changes?|performance( improvements)?|reverts?|documentation|docs|misc(ellaneous)?|chores?|refactor(ing)?|tests?|build system|dependencies|improvements?|other|notes?|internal|enhancements?|contributors?.*)\s*$/i.test(title.replace(/:[\w+-]+:/g, '').trim());
}

function parsed(file: string): { doc: Document; bytes: Buffer } {
  const bytes = readFileSync(file);
  return { doc: parseDocument(decode(bytes, file), { inline: false, bytes }), bytes };
}

const request = { heading: true, linkDefinitions: true };

describe.each(changelogs)('changelog/%s', (name) => {
  const file = join(CORPUS, 'changelog', name);

  it('extracts every release byte for byte, with the link definitions it uses', () => {
    const { doc, bytes } = parsed(file);
    const releases = referenceReleases(bytes);
    const wrong: string[] = [];
    for (const { selector, bytes: expected } of releases) {
      const actual = Buffer.from(renderMarkdown(doc, selectSections(doc, [selector]), request) as Uint8Array);
      if (!actual.equals(expected)) wrong.push(`${selector}:\n--- expected\n${expected.toString('utf8').slice(0, 600)}\n--- actual\n${actual.toString('utf8').slice(0, 600)}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('the real documents and the table of contents', () => {
  it.each([...changelogs.map((f) => `changelog/${f}`), ...readmes.map((f) => `readme/${f}`)])('every --toc entry of %s is selectable as number:N', (path) => {
    const { doc } = parsed(join(CORPUS, path));
    for (const entry of tocEntries(doc)) {
      const [section] = selectSections(doc, [`number:${entry.number}`]);
      expect([entry.number, section?.number]).toEqual([entry.number, entry.number]);
    }
    expect(flatten(doc.sections).length + 1).toBeGreaterThanOrEqual(tocEntries(doc).length);
  });
});

describe('through main', () => {
  const yargs = join(CORPUS, 'changelog', 'yargs.md');

  it('takes a release-please patch written as ### with its own notes, not the heading alone', async () => {
    const run = await runMain([yargs, '-s', '16.1.1', '-f', 'markdown']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^### \[16\.1\.1\][^\n]*\n\n\n### Bug Fixes\n\n\* expose helpers/);
    expect(run.stdout).not.toContain('### [16.1.0]');
    const minor = (await runMain([yargs, '-s', 'v16.2.0', '-f', 'markdown'])).stdout;
    expect(minor).not.toContain('### [16.1.1]');
  });

  it('answers @latest and @unreleased, and says when a document has none', async () => {
    expect((await runMain([join(CORPUS, 'changelog', 'keep-a-changelog.md'), '-s', '@latest', '-f', 'markdown'])).stdout).toMatch(/^## \[2\.0\.0\] - 2026-06-07\n/);
    expect((await runMain([join(CORPUS, 'changelog', 'keep-a-changelog.md'), '-s', '@unreleased', '-f', 'markdown'])).stdout).toMatch(/^## \[Unreleased\]\n/);
    expect(await runMain([yargs, '-s', '@unreleased'])).toMatchObject({ status: 1, stdout: '', stderr: 'broadsheet: @unreleased: the document has no Unreleased section\n' });
    expect(await runMain(['-s', '@latest'])).toMatchObject({ status: 1, stderr: 'broadsheet: @latest: the document has no releases (headings that name versions)\n' });
  });

  it('takes the highest version for @latest, a pre-release only when nothing final is higher', async () => {
    const changelog = '# Changelog\n\n## 2.0.0-rc.1\n\nrc\n\n## 1.10.0\n\nten\n\n## 1.9.0\n\nnine\n';
    expect((await runMain(['-', '-s', '@latest', '-f', 'markdown', '--no-heading'], { input: changelog })).stdout).toBe('rc\n');
    const final = '# Changelog\n\n## 1.9.0\n\nnine\n\n## 1.10.0\n\nten\n\n## 1.10.0-beta.1\n\nbeta\n';
    expect((await runMain(['-', '-s', '@latest', '-f', 'markdown', '--no-heading'], { input: final })).stdout).toBe('ten\n');
  });

  it('prefers a release to a table-of-contents number, and says so when asked explicitly', async () => {
    const changelog = '# Changelog\n\n## [1.2]\n\n### Added\n\n- two\n\n## [1.1]\n\n### Added\n\n- one\n';
    expect((await runMain(['-', '-s', '1.1', '-f', 'markdown'], { input: changelog })).stdout).toBe('## [1.1]\n\n### Added\n\n- one\n');
    expect((await runMain(['-', '-s', 'number:1.1', '-f', 'markdown'], { input: changelog })).stdout).toBe('### Added\n\n- two\n');
    expect((await runMain(['-', '-s', 'path:1.1 > Added', '-f', 'markdown'], { input: changelog })).stdout).toBe('### Added\n\n- one\n');
    expect((await runMain(['-', '-s', 'slug:added-1', '-f', 'markdown'], { input: changelog })).stdout).toBe('### Added\n\n- one\n');
    expect((await runMain(['-', '-s', 'title:Added'], { input: changelog })).status).toBe(1);
  });

  it('refuses a range that runs backwards as a usage error', async () => {
    expect(await runMain(['-s', '3-1'])).toMatchObject({ status: 2, stdout: '', stderr: "broadsheet: section range '3-1' runs backwards; write 1-3\n" });
  });

  it('prints sections without their heading in every format with --no-heading', async () => {
    const doc = '## One\n\nfirst [ref]\n\n## Two\n\nsecond\n\n[ref]: https://x.test\n';
    expect((await runMain(['-', '-s', '1', '--no-heading', '-f', 'markdown'], { input: doc })).stdout).toBe('first [ref]\n\n[ref]: https://x.test\n');
    expect((await runMain(['-', '-s', '1', '--no-heading', '--no-link-defs', '-f', 'markdown'], { input: doc })).stdout).toBe('first [ref]\n');
    expect((await runMain(['-', '-s', '1', '--no-heading'], { input: doc })).stdout).toBe('first ref (https://x.test)\n');
    expect(JSON.parse((await runMain(['-', '-s', '1', '--no-heading', '-f', 'json'], { input: doc })).stdout).sections[0].markdown).toBe('first [ref]');
  });

  it('prints the table of contents of a selection, and as a Markdown list of links', async () => {
    const keep = join(CORPUS, 'changelog', 'keep-a-changelog.md');
    const toc = JSON.parse((await runMain([keep, '--toc', '-s', '1.1.2', '-f', 'json'])).stdout) as { title: string }[];
    expect(toc.map((e) => e.title)).toEqual(['1.1.2 - 2024-09-27', 'Added', 'Fixed']);
    expect((await runMain([keep, '--toc', '-s', '1.1.2', '-f', 'markdown'])).stdout).toBe('- [1.1.2 - 2024-09-27](#112---2024-09-27)\n  - [Added](#added-1)\n  - [Fixed](#fixed)\n');
  });
});
