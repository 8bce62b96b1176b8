/**
 * `broadsheet import`, the built bin end to end: a page served on 127.0.0.1 (a page, a redirect,
 * 404, a non-HTML type, a Latin-1 page, a slow server, an oversized body), a saved page from a
 * file and from stdin, a hostile page, and the store (import, --list, read by name, a second
 * import refused untouched, --force, a store that cannot be written). The bin is spawned
 * asynchronously: the server answers from this process.
 */
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BIN, ROOT, bundlesLoaded, cleanEnv, CONTROL_OR_BIDI, type Run } from './helpers.js';

const PARAGRAPHS = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} of a story long enough for Readability to take it as the article, with words about the harbour, the fleet and the weather.</p>`).join('');
const page = (title: string, body = PARAGRAPHS, head = '') =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${head}<title>${title}</title><meta name="author" content="Jane Doe"></head><body><nav>Home | World | Sport</nav><article><h1>${title}</h1>${body}</article><footer>Share this</footer></body></html>`;

let server: Server;
let base: string;
let store: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    switch (req.url) {
      case '/story':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return void res.end(page('Harbour reopens after the storm'));
      case '/moved':
        res.writeHead(301, { location: '/story' });
        return void res.end();
      case '/json':
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end('{"title": "not a page"}');
      case '/latin1':
        res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' });
        return void res.end(Buffer.from(page('Le caf\u00e9 du port', `<p>Un caf\u00e9 cr\u00e8me, na\u00efve question.</p>${PARAGRAPHS}`), 'latin1'));
      case '/slow':
        // Headers never come: the timeout must end it.
        return;
      case '/huge':
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html><body><article>');
        res.end('<p>filler words for the size cap</p>'.repeat(700_000));
        return;
      default:
        res.writeHead(404, { 'content-type': 'text/html' });
        return void res.end('<h1>Not found</h1>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  store = join(mkdtempSync(join(tmpdir(), 'broadsheet-import-')), 'articles');
});

/** The bin, spawned without blocking this process (which serves the pages). */
function run(args: string[], options: { input?: string; env?: Record<string, string>; wrap?: string[]; bin?: string } = {}): Promise<Run & { seconds: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const [command, ...prefix] = options.wrap ?? [process.execPath];
    const child = spawn(command!, [...prefix, ...(options.wrap ? [process.execPath] : []), options.bin ?? BIN, ...args], { cwd: options.bin ? dirname(dirname(options.bin)) : ROOT, env: cleanEnv({ BROADSHEET_ARTICLES: store, ...options.env }), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ stdout, stderr, status, seconds: (Date.now() - started) / 1000 }));
    child.stdin.end(options.input ?? '');
  });
}

const stored = () => (existsSync(store) ? readdirSync(store) : []);

describe('broadsheet import <URL>', () => {
  it('stores the article under its title\'s slug, prints the name and path, and reads it back by name', async () => {
    const imported = await run(['import', `${base}/story`]);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    const path = join(store, 'harbour-reopens-after-the-storm.md');
    expect(imported.stdout).toBe(`harbour-reopens-after-the-storm\t${path}\n`);
    const markdown = readFileSync(path, 'utf8');
    expect(markdown).toMatch(/^---\ntitle: "Harbour reopens after the storm"\n/);
    expect(markdown).toContain(`source: "${base}/story"`);
    expect(markdown).not.toMatch(/Home \| World|Share this/);

    const read = await run(['harbour-reopens-after-the-storm', '-w', '60']);
    expect(read.status).toBe(0);
    expect(read.stdout).toMatch(/^Harbour reopens after the storm\n━+\n/);
    expect(read.stdout).toContain('By Jane Doe');
    expect(read.stdout).toContain('Paragraph 6 of a story');

    const list = JSON.parse((await run(['--list', '-f', 'json'])).stdout) as { slug: string; store: string }[];
    expect(list.map(({ slug, store }) => `${slug} ${store}`)).toEqual(['harbour-reopens-after-the-storm user', 'xi-putin-new-era bundled']);
  });

  it('follows a redirect and records where the page was', async () => {
    expect((await run(['import', `${base}/moved`])).status).toBe(0);
    expect(readFileSync(join(store, 'harbour-reopens-after-the-storm.md'), 'utf8')).toContain(`source: "${base}/story"`);
  });

  it('reads a Latin-1 page by its charset', async () => {
    const imported = await run(['import', `${base}/latin1`, '--stdout']);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('Un café crème, naïve question.');
  });

  it.each([
    ['a 404', '/missing', /^broadsheet: .*404.*\n$/],
    ['a type that is not HTML', '/json', /^broadsheet: .*application\/json.*\n$/],
    ['a body over 20 MB', '/huge', /^broadsheet: .*(too large|20 MB).*\n$/],
  ])('refuses %s with one line and exit 2, storing nothing', async (_, path, message) => {
    const imported = await run(['import', `${base}${path}`]);
    expect(imported.stdout).toBe('');
    expect(imported.stderr).toMatch(message);
    expect(imported.status).toBe(2);
    expect(stored()).toEqual([]);
  });

  it('gives up on a slow server after --timeout', async () => {
    const imported = await run(['import', `${base}/slow`, '--timeout', '1']);
    expect(imported.stderr).toMatch(/^broadsheet: .*timed out after 1 s.*\n$/);
    expect(imported.status).toBe(2);
    expect(imported.seconds).toBeLessThan(10);
    expect(stored()).toEqual([]);
  });

  it('refuses a refused connection, a bad timeout and other schemes as usage or input errors', async () => {
    const closed = await run(['import', 'http://127.0.0.1:9/x', '--timeout', '2']);
    expect(closed.stderr).toMatch(/^broadsheet: .*\n$/);
    expect(closed.status).toBe(2);
    const bad = await run(['import', `${base}/story`, '--timeout', 'soon']);
    expect(bad.stderr).toBe("broadsheet: option '--timeout <seconds>' argument 'soon' is invalid. timeout must be a number of seconds from 0.1 to 3600, not 'soon'\n");
    expect((await run(['import', 'ftp://example.com/x'])).stderr).toMatch(/only http and https URLs/);
  });
});

