/**
 * The highlighter loads highlight.js's core and only the grammars a document names, with the ones
 * they embed; its table of names (src/highlight/languages.ts) must match the installed
 * highlight.js, or a fence's language would silently go uncoloured.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { languagesSource } from '../scripts/highlight-languages.mjs';
import { colourise, createHighlighter, grammarOf } from '../src/highlight/highlight.js';
import { GRAMMARS } from '../src/highlight/languages.js';
import { syntaxStyles } from '../src/theme/ansi.js';
import { ROOT } from './helpers.js';

const styles = syntaxStyles();
const plain = (text: string) => text.replace(/\u001B\[[0-9;]*m/g, '');

describe('the grammar table', () => {
  it('is the one the installed highlight.js gives (node scripts/highlight-languages.mjs writes it)', () => {
    expect(readFileSync(join(ROOT, 'src', 'highlight', 'languages.ts'), 'utf8')).toBe(languagesSource());
  });

  it('gives each name and alias the grammar highlight.js itself gives it', () => {
    const full = createRequire(import.meta.url)('highlight.js') as { getLanguage: (name: string) => { name: string } | undefined };
    const wrong = Object.entries(GRAMMARS).filter(([alias, grammar]) => full.getLanguage(alias)?.name !== full.getLanguage(grammar)?.name);
    expect(wrong).toEqual([]);
    expect(grammarOf('ls')).toBe('livescript');
  });

  it('knows names and aliases, in any case, and nothing else', () => {
    expect(grammarOf('js')).toBe('javascript');
    expect(grammarOf('TypeScript')).toBe('typescript');
    expect(grammarOf('sh')).toBe('bash');
    expect(grammarOf('html')).toBe('xml');
    expect(grammarOf('console')).toBe('shell');
    expect(grammarOf('nosuchlanguage')).toBeUndefined();
    expect(grammarOf('constructor')).toBeUndefined();
    expect(grammarOf('__proto__')).toBeUndefined();
  });
});

describe('a highlighter', () => {
  it('colours the languages it was made for, with the grammars they embed', async () => {
    const highlight = await createHighlighter(styles, ['html']);
    const out = highlight('<p class="x">hi</p><script>const a = 1;</script>', 'html') ?? '';
    expect(plain(out)).toBe('<p class="x">hi</p><script>const a = 1;</script>');
    // JavaScript inside the page is coloured too: its number has the number colour.
    expect(out).toContain(`${styles.number?.('1')};`);
  });

  it('leaves languages nobody asked for, and unknown ones, to the plain code style', async () => {
    const highlight = await createHighlighter(styles, ['js']);
    expect(highlight('x = 1', 'js')).toBeDefined();
    expect(highlight('x = 1', 'nosuchlanguage')).toBeUndefined();
    // Loading is per document: a grammar no test has asked for yet is not registered.
    expect(highlight('+[-]', 'brainfuck')).toBeUndefined();
    expect(await createHighlighter(styles, ['brainfuck']).then((h) => h('+[-]', 'brainfuck'))).toBeDefined();
  });

  it('colours an HTTP body the same whatever else the document loaded', async () => {
    const message = 'POST / HTTP/1.1\nContent-Type: application/json\n\n{"a": 1}';
    const alone = (await createHighlighter(styles, ['http']))(message, 'http');
    expect(alone).toContain(`${styles.number?.('1')}`);
    // A body YAML would claim, were YAML among the guesses: a document with a yaml fence loads it.
    const yamlish = 'POST / HTTP/1.1\n\nname: broadsheet\nversion: 1\n';
    const before = (await createHighlighter(styles, ['http']))(yamlish, 'http');
    const after = (await createHighlighter(styles, ['http', 'yaml', 'python', 'ruby']))(yamlish, 'http');
    expect(after).toBe(before);
    // Guessed among JSON and XML only: a YAML body is neither, and stays plain.
    expect(after).toContain('\n\nname: broadsheet\nversion: 1');
  });

  it('keeps every character of the code, decoding what highlight.js escapes', async () => {
    const highlight = await createHighlighter(styles, ['ts']);
    const code = 'const s = "<a & \'b\'>";\nlet t: Array<string> = [];\n';
    expect(plain(highlight(code, 'ts') ?? '')).toBe(code.replace(/\n+$/, ''));
  });
});

describe('colourise', () => {
  it('colours each run by its innermost coloured scope, joining neighbours of one colour', () => {
    const html = '<span class="hljs-keyword">if</span> <span class="hljs-params">(<span class="hljs-string">&quot;x&quot;</span>)</span>';
    const out = colourise(html, { keyword: (t) => `[k:${t}]`, string: (t) => `[s:${t}]` });
    expect(out).toBe('[k:if] ([s:"x"])');
    expect(colourise('<span class="hljs-tag">&lt;</span><span class="hljs-tag">a</span>', { tag: (t) => `[${t}]` })).toBe('[<a]');
  });
});
