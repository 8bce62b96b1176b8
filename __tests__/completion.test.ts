/**
 * Shell completion, generated from the commander program: bash's script sourced in bash and its
 * function driven as bash would (COMP_WORDS, COMP_CWORD -> COMPREPLY), fish's asked with
 * `complete -C`, zsh's checked for syntax and for every flag. The scripts call the built bin
 * (as `broadsheet` on PATH) for stored articles and for the sections of the document on the line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProgram } from '../src/cli/program.js';
import { BIN, FIXTURES, cleanEnv, runMain } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'broadsheet-completion-'));
// `broadsheet` on PATH, as an installed command is.
mkdirSync(join(dir, 'bin'));
symlinkSync(BIN, join(dir, 'bin', 'broadsheet'));
// A store with an article whose name a shell would run, were it ever evaluated.
const store = join(dir, 'store');
mkdirSync(store);
writeFileSync(join(store, '$(touch pwned).md'), '# Trap\n');
writeFileSync(join(store, 'notes.md'), '# Notes\n');
// A working directory with one Markdown file and a folder.
const work = join(dir, 'work');
mkdirSync(join(work, 'folder'), { recursive: true });
writeFileSync(join(work, 'news.md'), '# News\n');
const env = cleanEnv({ PATH: `${join(dir, 'bin')}:${process.env.PATH}`, BROADSHEET_ARTICLES: store });

const program = createProgram('0.0.0', { writeOut: () => {}, writeErr: () => {} });
const longs = program.createHelp().visibleOptions(program).map((option) => option.long!);

async function script(shell: string): Promise<string> {
  const run = await runMain(['--completion', shell]);
  expect(run).toMatchObject({ stderr: '', status: 0 });
  const path = join(dir, `completion.${shell}`);
  writeFileSync(path, run.stdout);
  return path;
}

describe('bash', () => {
  let path: string;
  beforeAll(async () => {
    path = await script('bash');
  });

  /** COMPREPLY for a command line whose last word is being completed. */
  function complete(words: string[], cwd = work): string[] {
    const driver = 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _broadsheet; printf "%s\\n" "${COMPREPLY[@]}"';
    const run = spawnSync('bash', ['--norc', '-c', driver, 'bash', path, ...words], { cwd, env, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    return run.stdout.split('\n').filter((line) => line !== '');
  }

  it('completes every flag of --help', () => {
    const all = complete(['broadsheet', '-']);
    for (const long of longs) expect(all).toContain(long);
    expect(complete(['broadsheet', '--form'])).toEqual(['--format']);
  });

  it('completes the values of every flag with choices, after a space or an =', () => {
    const withChoices = program.options.filter((option) => option.argChoices);
    expect(withChoices.map((option) => option.long)).toEqual(expect.arrayContaining(['--format', '--color', '--paging', '--hyperlinks', '--links']));
    for (const option of withChoices) {
      expect(complete(['broadsheet', option.long!, ''])).toEqual(option.argChoices);
      // bash splits `--flag=value` at the = (COMP_WORDBREAKS).
      expect(complete(['broadsheet', option.long!, '=', ''])).toEqual(option.argChoices);
    }
    expect(complete(['broadsheet', '--format', 'j'])).toEqual(['json']);
    expect(complete(['broadsheet', '-f', 'm'])).toEqual(['markdown']);
  });

  it('completes --section with the numbers and slugs of the document on the line', async () => {
    const toc = JSON.parse((await runMain([join(FIXTURES, 'keep-a-changelog.md'), '--toc', '-f', 'json'])).stdout) as { number: string; slug: string | null }[];
    const expected = [...toc.map((entry) => entry.number), ...toc.flatMap((entry) => (entry.slug ? [entry.slug] : []))];
    expect(complete(['broadsheet', '-w', '60', 'keep-a-changelog.md', '--section', ''], FIXTURES)).toEqual(expected);
    expect(complete(['broadsheet', 'keep-a-changelog.md', '-s', '1.'], FIXTURES)).toEqual(['1.1']);
    // Several, comma-separated: the last is completed.
    expect(complete(['broadsheet', 'keep-a-changelog.md', '-s', '2,unrel'], FIXTURES)).toEqual(['2,unreleased']);
    // No document on the line: the stored article's sections.
    expect(complete(['broadsheet', '-s', 'ja'])).toEqual(['japan-pm-in-kyiv']);
  });

  it('completes the document with stored articles and files, never evaluating a name', () => {
    const offered = complete(['broadsheet', '']);
    expect(offered).toEqual(expect.arrayContaining(['$(touch pwned)', 'notes', 'xi-putin-new-era', 'news.md', 'folder']));
    expect(existsSync(join(work, 'pwned'))).toBe(false);
    expect(complete(['broadsheet', 'ne'])).toEqual(['news.md']);
    // One document per command line.
    expect(complete(['broadsheet', 'news.md', ''])).toEqual([]);
  });

  it('completes the import subcommand, its flags and files for the page', () => {
    expect(complete(['broadsheet', 'im'])).toEqual(['import']);
    expect(complete(['broadsheet', 'import', '--'])).toEqual(['--stdout', '--force', '--timeout', '--help']);
    expect(complete(['broadsheet', 'import', '--timeout', ''])).toEqual([]);
    const page = complete(['broadsheet', 'import', '']);
    expect(page).toEqual(expect.arrayContaining(['news.md', 'folder']));
    expect(page).not.toContain('notes');
  });
});

