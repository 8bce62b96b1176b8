/**
 * The command lines most runs have, read without commander: `broadsheet`, `broadsheet notes.md`,
 * `--toc`, `--section`, `--format`, `--width`, `--color`, `--no-color`, `--hyperlinks`,
 * `--links`. Building commander's program (two dozen options, each parsed and registered by
 * code that runs once, in the interpreter) took 0.6-0.8 ms of every run; with commander itself
 * no longer loaded, the stored article as text starts 1.3-1.8 ms sooner (of ~11 ms over a bare
 * Node start).
 *
 * Only what is unambiguous is read here: the flags below, each given once (but --section, which
 * repeats), each value in its own word or after `=`, never starting with `-`, and at most one
 * article, which is not empty, does not start with `-` (but `-` itself, stdin) and does not
 * name a subcommand. Every other command line (help, a bad value, an unknown or combined flag)
 * goes to commander, which reads it and words its errors. The result is what commander's
 * `opts()` and `args[0]` give for the same words: a property test holds the two equal.
 */
import { DEFAULTS, WHEN, parseWidth, type Flags } from '../options.js';
import { FORMATS, LINK_STYLES } from '../request.js';
import type { CommandFlags } from './program.js';

export interface QuickArgs {
  flags: Flags & CommandFlags;
  article?: string;
}

/** The flags whose value is one of a few words, and those words. */
const CHOICES = { format: FORMATS, color: WHEN, hyperlinks: WHEN, links: LINK_STYLES } as const;
type Choice = keyof typeof CHOICES;

/** Each flag's option, by every spelling. */
const SPELLINGS: Record<string, Choice | 'toc' | 'section' | 'width' | 'noColor'> = {
  '-f': 'format',
  '--format': 'format',
  '-t': 'toc',
  '--toc': 'toc',
  '-s': 'section',
  '--section': 'section',
  '-w': 'width',
  '--width': 'width',
  '--color': 'color',
  '--no-color': 'noColor',
  '--hyperlinks': 'hyperlinks',
  '--links': 'links',
};

/** The words of a command line read as commander would, or undefined: commander reads it. */
export function quickArgs(argv: readonly string[]): QuickArgs | undefined {
  const flags: Flags & CommandFlags = { ...DEFAULTS, config: true };
  const seen = new Set<string>();
  let article: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '-' || !word.startsWith('-')) {
      if (article !== undefined || word === '' || word === 'import') return undefined;
      article = word;
      continue;
    }
    const equals = word.startsWith('--') ? word.indexOf('=') : -1;
    const spelling = equals < 0 ? word : word.slice(0, equals);
    const option = Object.hasOwn(SPELLINGS, spelling) ? SPELLINGS[spelling]! : undefined;
    if (option === undefined || (seen.has(option) && option !== 'section')) return undefined;
    // --color and --no-color set one value (commander keeps the last): both, left to commander.
    if ((option === 'color' && seen.has('noColor')) || (option === 'noColor' && seen.has('color'))) return undefined;
    seen.add(option);
    if (option === 'toc' || option === 'noColor') {
      if (equals >= 0) return undefined;
      if (option === 'toc') flags.toc = true;
      else flags.color = false;
      continue;
    }
    const value = equals >= 0 ? word.slice(equals + 1) : argv[++i];
    if (value === undefined || value.startsWith('-')) return undefined;
    if (option === 'section') flags.section = [...(flags.section ?? []), value];
    else if (option === 'width') {
      const width = widthOf(value);
      if (width === undefined) return undefined;
      flags.width = width;
    } else {
      if (!(CHOICES[option] as readonly string[]).includes(value)) return undefined;
      (flags as unknown as Record<Choice, string>)[option] = value;
    }
  }
  return { flags, article };
}

function widthOf(value: string): number | undefined {
  try {
    return parseWidth(value);
  } catch {
    return undefined;
  }
}
