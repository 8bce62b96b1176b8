/** Runs `main` against the real process: the one place that reads process.* for the CLI. */
import { fileURLToPath } from 'node:url';
import { createSupportsHyperlinks } from 'supports-hyperlinks';
import { main } from './cli.js';
import { formatError } from './errors.js';
import { presentGuarded, serveIfWorker } from './worker.js';

serveIfWorker();

declare const BROADSHEET_VERSION: string | undefined;

export async function run(): Promise<void> {
  const articlesDir = fileURLToPath(new URL('../articles/', import.meta.url));
  // The bundle has the version inlined at build time; reading package.json would cost a file read.
  const version = typeof BROADSHEET_VERSION === 'string' ? BROADSHEET_VERSION : '0.0.0';
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
      // Asked only for ansi output on a terminal with --hyperlinks auto.
      hyperlinkSupport: () => createSupportsHyperlinks(process.stdout),
      present: (text, request) => presentGuarded(text, request, new URL(import.meta.url)),
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
