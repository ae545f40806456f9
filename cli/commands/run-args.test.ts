import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRunArgs } from './run-args';

const parse = (...argv: string[]) => parseRunArgs(argv, {});

describe('parseRunArgs', () => {
  it('takes --compare with an optional baseline: the next argument when it is a notebook', () => {
    expect(parse('nb.ipynb', '--compare').compare).toEqual({ baseline: null });
    expect(parse('nb.ipynb', '--compare', 'base.ipynb').compare).toEqual({
      baseline: path.resolve('base.ipynb'),
    });
    expect(parse('nb.ipynb', '--compare=base.ipynb').compare).toEqual({
      baseline: path.resolve('base.ipynb'),
    });
    // Not a notebook, or an option: not the baseline.
    const args = parse('--compare', '--json', 'nb.ipynb', '--rtol', '1e-6', '--atol=0.5');
    expect(args).toMatchObject({
      notebook: path.resolve('nb.ipynb'),
      compare: { baseline: null },
      json: true,
      tolerance: { rtol: 1e-6, atol: 0.5 },
    });
  });

  it('keeps parameters in the order given, and reads --html with --no-code', () => {
    const args = parse('nb.ipynb', '--params-file', 'p.json', '-p', 'a=1', '-r', 'b=-x');
    expect(args.parameters).toEqual([
      { kind: 'file', file: path.resolve('p.json') },
      { kind: 'argument', text: 'a=1', mode: 'json' },
      { kind: 'argument', text: 'b=-x', mode: 'raw' },
    ]);
    expect(parse('nb.ipynb', '--html', 'r.html', '--no-code').html).toEqual({
      file: path.resolve('r.html'),
      includeCode: false,
    });
    expect(parse('nb.ipynb', '--timeout', '2.5', '--cwd', 'd')).toMatchObject({
      timeoutMs: 2500,
      cwd: path.resolve('d'),
    });
    expect(parse('sub/nb.ipynb').cwd).toBe(path.resolve('sub'));
  });

  it('refuses options without what they go with, and bad values, with one line', () => {
    const cases: [string[], RegExp][] = [
      [['--rtol', '1e-6'], /^--rtol goes with --compare/],
      [['--json', '--atol', '1'], /^--json and --atol go with --compare/],
      [['--compare', '--rtol', '-1'], /^--rtol needs a number of 0 or more/],
      [['--compare=base.txt'], /^--compare= needs a notebook/],
      [['--no-code'], /^--no-code goes with --html/],
      [['--html', 'report.pdf'], /^the report file must end in \.html/],
      [['--html'], /^--html needs a value, e.g. --html report\.html/],
      [['--timeout', '0'], /^--timeout needs a number of seconds above 0/],
      [['--timeout', '1h'], /^--timeout needs a number of seconds/],
      [['-p'], /^-p needs a value/],
      [['--cwd', '--quiet'], /^--cwd needs a value/],
    ];
    for (const [argv, message] of cases)
      expect(() => parse('nb.ipynb', ...argv), argv.join(' ')).toThrow(message);
  });
});
