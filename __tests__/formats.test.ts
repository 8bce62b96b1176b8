/** The script formats: markdown extraction, JSON and the table of contents, in-process. */
import { present, type Request } from '../src/core.js';
import { fixture } from './helpers.js';

const base: Request = { format: 'text', width: 0, toc: false, sections: [], links: 'inline', hyperlinks: false };
const changelog = fixture('keep-a-changelog.md');

describe('markdown', () => {
  it('returns the whole source untouched without --section', () => {
    expect(present(changelog, { ...base, format: 'markdown' })).toBe(changelog);
  });

  it('returns each section\'s source lines, separated by one blank line', () => {
    const out = present(changelog, { ...base, format: 'markdown', sections: ['1.2.1', '1.0.0'] });
    expect(out).toBe(
      '## [1.2.1] - 2024-01-01\n\n### Fixed\n- A crash when the input was empty.\n- Wrapping of **bold** words in `tight` lists.\n\n' +
        '## [1.0.0] - 2023-01-01\n\n### Added\n- First release.\n\n[Unreleased]: https://example.com/compare/v1.2.10...HEAD\n[1.2.10]: https://example.com/compare/v1.2.1...v1.2.10\n',
    );
  });
});

describe('json', () => {
  it('has the documented shape', () => {
    const out = JSON.parse(present(changelog, { ...base, format: 'json', sections: ['4.2'] }));
    expect(out).toEqual({
      title: 'Changelog',
      standfirst: null,
      caption: null,
      credit: null,
      meta: {},
      words: expect.any(Number),
      readingMinutes: 1,
      sections: [{ number: '4.2', level: 3, title: 'Changed', slug: 'changed', words: 3, text: '• Faster start-up.', markdown: '### Changed\n- Faster start-up.' }],
    });
  });

  it('lists the table of contents as an array, the lead first', () => {
    const toc = JSON.parse(present(changelog, { ...base, format: 'json', toc: true }));
    expect(toc[0]).toEqual({ number: '0', level: 0, title: '', slug: '', words: 12 });
    expect(toc[1]).toEqual({ number: '1', level: 2, title: 'Unreleased', slug: 'unreleased', words: 4 });
  });
});

describe('toc', () => {
  it('indents by depth and wraps long titles under themselves', () => {
    const out = present('## A title long enough to wrap at a narrow width\n\n### Sub\n', { ...base, toc: true, width: 30 });
    expect(out).toBe('1  A title long enough to wrap\n   at a narrow width\n   #a-title-long-enough-to-wra\n   p-at-a-narrow-width · 11\n   words\n  1.1  Sub  #sub · 1 word\n');
  });
});
