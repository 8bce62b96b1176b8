/**
 * The command lines read without commander (quick-args.ts) are read as commander reads them: the
 * same flags, defaults included, and the same article; every other one is left to commander.
 */
import fc from 'fast-check';
import { CommanderError } from 'commander';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProgram } from '../src/cli/program.js';
import { quickArgs } from '../src/cli/quick-args.js';
import { runMain } from './helpers.js';

/** What commander makes of the words: its opts() and first argument, or undefined for an error, help or a subcommand. */
function commanderArgs(argv: string[]) {
  const program = createProgram('0.0.0', { writeOut: () => {}, writeErr: () => {} });
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return undefined;
    throw error;
  }
  if (program.commands.some((command) => command.args.length > 0)) return undefined;
  return { flags: program.opts(), article: program.args[0], count: program.args.length };
}

describe('quickArgs', () => {
  it('reads the common command lines', () => {
    for (const argv of [[], ['notes.md'], ['-'], ['--toc'], ['-t', 'CHANGELOG.md'], ['--format', 'text'], ['-f', 'json', '--toc'], ['x.md', '-s', '1.2.0', '--section=2', '-f', 'markdown'], ['--width=0'], ['-w', '72', '--color', 'always'], ['--no-color'], ['--links', 'footnotes', '--hyperlinks=always']]) {
      const commander = commanderArgs(argv);
      expect(commander).toBeDefined();
      expect(quickArgs(argv)).toEqual({ flags: commander!.flags, article: commander!.article });
    }
  });

  it('leaves to commander what it does not read as commander does', () => {
    for (const argv of [['--help'], ['-h'], ['-V'], ['import', 'page.html'], ['--width', 'abc'], ['--format', 'pdf'], ['-tf', 'text'], ['-w80'], ['--toc', '--toc'], ['a.md', 'b.md'], [''], ['--'], ['--links', 'sideways'], ['--no-config'], ['--color', 'always', '--no-color'], ['--section', '-1'], ['--toc=yes']]) {
      expect(quickArgs(argv)).toBeUndefined();
    }
  });

  it('gives exactly what commander gives, for any words it reads', () => {
    const word = fc.constantFrom(
      ...['-f', '--format', '--format=text', '--format=pdf', 'json', 'ansi', 'text', 'markdown', 'pdf', '-t', '--toc', '--toc=1', '-s', '--section', '--section=a', '--section=', 'a', 'b,c', '1-2'],
      ...['-w', '--width', '--width=70', '--width=', '70', '0', '5', ' 72 ', 'abc', '--color', '--color=always', 'always', 'never', 'auto', '--no-color', '--no-color=1'],
      ...['-', 'x.md', 'import', '', '--', '-h', '--help', '-x', '-tf', '-w80', '--stats', '--links', '--links=hidden', 'footnotes', 'sideways', '--hyperlinks', '--hyperlinks=never', '--no-config', '-V'],
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 7 }), (argv) => {
        const quick = quickArgs(argv);
        if (quick === undefined) return;
        const commander = commanderArgs(argv);
        expect(commander).toBeDefined();
        expect(commander!.count).toBeLessThanOrEqual(1);
        expect(quick).toEqual({ flags: commander!.flags, article: commander!.article });
      }),
      { numRuns: Number(process.env.BROADSHEET_PROPERTY_RUNS ?? 3000) },
    );
  });
});

describe('a command line read without commander', () => {
  it('still has the config file under it', async () => {
    const home = mkdtempSync(join(tmpdir(), 'broadsheet-quick-'));
    mkdirSync(join(home, 'broadsheet'));
    writeFileSync(join(home, 'broadsheet', 'config'), '--width 30\n--links footnotes\n');
    const input = '# Title\n\nOne two three four five six seven eight nine ten eleven twelve [thirteen](https://example.com/13) fourteen.\n';
    const withConfig = await runMain(['-', '-f', 'text'], { env: { XDG_CONFIG_HOME: home }, input });
    const without = await runMain(['-', '-f', 'text', '--no-config'], { env: { XDG_CONFIG_HOME: home }, input });
    expect(withConfig.status).toBe(0);
    expect(withConfig.stdout).toBe(await runMain(['-', '-f', 'text', '-w', '30', '--links', 'footnotes'], { input }).then((run) => run.stdout));
    expect(withConfig.stdout).not.toBe(without.stdout);
    expect(withConfig.stdout).toContain('[1] https://example.com/13');
  });
});
