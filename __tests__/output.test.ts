import { PassThrough, Writable } from 'node:stream';
import fc from 'fast-check';
import { DescriptorSink, choosePager, splitCommand, writeOutput, writeStream } from '../src/output.js';
import { allWritten } from '../src/process.js';

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

  // Text with characters of one to four bytes, a surrogate pair among them, in pieces of any size.
  const pieces = fc.array(fc.array(fc.constantFrom('a', ' ', '\n', 'é', '“', '字', '😀', '\u0301')).map((chars) => chars.join('')), { maxLength: 12 });

  it('writes text in pieces, encoded a buffer at a time, as the joined text would be', async () => {
    await fc.assert(
      fc.asyncProperty(pieces, fc.integer({ min: 1, max: 40 }), async (parts, bufferBytes) => {
        const written: number[] = [];
        const sink = new DescriptorSink(1, noFallback, (_fd, data, offset) => {
          written.push(...data.subarray(offset));
          return data.length - offset;
        }, bufferBytes);
        await writeStream(sink, parts);
        expect(Buffer.from(written).toString()).toBe(parts.join(''));
      }),
    );
  });

  it('hands the rest of the pieces to the fallback when the descriptor fills in the middle', async () => {
    await fc.assert(
      fc.asyncProperty(pieces, fc.integer({ min: 8, max: 40 }), fc.integer({ min: 0, max: 60 }), async (parts, bufferBytes, room) => {
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
        await writeStream(sink, parts);
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

describe('allWritten', () => {
  it('says the process may leave only when no stream has bytes waiting', () => {
    expect(allWritten([])).toBe(true);
    expect(allWritten([{ writableLength: 0 }, { writableLength: 0 }])).toBe(true);
    expect(allWritten([{ writableLength: 0 }, { writableLength: 12 }])).toBe(false);
  });
});
