/**
 * The highlighter's bundle counts a pattern's capturing groups by reading it
 * (scripts/highlight-count-groups.mjs), where highlight.js compiles the pattern again. The count
 * must be highlight.js's own for every pattern of every grammar, and the patch must still apply
 * to the installed highlight.js (and fail the build when it does not: highlight-core.test.ts).
 */
import { readFileSync } from 'node:fs';
import { runInThisContext } from 'node:vm';
import { ORIGINAL, countGroups } from '../scripts/highlight-count-groups.mjs';
import { BIN, bundledHighlightJs, runPrintingBytecode } from './helpers.js';

const highlightJs = (count: string) => `function countMatchGroups(re) {\n  return (${count})(re);\n}`;

describe("highlight.js's capturing groups, read", () => {
  it('counts as compiling does, for hand-picked patterns', () => {
    const compiled = (source: string) => new RegExp(`${source}|`).exec('')!.length - 1;
    for (const source of ['a(b)c', '(?:x)(y)', '[(]', '\\(', '(?<n>a)(?<=b)(?<!c)(?=d)(?!e)', '[]](x)', '[^]](x)', '[\\]](x)', '((a)(b))', '\\\\(a)', '[\\\\](a)', '(?<=(a))(b)']) {
      expect([source, countGroups(source)]).toEqual([source, compiled(source)]);
    }
  });

  it('counts as highlight.js does for every pattern of every grammar', async () => {
    // highlight.js, bundled with a countMatchGroups that returns its own count and records ours beside it.
    const checking = {
      name: 'checking-count-groups',
      setup(b: import('esbuild').PluginBuild) {
        b.onLoad({ filter: /[\\/]highlight\.js[\\/]lib[\\/]core\.js$/ }, (args) => ({
          contents: readFileSync(args.path, 'utf8').replace(ORIGINAL, `${countGroups}\n${highlightJs("(re) => { const theirs = (new RegExp(re.toString() + '|')).exec('').length - 1; globalThis.countChecks.push([String(re), theirs, countGroups(typeof re === 'string' ? re : re.source)]); return theirs; }")}`),
          loader: 'js',
        }));
      },
    };
    const checks: [string, number, number][] = [];
    // The bundle runs in Node's own context, not the test's: its globalThis is that one.
    (runInThisContext('globalThis') as { countChecks?: unknown }).countChecks = checks;
    const hljs = await bundledHighlightJs<{ listLanguages(): string[]; highlight(code: string, options: { language: string }): unknown }>([checking]);
    // A grammar's modes are compiled on its first use.
    for (const language of hljs.listLanguages()) hljs.highlight('x = "y" // z\n', { language });
    expect(hljs.listLanguages().length).toBeGreaterThan(150);
    // (3,637 patterns with highlight.js 11.12.)
    expect(checks.length).toBeGreaterThan(3000);
    expect(checks.filter(([, theirs, ours]) => theirs !== ours)).toEqual([]);
  });

  it('is what the bin colours code with: no pattern compiled again to count its groups', () => {
    // highlight.js's own count compiles `/source/flags|` (a RegExp's text and a bar); V8 prints
    // each pattern it compiles to bytecode. The build before this counted 25 such for this block.
    const run = runPrintingBytecode([BIN, '-', '--format', 'ansi', '--color', 'always'], '```js\nconst a = 1; // one\n```\n');
    expect(run.status).toBe(0);
    const { compiled } = run;
    expect(compiled.length).toBeGreaterThan(0);
    expect(compiled.filter((pattern) => /^\\\/[\s\S]*\\\/[a-z]*\|$/.test(pattern))).toEqual([]);
    // Coloured all the same.
    expect(run.stdout).toMatch(/\u001B\[[0-9;]*mconst\u001B\[/);
  });
});
