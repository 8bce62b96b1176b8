import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** scripts/test-programs.mjs run with a PATH of only `programs` (and sh, which it asks). */
function withPrograms(programs: string[], args: string[] = []) {
  const bin = mkdtempSync(join(tmpdir(), 'broadsheet-path-'));
  dirs.push(bin);
  for (const program of ['sh', ...programs]) {
    const found = spawnSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' }).stdout.trim();
    expect(found).not.toBe('');
    symlinkSync(found, join(bin, program));
  }
  return spawnSync(process.execPath, [join(ROOT, 'scripts', 'test-programs.mjs'), ...args], { env: { PATH: bin }, encoding: 'utf8' });
}

describe('scripts/test-programs.mjs (npm test checks the programs its tests run)', () => {
  it('stops npm test with one line naming the missing programs and their packages', () => {
    const run = withPrograms(['script', 'tmux', 'less', 'man', 'bash']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('npm test: the tests also run zsh, fish, not found on PATH (on Debian or Ubuntu: sudo apt-get install zsh fish)\n');
    expect(withPrograms(['script', 'tmux', 'less', 'man', 'bash'], ['--packages']).stdout).toBe('zsh fish\n');
  });

  it('says nothing when every program is there (as on this machine, where the tests run them)', () => {
    const run = withPrograms(['script', 'tmux', 'less', 'man', 'bash', 'zsh', 'fish']);
    expect([run.status, run.stdout, run.stderr]).toEqual([0, '', '']);
    expect(withPrograms(['script', 'tmux', 'less', 'man', 'bash', 'zsh', 'fish'], ['--packages']).stdout).toBe('\n');
  });
});
