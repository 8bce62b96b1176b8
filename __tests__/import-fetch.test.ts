/**
 * fetchPage and importArticle against a real HTTP server on 127.0.0.1 (random port): a page,
 * redirects (relative, absolute, a loop, too many, to another scheme), 404, a non-HTML type,
 * Latin-1 pages (by header and by <meta> only), a slow server, oversized bodies, a refused port.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, createServer as createTcpServer } from 'node:net';
import { BroadsheetError } from '../src/errors.js';
import { fetchPage } from '../src/import/fetch-page.js';
import { importArticle } from '../src/import/index.js';

const ARTICLE = (title: string, body: string): string =>
  `<!DOCTYPE html><html lang="en"><head><title>${title}</title><meta name="author" content="Jane Doe"></head><body><article><h1>${title}</h1>${body}</article></body></html>`;
const PARAGRAPHS = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} of a story long enough for Readability to take it as the article, with words and more words about the harbour, the fleet and the weather.</p>`).join('');

// "Café crème: “quoted” — naïve" in windows-1252 (curly quotes and the dash are 0x93, 0x94, 0x97).
const LATIN1_BODY = Buffer.concat([
  Buffer.from('<p>Caf'),
  Buffer.from([0xe9]),
  Buffer.from(' cr'),
  Buffer.from([0xe8]),
  Buffer.from('me: '),
  Buffer.from([0x93]),
  Buffer.from('quoted'),
  Buffer.from([0x94]),
  Buffer.from(' '),
  Buffer.from([0x97]),
  Buffer.from(' na'),
  Buffer.from([0xef]),
  Buffer.from('ve.</p>'),
]);
const latin1Page = (meta: string): Buffer =>
  Buffer.concat([Buffer.from(`<!DOCTYPE html><html lang="fr"><head>${meta}<title>Le caf</title></head><body><article><h1>Le caf</h1>`), LATIN1_BODY, Buffer.from(`${PARAGRAPHS}</article></body></html>`)]);

let server: Server;
let base: string;
let refusedPort: number;
const timers = new Set<NodeJS.Timeout>();

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', base);
  const html = (body: string | Buffer, type = 'text/html; charset=utf-8'): void => {
    res.writeHead(200, { 'content-type': type });
    res.end(body);
  };
  switch (url.pathname) {
    case '/page':
      return html(ARTICLE('Harbour news', PARAGRAPHS));
    case '/xhtml':
      return html(ARTICLE('Harbour news', PARAGRAPHS), 'application/xhtml+xml');
    case '/redirect':
      res.writeHead(302, { location: '/page' });
      return void res.end();
    case '/redirect-abs':
      res.writeHead(301, { location: `${base}/redirect` });
      return void res.end();
    case '/loop':
      res.writeHead(307, { location: '/loop' });
      return void res.end();
    case '/ftp':
      res.writeHead(302, { location: 'ftp://example.com/file' });
      return void res.end();
    case '/no-location':
      res.writeHead(302);
      return void res.end();
    case '/missing':
      res.writeHead(404, { 'content-type': 'text/html' });
      return void res.end('<h1>Not found</h1>');
    case '/error':
      res.writeHead(503, { 'content-type': 'text/html' });
      return void res.end('busy');
    case '/json':
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end('{"a":1}');
    case '/no-type':
      res.writeHead(200);
      return void res.end(ARTICLE('x', PARAGRAPHS));
    case '/latin1':
      return html(latin1Page(''), 'text/html; charset=iso-8859-1');
    case '/latin1-meta':
      return html(latin1Page('<meta charset="iso-8859-1">'), 'text/html');
    case '/latin1-http-equiv':
      return html(latin1Page('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'), 'text/html');
    case '/slow': {
      const timer = setTimeout(() => html(ARTICLE('Late', PARAGRAPHS)), 5000);
      timers.add(timer);
      return;
    }
    case '/slow-body': {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body><p>first part');
      const timer = setTimeout(() => res.end('</p></body></html>'), 5000);
      timers.add(timer);
      return;
    }
    case '/big': {
      // No Content-Length: the cap must be enforced while streaming.
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const write = (): void => {
        while (sent < 8 * 2 ** 20) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', write);
        }
        res.end();
      };
      res.on('error', () => undefined);
      return write();
    }
    case '/big-declared':
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 2 ** 20) });
      res.on('error', () => undefined);
      return void res.write('<html>');
    default:
      res.writeHead(500);
      res.end();
  }
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port nobody listens on: bind one, note it, close it.
  const probe = createTcpServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  refusedPort = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});

afterAll(async () => {
  for (const timer of timers) clearTimeout(timer);
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const options = { timeoutMs: 5000, maxBytes: 2 ** 20 };

async function failure(promise: Promise<unknown>): Promise<BroadsheetError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BroadsheetError) return error;
    throw error;
  }
  throw new Error('expected a BroadsheetError');
}

describe('fetchPage', () => {
  it('fetches an HTML page', async () => {
    const page = await fetchPage(`${base}/page`, options);
    expect(new TextDecoder().decode(page.bytes)).toContain('Harbour news');
    expect(page.contentType).toBe('text/html; charset=utf-8');
    expect(page.finalUrl).toBe(`${base}/page`);
  });

  it('accepts application/xhtml+xml', async () => {
    await expect(fetchPage(`${base}/xhtml`, options)).resolves.toMatchObject({ contentType: 'application/xhtml+xml' });
  });

  it('follows redirects, absolute and relative, and reports where it ended', async () => {
    const page = await fetchPage(`${base}/redirect-abs`, options);
    expect(page.finalUrl).toBe(`${base}/page`);
  });

  it('stops a redirect loop after 5 redirects', async () => {
    const error = await failure(fetchPage(`${base}/loop`, options));
    expect(error.code).toBe('fetch-failed');
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(`${base}/loop: too many redirects (more than 5)`);
  });

  it('honours maxRedirects', async () => {
    await expect(fetchPage(`${base}/redirect-abs`, { ...options, maxRedirects: 1 })).rejects.toThrow('too many redirects (more than 1)');
    await expect(fetchPage(`${base}/redirect-abs`, { ...options, maxRedirects: 2 })).resolves.toBeDefined();
  });

  it('refuses a redirect to another scheme, or without a Location', async () => {
    expect((await failure(fetchPage(`${base}/ftp`, options))).message).toBe(`${base}/ftp: redirected to something other than an http or https URL (ftp://example.com/file)`);
    expect((await failure(fetchPage(`${base}/no-location`, options))).message).toBe(`${base}/no-location: HTTP 302 redirect without a Location`);
  });

  it('fails on HTTP errors, naming the URL as typed', async () => {
    expect((await failure(fetchPage(`${base}/missing`, options))).message).toBe(`${base}/missing: HTTP 404 Not Found`);
    expect((await failure(fetchPage(`${base}/error`, options))).message).toBe(`${base}/error: HTTP 503 Service Unavailable`);
  });

  it('accepts only HTML', async () => {
    const error = await failure(fetchPage(`${base}/json`, options));
    expect(error.code).toBe('not-html');
    expect(error.message).toBe(`${base}/json: not an HTML page (content type application/json)`);
    expect((await failure(fetchPage(`${base}/no-type`, options))).message).toBe(`${base}/no-type: not an HTML page (content type missing)`);
  });

  it('times out a slow server (timeout covers the headers)', async () => {
    const start = Date.now();
    const error = await failure(fetchPage(`${base}/slow`, { ...options, timeoutMs: 1000 }));
    expect(error.message).toBe(`${base}/slow: timed out after 1 s`);
    expect(Date.now() - start).toBeLessThan(3000);
  });

  it('times out a server that stalls in the body (timeout covers the transfer)', async () => {
    const error = await failure(fetchPage(`${base}/slow-body`, { ...options, timeoutMs: 1000 }));
    expect(error.message).toBe(`${base}/slow-body: timed out after 1 s`);
  });

  it('caps the size while streaming', async () => {
    const error = await failure(fetchPage(`${base}/big`, { ...options, maxBytes: 2 ** 20 }));
    expect(error.code).toBe('too-large');
    expect(error.message).toBe(`${base}/big: page too large (over 1 MB)`);
  });

  it('refuses a declared Content-Length over the cap without reading', async () => {
    const error = await failure(fetchPage(`${base}/big-declared`, { ...options, maxBytes: 2 ** 20 }));
    expect(error.message).toBe(`${base}/big-declared: page too large (50 MB; limit 1 MB)`);
  });

  it('reports a refused connection', async () => {
    const url = `http://127.0.0.1:${refusedPort}/`;
    const error = await failure(fetchPage(url, options));
    expect(error.code).toBe('fetch-failed');
    expect(error.message).toBe(`${url}: connection refused`);
  });

  it('reports a DNS failure (fetch rejects with the resolver error as its cause)', async () => {
    const fetchImpl = (() => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.invalid'), { code: 'ENOTFOUND' }) }))) as typeof fetch;
    expect((await failure(fetchPage('https://nowhere.invalid/story', { ...options, fetchImpl }))).message).toBe('https://nowhere.invalid/story: host not found (DNS)');
  });

  it('accepts only http and https URLs', async () => {
    for (const url of ['ftp://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url']) {
      const error = await failure(fetchPage(url, options));
      expect(error.code).toBe('usage');
      expect(error.message).toBe(`${url}: not an http or https URL`);
    }
  });

  it('keeps control characters out of its messages', async () => {
    const error = await failure(fetchPage('http://exa\u001b[31mmple/\u202e', options));
    expect(error.message).not.toMatch(/[\u001b\u202e]/);
  });
});

describe('importArticle from a URL', () => {
  const io = { readFile: () => Promise.reject(new Error('no files')), readStdin: () => Promise.reject(new Error('no stdin')) };

  it('imports a page, recording where it was found', async () => {
    const result = await importArticle({ source: `${base}/redirect`, ...io });
    expect(result.title).toBe('Harbour news');
    expect(result.slug).toBe('harbour-news');
    expect(result.source).toBe(`${base}/page`);
    expect(result.markdown).toContain(`source: "${base}/page"`);
    expect(result.markdown).toContain('author: "Jane Doe"');
    expect(result.markdown).toContain('Paragraph 1 of a story');
  });

  it.each(['/latin1', '/latin1-meta', '/latin1-http-equiv'])('reads a Latin-1 page right (%s)', async (path) => {
    const { markdown } = await importArticle({ source: `${base}${path}`, ...io });
    expect(markdown).toContain('Café crème: “quoted” — naïve.');
    expect(markdown).not.toContain('\uFFFD');
  });

  it('passes fetch failures through as one error', async () => {
    await expect(importArticle({ source: `${base}/missing`, ...io })).rejects.toThrow(`${base}/missing: HTTP 404 Not Found`);
    await expect(importArticle({ source: `${base}/slow`, ...io, timeoutMs: 1000 })).rejects.toThrow(`${base}/slow: timed out after 1 s`);
    await expect(importArticle({ source: `${base}/big`, ...io, maxBytes: 2 ** 20 })).rejects.toThrow('page too large');
  });

  it('refuses other URL schemes', async () => {
    await expect(importArticle({ source: 'ftp://example.com/a.html', ...io })).rejects.toThrow('ftp://example.com/a.html: only http and https URLs (or a file, or - for stdin) can be imported');
  });
});
