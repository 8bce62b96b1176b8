/**
 * The config file, as bat has one: `$BROADSHEET_CONFIG_PATH`, else
 * `$XDG_CONFIG_HOME/broadsheet/config`, else `~/.config/broadsheet/config`. It holds flags,
 * written as on the command line, one a line (`--width 72`, `--links footnotes`, `--no-stats`;
 * quotes as in a shell), with `#` comments and blank lines. A flag on the command line replaces
 * the config's value of the same setting. The flags that choose what to read rather than how
 * (`--section`, `--toc`, `--list`) and the ones that are commands (`--help`, `--completion`...)
 * belong on the command line only.
 *
 * The file is read only when a run reads a document (never for --help, --version, --completion
 * or --config-path, so a broken config never hides them), and only if it exists: a missing file
 * costs one stat. A run with a config reads its command line with commander, whatever it is
 * (src/cli/quick-args.ts reads the common ones without it only where there is none).
 */
import { CommanderError, type Command } from 'commander';
import { BroadsheetError } from '../errors.js';
import { sanitizeLine } from '../sanitize.js';
import { configPath, readConfig, type Env } from './config-file.js';

/** Option attributes that cannot be set in the config: they choose what to read, or are commands. */
const COMMAND_LINE_ONLY = new Set(['section', 'toc', 'list', 'completion', 'configPath', 'config']);

/**
 * The flags commander parsed from the command line, with the config's settings under them: the
 * config's value of a setting the command line did not give. `program` has parsed the command
 * line; `newProgram` makes a fresh, silent one to parse the config with.
 */
export function withConfig<T>(program: Command, env: Env, newProgram: () => Command): T {
  const flags = program.opts<Record<string, unknown>>();
  const path = configPath(env);
  const text = path === undefined ? undefined : readConfig(path);
  if (text === undefined) return flags as T;
  const config = parseConfig(text, path!, newProgram);
  const given = (command: Command, key: string) => ['cli', 'implied', 'env'].includes(command.getOptionValueSource(key) ?? '');
  for (const [key, value] of Object.entries(config.opts())) if (given(config, key) && !given(program, key)) flags[key] = value;
  return flags as T;
}

/**
 * A program that has parsed the config's flags. A bad line is an error naming the file and the
 * line: `~/.config/broadsheet/config:3: unknown option '--widht'`.
 */
export function parseConfig(text: string, path: string, newProgram: () => Command): Command {
  const shown = sanitizeLine(path);
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const words: string[][] = lines.map((line, i) => {
    try {
      return splitWords(line);
    } catch (error) {
      throw new BroadsheetError('usage', `${shown}:${i + 1}: ${(error as Error).message}`);
    }
  });
  try {
    return parseWords(words.flat(), newProgram);
  } catch (error) {
    // Which line? The first that is wrong on its own.
    for (const [i, line] of words.entries()) {
      try {
        parseWords(line, newProgram);
      } catch (lineError) {
        throw new BroadsheetError('usage', `${shown}:${i + 1}: ${reason(lineError)}`);
      }
    }
    throw new BroadsheetError('usage', `${shown}: ${reason(error)}`);
  }
}

function parseWords(words: string[], newProgram: () => Command): Command {
  const program = newProgram();
  program.parse(words, { from: 'user' });
  if (program.args.length > 0) throw new Error(`'${program.args[0]}' is not an option (the config holds flags, such as --width 72)`);
  for (const option of program.options) {
    const key = option.attributeName();
    if (COMMAND_LINE_ONLY.has(key) && program.getOptionValueSource(key) === 'cli') throw new Error(`${option.long ?? option.flags} belongs on the command line, not in the config`);
  }
  return program;
}

function reason(error: unknown): string {
  if (error instanceof CommanderError && (error.code === 'commander.helpDisplayed' || error.code === 'commander.version')) return `${error.code === 'commander.version' ? '--version' : '--help'} belongs on the command line, not in the config`;
  return sanitizeLine((error as Error).message.replace(/^error: /, ''));
}

/**
 * A line's words, as a shell splits them: blanks separate, '…' is literal, "…" keeps what is
 * inside (a backslash escapes " and \), a backslash outside quotes escapes the next character,
 * and a word starting with # starts a comment.
 */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === '#' && word === undefined) {
      break;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error('unterminated quote');
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let text = '';
      for (i++; i < line.length && line[i] !== '"'; i++) text += line[i] === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\') ? line[++i] : line[i];
      if (i >= line.length) throw new Error('unterminated quote');
      word = (word ?? '') + text;
    } else if (c === '\\' && i + 1 < line.length) {
      word = (word ?? '') + line[++i];
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}
