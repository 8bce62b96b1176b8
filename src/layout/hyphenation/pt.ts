/** Hyphenation patterns (hyphen, ISC; TeX patterns) for one language: its own bundle, loaded for narrow measures. */
// index.js by name (Node's ES modules, which the library is, import no directory); a default
// import, as hyphen is CommonJS with exports made at run time.
import hyphen from 'hyphen/pt/index.js';

export const hyphenateSync = hyphen.hyphenateSync;