describe('fish', () => {
  let path: string;
  beforeAll(async () => {
    path = await script('fish');
  });

  function complete(line: string, cwd = work): string[] {
    const run = spawnSync('fish', ['--no-config', '-c', 'source $argv[1]; complete -C $argv[2]', path, line], { cwd, env, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    return run.stdout.split('\n').filter((row) => row !== '');
  }

  it('is valid fish and mentions every flag', () => {
    expect(spawnSync('fish', ['--no-execute', path]).status).toBe(0);
    const all = complete('broadsheet --').map((row) => row.split('\t')[0]);
    for (const long of longs) expect(all).toContain(long);
  });

  it('completes choices, and sections with their titles', () => {
    expect(complete('broadsheet --color ').map((row) => row.split('\t')[0])).toEqual(['always', 'auto', 'never']);
    const sections = complete('broadsheet keep-a-changelog.md -s ', FIXTURES);
    expect(sections).toEqual(expect.arrayContaining(['1\tUnreleased', '1.1\tAdded', 'unreleased\tUnreleased', '0\t(the lead)']));
  });

  it('completes the document with stored articles and files', () => {
    expect(complete('broadsheet ')).toEqual(expect.arrayContaining(['$(touch pwned)\tstored article', 'news.md', 'folder/']));
    expect(existsSync(join(work, 'pwned'))).toBe(false);
  });

  it('completes the import subcommand, its flags and files for the page', () => {
    expect(complete('broadsheet im').map((row) => row.split('\t')[0])).toEqual(['import']);
    const flags = complete('broadsheet import --').map((row) => row.split('\t')[0]);
    expect(flags).toEqual(expect.arrayContaining(['--stdout', '--force', '--timeout']));
    expect(flags).not.toContain('--toc');
    expect(complete('broadsheet import ')).toEqual(expect.arrayContaining(['news.md', 'folder/']));
  });
});

describe('zsh', () => {
  it('is valid zsh, declares every flag, and takes --section values from the document', async () => {
    const path = await script('zsh');
    expect(spawnSync('zsh', ['-n', path]).status).toBe(0);
    const text = (await runMain(['--completion', 'zsh'])).stdout;
    for (const long of longs) expect(text).toMatch(new RegExp(`[\\s{,'(]${long}[=,}[']`));
    expect(text).toContain("'*'{-s+,--section=}'[only these sections\\: numbers, titles, slugs, \"Parent > Child\", versions, @latest or @unreleased]:section:_broadsheet_sections'");
    expect(text).toContain("'(-f --format)'{-f+,--format=}'[output format]:format:(ansi text markdown json)'");
    // The import subcommand: offered beside the articles, then its own flags and files.
    expect(text).toContain("'import:store a web page as an article you read by name'");
    expect(text).toContain("--timeout='[for a URL, the whole transfer]:timeout: '");
    expect(text).toContain("'1:page:_files'");
  });
});
