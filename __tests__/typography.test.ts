/**
 * Set like a newspaper: typographic punctuation (each rule, never in code or Markdown), the
 * heading hierarchy, themes and their detection, and the article set at 40, 60 and 80 columns in
 * both palettes and in two columns at 160, compared whole with golden files.
 */
import { render } from '../src/index.js';
import { backgroundFromColorFgBg, backgroundFromOsc11, resolveOptions, withDefaults, type Flags, type Surroundings } from '../src/options.js';
import { isWordChar, smarten } from '../src/render/smart.js';
import { DARK, LIGHT } from '../src/theme/palette.js';
import { expectGolden, runMain, stripOwnEscapes } from './helpers.js';

describe('typographic punctuation', () => {
  it('takes a letter or digit before an apostrophe as the Unicode classes do, ASCII answered without them', () => {
    const wrong: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      if (isWordChar(c) !== /[\p{L}\p{N}]/u.test(c)) wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
    expect(isWordChar('😀')).toBe(false);
    expect(isWordChar('𝐀')).toBe(true);
    expect(isWordChar('')).toBe(false);
  });

  it.each([
    ["'new era'", '‘new era’'],
    ['"x"', '“x”'],
    ["it's Russia's", 'it’s Russia’s'],
    ["the '90s", 'the ’90s'],
    ['("quoted")', '(“quoted”)'],
    ['"a \'b\' c"', '“a ‘b’ c”'],
    ['pages 10--12', 'pages 10–12'],
    ['so -- in short', 'so – in short'],
    ['a pause---then', 'a pause—then'],
    ['wait...', 'wait…'],
    ['use --toc or --no-smart', 'use --toc or --no-smart'],
    // Flags in quotes and brackets, as changelogs write them (bat's: `'-h' and '--help'`).
    ["paging to '-h' and '--help'", 'paging to ‘-h’ and ‘--help’'],
    ['(--color) or "--style=grid"', '(--color) or “--style=grid”'],
    ['a--b and "x" -- y', 'a–b and “x” – y'],
  ])('sets %s as %s', (input, output) => {
    expect(smarten(input)).toBe(output);
  });

  it('opens or closes a quote by the character printed before it', () => {
    expect(smarten('"', 'a')).toBe('”');
    expect(smarten('"', ' ')).toBe('“');
  });

  it('reaches ansi, text and JSON text, across inline markup', async () => {
    expect(await render('"*new* era" -- it\'s...\n')).toBe('“new era” – it’s…\n');
    expect(await render('"**bold**"\n', { format: 'ansi' })).toBe('“\u001B[1mbold\u001B[22m”\n');
    const json = JSON.parse(await render('## A\n\n"x" -- y\n', { format: 'json' })) as { sections: { text: string }[] };
    expect(json.sections[0]!.text).toBe('“x” – y');
  });

  it('leaves code spans, code blocks and Markdown output as written', async () => {
    expect(await render("Run `--flag 'x' ...` now.\n")).toBe("Run --flag 'x' ... now.\n");
    expect(await render('```\nsay "hi" -- ok...\n```\n')).toBe('    say "hi" -- ok...\n');
    const source = "# 'new era'\n\n\"x\" -- y...\n";
    expect(await render(source, { format: 'markdown' })).toBe(source);
  });

  it('is off with smart: false (--no-smart)', async () => {
    expect(await render('"x" -- y...\n', { smart: false })).toBe('"x" -- y...\n');
    expect((await runMain(['-', '--no-smart'], { input: "'a' -- b\n" })).stdout).toBe("'a' -- b\n");
  });

  it('sets the headline from front matter too', async () => {
    expect(await render("---\ntitle: Xi and Putin hail 'new era'\n---\n")).toBe('Xi and Putin hail ‘new era’\n━━━━━━━━━━━━━━━━━━━━━━━━━━━\n');
  });
});

