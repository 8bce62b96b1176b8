/**
 * The bundle's grammars, required by their files' paths (scripts/build.mjs puts this module in
 * grammar.ts's place in dist/highlight.cjs).
 *
 * Node resolves `highlight.js/lib/languages/<name>` through the package's exports map, and the
 * first such resolution in a process loads Node's ES-module resolver (internal/modules/esm/*,
 * ~4 ms of every colour run with highlighted code). highlight.js maps `./lib/languages/*` to
 * `./lib/languages/*.js` for require, which the build checks; the package's directory is found
 * once along Node's own lookup paths for it. Where it is not there (another kind of loader), the
 * name goes through Node's resolution.
 */
import type { LanguageFn } from 'highlight.js';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { once } from '../once.js';
import { isCommonGrammar } from './common-grammar-names.js';

// The bundle is CommonJS: the bin passes each bundle its file's name.
declare const __filename: string;
const nodeRequire = createRequire(__filename);

/** highlight.js's directory, as Node would find it from this bundle; undefined if not on those paths. */
export const grammarsDirectory = once((): string | undefined => {
  for (const modules of nodeRequire.resolve.paths('highlight.js') ?? []) {
    const directory = join(modules, 'highlight.js', 'lib', 'languages');
    if (existsSync(directory)) return directory;
  }
  return undefined;
});

export const importGrammar = async (name: string): Promise<{ default: LanguageFn }> => {
  // The common ones from their own bundle, compiled with its code cache (common-grammars.ts).
  if (isCommonGrammar(name)) return { default: (await import('./common-grammars.js')).commonGrammars[name] };
  const directory = grammarsDirectory();
  const grammar = nodeRequire(directory ? join(directory, `${name}.js`) : `highlight.js/lib/languages/${name}`) as LanguageFn | { default: LanguageFn };
  return typeof grammar === 'function' ? { default: grammar } : grammar;
};
