/** Runs `main` against the real process: the one place that reads process.* for the CLI. */
import { fileURLToPath } from 'node:url';
import { isMainThread, workerData } from 'node:worker_threads';
import { main } from './cli.js';
import { formatError } from './errors.js';

declare const BROADSHEET_VERSION: string | undefined;

// Loaded as the entry of a worker thread (see worker.ts): render there, nothing else.
if (!isMainThread && (workerData as { broadsheetWorker?: boolean } | null)?.broadsheetWorker) {
  void import('./worker.js').then((worker) => worker.serveWorker());
}

export async function run(): Promise<void> {
  const articlesDir = fileURLToPath(new URL('../articles/', import.meta.url));
  // The bundle has the version inlined at build time; reading package.json would cost a file read.
  const version = typeof BROADSHEET_VERSION === 'string' ? BROADSHEET_VERSION : '0.0.0';
  const entry = new URL(import.meta.url);
  try {
    process.exitCode = await main({
      argv: process.argv.slice(2),
      env: process.env,
      stdout: process.stdout,
      stderr: process.stderr,
      stdoutIsTTY: process.stdout.isTTY === true,
      columns: process.stdout.columns,
      rows: process.stdout.rows,
      readStdin,
      articlesDir,
      version,
      hyperlinkSupport: async () => (await import('supports-hyperlinks')).createSupportsHyperlinks(process.stdout),
      present: async (text, request) => (await import('./worker.js')).presentGuarded(text, request, entry),
    });
  } catch (error) {
    process.stderr.write(formatError(`internal error: ${(error as Error)?.message ?? String(error)}`));
    process.exitCode = 2;
  }
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
