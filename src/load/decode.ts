/**
 * Bytes -> text a parser can trust: binaries refused, invalid UTF-8 replaced with U+FFFD, a
 * leading BOM dropped, CRLF and CR line ends made LF, so every later stage sees one kind of text.
 * Line breaks are only ever replaced one for one, so line N of the text is line N of the bytes
 * (render/markdown.ts relies on it to extract sections byte for byte).
 */
import { binary, SNIFF_BYTES } from './read.js';

export function decode(bytes: Uint8Array, shown: string): string {
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) throw binary(shown);
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
  const sample = text.slice(0, SNIFF_BYTES);
  let invalid = 0;
  for (const ch of sample) if (ch === '\uFFFD') invalid++;
  if (sample.length > 0 && invalid / sample.length > 0.3) throw binary(shown);
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}
