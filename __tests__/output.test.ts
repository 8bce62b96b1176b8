import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import fc from 'fast-check';
import { BroadsheetError } from '../src/errors.js';
import { createGuard, runWithTimeout } from '../src/guard.js';
import { DescriptorSink, choosePager, splitCommand, writeOutput, writeRendering, writeStream, type Sink } from '../src/output.js';
import { prepareDocument, renderChunks, renderDocument, textOf, type Guard } from '../src/pipeline.js';
import { allWritten } from '../src/process.js';
import { utf8Chunks } from '../src/utf8.js';
import { ROOT, textPieces } from './helpers.js';

describe('choosePager', () => {
  it('defaults to less -R -F', () => {
    expect(choosePager({})).toEqual({ command: 'less', args: ['-R', '-F'] });
  });

  it('prefers BROADSHEET_PAGER over PAGER; empty means none', () => {
    expect(choosePager({ BROADSHEET_PAGER: 'cat', PAGER: 'less' })).toEqual({ command: 'cat', args: [] });
    expect(choosePager({ BROADSHEET_PAGER: '', PAGER: 'less' })).toBeUndefined();
    expect(choosePager({ PAGER: '' })).toBeUndefined();
  });

  it('replaces more and most from PAGER with less, as bat does', () => {
    expect(choosePager({ PAGER: 'more' })).toEqual({ command: 'less', args: ['-R', '-F'] });
    expect(choosePager({ PAGER: '/usr/bin/most -s' })).toEqual({ command: 'less', args: ['-R', '-F'] });
    expect(choosePager({ BROADSHEET_PAGER: 'more' })).toEqual({ command: 'more', args: [] });
  });

  it('adds -R to a less with options of its own', () => {
    expect(choosePager({ PAGER: 'less -S' })).toEqual({ command: 'less', args: ['-R', '-S'] });
    expect(choosePager({ PAGER: 'less -RS' })).toEqual({ command: 'less', args: ['-RS'] });
  });
});

describe('splitCommand', () => {
  it('honours quotes', () => {
    expect(splitCommand(`less -P "a b" 'c d'`)).toEqual(['less', '-P', 'a b', 'c d']);
  });
});

