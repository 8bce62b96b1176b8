/**
 * The pager on a real terminal, driven through tmux: long output waits in less until `q`, short
 * output does not wait, and every way of turning the pager off prints straight through.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, cleanEnv } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'broadsheet-pager-'));
const socket = `broadsheet-test-${process.pid}`;
let session = 0;

function tmux(...args: string[]): string {
  const run = spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8', env: cleanEnv({ TERM: 'xterm-256color' }) });
  return run.stdout;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A pager that leaves a mark when it runs (its arguments), then shows its input as cat would. */
const fakePager = join(dir, 'fake-pager');
const pagerLog = join(dir, 'pager.log');
writeFileSync(fakePager, `#!/bin/sh\necho "ran $@" >> '${pagerLog}'\nexec cat\n`);
chmodSync(fakePager, 0o755);
const pagerRuns = () => (existsSync(pagerLog) ? readFileSync(pagerLog, 'utf8').split('\n').filter(Boolean).length : 0);

async function until(check: () => boolean, ms = 10000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(100)) if (check()) return true;
  return check();
}

interface Terminal {
  name: string;
  status: string;
  stderr: string;
}

/** Run broadsheet in a fresh tmux window of the given size; its exit status lands in a file. */
function start(rows: number, env: string, args: string): Terminal {
  const name = `s${++session}`;
  const status = join(dir, `${name}.status`);
  const stderr = join(dir, `${name}.stderr`);
  const command = `env ${env} node '${BIN}' ${args} 2>'${stderr}'; echo $? > '${status}'; sleep 600`;
  tmux('new-session', '-d', '-s', name, '-x', '80', '-y', String(rows), command);
  return { name, status, stderr };
}

const screen = (t: Terminal) => tmux('capture-pane', '-p', '-t', t.name);
const exited = (t: Terminal) => existsSync(t.status) && readFileSync(t.status, 'utf8').trim() !== '';
const exitCode = (t: Terminal) => readFileSync(t.status, 'utf8').trim();

afterAll(() => {
  tmux('kill-server');
});

describe('pager', () => {
  /** Open the article in less, press `keys`, check it still waits, then quit with q. */
  async function pageThenQuit(keys: string[]): Promise<void> {
    const t = start(24, 'PAGER=less', '');
    expect(await until(() => /^:\s*$/m.test(screen(t)))).toBe(true);
    expect(screen(t)).toContain('Xi and Putin hail');
    for (const key of keys) {
      tmux('send-keys', '-t', t.name, key);
      // less answers every key by drawing its prompt again; it is still there, so is broadsheet.
      expect(await until(() => /^:\s*$/m.test(screen(t)))).toBe(true);
    }
    expect(exited(t)).toBe(false);
    tmux('send-keys', '-t', t.name, 'q');
    expect(await until(() => exited(t))).toBe(true);
    expect(exitCode(t)).toBe('0');
    expect(readFileSync(t.stderr, 'utf8')).toBe('');
  }

  it('keeps a long article in less until the reader presses q, then exits 0', async () => {
    await pageThenQuit([]);
  });

  it('is not killed by Ctrl-C in the pager: less keeps the text, q then exits 0', async () => {
    await pageThenQuit(['C-c']);
  });

  it('runs the pager for output taller than the screen, with its arguments', async () => {
    const before = pagerRuns();
    const t = start(24, `PAGER='${fakePager} -X'`, '');
    expect(await until(() => exited(t))).toBe(true);
    expect(exitCode(t)).toBe('0');
    expect(pagerRuns()).toBe(before + 1);
    expect(readFileSync(pagerLog, 'utf8').trimEnd().split('\n').pop()).toBe('ran -X');
    expect(screen(t)).toContain('Washington thinks');
  });

  it('prints output shorter than the screen directly, without a pager', async () => {
    const before = pagerRuns();
    const t = start(40, `PAGER='${fakePager}'`, '-s 2');
    expect(await until(() => exited(t))).toBe(true);
    expect(exitCode(t)).toBe('0');
    expect(screen(t)).toContain('vociferously');
    expect(pagerRuns()).toBe(before);
  });

  it.each([
    [`BROADSHEET_PAGER= PAGER='${fakePager}'`, ''],
    [`PAGER='${fakePager}'`, '--no-pager'],
    [`PAGER='${fakePager}'`, '--paging never'],
  ])('prints straight through, no pager, with %s %s', async (env, args) => {
    const before = pagerRuns();
    const t = start(24, env, args);
    expect(await until(() => exited(t))).toBe(true);
    expect(exitCode(t)).toBe('0');
    expect(screen(t)).toContain('Washington thinks');
    expect(pagerRuns()).toBe(before);
  });

  it('pages even short output with --pager', async () => {
    const before = pagerRuns();
    const t = start(40, `PAGER='${fakePager}'`, '-s 2 --pager');
    expect(await until(() => exited(t))).toBe(true);
    expect(pagerRuns()).toBe(before + 1);
  });

  it('falls back to stdout with one warning when the pager cannot start', async () => {
    const t = start(24, 'BROADSHEET_PAGER=no-such-pager', '');
    expect(await until(() => exited(t))).toBe(true);
    expect(exitCode(t)).toBe('0');
    expect(readFileSync(t.stderr, 'utf8')).toBe("broadsheet: cannot run pager 'no-such-pager' (ENOENT); printing directly\n");
    expect(screen(t)).toContain('Washington thinks');
  });
});
