/**
 * A hostile page: nothing from it runs, and nothing reaches the stored article raw. Scripts (and
 * event handlers, iframes, forms) neither execute nor appear; javascript:, data: and vbscript:
 * links lose their link and keep their text; escape, C1 and bidi control characters in the text,
 * the title and the metadata are cleaned; text that looks like HTML stays text.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importArticle } from '../src/import/index.js';
import { extractArticle } from '../src/import/extract.js';
import { splitArticle } from './import-words.js';

const witness = join(mkdtempSync(join(tmpdir(), 'broadsheet-hostile-')), 'pwned');
afterAll(() => rmSync(join(witness, '..'), { recursive: true, force: true }));

const filler = Array.from({ length: 5 }, (_, i) => `<p>Ordinary paragraph ${i + 1} about the council's budget, long enough that Readability takes this page for an article and keeps it whole.</p>`).join('\n');

const HOSTILE = `<!DOCTYPE html>
<html lang="en\u001b[31m">
<head>
<title>Evil\u001b]8;;http://x\u0007 title\u202e</title>
<meta name="author" content="Mallory\u001b[2J">
<meta name="description" content="A standfirst\u009b31m with C1 \u2066hidden\u2069 controls">
<script>globalThis.__broadsheetPwned = true; require('fs').writeFileSync(${JSON.stringify(witness)}, 'x');</script>
<script type="module">globalThis.__broadsheetPwned = true;</script>
</head>
<body onload="globalThis.__broadsheetPwned = true">
<article>
<h1>Evil title</h1>
<p>Click <a href="javascript:globalThis.__broadsheetPwned=true">this harmless link</a> and
<a href="JaVaScRiPt:alert(1)">that one</a>, <a href=" javascript:alert(1)">a spaced one</a>,
<a href="java&#x09;script:alert(1)">a tabbed one</a>, <a href="data:text/html,<script>alert(1)</script>">a data one</a>,
<a href="vbscript:msgbox(1)">a vbscript one</a> and <a href="https://example.com/ok">a real one</a>.</p>
<p>Escape \u001b[31mred\u001b[0m, C1 \u009b31m, bell \u0007, bidi \u202eevil\u202c and \u2067isolate\u2069, zero\u200bwidth.</p>
<p>Text that looks like markup: &lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(1)&gt; and &amp;amp;.</p>
<img src="x" onerror="globalThis.__broadsheetPwned = true">
<img src="data:image/png;base64,iVBORw0KGgo=" alt="a data image">
<img src="javascript:alert(1)" alt="a script image">
<iframe src="https://evil.example/" srcdoc="<script>parent.__broadsheetPwned=true</script>"></iframe>
<form action="https://evil.example/"><input name="q" value="typed"><button>Send</button></form>
<script>document.write('<p>written by a script</p>'); globalThis.__broadsheetPwned = true;</script>
${filler}
</article>
</body>
</html>`;

const io = { readFile: async () => new Uint8Array(Buffer.from(HOSTILE)), readStdin: async () => new Uint8Array(Buffer.from(HOSTILE)) };

describe('a hostile page', () => {
  let markdown = '';
  beforeAll(async () => {
    ({ markdown } = await importArticle({ source: 'evil.html', ...io }));
  });

  it('runs no script', () => {
    expect((globalThis as Record<string, unknown>).__broadsheetPwned).toBeUndefined();
    expect(existsSync(witness)).toBe(false);
  });

  it('keeps no script, handler, iframe or form in the article', () => {
    expect(markdown).not.toMatch(/__broadsheetPwned|writeFileSync|document\.write|written by a script|onload|srcdoc|evil\.example|typed|Send/);
    // No raw HTML: every '<' in the body is an escaped one from the page's text.
    expect(splitArticle(markdown).body).not.toMatch(/(?<!\\)</);
  });

  it('drops javascript:, data: and vbscript: links and keeps their text', () => {
    const { body } = splitArticle(markdown);
    expect(body).toContain('Click this harmless link and that one, a spaced one, a tabbed one, a data one, a vbscript one and [a real one](https://example.com/ok).');
    expect(body).not.toMatch(/javascript:|vbscript:|data:/i);
  });

  it('keeps images only from http(s)', () => {
    expect(markdown).not.toMatch(/!\[/);
    expect(markdown).not.toContain('a data image');
  });

  it('cleans control characters in the body: C0 and C1 become U+FFFD, bidi and zero-width controls go', () => {
    const { body } = splitArticle(markdown);
    expect(body).toContain('Escape \uFFFD\\[31mred\uFFFD\\[0m, C1 \uFFFD31m, bell \uFFFD, bidi evil and isolate, zerowidth.');
    expect(markdown).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/);
  });

  it('cleans control characters in the front matter too', () => {
    const { meta } = splitArticle(markdown);
    expect(meta.title).toBe('Evil\uFFFD]8;;http://x\uFFFD title');
    expect(meta.author).toBe('Mallory\uFFFD[2J');
    expect(meta.standfirst).toBe('A standfirst\uFFFD31m with C1 hidden controls');
    expect(meta.lang).toBe('en\uFFFD[31m');
  });

  it('keeps text that looks like HTML as text (escaped, never raw HTML in the Markdown)', () => {
    const { body } = splitArticle(markdown);
    expect(body).toContain('Text that looks like markup: \\<script>alert(1)\\</script> and \\<img src=x onerror=alert(1)> and \\&amp;.');
  });
});

describe('extract on hostile input', () => {
  it('has no script engine: a page script cannot reach Node', () => {
    const article = extractArticle(`<html><body><script>globalThis.__broadsheetPwned2 = 1</script><article>${filler}</article></body></html>`);
    expect((globalThis as Record<string, unknown>).__broadsheetPwned2).toBeUndefined();
    expect(article.contentHtml).not.toContain('script');
  });

  it('throws no-article (exit 2) for a page without an article', () => {
    expect(() => extractArticle('<html><body><script>x</script></body></html>')).toThrow(expect.objectContaining({ code: 'no-article', exitCode: 2 }));
  });
});

describe('importArticle errors', () => {
  it('names the source when there is no article', async () => {
    await expect(importArticle({ source: 'empty.html', readFile: async () => new Uint8Array(Buffer.from('<html><body></body></html>')), readStdin: io.readStdin })).rejects.toThrow('empty.html: no article found in the page');
  });

  it('reads stdin for -', async () => {
    const { title } = await importArticle({ source: '-', readFile: () => Promise.reject(new Error('no')), readStdin: io.readStdin });
    expect(title).toBe('Evil\uFFFD]8;;http://x\uFFFD title');
  });

  it('maps file errors to one-line errors', async () => {
    const enoent = Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' });
    await expect(importArticle({ source: 'gone.html', readFile: () => Promise.reject(enoent), readStdin: io.readStdin })).rejects.toThrow(expect.objectContaining({ code: 'missing-file', message: 'gone.html: no such file' }));
  });

  it('caps the size of a file or stdin', async () => {
    await expect(importArticle({ source: '-', readFile: io.readFile, readStdin: io.readStdin, maxBytes: 100 })).rejects.toThrow(expect.objectContaining({ code: 'too-large' }));
  });
});
