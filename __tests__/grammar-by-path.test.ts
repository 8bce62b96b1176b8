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
import { GRAMMARS } from '../src/highlight/languages.js';
import { BIN, ROOT, cleanEnv } from './helpers.js';

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
    for (const name of ['bash', 'javascript', 'xml']) expect((await importGrammar(name)).default).toBe(nodeRequire(`highlight.js/lib/languages/${name}`));
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
