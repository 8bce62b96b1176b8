// A package's file bundled with exact changes to its text, each explained in its own module
// (highlight-core.mjs, entity-tables.mjs). When the package's code is not what a change expects
// (a new release), the build fails, naming the change, rather than bundling the file unchanged
// and slower without a word.

import { readFileSync } from 'node:fs';

/**
 * The esbuild plugin: each file `filter` matches with every patch applied once; a file of
 * another shape fails the build. `owner` names the code in the error ("highlight.js's").
 */
export function patchedPackage(name, filter, owner, patches) {
  return {
    name,
    setup(b) {
      b.onLoad({ filter }, (args) => {
        let source = readFileSync(args.path, 'utf8');
        for (const { file, what, original, replacement, without } of patches) {
          if (source.split(original).length !== 2) {
            return { errors: [{ text: `${owner} ${what} is not the one scripts/${file} expects (a new release?): update the patch, or drop it (${without})` }] };
          }
          source = source.replace(original, () => replacement);
        }
        return { contents: source, loader: 'js' };
      });
    },
  };
}
