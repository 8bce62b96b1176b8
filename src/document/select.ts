/**
 * `--section` selectors -> sections. A selector is a number from the table of contents, a title
 * (forgiving about case, accents, quotes and punctuation), a slug, or a path `Parent > Child`;
 * in a changelog, a release's version first (`1.1` is the 1.1 release, not section 1.1), and
 * `@latest` / `@unreleased`. `number:`, `title:`, `slug:` and `path:` say which is meant.
 * Among titles an exact match beats a whole-word prefix, which beats whole words anywhere, which
 * beats a substring; a tie at the best rank is an error, never a guess.
 */
import { flatten, hasContent, type Document, type Section } from './tree.js';
import { BroadsheetError } from '../errors.js';
import { sanitizeLine } from '../sanitize.js';
import { compareVersions, type Version } from './releases.js';

const NUMBER = /^\d+(?:\.\d+)*$/;
const RANGE = /^(\d+(?:\.\d+)*)\s*-\s*(\d+(?:\.\d+)*)$/;

/** Split repeatable, comma-separated values into selectors (a title with a comma still works). */
export function selectSections(doc: Document, values: readonly string[]): Section[] {
  const all = flatten(doc.sections);
  const ordered = hasContent(doc.lead) ? [doc.lead, ...all] : all;
  const byNumber = new Map(ordered.map((s) => [s.number, s]));
  const chosen = new Set<Section>();
  for (const value of values) {
    const whole = value.includes(',') ? exactTitle(value.trim(), all) : undefined;
    const parts = whole ? [] : value.split(',').map((p) => p.trim());
    if (whole) chosen.add(whole);
    for (const part of parts) {
      if (part === '') throw new BroadsheetError('usage', `empty section selector in '${sanitizeLine(value)}'`);
      for (const section of resolve(part, { doc, all, ordered, byNumber })) chosen.add(section);
    }
  }
  // Document order, once each; a section inside another chosen one is already printed by it.
  const inside = (s: Section) => {
    for (let p = s.parent; p; p = p.parent) if (chosen.has(p)) return true;
    return false;
  };
  return ordered.filter((s) => chosen.has(s) && !inside(s));
}

interface Candidates {
  doc: Document;
  all: Section[];
  ordered: Section[];
  byNumber: Map<string, Section>;
}

const EXPLICIT = /^(number|title|slug|path):(.*)$/s;

function resolve(selector: string, candidates: Candidates): Section[] {
  const { all } = candidates;
  const explicit = EXPLICIT.exec(selector);
  if (explicit) {
    const [, kind, value] = explicit as unknown as [string, string, string];
    const wanted = value.trim();
    switch (kind) {
      case 'number':
        return byNumberOrRange(wanted, candidates) ?? notFound(`no section is numbered '${quoteable(wanted)}'`);
      case 'slug': {
        const hits = all.filter((s) => s.slug === wanted);
        return hits.length > 0 ? [hits[0]!] : notFound(`no section has the slug '${quoteable(wanted)}'`);
      }
      case 'path':
        return [resolvePath(wanted, all) ?? matchTitle(wanted, all)];
      default:
        return [matchTitle(wanted, all)];
    }
  }
  if (selector.startsWith('@')) return [special(selector, all)];
  if (candidates.doc.releases) {
    const release = releaseNamed(selector, all);
    if (release) return [release];
  }
  const numbered = byNumberOrRange(selector, candidates);
  if (numbered) return numbered;
  if (selector.includes('>')) {
    const path = resolvePath(selector, all);
    if (path) return [path];
  }
  return [matchTitle(selector, all)];
}

function notFound(message: string): never {
  throw new BroadsheetError('not-found', message);
}

/** `3`, or a range `1-3` (in document order; a range that runs backwards is a usage error). */
function byNumberOrRange(selector: string, { ordered, byNumber }: Candidates): Section[] | undefined {
  if (NUMBER.test(selector)) return byNumber.has(selector) ? [byNumber.get(selector)!] : undefined;
  const range = RANGE.exec(selector);
  if (!range) return undefined;
  const from = byNumber.get(range[1]!);
  const to = byNumber.get(range[2]!);
  if (!from || !to) return undefined;
  const [a, b] = [ordered.indexOf(from), ordered.indexOf(to)];
  if (a > b) throw new BroadsheetError('usage', `section range '${quoteable(selector)}' runs backwards; write ${range[2]}-${range[1]}`);
  return ordered.slice(a, b + 1);
}

/** The release a selector names by its version (`v` optional both ways), if one does. */
function releaseNamed(selector: string, all: Section[]): Section | undefined {
  const wanted = selector.trim().replace(/^\[?v?/i, '').replace(/\]$/, '').toLowerCase();
  const hits = all.filter((s) => typeof s.release === 'object' && s.release.text.toLowerCase() === wanted);
  if (hits.length > 1) throw new BroadsheetError('ambiguous', `section '${quoteable(selector)}' is ambiguous: ${hits.slice(0, 5).map(describe).join(', ')}`);
  return hits[0];
}

/** `@latest`: the highest version (a pre-release only when no final release is higher); `@unreleased`. */
function special(selector: string, all: Section[]): Section {
  const name = selector.slice(1).toLowerCase();
  if (name === 'unreleased') {
    return all.find((s) => s.release === 'unreleased') ?? notFound('@unreleased: the document has no Unreleased section');
  }
  if (name === 'latest') {
    let latest: { section: Section; version: Version } | undefined;
    for (const section of all) {
      const version = section.release;
      if (typeof version === 'object' && (!latest || compareVersions(version, latest.version) > 0)) latest = { section, version };
    }
    if (!latest) notFound('@latest: the document has no releases (headings that name versions)');
    return latest.section;
  }
  throw new BroadsheetError('usage', `unknown selector '${quoteable(selector)}': use @latest or @unreleased`);
}

