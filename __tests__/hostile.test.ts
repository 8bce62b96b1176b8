/**
 * Untrusted documents: nothing from a document reaches the terminal as a control character, in
 * any field that is printed, through text and ansi (colour and hyperlinks on). The matrix runs
 * `main` in-process; a few cases run the real bin too, so the bundle is held to the same rules.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeHTMLStrict } from 'entities/decode';
import { CONTROL_OR_BIDI, runBin, runMain, stripOwnEscapes } from './helpers.js';

const PAYLOADS: Record<string, string> = {
  'CSI clear screen': '\u001B[2J\u001B[H',
  'OSC 0 window title': '\u001B]0;pwned\u0007',
  'OSC 52 clipboard write': '\u001B]52;c;ZXZpbA==\u0007',
  'OSC 8 hidden link': '\u001B]8;;https://evil.test\u001B\\click\u001B]8;;\u001B\\',
  'DCS string': '\u001BPq#0;2;0;0;0\u001B\\',
  'APC, PM and SOS strings': '\u001B_apc\u001B\\\u001B^pm\u001B\\\u001BXsos\u001B\\',
  // NUL is left out: a NUL byte marks a file as binary (refused, tested elsewhere); &#0; is below.
  'C0 controls': '\u0007\b\r\u000B\u000C\u001F',
  DEL: '\u007F',
  '8-bit CSI and OSC': '\u009B2J\u009D0;title\u009C',
  'bidi controls': '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C',
  'zero-width and mid-text BOM': '\u200B\u2060\uFEFF',
  'entities that decode to controls': '&#27;[2J &#x1b;]0;t&#7; &#x9b;31m &#0; &#x202e; &#127;',
};

/** The payload in every field broadsheet prints. */
function documentWith(p: string): string {
  const yaml = JSON.stringify(p);
  return [
    '---',
    `title: ${yaml}`,
    `standfirst: ${yaml}`,
    `caption: ${yaml}`,
    `credit: ${yaml}`,
    '---',
    '',
    `Text ${p} and **strong ${p}** and \`code ${p}\` and [link ${p}](https://x.test/${p} "title ${p}").`,
    '',
    `![alt ${p}](https://x.test/i.png)  [raw](${p})  <https://x.test/${p}>`,
    '',
    `## Heading ${p}`,
    '',
    `\`\`\`lang${p}`,
    `code block ${p}`,
    '```',
    '',
    `- item ${p}`,
    `  > quote ${p}`,
    '',
    `| head ${p} | b |`,
    '|---|---|',
    `| cell ${p} | c |`,
    '',
    `<div>html ${p}</div>`,
    '',
  ].join('\n');
}

const dir = mkdtempSync(join(tmpdir(), 'broadsheet-hostile-'));

describe.each(Object.entries(PAYLOADS))('%s', (name, payload) => {
  const file = join(dir, `${name.replace(/\W+/g, '-')}.md`);
  writeFileSync(file, documentWith(payload));

  it.each([
    ['text', ['--format', 'text', '-w', '60']],
    ['ansi', ['--format', 'ansi', '--color', 'always', '--hyperlinks', 'always', '-w', '60']],
    ['ansi footnotes', ['--color', 'always', '--hyperlinks', 'always', '--links', 'footnotes']],
    ['toc', ['--toc', '--color', 'always']],
    ['section', ['-s', '1', '--color', 'always']],
  ])('is neutralised in %s', async (_, args) => {
    const run = await runMain([file, ...args]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(stripOwnEscapes(run.stdout)).not.toMatch(CONTROL_OR_BIDI);
    expect(run.stdout).toContain('\uFFFD');
  });

  it('is escaped in JSON, which still holds the exact text', async () => {
    const run = await runMain([file, '--format', 'json']);
    expect(run.stdout).not.toMatch(CONTROL_OR_BIDI);
    // Front matter values have their character references decoded, as the text does.
    expect(JSON.parse(run.stdout).meta.title).toBe(decodeHTMLStrict(payload));
  });

  it('never reaches stderr through a file name or a selector', async () => {
    for (const args of [[join(dir, `missing ${payload}.md`)], [file, '-s', `nothing ${payload}`], [`--${payload}`]]) {
      const run = await runMain(args);
      expect(run.status).toBeGreaterThan(0);
      expect(run.stderr).toMatch(/^broadsheet: /);
      expect(run.stderr).not.toMatch(CONTROL_OR_BIDI);
    }
  });
});

it('keeps --format markdown byte-exact, controls included (an extraction, not a display)', async () => {
  const file = join(dir, 'exact.md');
  const text = `## One\n\nraw \u001B[2J here\n`;
  writeFileSync(file, text);
  expect((await runMain([file, '-s', '1', '-f', 'markdown'])).stdout).toBe(text);
});

describe('the built bin', () => {
  const file = join(dir, 'all-payloads.md');
  writeFileSync(file, documentWith(Object.values(PAYLOADS).join(' ')));

  it.each([
    ['ansi with hyperlinks', ['--color', 'always', '--hyperlinks', 'always', '-w', '60']],
    ['json', ['--format', 'json']],
    ['toc', ['--toc', '--color', 'always']],
  ])('neutralises every payload at once in %s', (_, args) => {
    const run = runBin([file, ...args]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(stripOwnEscapes(run.stdout)).not.toMatch(CONTROL_OR_BIDI);
  });
});
