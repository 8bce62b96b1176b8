/**
 * The commander program: every flag, its help and its values. It only declares; `main` turns
 * what it parsed into Options (options.ts), where the defaults live.
 */
import { Command, Help, InvalidArgumentError, Option } from 'commander';
import { DEFAULTS, THEMES, WHEN, parseWidth } from '../options.js';
import { FORMATS, LINK_STYLES } from '../request.js';
import { DEFAULT_TIMEOUT_MS, parseTimeout } from './import-command.js';

/** Where commander writes help, version and errors. */
export interface ProgramOutput {
  writeOut: (text: string) => void;
  writeErr: (text: string) => void;
}

/** The shells `--completion` writes a script for (completion.ts). */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** The flags that are commands around the reader, not render options (command-line.ts acts on them). */
export interface CommandFlags {
  completion?: Shell;
  configPath?: boolean;
  /** false with --no-config. */
  config: boolean;
}

/** Below this many columns beside the flags, descriptions go under them. */
const NARROWEST_DESCRIPTION = 30;

/** The help's closing sections: examples, environment, exit status (the man page has them too). */
export const HELP_SECTIONS: [string, [string, string][]][] = [
  [
    'Examples',
    [
      ['npx broadsheet', 'read the stored article'],
      ['broadsheet notes.md', 'read any Markdown file (or - for stdin)'],
      ['broadsheet | grep -i energy', 'plain text, one paragraph per line'],
      ['broadsheet --toc', 'list the sections'],
      ['broadsheet -s 2 -s \'japan pm\'', 'sections by number or title'],
      ["broadsheet --toc --format json | jq -r '.[].slug'", ''],
      ['broadsheet CHANGELOG.md -s 1.2.0 -f markdown', "one release's notes, byte for byte"],
      ['broadsheet CHANGELOG.md -s @latest -f markdown --no-heading', ''],
      ['broadsheet --list', 'the stored articles'],
      ['broadsheet import https://example.com/story', 'store a web page as an article to read by name'],
      ['source <(broadsheet --completion bash)', 'completion, in ~/.bashrc'],
      ['source <(broadsheet --completion zsh)', 'completion, in ~/.zshrc after compinit'],
      ['broadsheet --completion fish | source', 'completion, in ~/.config/fish/config.fish'],
      ['broadsheet --config-path', 'where your settings go: flags, one a line (--width 72)'],
    ],
  ],
  [
    'Environment',
    [
      ['NO_COLOR', 'set non-empty: no colour unless asked for'],
      ['FORCE_COLOR', 'set (not 0): colour even in a pipe'],
      ['BROADSHEET_PAGER', 'pager command; overrides PAGER; empty: no pager'],
      ['PAGER', 'pager command (default: less -R -F)'],
      ['BROADSHEET_ARTICLES', 'your article store (default: $XDG_DATA_HOME/broadsheet/articles, or ~/.local/share/broadsheet/articles)'],
      ['BROADSHEET_CONFIG_PATH', 'your config file: flags, one a line (default: $XDG_CONFIG_HOME/broadsheet/config, or ~/.config/broadsheet/config)'],
    ],
  ],
  [
    'Exit status',
    [
      ['0', 'success'],
      ['1', 'a --section selector matched nothing, or several sections equally well'],
      ['2', 'usage error, input that cannot be read, or output that cannot be written'],
    ],
  ],
];

/**
 * The sections after the options. Without a width (a pipe) each row is one line, as it always
 * was; at a terminal's width a description wraps under itself, or under its term when the
 * column would leave it too little room, and a long command breaks at spaces, indented.
 */
export function helpAfter(width?: number): string {
  const out: string[] = [''];
  for (const [title, rows] of HELP_SECTIONS) {
    out.push(`${title}:`);
    const column = Math.max(...rows.filter(([, d]) => d).map(([term]) => term.length)) + 4;
    for (const [term, description] of rows) {
      const plain = description ? `  ${term.padEnd(column - 2)}${description}` : `  ${term}`;
      if (!width || plain.length <= width) {
        out.push(plain.trimEnd());
        continue;
      }
      const termLines = wrapWords(term, width - 4).map((line, i) => `${i === 0 ? '  ' : '    '}${line}`);
      if (!description) {
        out.push(...termLines);
        continue;
      }
      const room = width - column;
      const fits = description.split(' ').every((word) => word.length <= room);
      if (termLines.length === 1 && term.length + 4 <= column && room >= 24 && fits) {
        const lines = wrapWords(description, room);
        out.push(`  ${term.padEnd(column - 2)}${lines[0]}`, ...lines.slice(1).map((line) => `${' '.repeat(column)}${line}`));
      } else out.push(...termLines, ...wrapWords(description, width - 6).map((line) => `      ${line}`));
    }
    out.push('');
  }
  return out.join('\n');
}

/** Greedy word wrap for help text (no styles, no wide characters). */
function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines;
}

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