function resolvePath(selector: string, all: Section[]): Section | undefined {
  const steps = selector.split('>').map((s) => s.trim());
  if (steps.some((s) => s === '')) return undefined;
  const exact = exactTitle(selector, all);
  if (exact) return exact;
  let candidates = all.filter((s) => !s.parent);
  let found: Section | undefined;
  for (const step of steps) {
    found = matchTitle(step, candidates, selector);
    candidates = flatten(found.children);
  }
  return found;
}

function exactTitle(selector: string, sections: Section[]): Section | undefined {
  const query = words(selector).join(' ');
  const hits = sections.filter((s) => s.slug === selector || words(s.title).join(' ') === query);
  return hits.length === 1 ? hits[0] : undefined;
}

/** Rank 0 exact (or slug), 1 whole-word prefix, 2 whole words anywhere, 3 substring. */
export function matchRank(title: string, slug: string, selector: string): number | undefined {
  if (slug === selector.trim()) return 0;
  const q = words(selector);
  if (q.length === 0) return undefined;
  const t = words(title);
  const query = q.join(' ');
  const joined = t.join(' ');
  if (joined === query) return 0;
  if (q.every((w, i) => t[i] === w)) return 1;
  for (let i = 1; i + q.length <= t.length; i++) if (q.every((w, k) => t[i + k] === w)) return 2;
  if (substringAtBoundary(joined, query)) return 3;
  return undefined;
}

/** A substring match may not cut a number: `1.2.1` is not in `1.2.10`, nor `2.0` in `12.0`. */
function substringAtBoundary(haystack: string, needle: string): boolean {
  const digit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    if (digit(needle[0]) && digit(before)) continue;
    if (digit(needle[needle.length - 1]) && digit(after)) continue;
    return true;
  }
  return false;
}

function matchTitle(selector: string, sections: Section[], shown: string = selector): Section {
  let best: Section[] = [];
  let bestRank = Infinity;
  for (const section of sections) {
    const rank = matchRank(section.title, section.slug, selector);
    if (rank === undefined || rank > bestRank) continue;
    if (rank < bestRank) {
      best = [];
      bestRank = rank;
    }
    best.push(section);
  }
  const safe = quoteable(shown);
  if (best.length === 1) return best[0]!;
  if (best.length > 1) {
    const list = best.slice(0, 5).map(describe).join(', ');
    throw new BroadsheetError('ambiguous', `section '${safe}' is ambiguous: ${list}${best.length > 5 ? ', …' : ''}`);
  }
  const near = nearest(selector, sections);
  throw new BroadsheetError('not-found', `no section matches '${safe}'${near.length ? `; did you mean ${near.map(describe).join(', ')}?` : ''}`);
}

function describe(section: Section): string {
  return `${section.number} '${sanitizeLine(section.title)}'`;
}

/** A selector as error messages show it: one line, and not a page long. */
function quoteable(selector: string): string {
  const line = sanitizeLine(selector);
  return line.length > MAX_SHOWN ? `${line.slice(0, MAX_SHOWN - 1)}…` : line;
}
const MAX_SHOWN = 60;

/** "Did you mean" compares at most this much of a selector and of each title... */
const MAX_COMPARED = 64;
/** ...and computes edit distances for at most this many titles, those sharing most letter pairs. */
const MAX_CANDIDATES = 50;

/**
 * The closest titles by edit distance over normalised words, for "did you mean". Bounded for any
 * input: long selectors and titles are cut, and only the titles that share the most letter pairs
 * with the selector are compared in full.
 */
function nearest(selector: string, sections: Section[]): Section[] {
  const query = words(selector).join(' ').slice(0, MAX_COMPARED);
  if (query === '') return [];
  const pairs = letterPairs(query);
  const scored = sections.map((s, i) => {
    const title = words(s.title).join(' ').slice(0, 2 * MAX_COMPARED);
    let shared = 0;
    for (const pair of letterPairs(title)) if (pairs.has(pair)) shared++;
    return { s, i, title, shared };
  });
  const candidates = scored.length > MAX_CANDIDATES ? scored.sort((a, b) => b.shared - a.shared).slice(0, MAX_CANDIDATES) : scored;
  return candidates
    .map(({ s, i, title }) => ({
      s,
      i,
      // A selector is often the start of a title: compare with that start as well as the whole.
      d: Math.min(distance(query, title.slice(0, MAX_COMPARED)), distance(query, title.slice(0, query.length + 1))),
    }))
    .filter(({ d }) => d <= Math.max(3, Math.ceil(query.length / 2)))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .slice(0, 3)
    .map(({ s }) => s);
}

function letterPairs(text: string): Set<string> {
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) pairs.add(text.slice(i, i + 2));
  return pairs;
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

const QUOTES = /['"`´‘’‚‛′“”„‟″«»‹›]/g;

/**
 * Words for matching: accents, case and quotes dropped; words run between spaces and brackets,
 * keep their inner dots and hyphens (version numbers, dates) and lose other punctuation.
 */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(QUOTES, '')
    .split(/[\s()[\]{}<>]+/)
    .map((w) => w.replace(/[^\p{L}\p{N}._-]/gu, '').replace(/^[._-]+|[._-]+$/g, ''))
    .filter((w) => w !== '');
}
