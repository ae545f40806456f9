/**
 * The files sampler end to end (host/sampler/pull-sample.ts with the native DuckDB files source),
 * on data generated here, once, in a temporary folder: a 5M-row CSV and a hive-partitioned
 * Parquet set of 1M rows, both with a rare stratum ('XX': 25 and 5 rows).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestPathOf, parseSampleManifest, type SampleManifest } from '../core/sample/manifest';
import type { SampleRequest } from '../core/sample/request';
import { previewSample, pullSample, type PullOptions } from '../host/sampler/pull-sample';
import { SampleError } from '../host/sampler/sample-error';

const CSV_ROWS = 5_000_000;
const PARQUET_ROWS = 1_000_000;

let dir: string;
let outDir: string;

const columns = (rows: number) => `SELECT i AS id,
    CASE WHEN i % 200003 = 7 THEN 'XX' ELSE 'c' || (i % 10) END AS country,
    round(((i * 37) % 100000) / 100.0, 2) AS amount,
    TIMESTAMP '2024-01-01' + INTERVAL (i % 366) DAY AS at,
    i % 2 = 0 AS flag
  FROM range(${rows}) r(i)`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'quarry-sampler-files-'));
  outDir = path.join(dir, 'out');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`COPY (${columns(CSV_ROWS)}) TO '${dir}/big.csv' (HEADER)`);
  await connection.run(
    `COPY (SELECT *, 2020 + id % 4 AS year FROM (${columns(PARQUET_ROWS)})) TO '${dir}/events'
     (FORMAT parquet, PARTITION_BY (year), ROW_GROUP_SIZE 50000)`,
  );
  connection.closeSync();
  instance.closeSync();
  const lines = [
    'id,name,amount',
    ...Array.from({ length: 1000 }, (_, i) => `${i},n${i},${i * 2}`),
  ];
  lines[501] = '500,n500,1000,extra';
  lines[701] = '700,n700';
  lines[801] = '800,"n800';
  await writeFile(path.join(dir, 'bad.csv'), `${lines.join('\n')}\n`);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const request = (overrides: Partial<SampleRequest>): SampleRequest => ({
  source: { kind: 'files', path: 'events', format: 'auto' },
  method: 'hash',
  size: { kind: 'rows', rows: 10_000 },
  seed: 42,
  stratify: null,
  where: null,
  timeWindow: null,
  columns: null,
  threads: 2,
  onError: 'fail',
  ...overrides,
});

const csv = { kind: 'files' as const, path: 'big.csv', format: 'auto' as const };
let outputs = 0;

function options(overrides: Partial<PullOptions> = {}): PullOptions {
  outputs += 1;
  return {
    baseDir: dir,
    allowedRoot: null,
    env: {},
    out: path.join(outDir, `sample${outputs}.parquet`),
    force: false,
    signal: new AbortController().signal,
    onProgress: () => undefined,
    ...overrides,
  };
}

async function pull(overrides: Partial<SampleRequest>, opts: Partial<PullOptions> = {}) {
  const started = Date.now();
  const manifest = await pullSample(request(overrides), options(opts));
  return { manifest, ms: Date.now() - started };
}

async function failure(promise: Promise<unknown>): Promise<SampleError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SampleError);
  return error as SampleError;
}

describe('pullSample from a 5M-row CSV', () => {
  it('gives the same 10k rows with 1 and 2 threads, in bounded memory (a process of its own)', async () => {
    const inProcess = await pull({ source: csv, threads: 1 });
    const out = path.join(outDir, 'child.parquet');
    const child = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        'test/support/pull-sample-child.ts',
        JSON.stringify({
          request: request({ source: csv, threads: 2 }),
          options: { baseDir: dir, allowedRoot: null, out, force: false },
        }),
      ],
      { cwd: path.resolve(__dirname, '..') },
    );
    const measured = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as {
      maxRssBytes: number;
      ms: number;
      rows: number;
      sha256: string;
    };
    console.log(
      `10k of 5M CSV rows: ${inProcess.ms} ms with 1 thread; ${measured.ms} ms with 2 threads, peak RSS ${(measured.maxRssBytes / 2 ** 20).toFixed(0)} MiB`,
    );
    expect(inProcess.manifest.rows).toMatchObject({
      requested: 10_000,
      actual: 10_000,
      source: CSV_ROWS,
      sourceExact: true,
      skipped: 0,
    });
    expect(measured.rows).toBe(10_000);
    expect(measured.sha256).toBe(inProcess.manifest.sha256);
    expect(measured.maxRssBytes).toBeLessThan(1.5 * 2 ** 30);
    const written = parseSampleManifest(JSON.parse(await readFile(manifestPathOf(out), 'utf8')));
    expect(written?.sha256).toBe(measured.sha256);
  }, 180_000);

  it('stops at once when cancelled and leaves nothing behind', async () => {
    const controller = new AbortController();
    const target = path.join(outDir, 'cancelled', 'c.parquet');
    const error = await failure(
      pullSample(request({ source: csv }), {
        ...options({ out: target, signal: controller.signal }),
        onProgress: (p) => {
          if (p.message?.startsWith('sampling') === true) controller.abort();
        },
      }),
    );
    expect(error.kind).toBe('cancelled');
    expect(await readdir(path.dirname(target))).toEqual([]);
  });

  it('DuckDB TABLESAMPLE … REPEATABLE gives the same rows with 1 and 4 threads', async () => {
    const sums: string[] = [];
    for (const threads of [1, 4]) {
      const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
      const connection = await instance.connect();
      const reader = await connection.runAndReadAll(
        ['bernoulli(0.5 PERCENT)', 'system(0.5 PERCENT)', 'reservoir(10000 ROWS)']
          .map(
            (clause) =>
              `(SELECT count(*) || '/' || sum(hash(id)) FROM read_csv('${dir}/big.csv') TABLESAMPLE ${clause} REPEATABLE (42))`,
          )
          .join(' UNION ALL '),
      );
      sums.push(JSON.stringify(reader.getRows()));
      connection.closeSync();
      instance.closeSync();
    }
    expect(sums[1]).toBe(sums[0]);
  });
});

describe('pullSample from hive-partitioned Parquet', () => {
  it('hash: the same seed gives the same content with 1 and 2 threads, another seed another', async () => {
    const one = await pull({ threads: 1 });
    const two = await pull({ threads: 2 });
    const other = await pull({ seed: 7 });
    expect(two.manifest.sha256).toBe(one.manifest.sha256);
    expect(other.manifest.sha256).not.toBe(one.manifest.sha256);
    expect(one.manifest.rows.actual).toBe(10_000);
    expect(one.manifest.source).toEqual({
      kind: 'files',
      path: 'events',
      format: 'parquet',
      files: 4,
    });
    expect(one.manifest.schema.map((c) => c.name)).toEqual([
      'id',
      'country',
      'amount',
      'at',
      'flag',
      'year',
    ]);
    expect(one.manifest.query).toMatch(
      /read_parquet\('.*\/events\/\*\*\/\*', hive_partitioning = true\)/,
    );
    console.log(`10k of 1M Parquet rows: ${one.ms} ms (1 thread), ${two.ms} ms (2 threads)`);
  });

  it('hash with a fraction keeps the rows below it', async () => {
    const { manifest } = await pull({ size: { kind: 'fraction', fraction: 0.01 } });
    expect(manifest.rows.requested).toBeNull();
    expect(Math.abs(manifest.rows.actual - 10_000)).toBeLessThan(500);
    expect(manifest.query).toContain('< 0.01');
  });

  it("DuckDB's own reservoir, bernoulli and system are the same with 1, 2 and 4 threads", async () => {
    const cases: Partial<SampleRequest>[] = [
      { method: 'reservoir' },
      { method: 'bernoulli' },
      { method: 'bernoulli', size: { kind: 'fraction', fraction: 0.02 } },
      { method: 'system', size: { kind: 'fraction', fraction: 0.05 } },
    ];
    for (const overrides of cases) {
      const hashes = new Set<string>();
      let manifest: SampleManifest | null = null;
      for (const threads of [1, 2, 4]) {
        manifest = (await pull({ ...overrides, threads })).manifest;
        hashes.add(manifest.sha256);
      }
      expect(manifest?.query).toContain(`TABLESAMPLE ${overrides.method}(`);
      expect(hashes.size).toBe(1);
      if (overrides.size === undefined) expect(manifest?.rows.actual).toBe(10_000);
    }
  });

  it('stratified keeps every stratum, the rare one whole below the floor', async () => {
    const { manifest } = await pull({
      stratify: { column: 'country', perStratum: null, floor: 10 },
    });
    expect(manifest.rows.actual).toBe(10_000);
    const strata = new Map(manifest.strata?.map((s) => [s.value, s]));
    expect(strata.size).toBe(11);
    expect(strata.get('XX')).toEqual({ value: 'XX', sourceRows: 5, rows: 5 });
    const country = manifest.profile.find((p) => p.name === 'country');
    expect(country?.distinct).toBeGreaterThanOrEqual(10);
    const again = await pull({
      stratify: { column: 'country', perStratum: null, floor: 10 },
      threads: 1,
    });
    expect(again.manifest.sha256).toBe(manifest.sha256);
  });

  it('applies where, the time window and the projection', async () => {
    const { manifest } = await pull({
      where: 'amount > 500 AND year = 2021',
      timeWindow: { column: 'at', from: '2024-03-01', to: '2024-04-01' },
      columns: ['id', 'amount'],
      size: { kind: 'rows', rows: 100_000 },
    });
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const expected = await connection.runAndReadAll(
      `SELECT count(*), min(amount) FROM read_parquet('${dir}/events/**/*.parquet', hive_partitioning = true)
       WHERE amount > 500 AND year = 2021 AND "at" >= '2024-03-01' AND "at" < '2024-04-01'`,
    );
    const [count, minAmount] = expected.getRows()[0];
    connection.closeSync();
    instance.closeSync();
    expect(manifest.schema.map((c) => c.name)).toEqual(['id', 'amount']);
    expect(manifest.rows.source).toBe(Number(count));
    expect(manifest.rows.actual).toBe(Number(count));
    expect(manifest.profile.find((p) => p.name === 'amount')?.min).toBe(Number(minAmount));
  });

  it('replaces an existing sample only with force', async () => {
    const opts = options();
    await pullSample(request({ size: { kind: 'rows', rows: 10 } }), opts);
    const error = await failure(pullSample(request({ size: { kind: 'rows', rows: 10 } }), opts));
    expect(error.kind).toBe('exists');
    const replaced = await pullSample(request({ size: { kind: 'rows', rows: 20 } }), {
      ...opts,
      force: true,
    });
    expect(replaced.rows.actual).toBe(20);
  });

  it('cancelled while writing, leaves nothing behind', async () => {
    const controller = new AbortController();
    const target = path.join(outDir, 'late', 'l.parquet');
    const error = await failure(
      pullSample(request({}), {
        ...options({ out: target, signal: controller.signal }),
        onProgress: (p) => {
          if (p.message?.startsWith('profiling the sample and writing') === true)
            controller.abort();
        },
      }),
    );
    expect(error.kind).toBe('cancelled');
    expect(await readdir(path.dirname(target))).toEqual([]);
  });

  it('previews the first rows and the query', async () => {
    const preview = await previewSample(request({ columns: ['year', 'id'] }), {
      baseDir: dir,
      allowedRoot: null,
      env: {},
      signal: new AbortController().signal,
      limit: 5,
    });
    expect(preview.columns.map((c) => c.name)).toEqual(['year', 'id']);
    expect(preview.rows).toHaveLength(5);
    expect(typeof preview.rows[0][1]).toBe('number');
    expect(preview.sourceRows).toEqual({ count: PARQUET_ROWS, exact: true });
    expect(preview.query).toContain('ORDER BY hash(42,');
    const badLimit = await failure(
      previewSample(request({}), {
        baseDir: dir,
        allowedRoot: null,
        env: {},
        signal: new AbortController().signal,
        limit: 1.5,
      }),
    );
    expect(badLimit.kind).toBe('bad-request');
  });
});

describe('pullSample: malformed CSV rows', () => {
  const bad = { kind: 'files' as const, path: 'bad.csv', format: 'auto' as const };

  it('fails naming the file, the physical line and how many rows', async () => {
    const target = path.join(outDir, 'failed', 'f.parquet');
    const error = await failure(pullSample(request({ source: bad }), options({ out: target })));
    expect(error.kind).toBe('source');
    expect(error.message).toMatch(/^bad\.csv line 502: .*\(3 malformed rows in all\)/);
    expect(await readdir(path.dirname(target))).toEqual([]);
  });

  it('skips them and counts them when asked', async () => {
    const { manifest } = await pull({
      source: bad,
      onError: 'skip',
      size: { kind: 'rows', rows: 2000 },
    });
    expect(manifest.rows).toMatchObject({ actual: 997, source: 997, skipped: 3 });
  });
});

describe('pullSample: formats', () => {
  it('reads TSV, JSON and NDJSON by their names, and a format named explicitly', async () => {
    const folder = path.join(dir, 'formats');
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'a.tsv'), 'id\tname\n1\tx\n2\ty\n3\tz\n');
    await writeFile(
      path.join(folder, 'a.json'),
      '[{"id": 1, "name": "x"}, {"id": 2, "name": "y"}]',
    );
    await writeFile(
      path.join(folder, 'a.ndjson'),
      '{"id": 1, "name": "x"}\n{"id": 2, "name": "y"}\n',
    );
    await writeFile(path.join(folder, 'a.txt'), 'id,name\n1,x\n');
    const cases = [
      { file: 'a.tsv', format: 'auto', read: 'tsv', rows: 3 },
      { file: 'a.json', format: 'auto', read: 'json', rows: 2 },
      { file: 'a.ndjson', format: 'auto', read: 'ndjson', rows: 2 },
      { file: 'a.txt', format: 'csv', read: 'csv', rows: 1 },
    ] as const;
    for (const { file, format, read, rows } of cases) {
      const source = { kind: 'files' as const, path: `formats/${file}`, format };
      const { manifest } = await pull({ source });
      expect(manifest.source).toMatchObject({ format: read, files: 1 });
      expect(manifest.schema.map((c) => c.name)).toEqual(['id', 'name']);
      expect(manifest.rows.actual).toBe(rows);
    }
    const unknown = await failure(
      pull({ source: { kind: 'files', path: 'formats/a.txt', format: 'auto' } }),
    );
    expect(unknown.message).toContain('cannot tell the format');
  });
});

describe('pullSample: clear errors', () => {
  it('a missing file, an unknown column, a bad where, a URL', async () => {
    const missing = await failure(
      pull({ source: { kind: 'files', path: 'nope/*.csv', format: 'auto' } }),
    );
    expect(missing.kind).toBe('source');
    expect(missing.message).toMatch(/^nope\/\*\.csv: no such file/);
    const column = await failure(pull({ columns: ['id', 'price'] }));
    expect(column.kind).toBe('bad-request');
    expect(column.message).toContain('no column "price" (in the column list)');
    const stratum = await failure(
      pull({ stratify: { column: 'region', perStratum: null, floor: 1 } }),
    );
    expect(stratum.message).toContain('no column "region" (to stratify by)');
    const where = await failure(pull({ where: 'amount >' }));
    expect(where.kind).toBe('bad-request');
    expect(where.message).not.toContain('\n');
    const url = await failure(
      pull({ source: { kind: 'files', path: 'https://example.com/a.csv', format: 'auto' } }),
    );
    expect(url.message).toContain('cannot read http(s) URLs');
    const request = await failure(pull({ size: { kind: 'rows', rows: 0 } }));
    expect(request.kind).toBe('bad-request');
  });

  it('reads nothing outside the allowed root, by path or from a where expression', async () => {
    const root = path.join(dir, 'workspace');
    await mkdir(root, { recursive: true });
    await writeFile(path.join(root, 'small.csv'), 'id,v\n1,a\n2,b\n');
    const inRoot = {
      baseDir: root,
      allowedRoot: root,
      out: path.join(root, 'samples', 's.parquet'),
    };
    const outside = await failure(
      pull({ source: { kind: 'files', path: '../big.csv', format: 'auto' } }, inRoot),
    );
    expect(outside.kind).toBe('bad-request');
    expect(outside.message).toContain('outside the workspace');
    const sneaky = await failure(
      pull(
        {
          source: { kind: 'files', path: 'small.csv', format: 'auto' },
          where: `id IN (SELECT id FROM read_csv('${dir}/big.csv'))`,
        },
        inRoot,
      ),
    );
    expect(sneaky.message).toContain('disabled by configuration');
    const fine = await pull(
      { source: { kind: 'files', path: 'small.csv', format: 'auto' } },
      inRoot,
    );
    expect(fine.manifest.rows.actual).toBe(2);
  });
});
