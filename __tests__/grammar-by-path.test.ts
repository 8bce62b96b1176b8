/**
 * The bin's highlighter requires each grammar by its file's path (src/highlight/grammar-by-path.ts),
 * not through highlight.js's exports map, whose first resolution loads Node's ES-module resolver.
 * The path must be the file Node's own resolution gives, for every grammar.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMON_GRAMMARS, isCommonGrammar } from '../src/highlight/common-grammar-names.js';
import { GRAMMARS } from '../src/highlight/languages.js';
import { BIN, ROOT, bundlesLoaded, cleanEnv } from './helpers.js';

const nodeRequire = createRequire(import.meta.url);

describe('grammars by path', () => {
  it("gives every grammar the file Node's resolution of its name gives, and its module", async () => {
    // The module is written for the CommonJS bundle, where the bin passes each bundle its file's name.
    (globalThis as { __filename?: string }).__filename = join(ROOT, 'dist', 'highlight.cjs');
    const { grammarsDirectory, importGrammar } = await import('../src/highlight/grammar-by-path.js');
    const directory = grammarsDirectory();
    expect(directory).toBeDefined();
    const names = [...new Set(Object.values(GRAMMARS))];
    expect(names.length).toBeGreaterThan(150);
    const different = names.filter((name) => join(directory!, `${name}.js`) !== nodeRequire.resolve(`highlight.js/lib/languages/${name}`));
    expect(different).toEqual([]);
    for (const name of ['rust', 'go', 'dockerfile']) expect((await importGrammar(name)).default).toBe(nodeRequire(`highlight.js/lib/languages/${name}`));
  });

  it('takes the common grammars from their own bundle, each the one highlight.js has by that name', async () => {
    (globalThis as { __filename?: string }).__filename = join(ROOT, 'dist', 'highlight.cjs');
    const { importGrammar } = await import('../src/highlight/grammar-by-path.js');
    const { commonGrammars } = await import('../src/highlight/common-grammars.js');
    expect(Object.keys(commonGrammars).sort()).toEqual([...COMMON_GRAMMARS].sort());
    for (const name of COMMON_GRAMMARS) {
      // Where it comes from: the bundle (common-grammars.ts) holds highlight.js's own function.
      const grammar = (await importGrammar(name)).default;
      expect([name, grammar]).toEqual([name, commonGrammars[name]]);
      expect([name, String(grammar)]).toEqual([name, String(nodeRequire(`highlight.js/lib/languages/${name}`))]);
    }
    // Most READMEs' fences: shell sessions, JavaScript, TypeScript, Python, JSON, YAML, HTML.
    for (const lang of ['sh', 'console', 'js', 'ts', 'python', 'json', 'yaml', 'html']) expect([lang, isCommonGrammar(GRAMMARS[lang]!)]).toEqual([lang, true]);
  });

  it('loads the common grammars\' bundle, with its code cache, for a document whose code needs one, and only then', () => {
    const bundles = (document: string) => bundlesLoaded(['-', '--format', 'ansi', '--color', 'always'], { input: document });
    expect(bundles('```js\nconst a = 1;\n```\n')).toEqual(['broadsheet.cjs', 'common-grammars.cjs', 'highlight.cjs']);
    expect(bundles('```rust\nfn main() {}\n```\n')).toEqual(['broadsheet.cjs', 'highlight.cjs']);
    expect(bundles('# No code\n')).toEqual(['broadsheet.cjs']);
  });

  it("colours a document's code without loading Node's ES-module resolver", () => {
    const dir = mkdtempSync(join(tmpdir(), 'broadsheet-grammars-'));
    // Says, as the process exits, which of Node's own modules it loaded.
    const report = join(dir, 'report.cjs');
    writeFileSync(report, "process.on('exit', () => require('node:fs').writeSync(2, process.moduleLoadList.join('\\n') + '\\n'));\n");
    const document = '# Code\n\n```js\nconst a = 1; // one\n```\n\n```bash\necho "$HOME"\n```\n';
    const run = spawnSync(process.execPath, ['-r', report, BIN, '-', '--format', 'ansi', '--color', 'always', '--width', '60'], { cwd: ROOT, env: cleanEnv(), input: document, encoding: 'utf8' });
    expect(run.status).toBe(0);
    // Coloured: the keyword and the comment are in styles of their own.
    expect(run.stdout).toMatch(/\u001B\[[0-9;]*m(?:const)\u001B\[/);
    expect(run.stdout).toMatch(/\u001B\[[0-9;]*m\/\/ one/);
    const loaded = run.stderr.split('\n');
    expect(loaded).toContain('NativeModule vm');
    expect(loaded.filter((name) => name.includes('internal/modules/esm/resolve'))).toEqual([]);
  });
});
