/**
 * The highlighter loads highlight.js's core and only the grammars a document names, with the ones
 * they embed; its table of names (src/highlight/languages.ts) must match the installed
 * highlight.js, or a fence's language would silently go uncoloured.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { languagesSource } from '../scripts/highlight-languages.mjs';
import { ScopeEmitter, colourResult, createHighlighter, grammarOf, type SyntaxStyles } from '../src/highlight/highlight.js';
import { AUTO_DETECT, GRAMMARS } from '../src/highlight/languages.js';
import { syntaxStyles } from '../src/theme/ansi.js';
import { ROOT, corpusFencedBlocks } from './helpers.js';

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

  it('keeps every character of the code', async () => {
    const highlight = await createHighlighter(styles, ['ts']);
    const code = 'const s = "<a & \'b\'>";\nlet t: Array<string> = [];\n';
    expect(plain(highlight(code, 'ts') ?? '')).toBe(code.replace(/\n+$/, ''));
  });
});

describe('the colours', () => {
  /**
   * The reference: highlight.js's own HTML (its default emitter), read back into colours as
   * broadsheet did before it coloured as highlight.js scans: each run of text in the colour of its
   * innermost scope that has one, neighbours of one colour joined.
   */
  function fromHtml(html: string, styles: SyntaxStyles): string {
    const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'" };
    const stack: (((text: string) => string) | undefined)[] = [];
    let out = '';
    let run = '';
    let runStyle: ((text: string) => string) | undefined;
    for (const [piece, classes] of html.matchAll(/<span class="([^"]*)">|<\/span>|[^<]+/g)) {
      if (classes !== undefined) {
        const scope = /hljs-([\w-]+)/.exec(classes)?.[1];
        stack.push((scope && Object.hasOwn(styles, scope) ? styles[scope] : undefined) ?? stack[stack.length - 1]);
      } else if (piece === '</span>') stack.pop();
      else {
        const style = stack[stack.length - 1];
        if (style !== runStyle) {
          out += runStyle && run ? runStyle(run) : run;
          run = '';
          runStyle = style;
        }
        run += piece.replace(/&(?:amp|lt|gt|quot|#x27);/g, (entity) => entities[entity]!);
      }
    }
    return out + (runStyle && run ? runStyle(run) : run);
  }

  /** Every fenced block of the vendored READMEs and changelogs that names a language highlight.js knows. */
  const blocks = corpusFencedBlocks().filter(({ lang }) => grammarOf(lang));

  it("are highlight.js's own HTML's, for every block of the corpus and samples in every grammar", async () => {
    // A mark per scope, so that every scope, run and join shows in the text compared.
    const marks: SyntaxStyles = Object.fromEntries(Object.keys(styles).map((scope) => [scope, (text: string) => `[${scope}:${text}]`]));
    const full = createRequire(import.meta.url)('highlight.js') as { configure(options: object): void; highlight(code: string, options: object): { value: string } };
    full.configure({ languages: [...AUTO_DETECT] });
    const reference = (code: string, lang: string) => fromHtml(full.highlight(code, { language: grammarOf(lang), ignoreIllegals: true }).value, marks).replace(/\n+$/, '');
    // With languages embedded inside coloured scopes: a shell prompt, a Dart doc comment (Markdown
    // in it), a Markdown heading with HTML.
    const samples = ['x = "y" // z <a href="b">&amp;</a>\n', 'if (a) { b(c, \'d\') } /* e */ # f\n<script>let g = 1;</script>\n', '$ echo "hi" # c\n/// A *doc* `x`\n# Title <b>x</b>\n'];
    const cases = [...blocks, ...Object.keys(GRAMMARS).flatMap((lang) => samples.map((code) => ({ lang, code })))];
    const highlight = await createHighlighter(marks, new Set(cases.map(({ lang }) => lang)));
    expect(blocks.length).toBeGreaterThan(200);
    for (const { lang, code } of cases) expect([lang, code, highlight(code, lang)]).toEqual([lang, code, reference(code, lang)]);
  });

  it('colour each run by its innermost coloured scope, joining neighbours of one colour', async () => {
    const mark = (scope: string) => (text: string) => `[${scope}:${text}]`;
    const tag = mark('tag');
    const highlight = await createHighlighter({ keyword: mark('keyword'), string: mark('string'), number: mark('number'), tag, name: tag, section: mark('section'), comment: mark('comment'), emphasis: mark('emphasis'), code: mark('code') }, ['js', 'html', 'md', 'dart']);
    // A template string: its substitution has no colour of its own and takes the string's; the
    // number in it has its own.
    expect(highlight('let s = `a${1}b`;', 'js')).toBe('[keyword:let] s = [string:`a${][number:1][string:}b`];');
    // A tag and its name are two scopes of one colour here: one run.
    expect(highlight('<p>hi</p>', 'html')).toBe('[tag:<p>]hi[tag:</p>]');
    // HTML in a Markdown heading: its text takes the heading's colour, its tags their own.
    expect(highlight('# Title <b>x</b>', 'md')).toBe('[section:# Title ][tag:<b>][section:x][tag:</b>]');
    // A Dart doc comment is Markdown (an embedded language): its plain text takes the comment's colour.
    expect(highlight('/// A *doc* `x`\nint a;', 'dart')).toBe('[comment:/// A ][emphasis:*doc*][comment: ][code:`x`]\nint a;');
  });

  it('leave code highlight.js failed on (its safe mode, an illegal match) as it is, not as its HTML', () => {
    const code = 'a < b && "c"';
    // What highlight.js's emitter (broadsheet's) held when the scan stopped.
    const emitter = new ScopeEmitter();
    emitter.addText('a < b');
    const failed = { value: 'a &lt; b &amp;&amp; &quot;c&quot;', relevance: 0, _emitter: emitter };
    expect(colourResult({ ...failed, illegal: false, errorRaised: new Error('0 width match regex') }, code, styles)).toBe(code);
    expect(colourResult({ ...failed, illegal: true }, code, styles)).toBe(code);
  });
});