describe('the heading hierarchy', () => {
  const doc = '# One\n\ntext\n\n## Two\n\ntext\n\n### Three\n\ntext\n\n#### Four\n\ntext\n';

  it('marks the first levels with rules in text, heavier the higher', async () => {
    const lines = (await render(`---\ntitle: Head\n---\n\n${doc}`)).split('\n');
    const ruleUnder = (title: string) => lines[lines.indexOf(title) + 1];
    expect([ruleUnder('Head'), ruleUnder('One'), ruleUnder('Two'), ruleUnder('Three'), ruleUnder('Four')]).toEqual(['━━━━', '═══', '───', '┄┄┄┄┄', '']);
  });

  it('styles each level differently in ansi: the headline the strongest', async () => {
    const out = await render(`---\ntitle: Head\n---\n\n${doc}`, { format: 'ansi', colorLevel: 2 });
    const lines = out.split('\n');
    // A level's look: its line's codes around the words, and the rule under it, if any.
    const styleOf = (title: string) => {
      const at = lines.findIndex((line) => stripOwnEscapes(line) === title);
      return [lines[at]!.replace(title, '…'), lines[at + 1]!.replace(/[━─]+/, '—')].join('\n');
    };
    const styles = ['Head', 'One', 'Two', 'Three', 'Four'].map(styleOf);
    expect(new Set(styles).size).toBe(5);
    expect(styles[0]!.split('\n')[0]).toBe('\u001B[1m…\u001B[22m');
    // The headline has a heavy rule; `#` a light one; `##` and below none.
    expect(stripOwnEscapes(out)).toMatch(/^Head\n━━━━\n/);
    expect(stripOwnEscapes(out)).toMatch(/\nOne\n───\n/);
  });

  it('puts more space above a heading than below it', async () => {
    expect(await render('text\n\n## Two\n\nmore\n')).toBe('text\n\n\nTwo\n───\n\nmore\n');
    // A selected section starts with its heading, no space above.
    expect(await render('text\n\n## Two\n\nmore\n', { sections: ['Two'] })).toBe('Two\n───\n\nmore\n');
  });
});

describe('themes', () => {
  const tty: Surroundings = { stdoutIsTTY: true, columns: 100, rows: 30, env: { TERM: 'xterm-256color' } };
  const resolve = (flags: Partial<Flags>, facts: Surroundings, background?: 'dark' | 'light') => {
    let asked = false;
    const options = resolveOptions(withDefaults(flags), facts, {
      background: async () => {
        asked = true;
        return background;
      },
    });
    return options.then((o) => ({ theme: o.theme, asked }));
  };

  it('reads COLORFGBG: backgrounds 7 and 9 to 15 are light', () => {
    expect(backgroundFromColorFgBg('15;0')).toBe('dark');
    expect(backgroundFromColorFgBg('0;15')).toBe('light');
    expect(backgroundFromColorFgBg('0;default;7')).toBe('light');
    expect(backgroundFromColorFgBg('12;8')).toBe('dark');
    expect(backgroundFromColorFgBg('')).toBeUndefined();
    expect(backgroundFromColorFgBg('default;default')).toBeUndefined();
  });

  it('reads a terminal\'s OSC 11 answer, in any number of hex digits', () => {
    expect(backgroundFromOsc11('\u001B]11;rgb:ffff/ffff/ffff\u001B\\\u001B[?1;2c')).toBe('light');
    expect(backgroundFromOsc11('\u001B]11;rgb:1e1e/1e1e/1e1e\u0007')).toBe('dark');
    expect(backgroundFromOsc11('\u001B]11;rgb:fd/f6/e3\u0007')).toBe('light');
    expect(backgroundFromOsc11('\u001B[?1;2c')).toBeUndefined();
  });

  it('follows --theme, then BROADSHEET_THEME, then COLORFGBG, then the terminal, else dark', async () => {
    expect(await resolve({ theme: 'light' }, tty, 'dark')).toEqual({ theme: 'light', asked: false });
    expect(await resolve({}, { ...tty, env: { BROADSHEET_THEME: 'light', COLORFGBG: '15;0' } })).toEqual({ theme: 'light', asked: false });
    expect(await resolve({}, { ...tty, env: { COLORFGBG: '0;15' } }, 'dark')).toEqual({ theme: 'light', asked: false });
    expect(await resolve({}, tty, 'light')).toEqual({ theme: 'light', asked: true });
    expect(await resolve({}, tty, undefined)).toEqual({ theme: 'dark', asked: true });
  });

  it('never asks the terminal from a pipe, or for plain text', async () => {
    expect(await resolve({ color: 'always' }, { stdoutIsTTY: false, env: {} }, 'light')).toEqual({ theme: 'dark', asked: false });
    expect(await resolve({ format: 'text' }, tty, 'light')).toEqual({ theme: 'dark', asked: false });
  });

  it('gives every palette colour a basic one for 16-colour terminals, never yellow or bright on light', () => {
    for (const palette of [DARK, LIGHT]) {
      const used = [palette.accent, palette.code, palette.url, palette.meta, palette.border, ...Object.values(palette.alerts), ...Object.values(palette.syntax)];
      for (const n of used) expect(palette.basic[n]).toBeDefined();
    }
    for (const name of Object.values(LIGHT.basic)) expect(name).not.toMatch(/yellow|Bright/);
  });

  it('uses the light palette when asked, in 256 colours or 16', async () => {
    expect(await render('`x`\n', { format: 'ansi', theme: 'light', colorLevel: 2 })).toBe('\u001B[38;5;94mx\u001B[39m\n');
    expect(await render('`x`\n', { format: 'ansi', theme: 'light', colorLevel: 1 })).toBe('\u001B[31mx\u001B[39m\n');
    expect(await render('`x`\n', { format: 'ansi', theme: 'dark', colorLevel: 1 })).toBe('\u001B[33mx\u001B[39m\n');
  });
});

