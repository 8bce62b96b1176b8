// Build: one bundled ESM file for the command (Node resolves one file at start-up instead of
// ~40 modules), plus tsc output with types for the library entry.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

await build({
  entryPoints: { broadsheet: 'src/process.ts' },
  outdir: 'dist',
  // Parts that only some runs need (the core after flags, chalk for ansi, wrap-ansi and
  // string-width for complex text, the worker) load as separate chunks, on demand.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minifySyntax: true,
  legalComments: 'none',
  define: { BROADSHEET_VERSION: JSON.stringify(pkg.version) },
  // commander is CommonJS and requires Node built-ins; give the ESM bundle a require for them.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});

execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
