import fc from 'fast-check';
import GithubSlugger, { slug as githubSlug } from 'github-slugger';
import { Slugs, anchorSlug } from '../src/document/slugs.js';
import { anchorKey } from '../src/render/terminal/context.js';

describe('heading anchors', () => {
  it('are github-slugger’s for every character below U+0250 and of General Punctuation, alone and inside a heading', () => {
    const codes = [...Array.from({ length: 0x250 }, (_, c) => c), ...Array.from({ length: 0x70 }, (_, c) => 0x2000 + c)];
    for (const code of codes) {
      const ch = String.fromCharCode(code);
      for (const text of [ch, `A${ch}b c`, `${ch}${ch} X`]) expect([text, anchorSlug(text)]).toEqual([text, githubSlug(text)]);
    }
  });

  it('are github-slugger’s, repeats numbered the same, for any headings', () => {
    const heading = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.array(fc.constantFrom('Intro', 'intro', 'A-B', 'a b', '1.2.0', 'Ünïcode', 'ÀÉ', '‘new era’', '—', '‿', '中文', '😀 Emoji', ':rocket:', '-1', 'x_y', '  ', '', 'İ', 'ǅ', 'ẞ'), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' ')),
    );
    fc.assert(
      fc.property(fc.array(heading, { maxLength: 10 }), (headings) => {
        const ours = new Slugs();
        const theirs = new GithubSlugger();
        expect(headings.map((h) => ours.slug(h))).toEqual(headings.map((h) => theirs.slug(h)));
      }),
      { numRuns: Number(process.env.BROADSHEET_PROPERTY_RUNS ?? 3000) },
    );
    // A repeat whose numbered form is itself a heading.
    const slugs = new Slugs();
    expect(['A', 'a', 'a-1', 'A', 'a 1'].map((h) => slugs.slug(h))).toEqual(['a', 'a-1', 'a-1-1', 'a-2', 'a-1-2']);
  });

  it('are matched by their letters and digits, ASCII without the Unicode classes and the same', () => {
    const unicode = (slug: string) => slug.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
    for (let code = 0; code < 0x250; code++) {
      const ch = String.fromCharCode(code);
      for (const slug of [ch, `A${ch}b-1`, `${ch}${ch}`]) expect([slug, anchorKey(slug)]).toEqual([slug, unicode(slug)]);
    }
    fc.assert(fc.property(fc.string({ maxLength: 12 }), (slug) => anchorKey(slug) === unicode(slug)), { numRuns: Number(process.env.BROADSHEET_PROPERTY_RUNS ?? 3000) });
  });
});
