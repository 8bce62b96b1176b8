/**
 * The command line as commander reads it: every flag, help and version, `import`, the commands
 * around the reader (--completion, --config-path) and the config file under the flags. Loaded
 * only for a command line quick-args.ts does not read, or a run with a config file.
 */
import { CommanderError } from 'commander';
import { BroadsheetError, EXIT, formatError } from '../errors.js';
import { MAX_READING_WIDTH, type Flags } from '../options.js';
import { writeOutput } from '../output.js';
import { sanitizeLine } from '../sanitize.js';
import { configPath } from './config-file.js';
import { withConfig } from './config.js';
import { runImport } from './import-command.js';
import type { IO } from './main.js';
import { createProgram, importFlags, type CommandFlags } from './program.js';

/** What to read and how; or the exit status of a run that has done what it was asked. */
export type CommandLine = { flags: Flags; article?: string } | { exit: number };

/** Errors after parsing (output that cannot be written, a bad config) are thrown, for main to word. */
export async function readCommandLine(io: IO): Promise<CommandLine> {
  // Help and version are printed like any output, so a full disk or closed pipe is handled once.
  let said = '';
  // On a terminal the help fits it (up to 80 columns); in a pipe it keeps its one-line rows.
  const helpWidth = io.stdoutIsTTY ? Math.min(io.columns || MAX_READING_WIDTH, MAX_READING_WIDTH) : undefined;
  const program = createProgram(io.version, { writeOut: (text) => (said += text), writeErr: (text) => io.stderr.write(text) }, helpWidth);
  try {
    program.parse(io.argv, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.exitCode !== 0) {
      io.stderr.write(formatError(sanitizeLine(error.message.replace(/^error: /, ''))));
      return { exit: EXIT.usage };
    }
  }
  if (said !== '') {
    await writeOutput(said, io, 'never');
    return { exit: EXIT.ok };
  }
  const importing = importFlags(program);
  if (importing) {
    await runImport({ source: importing.page, stdout: importing.stdout, force: importing.force, timeoutMs: importing.timeoutMs }, io);
    return { exit: EXIT.ok };
  }
  const commands = program.opts<CommandFlags>();
  if (commands.completion) {
    const { completionScript } = await import('./completion.js');
    await writeOutput(completionScript(program, commands.completion), io, 'never');
    return { exit: EXIT.ok };
  }
  if (commands.configPath) {
    await writeOutput(`${whereConfigIs(io)}\n`, io, 'never');
    return { exit: EXIT.ok };
  }
  // The config's settings under the command line's (config.ts): read only for a run that reads.
  const silent = { writeOut: () => {}, writeErr: () => {} };
  const flags = commands.config ? withConfig<Flags>(program, io.env, () => createProgram(io.version, silent)) : program.opts<Flags>();
  return { flags, article: program.args[0] };
}

function whereConfigIs(io: IO): string {
  const path = configPath(io.env);
  if (path === undefined) throw new BroadsheetError('usage', 'no config path: set HOME, XDG_CONFIG_HOME or BROADSHEET_CONFIG_PATH');
  return sanitizeLine(path);
}
