/**
 * Hyphenation at line ends, in the document's language (front matter `lang`, default English),
 * with TeX's patterns (the `hyphen` package), each language its own bundle, loaded only when a
 * narrow measure asks for it. Where a word may break: never in URLs, code, numbers, or words with
 * capitals inside them (iPhone, McDonald, camelCase), which patterns do not know.
 */

/** A word's syllables, as the patterns split it; one piece when it must not break. */
export type Hyphenator = (word: string) => string[];

const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The patterns for a `lang` value (`en-GB`, `de`, `fr_FR`...), if broadsheet has them. */
export function hyphenationLanguage(lang: string | undefined): Language | undefined {
  const code = (lang ?? 'en').trim().toLowerCase().split(/[-_]/)[0] as Language;
  return LANGUAGES.includes(code) ? code : undefined;
}

export async function loadHyphenator(language: Language): Promise<Hyphenator> {
  const { hyphenateSync } = await patterns(language);
  return (word) => {
    if (!/^\p{L}\p{Ll}*$/u.test(word) || word.length < MIN_WORD) return [word];
    return hyphenateSync(word, { hyphenChar: '\u00AD', minWordLength: MIN_WORD }).split('\u00AD');
  };
}

/** Shorter words are not worth a hyphen. */
const MIN_WORD = 6;

function patterns(language: Language): Promise<{ hyphenateSync: (text: string, options?: { hyphenChar?: string; minWordLength?: number }) => string }> {
  switch (language) {
    case 'de':
      return import('./hyphenation/de.js');
    case 'fr':
      return import('./hyphenation/fr.js');
    case 'es':
      return import('./hyphenation/es.js');
    case 'it':
      return import('./hyphenation/it.js');
    case 'pt':
      return import('./hyphenation/pt.js');
    case 'nl':
      return import('./hyphenation/nl.js');
    default:
      return import('./hyphenation/en.js');
  }
}
