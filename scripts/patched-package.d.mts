/** A change to a package's file: the text it replaces, once, and what the build puts in its place. */
export interface PackagePatch {
  /** The module under scripts/ that explains it. */
  file: string;
  what: string;
  original: string;
  replacement: string;
  /** What the build loses without it, for the error that says it no longer applies. */
  without: string;
}
/** The esbuild plugin that applies `patches` to every file `filter` matches, or fails the build. */
export function patchedPackage(name: string, filter: RegExp, owner: string, patches: PackagePatch[]): import('esbuild').Plugin;