/** `helpWidth`: a terminal's width (at most 80) to fit the help to; undefined in a pipe. */
export function createProgram(version: string, output: ProgramOutput, helpWidth?: number): Command {
  const program = new Command('broadsheet')
    .description('Read a news article stored as Markdown in the terminal, set like a newspaper; list and extract sections of any Markdown file for scripts.')
    .argument('[article]', "a stored article's name, a Markdown file, or - for stdin (default: the stored article)")
    .option('-w, --width <columns>', "wrap at this many columns, 0 for no wrapping (default: the terminal's width up to 80; no wrapping in a pipe)", width)
    .addOption(new Option('-f, --format <format>', 'output format (default: ansi with colour, else text)').choices(FORMATS))
    .addOption(new Option('--color <when>', 'when to use colour').choices(WHEN).default(DEFAULTS.color))
    .option('--no-color', 'same as --color never')
    .option('-t, --toc', 'list the sections: number, title, slug, words')
    .option('-s, --section <which>', 'only these sections: numbers, titles, slugs, "Parent > Child", versions, @latest or @unreleased; repeatable, comma-separated, ranges 1-2', repeatable)
    .option('--no-heading', "the selected sections without their own heading line")
    .option('--no-link-defs', 'markdown extraction without the link definitions it uses')
    .option('-l, --list', 'list the stored articles')
    .option('--stats', 'length and reading time in the header (default: for stored articles and documents with front matter)')
    .option('--no-stats', 'no length and reading time')
    .option('--no-smart', "straight quotes, -- and ... as written (default: curly quotes, dashes and ellipses in what you read, never in code or markdown)")
    .addOption(new Option('--theme <name>', 'colours for a dark or light background (default: auto: COLORFGBG, else the terminal, else dark; BROADSHEET_THEME sets it)').choices(THEMES))
    .addOption(new Option('--hyphenate <when>', 'hyphenate at line ends (auto: for measures under 52 columns)').choices(WHEN).default(DEFAULTS.hyphenate))
    .option('--columns <n>', 'set the text in columns, a screen page at a time: a number, or auto (on terminals wide enough for two measures of 60)', DEFAULTS.columns)
    .addOption(new Option('--encoding <name>', 'how the file is encoded (default: UTF-8, else Windows-1252 with a warning)').default(DEFAULTS.encoding))
    .addOption(new Option('--paging <when>', 'page long output on a terminal').choices(WHEN).default(DEFAULTS.paging))
    .addOption(new Option('--pager', 'same as --paging always').implies({ paging: 'always' }))
    .addOption(new Option('--no-pager', 'same as --paging never').implies({ paging: 'never' }))
    .addOption(new Option('--hyperlinks <when>', 'clickable (OSC 8) links in ansi').choices(WHEN).default(DEFAULTS.hyperlinks))
    .addOption(new Option('--links <style>', 'link targets after the text, numbered at the end, or hidden behind clickable text (hidden needs hyperlinks)').choices(LINK_STYLES).default(DEFAULTS.links))
    // Around the reader: shell completion and the config file (completion.ts, config.ts).
    .addOption(new Option('--completion <shell>', 'print a shell completion script (see the examples)').choices(SHELLS))
    .option('--config-path', 'print where the config file is looked for')
    .option('--no-config', 'ignore the config file')
    .version(version, '-V, --version')
    .helpOption('-h, --help', 'show this help')
    .addHelpText('after', () => helpAfter(helpWidth))
    .usage('[options] [article]\n       broadsheet import [options] <page>')
    .configureHelp({
      minWidthToWrap: 20,
      // `import <page>`: its options are in `broadsheet import --help`.
      subcommandTerm: (command) => [command.name(), ...command.registeredArguments.map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}]`))].join(' '),
      // Too narrow for the two columns (a 50-column terminal): each description under its flag.
      formatItem(term, termWidth, description, helper) {
        const width = helper.helpWidth ?? 80;
        if (!description || width - termWidth - 4 >= NARROWEST_DESCRIPTION) return Help.prototype.formatItem.call(this, term, termWidth, description, helper);
        return `  ${term}\n${helper.boxWrap(description, width - 6).replace(/^/gm, '      ')}`;
      },
    })
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: output.writeOut,
      writeErr: output.writeErr,
      outputError: () => {},
      getOutHelpWidth: () => helpWidth ?? 80,
      getErrHelpWidth: () => helpWidth ?? 80,
    })
    // command-line.ts reads what was parsed; an action is needed only so that, beside a
    // subcommand, the document's name is not taken for an unknown command. No `help` command: it
    // is a name an article may have (`broadsheet help import` is `broadsheet import --help`).
    .action(() => {})
    .helpCommand(false);
  // After the settings above, which a subcommand inherits (output, exit override, help width).
  program
    .command('import')
    .description('store a web page as an article you read by name: a saved page (.html), an http(s) URL, or - for stdin')
    .argument('<page>', 'a saved page, an http(s) URL, or - for stdin')
    .option('--stdout', 'print the article (Markdown) instead of storing it')
    .option('--force', 'replace an article already stored under the same name')
    .option('--timeout <seconds>', `for a URL, the whole transfer (default: ${DEFAULT_TIMEOUT_MS / 1000})`, seconds)
    .action(() => {});
  return program;
}

/** What `broadsheet import` was given, when it was the command. */
export interface ImportFlags {
  page: string;
  stdout: boolean;
  force: boolean;
  timeoutMs: number;
}

export function importFlags(program: Command): ImportFlags | undefined {
  const command = program.commands.find((c) => c.name() === 'import');
  if (!command || command.args.length === 0) return undefined;
  const opts = command.opts<{ stdout?: boolean; force?: boolean; timeout?: number }>();
  return { page: command.args[0]!, stdout: opts.stdout ?? false, force: opts.force ?? false, timeoutMs: opts.timeout ?? DEFAULT_TIMEOUT_MS };
}

function seconds(value: string): number {
  try {
    return parseTimeout(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}
