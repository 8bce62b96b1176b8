/**
 * The time limit counts processing time: a step refused for slowness used its budget; on a busy
 * machine a step gets more wall-clock time instead of a false refusal.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { BroadsheetError } from '../src/errors.js';
import { createGuard, timeLimitMs, type Clock } from '../src/guard.js';

/** A simulated machine: steps need some processing time and get a share of a core. */
function machine(share: number) {
  let wall = 0;
  let cpu = 0;
  const clock: Clock = { now: () => wall, cpu: () => cpu };
  const deadlines: number[] = [];
  const run = (step: () => unknown, timeoutMs: number) => {
    const need = (step as unknown as { need: number }).need;
    deadlines.push(timeoutMs);
    const wallNeeded = need / share;
    if (wallNeeded <= timeoutMs) {
      wall += wallNeeded;
      cpu += need;
      return step();
    }
    wall += timeoutMs;
    cpu += timeoutMs * share;
    throw Object.assign(new Error('Script execution timed out.'), { code: 'ERR_SCRIPT_EXECUTION_TIMEOUT' });
  };
  const step = (need: number, value = 'done') => Object.assign(() => value, { need });
  return { clock, run, step, deadlines };
}

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof BroadsheetError) return error.message;
    throw error;
  }
  return 'no refusal';
}

describe('createGuard', () => {
  it('returns what a step returns, within the limit', () => {
    const m = machine(1);
    expect(createGuard(1000, m.clock, m.run)(m.step(400))).toBe('done');
  });

  it('refuses a step that uses its whole budget, naming the limit', () => {
    const m = machine(1);
    expect(refusal(() => createGuard(1000, m.clock, m.run)(m.step(5000)))).toMatch(/^gave up after 1\.0 s of processing \(limit: 5 s \+ 0\.5 s per MB\)/);
  });

  it('shares one budget between the steps it guards', () => {
    const m = machine(1);
    const guard = createGuard(1000, m.clock, m.run);
    expect(guard(m.step(700))).toBe('done');
    expect(refusal(() => guard(m.step(400)))).toMatch(/^gave up/);
  });

  it('gives a step on a busy machine the wall-clock time its share of a core needs', () => {
    const m = machine(0.2);
    expect(createGuard(1000, m.clock, m.run)(m.step(800))).toBe('done');
    expect(m.deadlines[0]).toBe(1000);
    expect(m.deadlines[1]).toBeGreaterThanOrEqual(5000);
  });

  it('still refuses a slow step on a busy machine, once it has used its budget', () => {
    const m = machine(0.25);
    expect(refusal(() => createGuard(1000, m.clock, m.run)(m.step(60000)))).toMatch(/^gave up after 1\.0 s of processing/);
  });

  it('gives up, saying why, on a machine too busy to run anything', () => {
    const m = machine(0.001);
    expect(refusal(() => createGuard(1000, m.clock, m.run)(m.step(800)))).toMatch(/^gave up: the machine is too busy/);
  });

  it('allows 5 s plus 0.5 s per MB', () => {
    expect(timeLimitMs(0)).toBe(5000);
    expect(timeLimitMs(10 * 2 ** 20)).toBe(10000);
  });
});

describe('the guard on this machine', () => {
  /** CPU-bound work: n rounds of string hashing. */
  const work = (ms: number) => () => {
    const end = process.cpuUsage().user / 1000 + ms;
    let x = 0;
    while (process.cpuUsage().user / 1000 < end) x = (x * 31 + 7) % 1000003;
    return x;
  };

  it('interrupts a step that runs past its budget, regular expressions included', () => {
    const started = Date.now();
    const slow = () => /^(a+)+$/.test(`${'a'.repeat(40)}b`);
    expect(refusal(() => createGuard(300)(slow))).toMatch(/^gave up after 0\.3 s/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('does not refuse a step that fits its budget while other processes load every core', async () => {
    const busy: ChildProcess[] = Array.from({ length: 2 * availableParallelism() }, () => fork('-e', ['for(;;);'], { execArgv: [], stdio: 'ignore' }));
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(typeof createGuard(600)(work(400))).toBe('number');
    } finally {
      for (const child of busy) child.kill('SIGKILL');
    }
  });
});
