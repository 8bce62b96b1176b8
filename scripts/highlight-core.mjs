// highlight.js's core as the highlighter's bundle has it: with the changes that make its first
// use in a process cheaper, each explained in its own module. When highlight.js's code is not
// what a change expects (a new release), the build fails, saying which, rather than bundling the
// core unchanged and slower without a word.

import { readFileSync } from 'node:fs';
import { countGroupsPatch } from './highlight-count-groups.mjs';
import { longFirstRunPatch } from './highlight-long-first-run.mjs';

export const PATCHES = [countGroupsPatch, longFirstRunPatch];

/** The esbuild plugin: highlight.js's core with every patch applied; a core of another shape fails the build. */
export const highlightCore = {
  name: 'highlight-core',
  setup(b) {
    b.onLoad({ filter: /[\\/]highlight\.js[\\/]lib[\\/]core\.js$/ }, (args) => {
      let source = readFileSync(args.path, 'utf8');
      for (const { file, what, original, replacement, without } of PATCHES) {
        if (source.split(original).length !== 2) {
          return { errors: [{ text: `highlight.js's ${what} is not the one scripts/${file} expects (a new release?): update the patch, or drop it (${without})` }] };
        }
        source = source.replace(original, () => replacement);
      }
      return { contents: source, loader: 'js' };
    });
  },
};
