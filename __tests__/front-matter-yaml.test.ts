/**
 * Front matter read as YAML: the scalar reader agrees with the parser on everything it reads
 * itself, the parser (js-yaml, a bundle of its own) loads only for blocks that need it, and the
 * front matter the web clippers and static site generators write reads into the header and JSON.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { frontMatter } from '../src/import/article.js';
import { readFrontMatter, splitFrontMatter } from '../src/load/frontmatter.js';
import { FIXTURES, ROOT, bundlesLoaded, runMain } from './helpers.js';

const CLIPPED = join(FIXTURES, 'front-matter');
const clipped = (name: string) => join(CLIPPED, name);

describe('the scalar reader', () => {
  // Each line is read by the scalar reader exactly as js-yaml reads it, or left to js-yaml.
  const lines: [string, 'scalar' | 'yaml'][] = [
    ['title: Plain words', 'scalar'],
    ["title: 'It''s quoted'", 'scalar'],
    ['title: "Tab\\there, \\u00e9, \\x41"', 'scalar'],
    ['title: "Bad \\q escape"', 'yaml'],
    ['title: Two: colons', 'yaml'],
    ['title: ends with colon:', 'yaml'],
    ['title: a # comment', 'scalar'],
    ['title: #not a value', 'yaml'],
    ['title:', 'scalar'],
    ['title: ~', 'scalar'],
    ['title: null', 'scalar'],
    ['title: Null words', 'scalar'],
    ['title: true', 'scalar'],
    ['title: False', 'scalar'],
    ['title: yes', 'scalar'],
    ['count: 12', 'scalar'],
    ['count: -3', 'scalar'],
    ['count: +7', 'scalar'],
    ['count: 0012', 'scalar'],
    ['count: 1.5', 'scalar'],
    ['count: .5', 'scalar'],
    ['count: 1e3', 'scalar'],
    ['count: 1_000', 'scalar'],
    ['count: 0x1F', 'yaml'],
    ['count: 0o17', 'yaml'],
    ['count: .inf', 'yaml'],
    ['count: .NaN', 'yaml'],
    ['date: 2024-11-04', 'scalar'],
    ['date: 2024-11-04T08:30:00+01:00', 'scalar'],
    ['date: 2024-11-04 08:30:00 +0100', 'scalar'],
    ['created: 2024-11-05T09:14:02 (UTC +01:00)', 'scalar'],
    ['source: https://example.com/a?b=c#frag', 'scalar'],
    ['title: -dash first', 'scalar'],
    ['title: - a list', 'yaml'],
    ['tags: [a, b]', 'yaml'],
    ['author: {name: X}', 'yaml'],
    ['title: &anchor value', 'yaml'],
    ['title: *alias', 'yaml'],
    ['title: !tag value', 'yaml'],
    ['title: |', 'yaml'],
    ['title: >-', 'yaml'],
    ['title: @reserved', 'yaml'],
    ['title: `reserved`', 'yaml'],
    ['title: %percent', 'yaml'],
    ['key:value', 'yaml'],
    ['key : value', 'yaml'],
    ['"quoted key": value', 'yaml'],
    ['og.title: dotted', 'yaml'],
    ['tags:\n  - a\n  - "b c"\n  - 3\n  - true', 'scalar'],
    ['tags:\n- a\n- b', 'scalar'],
    ['tags:\n  -\n  - x', 'scalar'],
    ['author:\n  - "[[Ana Lima]]"\nnext: 1', 'scalar'],
    ['tags:\n  - a\n    continued', 'yaml'],
    ['tags:\n  - a\n - b', 'yaml'],
    ['tags:\n  - a\n\n  - b', 'yaml'],
    ['tags:\n  - key: value', 'yaml'],
    ['tags:\n  - [a]', 'yaml'],
    ['tags:\n  - - a', 'yaml'],
    ['tags: # a comment\n  - a', 'yaml'],
  ];
  it.each(lines)('%j (%s)', (line, route) => {
    const block = `first: line\n${line}\n`;
    const { meta, yaml } = splitFrontMatter(`---\n${block}---\n`);
    expect(yaml === undefined ? 'scalar' : 'yaml').toBe(route);
    if (yaml === undefined) expect(meta).toEqual(load(block, { schema: CORE_SCHEMA }));
    else expect(yaml).toBe(block);
  });

  it('reads simple front matter itself, and the stored article is simple', () => {
    expect(splitFrontMatter('---\ntitle: T\nauthor: Ana Lima\ndate: 2024-11-04\n---\nBody\n').yaml).toBeUndefined();
    expect(splitFrontMatter(readFileSync(join(ROOT, 'articles', 'xi-putin-new-era.md'), 'utf8')).yaml).toBeUndefined();
  });

  it('takes a key such as __proto__ as a key like any other', () => {
    const { meta } = splitFrontMatter('---\n__proto__: x\ntitle: T\n---\n');
    expect(Object.getPrototypeOf(meta)).toBe(Object.prototype);
    expect(Object.keys(meta)).toEqual(['__proto__', 'title']);
  });
});

describe('readFrontMatter', () => {
  it('reads lists, maps, block scalars, flow collections, anchors and values over several lines', async () => {
    const text = [
      '---',
      'title: A',
      'authors:',
      '  - Ana Lima',
      '  - Bo Chen',
      'author: {name: Ana Lima, url: "https://example.com/ana"}',
      'tags: [a, "b c"]',
      'literal: |',
      '  one',
      '  two',
      'folded: >-',
      '  one',
      '  two',
      'base: &base {lang: en}',
      'copy: *base',
      'long: a plain value',
      '  over two lines',
      '---',
      'Body',
    ].join('\n');
    const { meta, bodyStart, yaml } = await readFrontMatter(text);
    expect(yaml).toBeUndefined();
    expect(meta).toEqual({
      title: 'A',
      authors: ['Ana Lima', 'Bo Chen'],
      author: { name: 'Ana Lima', url: 'https://example.com/ana' },
      tags: ['a', 'b c'],
      literal: 'one\ntwo\n',
      folded: 'one two',
      base: { lang: 'en' },
      copy: { lang: 'en' },
      long: 'a plain value over two lines',
    });
    expect(text.slice(bodyStart)).toBe('Body');
  });

  it('reports invalid YAML on one line naming its line in the file, and reads the document without it', async () => {
    const warnings: string[] = [];
    const text = '---\ntitle: T\nauthor: [Ana\n---\nBody\n';
    const { meta, bodyStart } = await readFrontMatter(text, { warn: (m) => warnings.push(m) });
    expect(meta).toEqual({});
    expect(text.slice(bodyStart)).toBe('Body\n');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^front matter line 4: .+; read without it$/);
  });

  it.each([
    ['a custom tag', 'title: T\nx: !custom value\n', 3],
    ['a language tag', 'title: T\nx: !!python/object:os.system ls\n', 3],
    ['a YAML 1.1 type the core schema does not have', 'title: T\nx: !!binary aGk=\n', 3],
    ['a billion laughs', `title: T\n${lol()}`, undefined],
    ['a tree too deep', `title: T\nx: ${'['.repeat(500)}${']'.repeat(500)}\n`, 3],
    ['a list after a key', 'title: T\n- x\n', 3],
  ])('refuses %s with a warning', async (_, block, line) => {
    const warnings: string[] = [];
    const { meta } = await readFrontMatter(`---\n${block}---\nBody\n`, { warn: (m) => warnings.push(m) });
    expect(meta).toEqual({});
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(line === undefined ? /^front matter: .+; read without it$/ : new RegExp(`^front matter line ${line}: .+; read without it$`));
  });

  it('keeps a `---` block followed by a blank line, or not starting with `key:`, as content', async () => {
    expect(await readFrontMatter('---\n\ntitle: [T\n---\n')).toEqual({ meta: {}, bodyStart: 0 });
    expect(await readFrontMatter('---\n- a\n- [b\n---\n')).toEqual({ meta: {}, bodyStart: 0 });
  });
});

/** Nine levels of ten aliases each: 10^9 values from a few hundred bytes. */
function lol(): string {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 9; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

describe('clippers and site generators', () => {
  const header = async (name: string) => (await runMain([clipped(name), '-w', '200'])).stdout.split('\n\n').slice(0, 3);

  it('Obsidian Web Clipper: wikilinked authors, published date, source site, description', async () => {
    const run = await runMain([clipped('obsidian-web-clipper.md'), '-w', '200']);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n\n').slice(0, 3)).toEqual([
      `Grid operators brace for a winter of record demand\n${'━'.repeat(50)}`,
      'Utilities say new batteries will carry the evening peak: the first test comes in January.',
      'By Ana Lima and Bo Chen · 2024-11-04 · example-news.com · 39 words · < 1 min read',
    ]);
    const json = JSON.parse((await runMain([clipped('obsidian-web-clipper.md'), '-f', 'json'])).stdout);
    expect(json).toMatchObject({
      title: 'Grid operators brace for a winter of record demand',
      standfirst: 'Utilities say new batteries will carry the evening peak: the first test comes in January.',
      authors: ['Ana Lima', 'Bo Chen'],
      date: '2024-11-04',
      source: 'https://www.example-news.com/2024/11/grid-winter-demand',
      meta: { author: ['[[Ana Lima]]', '[[Bo Chen]]'], tags: ['clippings'], published: '2024-11-04', created: '2024-11-05', image: 'https://www.example-news.com/images/grid.jpg' },
    });
  });

  it('MarkDownload: a byline of three with its own "By", a created date-time, a flow list of tags', async () => {
    expect((await header('markdownload.md'))[1]).toBe('By Ana Lima, Bo Chen and Chris Doe · 2024-11-05 · example-news.com · 22 words · < 1 min read');
    const json = JSON.parse((await runMain([clipped('markdownload.md'), '-f', 'json'])).stdout);
    expect(json).toMatchObject({ title: 'Grid operators brace for a winter of record demand', authors: ['Ana Lima, Bo Chen and Chris Doe'], date: '2024-11-05T09:14:02 (UTC +01:00)' });
    expect(json.meta).toEqual({ created: '2024-11-05T09:14:02 (UTC +01:00)', tags: ['energy', 'grid', 'winter'], source: 'https://example-news.com/2024/11/grid-winter-demand', author: 'By Ana Lima, Bo Chen and Chris Doe' });
  });

  it('Jekyll: a list of authors, a date with time and zone, a folded excerpt', async () => {
    expect((await header('jekyll.md')).slice(1)).toEqual(['Utilities say new batteries will carry the evening peak.', 'By Ana Lima, Bo Chen and Chris Doe · 2024-11-04 · 12 words · < 1 min read']);
    const json = JSON.parse((await runMain([clipped('jekyll.md'), '-f', 'json'])).stdout);
    expect(json.meta).toMatchObject({ layout: 'post', categories: ['energy', 'news'], authors: ['Ana Lima', 'Bo Chen', 'Chris Doe'], lang: 'en' });
  });

  it('Hugo: an author map, a literal summary, a relative url (no site)', async () => {
    expect((await header('hugo.md')).slice(1)).toEqual(['Utilities say new batteries will carry the evening peak.', 'By Ana Lima · 2024-11-04 · 12 words · < 1 min read']);
    const json = JSON.parse((await runMain([clipped('hugo.md'), '-f', 'json'])).stdout);
    expect(json).toMatchObject({ authors: ['Ana Lima'], date: '2024-11-04T08:30:00+01:00', source: '/2024/11/grid-winter-demand/' });
    expect(json.meta).toMatchObject({ draft: false, author: { name: 'Ana Lima', email: 'ana@example-news.com' }, tags: ['energy', 'grid'], summary: 'Utilities say new batteries\nwill carry the evening peak.\n' });
  });

  it("broadsheet's importer: what it writes is read without the YAML parser, its site name shown", async () => {
    const text = `${frontMatter({ title: 'A "quoted": title', author: ['Ana Lima', 'Bo Chen'], date: '2024-11-04', source: 'https://www.theguardian.com/a', site: 'The Guardian', caption: 'Tab\there\u2028' })}\nBody text.\n`;
    expect(splitFrontMatter(text).yaml).toBeUndefined();
    const run = await runMain(['-', '-w', '200', '--no-smart'], { input: text });
    expect(run.stdout.split('\n\n').slice(1, 3)).toEqual(['Tab here', 'By Ana Lima and Bo Chen · 2024-11-04 · The Guardian · 2 words · < 1 min read']);
    expect(JSON.parse((await runMain(['-', '-f', 'json'], { input: text })).stdout)).toMatchObject({ title: 'A "quoted": title', authors: ['Ana Lima', 'Bo Chen'], meta: { site: 'The Guardian', caption: 'Tab here' } });
  });

  it('invalid YAML: one warning naming the file and line, the document without its front matter, exit 0', async () => {
    const run = await runMain([clipped('invalid.md')]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(`broadsheet: ${clipped('invalid.md')}: front matter line 4: deficient indentation; read without it\n`);
    expect(run.stdout).toBe('Grid operators across the region expect the highest winter demand on record.\n');
  });

  it('--list reads titles that only the YAML parser can read', async () => {
    const store = mkdtempSync(join(tmpdir(), 'broadsheet-store-'));
    writeFileSync(join(store, 'folded.md'), '---\ntitle: >-\n  A title folded\n  over two lines\ntags: [a]\n---\nBody text.\n');
    const run = await runMain(['--list', '-f', 'json'], { env: { BROADSHEET_ARTICLES: store } });
    expect(JSON.parse(run.stdout)[0]).toMatchObject({ slug: 'folded', title: 'A title folded over two lines', store: 'user' });
  });
});

describe('the YAML parser bundle', () => {
  it('loads only for front matter that needs it: not for the stored article, nor for lists of names', () => {
    expect(bundlesLoaded([])).toEqual(['broadsheet.cjs']);
    expect(bundlesLoaded([clipped('obsidian-web-clipper.md')])).not.toContain('yaml.cjs');
    expect(bundlesLoaded([clipped('jekyll.md')])).toContain('yaml.cjs');
  });
});
