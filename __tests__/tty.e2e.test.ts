/**
 * A real pseudo-terminal (util-linux `script`): colour and width are detected on a terminal, and
 * the same command in a pipe prints plain text.
 */
import { spawnSync } from 'node:child_process';
import { BIN, FIXTURES, cleanEnv, runBin } from './helpers.js';
import { widestLine } from './measure.js';

function onTerminal(columns: number, args: string, env: Record<string, string> = {}, rows = 500): string {
  const command = `stty cols ${columns} rows ${rows}; node "${BIN}" ${args}`;
  const run = spawnSync('script', ['-qfec', command, '/dev/null'], {
    env: cleanEnv({ TERM: 'xterm-256color', ...env }),
    encoding: 'utf8',
    timeout: 30000,
  });
  if (run.error) throw run.error;
  expect(run.status).toBe(0);
  return run.stdout.replace(/\r\n/g, '\n');
}

describe('on a terminal', () => {
  it('styles the article and wraps it to a 60-column terminal', () => {
    const out = onTerminal(60, '--no-pager');
    expect(out).toContain('\u001B[1m');
    expect(widestLine(out)).toBe(60);
  });

  it('caps the measure at 80 columns on a 120-column terminal', () => {
    const out = onTerminal(120, '--no-pager');
    expect(widestLine(out)).toBeLessThanOrEqual(80);
    expect(widestLine(out)).toBeGreaterThan(70);
  });

  it('stays plain when NO_COLOR is set, with the same layout', () => {
    const plain = onTerminal(60, '--no-pager', { NO_COLOR: '1' });
    expect(plain).not.toContain('\u001B');
    expect(plain).toBe(runBin(['-w', '60']).stdout);
  });

  it('prints plain, unwrapped text when its stdout is a pipe, even inside a terminal', () => {
    const out = onTerminal(60, '--no-pager | cat');
    expect(out).not.toContain('\u001B');
    expect(widestLine(out)).toBeGreaterThan(60);
  });

  it.each([50, 60, 100])('fits --help to a %i-column terminal (at most 80)', (columns) => {
    const out = onTerminal(columns, '--help');
    expect(widestLine(out)).toBeLessThanOrEqual(Math.min(columns, 80));
    expect(out).toContain('--links <style>');
    expect(out).toContain('Exit status:');
  });

  it('makes OSC 8 hyperlinks where the terminal supports them, and not elsewhere', () => {
    const sink = `'${FIXTURES}/kitchen-sink.md' --no-pager`;
    expect(onTerminal(80, sink, { FORCE_HYPERLINK: '1' })).toContain('\u001B]8;;https://example.org/\u001B\\');
    expect(onTerminal(80, sink)).not.toContain('\u001B]8;;');
    expect(onTerminal(80, `${sink} --hyperlinks never`, { FORCE_HYPERLINK: '1' })).not.toContain('\u001B]8;;');
    expect(onTerminal(80, `${sink} --hyperlinks always`)).toContain('\u001B]8;;');
  });

  it('asks the terminal for its background (OSC 11, then DA1), and sets dark when it does not answer', () => {
    const out = onTerminal(60, '--no-pager -s 2');
    expect(out.startsWith('\u001B]11;?\u001B\\\u001B[c')).toBe(true);
    expect(out).toContain('\u001B[38;5;81m');
  });

  it('follows COLORFGBG without asking, and BROADSHEET_THEME over it', () => {
    const light = onTerminal(60, '--no-pager -s 2', { COLORFGBG: '0;15' });
    expect(light).not.toContain('\u001B]11;?');
    expect(light).toContain('\u001B[38;5;25m');
    expect(onTerminal(60, '--no-pager -s 2', { COLORFGBG: '0;15', BROADSHEET_THEME: 'dark' })).toContain('\u001B[38;5;81m');
  });

  it('sets two columns on a 160-column terminal with --columns auto, every page a screen high', () => {
    const out = onTerminal(160, '--no-pager --columns auto', { COLORFGBG: '15;0' }, 30);
    const lines = out.replace(/\n$/, '').split('\n');
    // Pages of 29 lines (the screen less a pager's prompt), the last padded to a whole page.
    expect(lines.length % 29).toBe(0);
    expect(lines.length).toBeGreaterThan(29);
    expect(widestLine(out)).toBeGreaterThan(120);
    expect(widestLine(out)).toBeLessThanOrEqual(160);
    expect(widestLine(onTerminal(100, '--no-pager --columns auto', { COLORFGBG: '15;0' }, 30))).toBeLessThanOrEqual(80);
  });
});
