import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareDocument, renderDocument, textOf, type Guard } from '../src/pipeline.js';
import { ROOT } from './helpers.js';

const ARTICLE = readFileSync(join(ROOT, 'articles', 'xi-putin-new-era.md'), 'utf8');

describe('prepareDocument', () => {
  /** A guard that counts its steps. */
  const counting = () => {
    const counted: { steps: number; guard: Guard } = { steps: 0, guard: (step) => (counted.steps++, step()) };
    return counted;
  };

  // Each guarded step starts a watchdog thread (guard.ts).
  it('lexes and builds in one guarded step when no decoder is to be loaded between them', async () => {
    const plain = counting();
    await prepareDocument(ARTICLE, { format: 'text' }, { guard: plain.guard });
    expect(plain.steps).toBe(1);
    for (const [markdown, shown] of <[string, string][]>[
      ['Caf&eacute; &copy;\n', 'Café ©'],
      ['<p align="center"><b>Bold</b></p>\n', 'Bold'],
      ['A :rocket: launch.\n', 'A 🚀 launch.'],
    ]) {
      const decoded = counting();
      await prepareDocument(markdown, { format: 'text' }, { guard: decoded.guard });
      expect(decoded.steps).toBe(2);
      // The decoders were loaded and used.
      expect(textOf(await renderDocument(markdown, { format: 'text' }))).toBe(`${shown}\n`);
    }
  });

  it('builds from a fresh lexing when the guard runs the building step again (a busy machine): nothing is decoded twice', async () => {
    // A guard that runs each step twice, keeping the second result, as it does for a step that
    // got too little of a core (guard.ts).
    const twice: Guard = (step) => (step(), step());
    for (const [markdown, shown] of <[string, string][]>[
      ['Written &amp;lt; and &amp;amp;\n', 'Written &lt; and &amp;'],
      ['<p>An &amp;copy; in HTML</p>\n\n&amp;copy; :rocket:\n', 'An &copy; in HTML\n\n&copy; 🚀'],
    ]) {
      expect(textOf(await renderDocument(markdown, { format: 'text' }, { guard: twice }))).toBe(`${shown}\n`);
    }
  });
});
