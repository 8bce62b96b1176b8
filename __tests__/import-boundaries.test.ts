/**
 * The importer stays in its room and loads lazily: reading an article must never pay for
 * Readability, the DOM or turndown.
 * - No module outside src/import imports it statically (the CLI is to use `await import()`).
 * - src/import depends on nothing in src but errors.ts and load/store.ts (where the reader's store
 *   is: one rule for the reader and the importer; it needs only node:fs and node:path).
 * - index.ts's static import graph holds none of the heavy modules: extract.ts and
 *   to-markdown.ts (and through them linkedom, Readability, turndown) load inside importArticle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT } from './helpers.js';

const SRC = join(ROOT, 'src');
const IMPORT = join(SRC, 'import');
const HEAVY = ['linkedom', '@mozilla/readability', 'turndown', '@joplin/turndown-plugin-gfm'];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Static imports and re-exports (type-only ones cost nothing at run time and are left out). */
function staticImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

function resolveLocal(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  return resolve(dirname(from), specifier.replace(/\.js$/, '.ts'));
}

it('nothing outside src/import imports it statically', () => {
  const offenders = files(SRC)
    .filter((file) => !file.startsWith(IMPORT))
    .flatMap((file) => staticImports(file).filter((s) => resolveLocal(file, s)?.startsWith(IMPORT)).map((s) => `${relative(ROOT, file)} -> ${s}`));
  expect(offenders).toEqual([]);
});

const ALLOWED = [join(SRC, 'errors.ts'), join(SRC, 'load', 'store.ts')];

it('src/import uses nothing in src but errors.ts and load/store.ts', () => {
  const outside = files(IMPORT).flatMap((file) =>
    staticImports(file)
      .map((s) => resolveLocal(file, s))
      .filter((path): path is string => path !== undefined && !path.startsWith(IMPORT) && !ALLOWED.includes(path)),
  );
  expect(outside).toEqual([]);
});

it('importing src/import/index.ts loads no DOM, Readability or turndown', () => {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of staticImports(file)) {
      const local = resolveLocal(file, specifier);
      if (local) visit(local);
      else packages.add(specifier);
    }
  };
  visit(join(IMPORT, 'index.ts'));
  expect([...packages].filter((p) => HEAVY.includes(p))).toEqual([]);
  expect([...seen].map((f) => relative(IMPORT, f)).sort()).toEqual(['../errors.ts', '../load/store.ts', 'article.ts', 'clean.ts', 'decode-html.ts', 'fetch-page.ts', 'index.ts', 'store.ts']);
});
