/** Hyphenation patterns (hyphen, ISC; TeX patterns) for one language: its own bundle, loaded for narrow measures. */
export { hyphenateSync } from 'hyphen/de';
