/**
 * Bytes -> text a parser can trust: binaries refused, a leading BOM dropped, CRLF and CR line
 * ends made LF, so every later stage sees one kind of text. UTF-8 unless it is not valid UTF-8:
 * then it is most likely Windows-1252 (old saved pages and changelogs), read as that with a
 * warning, rather than shown with U+FFFD in every accented word; `--encoding` chooses.
 * Line breaks are only ever replaced one for one, so line N of the text is line N of the bytes
 * (render/markdown.ts relies on it to extract sections byte for byte).
 */
import { Buffer, isUtf8 } from 'node:buffer';
import { BroadsheetError } from '../errors.js';
import { binary, SNIFF_BYTES } from './read.js';

export interface Decoded {
  text: string;
  /** Said once on stderr: how the bytes were read when that was a guess. */
  warning?: string;
}

/** `auto`: UTF-8, else Windows-1252 with a warning. Otherwise any label TextDecoder knows. */
export type Encoding = 'auto' | string;

export function decode(bytes: Uint8Array, shown: string, encoding: Encoding = 'auto'): string {
  return decodeWithWarning(bytes, shown, encoding).text;
}

export function decodeWithWarning(bytes: Uint8Array, shown: string, encoding: Encoding = 'auto'): Decoded {
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) throw binary(shown);
  const label = encoding.toLowerCase();
  let text: string;
  let warning: string | undefined;
  if (label === 'auto') {
    // Well-formed UTF-8 (most documents) in one native pass; the rest counted byte by byte.
    const utf8 = validUtf8(bytes);
    if (utf8 !== undefined) text = utf8;
    else if (mostlyUtf8(bytes)) {
      // UTF-8, perhaps with a few broken bytes (shown as U+FFFD): not another encoding.
      text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
    } else {
      if (mostlyInvalid(bytes)) throw binary(shown);
      text = windows1252(bytes);
      warning = `${shown} is not UTF-8; read as Windows-1252 (--encoding chooses another)`;
    }
  } else if (WINDOWS_1252.has(label)) {
    text = windows1252(bytes);
  } else {
    text = decoderFor(label, encoding).decode(bytes);
  }
  return { text: text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text, warning };
}

function decoderFor(label: string, typed: string): { decode: (bytes: Uint8Array) => string } {
  try {
    return new TextDecoder(label, { fatal: false, ignoreBOM: false });
  } catch {
    throw new BroadsheetError('usage', `unknown encoding '${typed}' (for instance utf-8, windows-1252, latin1, iso-8859-15, shift_jis)`);
  }
}

/**
 * The text of well-formed UTF-8 (a leading BOM dropped, as TextDecoder drops it), undefined for
 * anything else: checked natively, which is most documents' whole check. Buffer's check and
 * decoder, not a fatal TextDecoder: the same answer, without making a decoder (~0.2 ms of a
 * start-up).
 */
export function validUtf8(bytes: Uint8Array): string | undefined {
  if (!isUtf8(bytes)) return undefined;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** More well-formed multi-byte UTF-8 sequences than bytes that fit none. */
function mostlyUtf8(bytes: Uint8Array): boolean {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += length - 1;
    } else invalid++;
  }
  return invalid === 0 || valid > invalid;
}

/** Mostly invalid UTF-8 in its first kilobytes: a binary file more likely than text. */
function mostlyInvalid(bytes: Uint8Array): boolean {
  const sample = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, SNIFF_BYTES));
  let invalid = 0;
  for (const ch of sample) if (ch === '\uFFFD') invalid++;
  return sample.length > 0 && invalid / sample.length > 0.3;
}

/** The labels the Encoding Standard makes Windows-1252 (latin1 and ISO-8859-1 among them). */
const WINDOWS_1252 = new Set(['windows-1252', 'cp1252', 'x-cp1252', 'latin1', 'l1', 'iso-8859-1', 'iso8859-1', 'iso_8859-1', 'ascii', 'us-ascii', 'cp819', 'ibm819']);

/** 0x80-0x9F in Windows-1252 (Node 20's TextDecoder maps them to C1 controls instead). */
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

export function windows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...chunk).replace(/[\u0080-\u009F]/g, (ch) => HIGH[ch.charCodeAt(0) - 0x80]!);
  }
  return out;
}
