/**
 * The commander program: every flag, its help and its values. It only declares; `main` turns
 * what it parsed into Options (options.ts), where the defaults live.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULTS, WHEN, parseWidth } from '../options.js';
import { FORMATS, LINK_STYLES } from '../request.js';

/** Where commander writes help, version and errors. */
export interface ProgramOutput {
  writeOut: (text: string) => void;
  writeErr: (text: string) => void;
}

export const HELP_AFTER = `
Examples:
  npx broadsheet                                 read the stored article
  broadsheet notes.md                            read any Markdown file (or - for stdin)
  broadsheet | grep -i energy                    plain text, one paragraph per line
  broadsheet --toc                               list the sections
  broadsheet -s 2 -s 'japan pm'                  sections by number or title
  broadsheet --toc --format json | jq -r '.[].slug'
  broadsheet CHANGELOG.md -s 1.2.0 -f markdown   one release's notes, byte for byte

Environment:
  NO_COLOR          set non-empty: no colour unless asked for
  FORCE_COLOR       set (not 0): colour even in a pipe
  BROADSHEET_PAGER  pager command; overrides PAGER; empty: no pager
  PAGER             pager command (default: less -R -F)

Exit status:
  0  success
  1  a --section selector matched nothing, or several sections equally well
  2  usage error, or input that cannot be read
`;

function width(value: string): number {
  try {
    return parseWidth(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

function repeatable(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function createProgram(version: string, output: ProgramOutput): Command {
  return new Command('broadsheet')
    .description('Read a news article stored as Markdown in the terminal, set like a newspaper;\nlist and extract sections of any Markdown file for scripts.')
    .argument('[article]', "a stored article's name, a Markdown file, or - for stdin (default: the stored article)")
    .option('-w, --width <columns>', "wrap at this many columns, 0 for no wrapping\n(default: the terminal's width up to 80; no wrapping in a pipe)", width)
    .addOption(new Option('-f, --format <format>', 'output format (default: ansi with colour, else text)').choices(FORMATS))
    .addOption(new Option('--color <when>', 'when to use colour').choices(WHEN).default(DEFAULTS.color))
    .option('--no-color', 'same as --color never')
    .option('-t, --toc', 'list the sections: number, title, slug, words')
    .option('-s, --section <which>', 'only these sections: numbers, titles, slugs,\n"Parent > Child", versions, @latest or @unreleased;\nrepeatable, comma-separated, ranges 1-2', repeatable)
    .option('--no-heading', "the selected sections without their own heading line")
    .option('--no-link-defs', 'markdown extraction without the link definitions it uses')
    .option('-l, --list', 'list the stored articles')
    .addOption(new Option('--paging <when>', 'page long output on a terminal').choices(WHEN).default(DEFAULTS.paging))
    .addOption(new Option('--pager', 'same as --paging always').implies({ paging: 'always' }))
    .addOption(new Option('--no-pager', 'same as --paging never').implies({ paging: 'never' }))
    .addOption(new Option('--hyperlinks <when>', 'clickable (OSC 8) links in ansi').choices(WHEN).default(DEFAULTS.hyperlinks))
    .addOption(new Option('--links <style>', 'link targets after the text, or numbered at the end').choices(LINK_STYLES).default(DEFAULTS.links))
    .version(version, '-V, --version')
    .helpOption('-h, --help', 'show this help')
    .addHelpText('after', HELP_AFTER)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: output.writeOut,
      writeErr: output.writeErr,
      outputError: () => {},
      getOutHelpWidth: () => 80,
      getErrHelpWidth: () => 80,
    });
}
