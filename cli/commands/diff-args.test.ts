import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TOLERANCE } from '../../core/notebook/diff';
import { UsageError } from '../usage-error';
import { parseDiffArgs, parseToleranceOption } from './diff-args';

describe('parseToleranceOption', () => {
  it('reads a number of 0 or more, in any JavaScript notation', () => {
    expect(parseToleranceOption('--rtol', '1e-6')).toBe(1e-6);
    expect(parseToleranceOption('--atol', '0')).toBe(0);
    expect(parseToleranceOption('--atol', '0.25')).toBe(0.25);
  });

  it('refuses what is not one, naming the option and the value', () => {
    for (const text of [undefined, '', ' ', 'abc', '-1', 'Infinity', 'NaN', '1e400'])
      expect(() => parseToleranceOption('--rtol', text)).toThrow(UsageError);
    expect(() => parseToleranceOption('--atol', 'x')).toThrow(
      '--atol needs a number of 0 or more, e.g. --atol 1e-6, not "x"',
    );
  });
});

describe('parseDiffArgs', () => {
  it('takes two notebooks, the default tolerance and text output', () => {
    expect(parseDiffArgs(['a.ipynb', 'b.ipynb'])).toEqual({
      baseline: path.resolve('a.ipynb'),
      current: path.resolve('b.ipynb'),
      tolerance: DEFAULT_TOLERANCE,
      json: false,
    });
  });

  it('reads --rtol, --atol (also as --name=value) and --json anywhere', () => {
    expect(
      parseDiffArgs(['--rtol', '0.01', 'a.ipynb', '--atol=1e-3', 'b.ipynb', '--json']),
    ).toMatchObject({
      tolerance: { rtol: 0.01, atol: 1e-3 },
      json: true,
    });
  });

  it('refuses another number of notebooks, unknown options and bad tolerances', () => {
    expect(() => parseDiffArgs(['a.ipynb'])).toThrow('quarry diff takes two notebooks');
    expect(() => parseDiffArgs(['a', 'b', 'c'])).toThrow('got "a", "b", "c"');
    expect(() => parseDiffArgs(['a', 'b', '--tol', '1'])).toThrow('unknown option --tol');
    expect(() => parseDiffArgs(['a', 'b', '--rtol'])).toThrow('--rtol needs a number');
    expect(() => parseDiffArgs(['a', 'b', '--atol=-2'])).toThrow('not "-2"');
  });
});
