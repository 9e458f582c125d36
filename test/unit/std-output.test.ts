import { describe, expect, it } from 'vitest';
import { standardOutput } from '../../src/io/std-output.js';

/** A stand-in for process.stdout: records what it is given and the listeners it gets. */
function fakeStream() {
  const written: string[] = [];
  const listeners: Array<(error: Error) => void> = [];
  const stream = {
    isTTY: true,
    columns: 120,
    write: (chunk: string | Uint8Array) => {
      written.push(Buffer.from(chunk).toString('utf8'));
      return true;
    },
    on: (_event: string, listener: (error: Error) => void) => {
      listeners.push(listener);
      return stream;
    },
  };
  return { stream: stream as unknown as NodeJS.WriteStream, written, listeners };
}

const failure = (code: string) => Object.assign(new Error(code), { code });

describe('standard output off a terminal', () => {
  it('writes to the descriptor, in pieces as the system takes them, and never makes the stream', () => {
    const pieces: string[] = [];
    let made = 0;
    const out = standardOutput({
      fd: 1,
      stream: () => {
        made++;
        return fakeStream().stream;
      },
      closed: () => undefined,
      isCharacterDevice: () => false,
      // A pipe that takes at most 4 bytes a write.
      write: (_fd, data, offset) => {
        const n = Math.min(4, data.length - offset);
        pieces.push(Buffer.from(data.subarray(offset, offset + n)).toString('latin1'));
        return n;
      },
    });
    expect(out.isTTY).toBe(false);
    expect(out.columns).toBeUndefined();
    out.write('Ostrów — 1926\n');
    expect(Buffer.from(pieces.join(''), 'latin1').toString('utf8')).toBe('Ostrów — 1926\n');
    expect(made).toBe(0);
  });

  it('hands the rest to the stream when the descriptor would block, and keeps the order', () => {
    const fake = fakeStream();
    const direct: string[] = [];
    let calls = 0;
    const out = standardOutput({
      fd: 1,
      stream: () => fake.stream,
      closed: () => undefined,
      isCharacterDevice: () => false,
      write: (_fd, data, offset) => {
        calls++;
        if (calls === 2) throw failure('EAGAIN');
        const n = Math.min(3, data.length - offset);
        direct.push(Buffer.from(data.subarray(offset, offset + n)).toString('utf8'));
        return n;
      },
    });
    out.write('abcdefgh');
    out.write('ij');
    expect(direct).toEqual(['abc']);
    expect(fake.written).toEqual(['defgh', 'ij']);
    expect(calls).toBe(2);
  });

  it('says the reader has gone on EPIPE, and lets other errors through', () => {
    let closed = 0;
    const make = (code: string) =>
      standardOutput({
        fd: 1,
        stream: () => fakeStream().stream,
        closed: () => closed++,
        isCharacterDevice: () => false,
        write: () => {
          throw failure(code);
        },
      });
    expect(make('EPIPE').write('x')).toBe(false);
    expect(closed).toBe(1);
    expect(() => make('EIO').write('x')).toThrow('EIO');
    expect(closed).toBe(1);
  });
});

describe('standard output on a terminal', () => {
  it('is the stream itself, which a spinner needs', () => {
    const fake = fakeStream();
    let closed = 0;
    const out = standardOutput({
      fd: 1,
      stream: () => fake.stream,
      closed: () => closed++,
      isCharacterDevice: () => true,
      write: () => {
        throw new Error('a terminal is written through its stream');
      },
    });
    expect(out).toBe(fake.stream);
    // A reader gone from the stream ends the run quietly; any other error is thrown.
    fake.listeners[0]?.(failure('EPIPE'));
    expect(closed).toBe(1);
    expect(() => fake.listeners[0]?.(failure('EIO'))).toThrow('EIO');
  });
});
