import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../usage-error';
import { parseServeArgs } from './serve-args';

describe('parseServeArgs', () => {
  it('defaults to the current folder, any port, opening a browser', () => {
    expect(parseServeArgs([])).toEqual({ notebook: null, port: 0, open: true });
  });

  it('reads a notebook, --port N, --port=N and --no-open', () => {
    expect(parseServeArgs(['nb.ipynb', '--port', '8888', '--no-open'])).toEqual({
      notebook: path.resolve('nb.ipynb'),
      port: 8888,
      open: false,
    });
    expect(parseServeArgs(['--port=0']).port).toBe(0);
  });

  it('refuses bad usage with a one-line reason', () => {
    const cases: [string[], RegExp][] = [
      [['--port'], /--port needs a port number/],
      [['--port', 'abc'], /--port must be a number from 0 to 65535, not "abc"/],
      [['--port=70000'], /not "70000"/],
      [['--port=-1'], /not "-1"/],
      [['--bogus'], /unknown option --bogus for quarry serve/],
      [['a.ipynb', 'b.ipynb'], /takes one notebook/],
    ];
    for (const [argv, message] of cases) {
      expect(() => parseServeArgs(argv), argv.join(' ')).toThrow(UsageError);
      expect(() => parseServeArgs(argv), argv.join(' ')).toThrow(message);
    }
  });
});
