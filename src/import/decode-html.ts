/**
 * Bytes of a web page -> text, the way a browser picks the encoding (a simplified WHATWG
 * "encoding sniffing" algorithm), with Node's own TextDecoder (full ICU: windows-125x,
 * iso-8859-x, koi8, shift_jis, euc-jp, gbk, big5, euc-kr...), so no decoder library is needed;
 * Node 20's one wrong answer, windows-1252, is corrected here (see fixWindows1252).
 *
 * Order:
 * 1. a byte order mark (UTF-8, UTF-16LE/BE). The WHATWG standard puts the BOM first, before the
 *    transport's charset: a BOM is unambiguous, while a server's default charset is often wrong;
 * 2. the charset parameter of the Content-Type header;
 * 3. `<meta charset>` or `<meta http-equiv="content-type" content="...; charset=...">` in the
 *    first 4096 bytes (the standard says 1024; real pages put long comments and scripts first);
 *    (unless the bytes are valid UTF-8 with non-ASCII in them: a saved page re-encoded as UTF-8
 *    often keeps its old meta tag; a browser would show mojibake, we do not);
 * 4. UTF-8 if the bytes are valid UTF-8, else windows-1252 (what browsers assume for Latin-1
 *    pages that do not say so).
 * Labels are WHATWG labels: `iso-8859-1` and `latin1` mean windows-1252, as in every browser.
 * An unknown label is ignored and the next source is tried; a declared UTF-16 in a meta tag
 * means UTF-8 (the meta tag could not have been read otherwise).
 */
export interface DecodedHtml {
  text: string;
  /** The encoding used, as TextDecoder names it (e.g. 'utf-8', 'windows-1252'). */
  encoding: string;
  /** Where the encoding came from. */
  source: 'bom' | 'header' | 'meta' | 'utf-8' | 'fallback';
}

const PRESCAN_BYTES = 4096;

export function decodeHtml(bytes: Uint8Array, contentType?: string): DecodedHtml {
  const bom = sniffBom(bytes);
  if (bom) return { text: decode(bytes, bom), encoding: bom, source: 'bom' };

  const fromHeader = contentType ? supported(charsetParam(contentType)) : undefined;
  if (fromHeader) return { text: decode(bytes, fromHeader), encoding: fromHeader, source: 'header' };

  const utf8 = strictUtf8(bytes);
  const fromMeta = supported(prescanMeta(bytes));
  if (fromMeta) {
    const encoding = fromMeta.startsWith('utf-16') ? 'utf-8' : fromMeta;
    // A page saved to disk is often re-encoded as UTF-8 while its <meta> still names the old
    // charset. Bytes with multi-byte sequences that are all valid UTF-8 are UTF-8: text in a
    // legacy encoding almost never is by accident.
    if (encoding !== 'utf-8' && utf8 !== undefined && /[^\p{ASCII}]/u.test(utf8)) return { text: utf8, encoding: 'utf-8', source: 'utf-8' };
    return { text: decode(bytes, encoding), encoding, source: 'meta' };
  }

  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', source: 'utf-8' };
  return { text: decode(bytes, 'windows-1252'), encoding: 'windows-1252', source: 'fallback' };
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function decode(bytes: Uint8Array, encoding: string): string {
  const text = new TextDecoder(encoding).decode(bytes);
  return encoding === 'windows-1252' ? fixWindows1252(text) : text;
}

/**
 * Node 20's TextDecoder takes a Latin-1 shortcut for windows-1252 (and so for 'iso-8859-1' and
 * 'latin1', which mean windows-1252): bytes 0x80-0x9F come out as C1 controls instead of
 * € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ. Those 27 code points are the only
 * difference between the two encodings, so mapping them afterwards is exact (the five bytes
 * windows-1252 leaves undefined stay C1 controls, as the WHATWG standard says). Where Node
 * decodes right, there is nothing left to map.
 */
const WINDOWS_1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

export function fixWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009F]/g, (ch) => WINDOWS_1252[ch.charCodeAt(0) - 0x80]!);
}

function sniffBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/** The encoding TextDecoder knows by this label, or undefined. */
function supported(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

/** `text/html; charset="ISO-8859-1"` -> `ISO-8859-1`. */
export function charsetParam(value: string): string | undefined {
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;"']+))/i.exec(value);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/**
 * The charset a `<meta>` tag declares in the first bytes of the page. The bytes are read as
 * Latin-1 (every ASCII-compatible encoding agrees on the ASCII that tags are made of); comments
 * are skipped so a commented-out tag does not count.
 */
function prescanMeta(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, PRESCAN_BYTES)).replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  for (const tag of head.matchAll(/<meta\b([^>]*)>?/gi)) {
    const attributes = parseAttributes(tag[1] ?? '');
    const charset = attributes.get('charset');
    if (charset) return charset;
    if (attributes.get('http-equiv')?.toLowerCase() === 'content-type') {
      const fromContent = charsetParam(`;${attributes.get('content') ?? ''}`);
      if (fromContent) return fromContent;
    }
  }
  return undefined;
}

function parseAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of text.matchAll(/([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g)) {
    const name = match[1]!.toLowerCase();
    if (!attributes.has(name)) attributes.set(name, match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
}
