/**
 * Fetch one web page with Node's own fetch: http and https only, redirects followed by hand (so
 * each hop is checked and counted), one timeout for the whole transfer, a size cap checked while
 * the body streams in, and only HTML accepted. Every failure is one BroadsheetError whose
 * one-line message starts with the URL as the user typed it.
 */
import { BroadsheetError } from '../errors.js';
import { cleanLine } from './clean.js';

export interface FetchPageOptions {
  /** For the whole transfer: connection, redirects, headers and body. */
  timeoutMs: number;
  /** The body (after content decoding) may be at most this long. */
  maxBytes: number;
  fetchImpl?: typeof globalThis.fetch;
  maxRedirects?: number;
}

export interface FetchedPage {
  bytes: Uint8Array;
  /** The Content-Type header as sent (the charset parameter matters to the decoder). */
  contentType: string;
  /** Where the page was found, after redirects. */
  finalUrl: string;
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export async function fetchPage(url: string, options: FetchPageOptions): Promise<FetchedPage> {
  const { timeoutMs, maxBytes, fetchImpl = globalThis.fetch, maxRedirects = 5 } = options;
  const shown = showUrl(url);
  const fail = (code: 'fetch-failed' | 'not-html' | 'too-large' | 'usage', reason: string): never => {
    throw new BroadsheetError(code, `${shown}: ${reason}`);
  };

  let current = parseHttpUrl(url) ?? fail('usage', 'not an http or https URL');
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const where = (): string => (current.href === new URL(url).href ? '' : ` (at ${showUrl(current.href)})`);

  try {
    for (let redirects = 0; ; redirects++) {
      const response = await fetchImpl(current.href, {
        redirect: 'manual',
        signal: controller.signal,
        headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1', 'user-agent': 'Mozilla/5.0 (compatible; broadsheet)' },
      });

      if (REDIRECTS.has(response.status)) {
        await discard(response);
        const location = response.headers.get('location');
        if (!location) fail('fetch-failed', `HTTP ${response.status} redirect without a Location${where()}`);
        if (redirects >= maxRedirects) fail('fetch-failed', `too many redirects (more than ${maxRedirects})`);
        let next: URL | undefined;
        try {
          next = new URL(location!, current);
        } catch {
          next = undefined;
        }
        if (!next || (next.protocol !== 'http:' && next.protocol !== 'https:')) {
          fail('fetch-failed', `redirected to something other than an http or https URL (${showUrl(location!)})`);
        }
        current = next!;
        continue;
      }

      if (!response.ok) {
        await discard(response);
        fail('fetch-failed', `HTTP ${response.status}${response.statusText ? ` ${cleanLine(response.statusText)}` : ''}${where()}`);
      }

      const contentType = response.headers.get('content-type') ?? '';
      const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
      if (!HTML_TYPES.has(mediaType)) {
        await discard(response);
        fail('not-html', `not an HTML page (content type ${mediaType ? cleanLine(mediaType).slice(0, 80) : 'missing'})${where()}`);
      }

      const declared = Number(response.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > maxBytes) {
        await discard(response);
        fail('too-large', `page too large (${formatBytes(declared)}; limit ${formatBytes(maxBytes)})`);
      }

      const bytes = await readCapped(response, maxBytes);
      if (!bytes) fail('too-large', `page too large (over ${formatBytes(maxBytes)})`);
      return { bytes: bytes!, contentType, finalUrl: current.href };
    }
  } catch (error) {
    if (error instanceof BroadsheetError) throw error;
    if (timedOut) fail('fetch-failed', `timed out after ${formatSeconds(timeoutMs)}${where()}`);
    return fail('fetch-failed', `${describeNetworkError(error)}${where()}`);
  } finally {
    clearTimeout(timer);
  }
}

/** The body, or undefined as soon as it grows past maxBytes (the rest is never read). */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

export function parseHttpUrl(text: string): URL | undefined {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The URL as typed, safe and short enough for a one-line message. */
function showUrl(url: string): string {
  const line = cleanLine(url);
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

const NETWORK_ERRORS: Record<string, string> = {
  ENOTFOUND: 'host not found (DNS)',
  EAI_AGAIN: 'host not found (DNS lookup failed temporarily)',
  EAI_NONAME: 'host not found (DNS)',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  EPIPE: 'connection closed by the server',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed by the server',
  UND_ERR_HEADERS_TIMEOUT: 'the server did not answer in time',
  UND_ERR_BODY_TIMEOUT: 'the server stopped sending',
  UND_ERR_HEADERS_OVERFLOW: 'response headers too large',
  CERT_HAS_EXPIRED: 'TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS certificate chain is self-signed',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate cannot be verified',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'TLS certificate issuer unknown',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate is for another host',
};

/** fetch throws `TypeError: fetch failed` with the real reason in `cause` (often nested). */
function describeNetworkError(error: unknown): string {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_ERRORS[code]) return NETWORK_ERRORS[code];
  }
  let deepest: unknown = error;
  while ((deepest as { cause?: unknown })?.cause) deepest = (deepest as { cause: unknown }).cause;
  const code = (deepest as { code?: unknown })?.code;
  const message = deepest instanceof Error ? deepest.message : String(deepest);
  return `cannot fetch (${cleanLine(typeof code === 'string' ? `${code}: ${message}` : message).slice(0, 160)})`;
}

function formatBytes(n: number): string {
  return n >= 2 ** 20 ? `${+(n / 2 ** 20).toFixed(1)} MB` : n >= 1024 ? `${+(n / 1024).toFixed(1)} KB` : `${n} bytes`;
}

function formatSeconds(ms: number): string {
  return `${+(ms / 1000).toFixed(1)} s`;
}
