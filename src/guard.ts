/**
 * A time limit on the synchronous steps of a run (parsing, rendering), as marked advises for
 * untrusted input: some of its patterns are quadratic on some inputs (`_a` repeated 80,000 times
 * takes minutes), and no regular expression can be interrupted from JavaScript. node:vm's
 * `timeout` can: a watchdog thread terminates the running code, regular expressions included,
 * on the main thread, with no worker to start.
 *
 * The limit is processing time, not wall-clock time: on a busy machine a step that ran out of
 * wall-clock time while getting little of a core runs again, with a deadline stretched by the
 * share of a core it got, before anything is refused.
 */
import { Script } from 'node:vm';
import { BroadsheetError } from './errors.js';
import type { Guard } from './pipeline.js';

const SLOT = Symbol.for('broadsheet.guarded-step');
const RUN_STEP = new Script('globalThis[Symbol.for("broadsheet.guarded-step")]()', { filename: 'broadsheet-guard' });

/** A base plus an allowance per MB: legitimate text renders at well under 0.2 s per MB. */
export function timeLimitMs(length: number): number {
  return BASE_MS + Math.ceil((length / 2 ** 20) * PER_MB_MS);
}
const BASE_MS = 5000;
const PER_MB_MS = 500;

/** A step that used at least this share of its budget in processing time ran out of it. */
const SPENT = 0.9;
/** On a busy machine, a step may take at most this many times its budget in wall-clock time. */
const MAX_STRETCH = 20;

export interface Clock {
  /** Wall-clock milliseconds. */
  now: () => number;
  /** Processing time of this process, milliseconds. */
  cpu: () => number;
}

const processClock: Clock = {
  // Not performance.now(): its first call loads perf_hooks, ~1.6 ms of every start-up.
  now: () => Number(process.hrtime.bigint()) / 1e6,
  cpu: () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  },
};

/**
 * One budget shared by every step it guards. A step that times out having used most of its
 * budget is refused; one that got too little of a core to use it (a busy machine) runs again,
 * with a deadline stretched by the share of a core it got, until it finishes, uses its budget,
 * or has waited MAX_STRETCH times the budget.
 */
export function createGuard(limitMs: number, clock: Clock = processClock, run: (step: () => unknown, timeoutMs: number) => unknown = runWithTimeout): Guard {
  let spent = 0;
  return <T>(step: () => T): T => {
    const budget = Math.max(1, limitMs - spent);
    const started = clock.now();
    let deadline = budget;
    for (;;) {
      const [wall0, cpu0] = [clock.now(), clock.cpu()];
      try {
        const result = run(step, deadline) as T;
        spent += clock.cpu() - cpu0;
        return result;
      } catch (error) {
        if ((error as NodeJS.ErrnoException)?.code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw error;
        const cpu = clock.cpu() - cpu0;
        if (cpu >= budget * SPENT) throw tooSlow(limitMs);
        const waited = clock.now() - started;
        if (waited >= budget * MAX_STRETCH) throw tooBusy(cpu, waited);
        const share = Math.max(cpu / Math.max(1, clock.now() - wall0), 1 / MAX_STRETCH);
        // Enough wall-clock time for the whole budget at the share of a core this attempt got.
        deadline = Math.min(Math.ceil((budget / share) * 1.25), budget * MAX_STRETCH - waited);
      }
    }
  };
}

/** The global object the script runs against (not always ours: a test runner may sandbox us). */
let scriptGlobal: Record<symbol, unknown> | undefined;

/** Runs `step`, terminated by a watchdog thread after `timeoutMs` (exported for tests). */
export function runWithTimeout(step: () => unknown, timeoutMs: number): unknown {
  const global = (scriptGlobal ??= new Script('globalThis').runInThisContext() as Record<symbol, unknown>);
  global[SLOT] = step;
  try {
    return RUN_STEP.runInThisContext({ timeout: Math.max(1, Math.round(timeoutMs)) });
  } finally {
    delete global[SLOT];
  }
}

function tooSlow(limitMs: number): BroadsheetError {
  return new BroadsheetError('too-slow', `gave up after ${(limitMs / 1000).toFixed(1)} s of processing (limit: ${BASE_MS / 1000} s + ${PER_MB_MS / 1000} s per MB): the Markdown parser is too slow on this document`);
}

function tooBusy(cpuMs: number, wallMs: number): BroadsheetError {
  return new BroadsheetError('too-slow', `gave up: the machine is too busy (${(cpuMs / 1000).toFixed(1)} s of processing in ${(wallMs / 1000).toFixed(1)} s); try again`);
}
