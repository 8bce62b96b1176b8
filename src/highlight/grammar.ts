/**
 * A highlight.js grammar module by its name (`bash`, `javascript`, ...), as highlight.js publishes
 * it. The bin's bundle loads grammars by path instead (grammar-by-path.ts, put in this module's
 * place by scripts/build.mjs).
 */
import type { LanguageFn } from 'highlight.js';

export const importGrammar = (name: string): Promise<{ default: LanguageFn }> => import(`highlight.js/lib/languages/${name}`) as Promise<{ default: LanguageFn }>;