describe('writeStream', () => {
  it('treats a closed pipe as success', async () => {
    const closed = new Writable({
      write(_chunk, _enc, callback) {
        callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    await expect(writeStream(closed, 'text')).resolves.toBeUndefined();
  });

  it('passes other errors on', async () => {
    const broken = new Writable({
      write(_chunk, _enc, callback) {
        callback(Object.assign(new Error('no space'), { code: 'ENOSPC' }));
      },
    });
    await expect(writeStream(broken, 'text')).rejects.toThrow('no space');
  });
});

describe('DescriptorSink', () => {
  const noFallback = () => {
    throw new Error('fallback not expected');
  };

  it('writes every byte, however few each write takes', async () => {
    const written: number[] = [];
    const sink = new DescriptorSink(1, noFallback, (_fd, data, offset) => {
      const n = Math.min(3, data.length - offset);
      written.push(...data.subarray(offset, offset + n));
      return n;
    });
    await writeStream(sink, 'héllo, wörld\n');
    expect(Buffer.from(written).toString()).toBe('héllo, wörld\n');
  });

  it('hands the rest to the fallback stream when the descriptor is non-blocking and full', async () => {
    let calls = 0;
    const rest = new PassThrough();
    let fallback = '';
    rest.on('data', (chunk) => (fallback += chunk));
    const sink = new DescriptorSink(1, () => rest, (_fd, data, offset) => {
      if (++calls > 1) throw Object.assign(new Error('EAGAIN'), { code: 'EAGAIN' });
      return Math.min(4, data.length - offset);
    });
    await writeStream(sink, 'abcdefgh');
    expect(fallback).toBe('efgh');
  });

  it('writes text encoded a buffer at a time, as the whole text would be', async () => {
    await fc.assert(
      fc.asyncProperty(textPieces, fc.integer({ min: 1, max: 40 }), async (parts, bufferBytes) => {
        const writes: Buffer[] = [];
        const sink = new DescriptorSink(1, noFallback, (_fd, data, offset) => {
          writes.push(Buffer.from(data.subarray(offset)));
          return data.length - offset;
        }, bufferBytes);
        await writeStream(sink, parts.join(''));
        expect(Buffer.concat(writes).toString()).toBe(parts.join(''));
        expect(writes.every((bytes) => bytes.length <= Math.max(8, bufferBytes))).toBe(true);
      }),
    );
  });

  it('hands the rest of the text to the fallback when the descriptor fills in the middle', async () => {
    await fc.assert(
      fc.asyncProperty(textPieces, fc.integer({ min: 8, max: 40 }), fc.integer({ min: 0, max: 60 }), async (parts, bufferBytes, room) => {
        const written: number[] = [];
        const rest = new PassThrough();
        const fallback: Buffer[] = [];
        rest.on('data', (chunk: Buffer) => fallback.push(chunk));
        let left = room;
        const sink = new DescriptorSink(1, () => rest, (_fd, data, offset) => {
          if (left === 0) throw Object.assign(new Error('EAGAIN'), { code: 'EAGAIN' });
          const n = Math.min(left, data.length - offset);
          written.push(...data.subarray(offset, offset + n));
          left -= n;
          return n;
        }, bufferBytes);
        await writeStream(sink, parts.join(''));
        expect(Buffer.concat([Buffer.from(written), ...fallback]).toString()).toBe(parts.join(''));
      }),
    );
  });

  it('treats a closed pipe as success and passes other errors on', async () => {
    const failing = (code: string) => new DescriptorSink(1, noFallback, () => {
      throw Object.assign(new Error(`write ${code}`), { code });
    });
    await expect(writeStream(failing('EPIPE'), 'text')).resolves.toBeUndefined();
    await expect(writeStream(failing('ENOSPC'), 'text')).rejects.toThrow('ENOSPC');
  });
});

describe('writeOutput', () => {
  it('never pages when stdout is not a terminal', async () => {
    const out = new PassThrough();
    let written = '';
    out.on('data', (chunk) => (written += chunk));
    await writeOutput('a\n'.repeat(100), { stdout: out, stderr: out, stdoutIsTTY: false, rows: 10, env: { PAGER: 'false' } }, 'always');
    expect(written).toBe('a\n'.repeat(100));
  });
});

describe('writeRendering', () => {
  const text = 'Une phrase, “quoted”, 字 and 😀.\n'.repeat(40);
  /** The text in chunks of 64 bytes, telling `log` as each is made. */
  const chunks = (log: string[] = []) =>
    function* (bufferBytes: number) {
      for (const chunk of utf8Chunks([...text], bufferBytes)) {
        log.push('made');
        yield chunk;
      }
    };
  const descriptor = (log: string[] = [], write = (data: Uint8Array, offset: number) => data.length - offset) => {
    const writes: Buffer[] = [];
    const sink = new DescriptorSink(1, () => new PassThrough(), (_fd, data, offset) => {
      const n = write(data, offset);
      writes.push(Buffer.from(data.subarray(offset, offset + n)));
      log.push('wrote');
      return n;
    });
    return { sink, printed: () => Buffer.concat(writes).toString() };
  };
  const io = (stdout: Sink) => ({ stdout, stderr: new PassThrough(), stdoutIsTTY: false, env: {} });
  const unguarded: Guard = (step) => step();

  it('writes each chunk to a descriptor as soon as it is made', async () => {
    const log: string[] = [];
    const out = descriptor(log);
    await writeRendering(chunks(log), unguarded, io(out.sink), 'never', 64);
    expect(out.printed()).toBe(text);
    expect(log.length).toBeGreaterThan(20);
    expect(log.join(' ')).toBe(Array(log.length / 2).fill('made wrote').join(' '));
  });

  const CUT = new Error('cut off');
  /** A guard that, like the watchdog on a busy machine, runs again a step that was stopped. */
  const rerunning: Guard = (step) => {
    for (;;) {
      try {
        return step();
      } catch (error) {
        if (error !== CUT) throw error;
      }
    }
  };

  it('renders again from the start, skipping what it wrote, when the guard stops a step part-way', async () => {
    // Stopped once, or twice (the second time while it skips), after any number of chunks made.
    for (const cuts of [[1], [2], [5], [17], [2, 4], [6, 9], [10, 12]]) {
      let made = 0;
      const render = function* (bufferBytes: number) {
        for (const chunk of utf8Chunks([...text], bufferBytes)) {
          if (cuts.includes(++made)) throw CUT;
          yield chunk;
        }
      };
      const out = descriptor();
      await writeRendering(render, rerunning, io(out.sink), 'never', 64);
      expect(out.printed()).toBe(text);
    }
  });

  it('gives what a step made when the guard says it was stopped after it ended', async () => {
    for (const stopped of [1, 2, 7]) {
      let steps = 0;
      // The watchdog fired as the step returned: node:vm throws, and the guard runs it again.
      const late: Guard = (step) => {
        if (++steps === stopped) step();
        return step();
      };
      const out = descriptor();
      await writeRendering(chunks(), late, io(out.sink), 'never', 64);
      expect(out.printed()).toBe(text);
    }
  });

  it('renders no further once the reader has gone, and says a failed write in one line', async () => {
    const log: string[] = [];
    let writes = 0;
    const closed = descriptor(log, () => {
      if (++writes > 1) throw Object.assign(new Error('EPIPE: broken pipe, write'), { code: 'EPIPE', syscall: 'write' });
      return 64;
    });
    await expect(writeRendering(chunks(log), unguarded, io(closed.sink), 'never', 64)).resolves.toBeUndefined();
    expect(log.filter((entry) => entry === 'made')).toHaveLength(2);
    const full = descriptor([], () => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
    });
    const failure = writeRendering(chunks(), unguarded, io(full.sink), 'never', 64);
    await expect(failure).rejects.toBeInstanceOf(BroadsheetError);
    await expect(failure).rejects.toThrow('cannot write the output: no space left on device (ENOSPC)');
  });

  it('ends quietly when the reader of a full non-blocking descriptor leaves (EPIPE from the fallback)', async () => {
    // The fallback fails as process.stdout does: the write's callback and an 'error' event.
    const gone = new Writable({ write: (_chunk, _encoding, done) => setImmediate(() => done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }))) });
    let writes = 0;
    const sink = new DescriptorSink(1, () => gone, (_fd, data, offset) => {
      if (++writes > 1) throw Object.assign(new Error('EAGAIN'), { code: 'EAGAIN' });
      return data.length - offset;
    });
    await expect(writeRendering(chunks(), unguarded, io(sink), 'never', 64)).resolves.toBeUndefined();
  });

  it('runs no step after a chunk that cannot have more after it', async () => {
    let steps = 0;
    const out = descriptor();
    await writeRendering(chunks(), (step) => (steps++, step()), io(out.sink), 'never', 1 << 20);
    expect(out.printed()).toBe(text);
    expect(steps).toBe(1);
  });

  it('gives a terminal (any stream) the whole text, rendered in one step', async () => {
    const out = new PassThrough();
    let written = '';
    out.on('data', (chunk) => (written += chunk));
    let steps = 0;
    await writeRendering(chunks(), (step) => (steps++, step()), io(out), 'never', 64);
    expect(written).toBe(text);
    expect(steps).toBe(1);
  });

  it('prints a document once, whole, into a file when the real watchdog stops a step part-way', async () => {
    const markdown = `${readFileSync(join(ROOT, 'articles', 'xi-putin-new-era.md'), 'utf8')}\n`.repeat(40);
    const request = { format: 'text' as const, width: 72 };
    const prepared = await prepareDocument(markdown, request);
    let timeouts = 0;
    let steps = 0;
    // The third step gets 1 ms (~64 KB of text takes several), as a stopped process would.
    const run = (step: () => unknown, timeoutMs: number) => {
      try {
        return runWithTimeout(step, ++steps === 3 ? 1 : timeoutMs);
      } catch (error) {
        timeouts++;
        throw error;
      }
    };
    const file = join(mkdtempSync(join(tmpdir(), 'broadsheet-output-')), 'out.txt');
    const fd = openSync(file, 'w');
    try {
      await writeRendering((bufferBytes) => renderChunks(prepared, bufferBytes), createGuard(60_000, undefined, run), io(new DescriptorSink(fd, () => new PassThrough())), 'never', 1 << 16);
    } finally {
      closeSync(fd);
    }
    expect(timeouts).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(textOf(await renderDocument(markdown, request)));
  });
});

describe('allWritten', () => {
  it('says the process may leave only when no stream has bytes waiting', () => {
    expect(allWritten([])).toBe(true);
    expect(allWritten([{ writableLength: 0 }, { writableLength: 0 }])).toBe(true);
    expect(allWritten([{ writableLength: 0 }, { writableLength: 12 }])).toBe(false);
  });
});