describe('broadsheet import <file> and -', () => {
  const saved = join(ROOT, '__tests__', 'import-pages', 'guardian-1', 'source.html');

  it('refuses a second import untouched, and replaces it with --force', async () => {
    const first = await run(['import', saved]);
    expect(first.status).toBe(0);
    const [name] = stored();
    const path = join(store, name!);
    writeFileSync(path, `${readFileSync(path, 'utf8')}\nMy note.\n`);
    const before = readFileSync(path, 'utf8');

    const second = await run(['import', saved]);
    expect(second.status).toBe(2);
    expect(second.stderr).toBe(`broadsheet: ${path}: an article by this name is already stored (--force replaces it)\n`);
    expect(readFileSync(path, 'utf8')).toBe(before);

    expect((await run(['import', saved, '--force'])).status).toBe(0);
    expect(readFileSync(path, 'utf8')).not.toContain('My note.');
    expect(stored()).toEqual([name]);
  });

  it('reads a page from stdin, and prints the article with --stdout, storing nothing', async () => {
    const html = readFileSync(saved, 'utf8');
    const printed = await run(['import', '-', '--stdout'], { input: html });
    expect(printed.status).toBe(0);
    expect(printed.stdout).toMatch(/^---\ntitle: /);
    expect(stored()).toEqual([]);
    // Straight back into the reader.
    const read = await run(['-', '-w', '70'], { input: printed.stdout });
    expect(read.status).toBe(0);
    expect(read.stdout).toMatch(/^[^\n]+\n(?:[^\n]+\n)?━+\n/);
  });

  it('keeps a hostile page\'s scripts, javascript: links and escape characters out of the article and the terminal', async () => {
    const hostile = page(
      'Evil \u001B]0;owned\u0007 title\u001B[2J',
      `<p>Click <a href="javascript:alert(1)">here</a> or <a href="data:text/html,x">there</a>. Escape \u001B[31m red \u009B text.</p><script>require('fs').writeFileSync('${store}/pwned', 'x')</script>${PARAGRAPHS}`,
      '<script>process.exit(3)</script>',
    );
    const imported = await run(['import', '-', '--stdout'], { input: hostile });
    expect(imported.status).toBe(0);
    expect(imported.stdout).not.toMatch(/javascript:|data:text|require\(|process\.exit/);
    expect(imported.stdout).not.toMatch(CONTROL_OR_BIDI);
    expect(imported.stdout).toContain('Click here or there.');
    const read = await run(['-', '--color', 'always'], { input: imported.stdout });
    expect(read.stdout.replace(/\u001B\[[0-9;]*m/g, '')).not.toContain('\u001B');
    expect(existsSync(join(store, 'pwned'))).toBe(false);
  });

  it('reports a missing file as one line', async () => {
    const missing = await run(['import', 'no-such-page.html']);
    expect(missing.stderr).toBe('broadsheet: no-such-page.html: no such file\n');
    expect(missing.status).toBe(2);
  });

  it('reports a store it cannot write as one line, exit 2', async () => {
    mkdirSync(store, { recursive: true });
    chmodSync(store, 0o555);
    try {
      // Root may write anywhere: run as nobody where the tests run as root.
      const asNobody = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : undefined;
      let bin = BIN;
      let page = saved;
      if (asNobody) {
        chmodSync(join(store, '..'), 0o755);
        // The checkout may sit where nobody cannot read it (a fresh clone in a private temp
        // dir): nobody runs a copy of the built program and the page from a readable place.
        const copy = mkdtempSync(join(tmpdir(), 'broadsheet-nobody-'));
        chmodSync(copy, 0o755);
        for (const part of ['bin', 'dist', 'articles']) cpSync(join(ROOT, part), join(copy, part), { recursive: true });
        cpSync(saved, join(copy, 'page.html'));
        bin = join(copy, 'bin', 'broadsheet.cjs');
        page = join(copy, 'page.html');
      }
      const imported = await run(['import', page], { wrap: asNobody, bin });
      expect(imported.stderr).toBe(`broadsheet: ${store}: permission denied\n`);
      expect(imported.status).toBe(2);
      expect(stored()).toEqual([]);
    } finally {
      chmodSync(store, 0o755);
      rmSync(store, { recursive: true });
    }
  });
});

describe('reading never loads the importer', () => {
  it('loads no import, YAML or highlighting bundle to read the stored article', () => {
    for (const args of [['-w', '80'], ['-w', '80', '--color', 'always'], ['--toc'], ['-f', 'json']]) expect(bundlesLoaded(args)).toEqual(['broadsheet.cjs']);
    // The same report sees the importer when it does load (`import` is read by commander, in a bundle of its own).
    expect(bundlesLoaded(['import', '-', '--stdout'], { input: page('A story') })).toEqual(['broadsheet.cjs', 'command-line.cjs', 'import.cjs']);
  });
});
