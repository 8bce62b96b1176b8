/** decodeHtml: the encoding from a BOM, the Content-Type header, a <meta>, else UTF-8 or windows-1252. */
import { charsetParam, decodeHtml, fixWindows1252 } from '../src/import/decode-html.js';

const ascii = (s: string): number[] => Array.from(Buffer.from(s, 'latin1'));
const bytes = (...parts: (string | number[])[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? ascii(p) : p)));

// "Café “x” – €" in windows-1252.
const CP1252 = [0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x78, 0x94, 0x20, 0x96, 0x20, 0x80];
const CP1252_TEXT = 'Café “x” – €';

describe('decodeHtml', () => {
  it('uses the charset of the Content-Type header', () => {
    expect(decodeHtml(bytes('<p>', CP1252), 'text/html; charset=ISO-8859-1')).toEqual({ text: `<p>${CP1252_TEXT}`, encoding: 'windows-1252', source: 'header' });
    expect(decodeHtml(bytes('<p>', CP1252), 'text/html;charset="windows-1252"').text).toBe(`<p>${CP1252_TEXT}`);
  });

  it('lets a BOM win over the header (as the WHATWG standard and browsers do)', () => {
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('<p>Café')]);
    expect(decodeHtml(utf8, 'text/html; charset=iso-8859-1')).toEqual({ text: '<p>Café', encoding: 'utf-8', source: 'bom' });
    const utf16le = new Uint8Array([0xff, 0xfe, ...Buffer.from('<p>é', 'utf16le')]);
    expect(decodeHtml(utf16le).text).toBe('<p>é');
  });

  it('reads <meta charset> and <meta http-equiv> in the first bytes', () => {
    expect(decodeHtml(bytes('<html><head><meta charset="iso-8859-1"><p>', CP1252))).toMatchObject({ text: `<html><head><meta charset="iso-8859-1"><p>${CP1252_TEXT}`, source: 'meta' });
    expect(decodeHtml(bytes("<meta http-equiv='Content-Type' content='text/html; charset=windows-1252'>", CP1252)).text).toContain(CP1252_TEXT);
    expect(decodeHtml(bytes('<META CONTENT="text/html; charset=windows-1252" HTTP-EQUIV="content-type">', CP1252)).text).toContain(CP1252_TEXT);
    expect(decodeHtml(bytes('<meta charset=shift_jis><p>', [0x93, 0xfa, 0x96, 0x7b])).text).toBe('<meta charset=shift_jis><p>日本');
  });

  it('ignores a commented-out meta, an unknown label and a meta beyond 4096 bytes', () => {
    expect(decodeHtml(bytes('<!-- <meta charset="shift_jis"> --><p>', Array.from(Buffer.from('é'))))).toMatchObject({ text: '<!-- <meta charset="shift_jis"> --><p>é', source: 'utf-8' });
    expect(decodeHtml(bytes('<meta charset="klingon"><p>', Array.from(Buffer.from('é')))).source).toBe('utf-8');
    expect(decodeHtml(bytes(`<p>${'x'.repeat(5000)}</p>`, '<meta charset="shift_jis">')).source).toBe('utf-8');
    expect(decodeHtml(bytes(`<p>${'x'.repeat(3000)}</p>`, '<meta charset="shift_jis">')).source).toBe('meta');
  });

  it('takes UTF-8 when undeclared and valid, else windows-1252 (a Latin-1 page reads right)', () => {
    expect(decodeHtml(new Uint8Array(Buffer.from('<p>Ŝtono ☃')))).toMatchObject({ text: '<p>Ŝtono ☃', source: 'utf-8' });
    expect(decodeHtml(bytes('<p>', CP1252))).toEqual({ text: `<p>${CP1252_TEXT}`, encoding: 'windows-1252', source: 'fallback' });
  });

  it('trusts valid multi-byte UTF-8 over a <meta> that names a legacy charset (a re-saved page)', () => {
    expect(decodeHtml(new Uint8Array(Buffer.from('<meta charset="gb2312"><p>谷歌'))).text).toBe('<meta charset="gb2312"><p>谷歌');
    // ...but not over the server's header.
    expect(decodeHtml(new Uint8Array(Buffer.from('<p>é')), 'text/html; charset=iso-8859-1').text).toBe('<p>Ã©');
  });

  it('maps a <meta> that says UTF-16 to UTF-8 (an ASCII meta tag cannot be UTF-16)', () => {
    expect(decodeHtml(new Uint8Array(Buffer.from('<meta charset="utf-16"><p>é'))).encoding).toBe('utf-8');
  });
});

describe('fixWindows1252', () => {
  it('maps the 27 code points Node 20 decodes as C1 controls, and leaves the 5 undefined ones', () => {
    expect(fixWindows1252('\u0080\u0093\u0094\u0096\u0097\u0099\u009f')).toBe('€“”–—™Ÿ');
    expect(fixWindows1252('\u0081\u008d\u008f\u0090\u009d')).toBe('\u0081\u008d\u008f\u0090\u009d');
    expect(fixWindows1252('plain é')).toBe('plain é');
  });
});

describe('charsetParam', () => {
  it('reads quoted and bare values', () => {
    expect(charsetParam('text/html; charset=UTF-8')).toBe('UTF-8');
    expect(charsetParam("text/html; foo=bar; charset='koi8-r'")).toBe('koi8-r');
    expect(charsetParam('text/html')).toBeUndefined();
  });
});
