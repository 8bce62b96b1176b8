/**
 * Large documents are parsed in a worker thread with a time limit, as marked advises for
 * untrusted input: its inline link pattern is quadratic on some inputs (160,000 `![[]()` take
 * 20 s), and no regular expression can be interrupted in-process. Small documents, where no such
 * blow-up can last long, are rendered in-process and pay nothing for this (process.ts decides,
 * by IN_PROCESS_LIMIT).
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { present, type Request } from './core.js';
import { prepare } from './prepare.js';
import { BroadsheetError, type ErrorCode } from './errors.js';

/** Time allowed: a base plus an allowance per MB (legitimate text renders at well under 0.5 s/MB). */
export function timeLimitMs(length: number): number {
  return 5000 + Math.ceil((length / 2 ** 20) * 500);
}

interface Reply {
  output?: string;
  error?: { code?: ErrorCode; message: string; range?: boolean };
}

/** Render in a worker started from `entry` (the bundle), giving up after the time limit. */
export function presentInWorker(text: string, request: Request, entry: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, {
      env: { ...process.env, BROADSHEET_WORKER: '1' },
      workerData: { text, request },
    });
    const limit = timeLimitMs(text.length);
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new BroadsheetError('too-slow', `gave up after ${(limit / 1000).toFixed(1)} s (limit: 5 s + 0.5 s per MB): the document is pathological for the Markdown parser`));
    }, limit);
    worker.once('message', (reply: Reply) => {
      clearTimeout(timer);
      void worker.terminate();
      if (reply.output !== undefined) resolve(reply.output);
      else if (reply.error?.code) reject(new BroadsheetError(reply.error.code, reply.error.message));
      else reject(reply.error?.range ? new RangeError(reply.error.message) : new Error(reply.error?.message));
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** The worker side: the bundle calls this when it starts as a worker (BROADSHEET_WORKER=1). */
export async function serveWorker(): Promise<void> {
  if (isMainThread || !parentPort) return;
  const { text, request } = workerData as { text: string; request: Request };
  let reply: Reply;
  try {
    await prepare(text, request);
    reply = { output: present(text, request) };
  } catch (error) {
    const e = error as Error;
    reply = { error: { code: error instanceof BroadsheetError ? error.code : undefined, message: e.message, range: e instanceof RangeError } };
  }
  parentPort.postMessage(reply);
}
