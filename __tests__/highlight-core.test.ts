/**
 * highlight.js's core as the highlighter's bundle has it (scripts/highlight-core.mjs): each patch
 * applies to the installed highlight.js, the build fails on a core of another shape, and code is
 * highlighted exactly as by highlight.js unpatched. The count-groups patch has its own tests
 * (highlight-count-groups.test.ts); the long first run's are here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PATCHES, highlightCore } from '../scripts/highlight-core.mjs';
import { ORIGINAL as COUNT_GROUPS } from '../scripts/highlight-count-groups.mjs';
import { BIN, bundleWithDependency, bundledHighlightJs, corpusFencedBlocks, runPrintingBytecode } from './helpers.js';

const nodeRequire = createRequire(import.meta.url);

interface Hljs {
  listLanguages(): string[];
  getLanguage(name: string): unknown;
  highlight(code: string, options: { language: string; ignoreIllegals: boolean }): { value: string };
}

describe("highlight.js's core, patched", () => {
  it('applies each patch to the installed highlight.js', () => {
    const core = readFileSync(nodeRequire.resolve('highlight.js/lib/core'), 'utf8');
    expect(PATCHES.length).toBeGreaterThanOrEqual(2);
    for (const patch of PATCHES) expect([patch.what, core.split(patch.original).length]).toEqual([patch.what, 2]);
  });

  it('fails the build, loudly, when highlight.js changes shape, naming the patch', async () => {
    const other = bundleWithDependency('highlight.js/lib/core.js', 'function countMatchGroups(re) { return 0; }\nmodule.exports = countMatchGroups;\n', [highlightCore]);
    await expect(other).rejects.toThrow(/countMatchGroups is not the one scripts\/highlight-count-groups\.mjs expects/);
    // The first patch's code as it ships, the second's changed.
    const changed = bundleWithDependency('highlight.js/lib/core.js', `${COUNT_GROUPS}\nclass MultiRegex { exec(s) { return null; } }\nmodule.exports = { countMatchGroups, MultiRegex };\n`, [highlightCore]);
    await expect(changed).rejects.toThrow(/MultiRegex\.exec is not the one scripts\/highlight-long-first-run\.mjs expects/);
  });

  it('highlights every grammar and every block of the corpus as highlight.js does unpatched', async () => {
    const [theirs, ours] = await Promise.all([bundledHighlightJs<Hljs>([]), bundledHighlightJs<Hljs>([highlightCore])]);
    const blocks = corpusFencedBlocks().map(({ lang, code }) => ({ lang: lang.toLowerCase(), code }));
    expect(blocks.length).toBeGreaterThan(300);
    const highlight = (hljs: Hljs, code: string, language: string) => hljs.highlight(code, { language, ignoreIllegals: true }).value;
    let compared = 0;
    // Each language's own blocks, in order (a mode's first run, then later ones), then short
    // samples in every grammar: a first run on a short string, a long one, and the same again.
    for (const { lang, code } of blocks) {
      if (!lang || !theirs.getLanguage(lang)) continue;
      expect([lang, code, highlight(ours, code, lang)]).toEqual([lang, code, highlight(theirs, code, lang)]);
      compared++;
    }
    const samples = ['x = "y" // z\n', `${'let a = [1, "two", /3/g]; # four\n'.repeat(40)}`, 'if (a) { b(c, \'d\') } /* e */\n'];
    for (const language of theirs.listLanguages()) {
      for (const code of samples) expect([language, code, highlight(ours, code, language)]).toEqual([language, code, highlight(theirs, code, language)]);
    }
    expect(compared).toBeGreaterThan(100);
  });

  it("is what the bin colours code with: none of a mode's joined patterns compiled to bytecode", () => {
    // highlight.js joins each mode's rules, each in a group, into one alternation: `(…)|(…)`.
    // Run first on a short string, V8 compiles them to bytecode; the build before this compiled
    // 7 such for this block.
    const run = runPrintingBytecode([BIN, '-', '--format', 'ansi', '--color', 'always'], '```js\nconst a = 1; // one\nfunction f(x) { return `s${x}`; }\n```\n');
    expect(run.status).toBe(0);
    const { compiled } = run;
    expect(compiled.length).toBeGreaterThan(0);
    expect(compiled.filter((pattern) => pattern.startsWith('(') && pattern.includes(')|('))).toEqual([]);
    // Coloured all the same.
    expect(run.stdout).toMatch(/\u001B\[[0-9;]*mconst\u001B\[/);
  });
});
