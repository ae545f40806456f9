/**
 * The command shell of `quarry sample` around pullSample (replaced here, so that what the
 * sampler reports can be chosen): exit codes by SampleError kind, the summary line, and the
 * source's password blanked out of every line, whoever wrote it. End to end on real files and a
 * real server: test/quarry-sample*.test.ts.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SampleManifest } from '../../core/sample/manifest';
import { pullSample, type PullOptions } from '../../host/sampler/pull-sample';
import { SampleError } from '../../host/sampler/sample-error';
import { sampleCommand } from './sample';

vi.mock('../../host/sampler/pull-sample', () => ({ pullSample: vi.fn() }));
const pull = vi.mocked(pullSample);

const SECRET = 'hunter2';
const URL_ARGS = ['--from', `postgres://me:${SECRET}@db/shop`, '--table', 'orders'];

let cwd: string;
let out: string[];
let err: string[];
let progress: string[];

async function run(...argv: string[]): Promise<number> {
  return sampleCommand(
    [...argv, '--rows', '10', '--out', 's.parquet'],
    { out: (line) => out.push(line), err: (line) => err.push(line) },
    {
      cwd,
      env: {},
      progress: { write: (text) => progress.push(text), tty: false, now: () => 0 },
    },
  );
}

function manifest(rows: Partial<SampleManifest['rows']>): SampleManifest {
  return {
    sha256: 'ab'.repeat(32),
    rows: { requested: 10, actual: 10, source: 1234, sourceExact: true, skipped: 0, ...rows },
  } as SampleManifest;
}

beforeAll(async () => {
  cwd = await mkdtemp(path.join(tmpdir(), 'quarry-sample-command-'));
});

beforeEach(() => {
  out = [];
  err = [];
  progress = [];
  pull.mockReset();
});

describe('sampleCommand', () => {
  it('prints progress on stderr and one summary line', async () => {
    pull.mockImplementation(async (_request, options: PullOptions) => {
      options.onProgress({ done: 5, total: 10, unit: 'rows', message: null });
      return manifest({ source: 5_000_000, sourceExact: false, skipped: 2 });
    });
    expect(await run('--from', 'a.csv')).toBe(0);
    expect(progress).toEqual([
      '  sample  Sampling a.csv  5/10 rows (50%)\n',
      '  sample  Sampling a.csv  5/10 rows (50%)  done\n',
    ]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(
      /^Sampled 10 of ~5,000,000 rows into \S*s\.parquet \(sha256 abababababab…\) in \d+ ms; skipped 2 malformed rows$/,
    );
    expect(err).toEqual([]);
  });

  it('exits 2 for bad input, 130 when cancelled, 1 for anything else', async () => {
    pull.mockRejectedValueOnce(new SampleError('source', 'a.csv: no such file'));
    expect(await run('--from', 'a.csv')).toBe(2);
    pull.mockRejectedValueOnce(new SampleError('cancelled', 'cancelled'));
    expect(await run('--from', 'a.csv')).toBe(130);
    pull.mockRejectedValueOnce(new TypeError('boom'));
    expect(await run('--from', 'a.csv')).toBe(1);
    expect(err[0]).toBe('quarry: a.csv: no such file');
    expect(err[1]).toBe('quarry: sample cancelled; nothing written');
    expect(err[2]).toMatch(/^quarry: internal error: TypeError: boom/);
  });

  it('blanks the password out of progress, errors and stack traces', async () => {
    pull.mockImplementationOnce(async (_request, options: PullOptions) => {
      options.onProgress({ done: 1, total: null, unit: 'rows', message: `as ${SECRET}` });
      throw new SampleError('source', `login failed for ${SECRET}`);
    });
    expect(await run(...URL_ARGS)).toBe(2);
    pull.mockRejectedValueOnce(new Error(`driver said ${SECRET}`));
    expect(await run(...URL_ARGS)).toBe(1);
    const printed = [...progress, ...err, ...out].join('\n');
    expect(printed).not.toContain(SECRET);
    expect(err[0]).toBe('quarry: login failed for ***');
    expect(progress[0]).toContain('as ***');
  });
});
