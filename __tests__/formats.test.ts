/** The script formats: markdown extraction, JSON and the table of contents, in-process. */
import { fixture } from './helpers.js';
import { printed } from './kits.js';
import { widestLine } from './measure.js';

const changelog = fixture('keep-a-changelog.md');

describe('markdown', () => {
  it('returns the whole source untouched without --section', async () => {
    expect(await printed(changelog, { format: 'markdown' })).toBe(changelog);
  });

  it('returns each section\'s source lines, separated by one blank line', async () => {
    const out = await printed(changelog, { format: 'markdown', sections: ['1.2.1', '1.0.0'] });
    expect(out).toBe(
      '## [1.2.1] - 2024-01-01\n\n### Fixed\n- A crash when the input was empty.\n- Wrapping of **bold** words in `tight` lists.\n\n' +
        '## [1.0.0] - 2023-01-01\n\n### Added\n- First release.\n\n[Unreleased]: https://example.com/compare/v1.2.10...HEAD\n[1.2.10]: https://example.com/compare/v1.2.1...v1.2.10\n',
    );
  });
});

describe('json', () => {
  it('has the documented shape', async () => {
    const out = JSON.parse(await printed(changelog, { format: 'json', sections: ['4.2'] }));
    expect(out).toEqual({
      title: 'Changelog',
      standfirst: null,
      caption: null,
      credit: null,
      authors: [],
      date: null,
      source: null,
      meta: {},
      words: 58,
      readingMinutes: 1,
      sections: [{ number: '4.2', level: 3, title: 'Changed', slug: 'changed', words: 3, text: '• Faster start-up.', markdown: '### Changed\n- Faster start-up.' }],
    });
  });

  it('lists the table of contents as an array, the lead first', async () => {
    const toc = JSON.parse(await printed(changelog, { format: 'json', toc: true }));
    expect(toc[0]).toEqual({ number: '0', level: 0, title: '', slug: null, words: 12 });
    expect(toc[1]).toEqual({ number: '1', level: 2, title: 'Unreleased', slug: 'unreleased', words: 4 });
  });
});

describe('toc', () => {
  it('sets number, title, slug and words in aligned columns, titles indented by depth', async () => {
    const out = await printed('## A title\n\n### Sub\n\n#### Deeper still\n', { toc: true });
    expect(out).toBe(['1      A title           #a-title       5 words', '1.1      Sub             #sub           3 words', '1.1.1      Deeper still  #deeper-still  2 words', ''].join('\n'));
  });

  it('cuts long titles and slugs with … to fit the width, at any depth, and drops slugs first', async () => {
    const deep = Array.from({ length: 6 }, (_, i) => `${'#'.repeat(i + 1)} A heading at level ${i + 1} with a title long enough to need cutting\n`).join('\n');
    for (const width of [10, 24, 40, 60, 80]) {
      const out = await printed(deep, { toc: true, width });
      for (const line of out.split('\n')) expect(widestLine(line)).toBeLessThanOrEqual(width);
      expect(out).toContain('…');
    }
    expect(await printed(deep, { toc: true, width: 60 })).toContain('#a-heading');
    expect(await printed(deep, { toc: true, width: 30 })).not.toContain('#a-heading');
  });
});
