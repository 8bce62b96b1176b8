// highlight.js's core as the highlighter's bundle has it: with the changes that make its first
// use in a process cheaper, each explained in its own module. When highlight.js's code is not
// what a change expects (a new release), the build fails, saying which, rather than bundling the
// core unchanged and slower without a word (patched-package.mjs).

import { countGroupsPatch } from './highlight-count-groups.mjs';
import { longFirstRunPatch } from './highlight-long-first-run.mjs';
import { patchedPackage } from './patched-package.mjs';

export const PATCHES = [countGroupsPatch, longFirstRunPatch];

/** The esbuild plugin: highlight.js's core with every patch applied; a core of another shape fails the build. */
export const highlightCore = patchedPackage('highlight-core', /[\\/]highlight\.js[\\/]lib[\\/]core\.js$/, "highlight.js's", PATCHES);
