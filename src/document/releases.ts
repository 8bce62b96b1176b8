/**
 * Changelogs: a heading that names a version (`1.2.0`, `v1.2.0`, `[1.2.0](url) (date)`,
 * `1.2.0 - date`, `Version 4.0.0`, `2.0.0-next.1`) or `Unreleased` is a release. Generators put
 * releases at different levels in one file (release-please writes patches as `###` among `##`
 * minors, conventional-changelog majors as `#`), so releases are siblings whatever their level,
 * and the headings after a release are its subsections.
 */

export interface Version {
  /** As written, without brackets or a `v`: `2.0.0-next.1`. */
  text: string;
  numbers: number[];
  prerelease: string[];
}

const VERSION = /^\[?(?:version\s+|v)?(\d+(?:\.\d+)+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?\]?(?=$|[\s,;:()[\]/]|\s*[-–—]\s)/i;
const UNRELEASED = /^\[?unreleased\b/i;

/**
 * Whether a trimmed title starts (after an optional `[`) with a character in `first`, lower-case
 * or not: the patterns above need not run on any other. Their first run compiles them, and most
 * documents are no changelog (compiling and running both on the article's headings took ~0.3 ms
 * in a bare Node).
 */
function firstCharIs(title: string, first: (code: number) => boolean): boolean {
  // ASCII letters are lower-cased by the 0x20 bit; digits have it already.
  return first(title.charCodeAt(title.startsWith('[') ? 1 : 0) | 0x20);
}
const versionStart = (code: number) => (code >= 0x30 && code <= 0x39) || code === 0x76;
const unreleasedStart = (code: number) => code === 0x75;

/** The version a heading names, if it names one. */
export function versionOf(title: string): Version | undefined {
  const trimmed = title.trim();
  if (!firstCharIs(trimmed, versionStart)) return undefined;
  const match = VERSION.exec(trimmed);
  if (!match) return undefined;
  const numbers = match[1]!.split('.').map(Number);
  const prerelease = match[2] ? match[2].split('.') : [];
  return { text: match[0].replace(/^\[?(?:version\s+|v)?/i, '').replace(/\]$/, ''), numbers, prerelease };
}

export function isUnreleased(title: string): boolean {
  const trimmed = title.trim();
  return firstCharIs(trimmed, unreleasedStart) && UNRELEASED.test(trimmed);
}

export function isRelease(title: string): boolean {
  return versionOf(title) !== undefined || isUnreleased(title);
}

/**
 * Change categories (Keep a Changelog's and the generators'): written at a release's own level
 * after it, they are still its subsections; any other heading at that level ends the release.
 */
const CATEGORY = /^(?:\W*\s*)?(?:added|changed|deprecated|removed|fixed|fixes|security|features?|new features?|bug ?fix(?:es)?|breaking changes?|performance(?: improvements)?|reverts?|documentation|docs|misc(?:ellaneous)?|chores?|refactor(?:ing)?|tests?|build system|dependencies|improvements?|other|notes?|internal|enhancements?|contributors?.*)\s*$/i;

export function isCategory(title: string): boolean {
  return CATEGORY.test(title.replace(/:[\w+-]+:/g, '').trim());
}

/**
 * The rank each heading nests by (`depth` normally). With two or more releases: every release
 * gets the releases' top level; inside a release (until a heading above that level, or a
 * same-level heading that is not a change category) a heading ranks below every release; other
 * headings keep their depth.
 */
export function rankHeadings(headings: readonly { depth: number; title: string }[]): { releases: boolean; ranks: number[] } {
  const releases = headings.filter((h) => isRelease(h.title));
  if (releases.length < 2 || !releases.some((h) => versionOf(h.title))) return { releases: false, ranks: headings.map((h) => h.depth) };
  const top = Math.min(...releases.map((h) => h.depth));
  let inRelease = false;
  const ranks = headings.map(({ depth, title }) => {
    if (isRelease(title)) {
      inRelease = true;
      return top;
    }
    if (depth < top || (depth === top && !isCategory(title))) {
      inRelease = false;
      return depth;
    }
    // Below every release (rank top), still ordered by depth among themselves.
    return inRelease ? top + depth : depth;
  });
  return { releases: true, ranks };
}

/** Semantic version precedence: numbers, then a final release above its pre-releases. */
export function compareVersions(a: Version, b: Version): number {
  const length = Math.max(a.numbers.length, b.numbers.length);
  for (let i = 0; i < length; i++) {
    const d = (a.numbers[i] ?? 0) - (b.numbers[i] ?? 0);
    if (d !== 0) return d;
  }
  if (a.prerelease.length === 0 || b.prerelease.length === 0) return b.prerelease.length - a.prerelease.length;
  for (let i = 0; i < Math.max(a.prerelease.length, b.prerelease.length); i++) {
    const x = a.prerelease[i];
    const y = b.prerelease[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    const [nx, ny] = [/^\d+$/.test(x), /^\d+$/.test(y)];
    if (nx && ny) return Number(x) - Number(y);
    if (nx !== ny) return nx ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return 0;
}