describe('the article, set', () => {
  const terminal256 = { TERM: 'xterm-256color' };
  it.each([
    ['article.w40.txt', ['-w', '40'], {}],
    ['article.w80.txt', ['-w', '80'], {}],
    ['article.w40.dark.ansi', ['-w', '40', '-f', 'ansi', '--theme', 'dark'], terminal256],
    ['article.w60.dark.ansi', ['-w', '60', '-f', 'ansi', '--theme', 'dark'], terminal256],
    ['article.w80.dark.ansi', ['-w', '80', '-f', 'ansi', '--theme', 'dark'], terminal256],
    ['article.w40.light.ansi', ['-w', '40', '-f', 'ansi', '--theme', 'light'], terminal256],
    ['article.w60.light.ansi', ['-w', '60', '-f', 'ansi', '--theme', 'light'], terminal256],
    ['article.w80.light.ansi', ['-w', '80', '-f', 'ansi', '--theme', 'light'], terminal256],
    ['article.columns2.w160.txt', ['-w', '160', '--columns', '2'], {}],
    ['article.columns2.w160.ansi', ['-w', '160', '--columns', '2', '-f', 'ansi'], terminal256],
  ])('%s', async (golden, args, env) => {
    const run = await runMain(args, { env });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expectGolden(golden, run.stdout);
  });

  it('has no widow in any paragraph at widths from 20 to 200', async () => {
    const widows: string[] = [];
    for (let width = 20; width <= 200; width += 3) {
      const out = (await runMain(['-w', String(width)])).stdout;
      for (const block of out.split('\n\n')) {
        const lines = block.split('\n').filter((line) => line !== '' && !/^[━═─┄]+$/.test(line));
        const last = lines.at(-1) ?? '';
        // A widow: the last of two or more lines, one word under 15 columns and under half the width.
        if (lines.length >= 2 && /^\S+$/.test(last) && last.length < 15 && last.length < width / 2) widows.push(`${width}: ${last}`);
      }
    }
    expect(widows).toEqual([]);
  });
});
