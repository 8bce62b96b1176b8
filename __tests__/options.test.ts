import { colorWanted, parseWidth, resolveOptions as resolveWith, withDefaults, type Surroundings, type Flags } from '../src/options.js';

const resolveOptions = (flags: Partial<Flags>, facts: Surroundings, hyperlinks = false, background?: "dark" | "light") =>
  resolveWith(withDefaults(flags), facts, { hyperlinkSupport: async () => hyperlinks, background: async () => background });

const tty: Surroundings = { stdoutIsTTY: true, columns: 120, env: { TERM: 'xterm-256color' } };
const pipe: Surroundings = { stdoutIsTTY: false, env: {} };

describe('colorWanted', () => {
  it('is on for a terminal and off for a pipe', () => {
    expect(colorWanted('auto', tty)).toBe(true);
    expect(colorWanted('auto', pipe)).toBe(false);
  });

  it('honours NO_COLOR only when non-empty, and FORCE_COLOR over it', () => {
    expect(colorWanted('auto', { ...tty, env: { NO_COLOR: '1' } })).toBe(false);
    expect(colorWanted('auto', { ...tty, env: { NO_COLOR: '' } })).toBe(true);
    expect(colorWanted('auto', { ...pipe, env: { FORCE_COLOR: '1' } })).toBe(true);
    expect(colorWanted('auto', { ...pipe, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).toBe(true);
    expect(colorWanted('auto', { ...tty, env: { FORCE_COLOR: '0' } })).toBe(false);
  });

  it('lets the flags win', () => {
    expect(colorWanted('always', pipe)).toBe(true);
    expect(colorWanted('never', tty)).toBe(false);
    expect(colorWanted(false, tty)).toBe(false);
    expect(colorWanted('auto', { ...tty, env: { TERM: 'dumb' } })).toBe(false);
  });
});

describe('resolveOptions', () => {
  it('defaults to ansi at the terminal width up to 80 on a terminal', async () => {
    expect(await resolveOptions({}, tty)).toMatchObject({ format: 'ansi', width: 80 });
    expect(await resolveOptions({}, { ...tty, columns: 60 })).toMatchObject({ format: 'ansi', width: 60 });
  });

  it('defaults to unwrapped plain text in a pipe, ansi when colour is forced', async () => {
    expect(await resolveOptions({}, pipe)).toMatchObject({ format: 'text', width: 0 });
    expect(await resolveOptions({}, { ...pipe, env: { FORCE_COLOR: '1' } })).toMatchObject({ format: 'ansi', width: 0 });
    expect((await resolveOptions({ color: 'always' }, pipe)).format).toBe('ansi');
  });

  it('keeps explicit width and format, and never styles with --color never', async () => {
    expect(await resolveOptions({ width: 0, format: 'text' }, tty)).toMatchObject({ format: 'text', width: 0 });
    expect((await resolveOptions({ format: 'ansi', color: 'never' }, tty)).format).toBe('text');
  });

  it('turns hyperlinks on only for ansi, and asks the terminal only in auto', async () => {
    expect((await resolveOptions({}, tty, true)).hyperlinks).toBe(true);
    expect((await resolveOptions({}, tty, false)).hyperlinks).toBe(false);
    expect((await resolveOptions({ hyperlinks: 'never' }, tty, true)).hyperlinks).toBe(false);
    expect((await resolveOptions({ hyperlinks: 'always', format: 'text' }, tty, true)).hyperlinks).toBe(false);
    expect((await resolveOptions({ hyperlinks: 'always', color: 'always' }, pipe)).hyperlinks).toBe(true);
  });
});

describe('parseWidth', () => {
  it('accepts 0 and whole columns in range', () => {
    expect(parseWidth('0')).toBe(0);
    expect(parseWidth('60')).toBe(60);
  });

  it.each(['abc', '-1', '1.5', '99999999999', '5', '', '1e3'])('rejects %j', (value) => {
    expect(() => parseWidth(value)).toThrow(/width must be/);
  });
});
