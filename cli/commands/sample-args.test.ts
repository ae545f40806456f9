import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, DEFAULT_STRATUM_FLOOR } from '../../core/sample/request';
import { UsageError } from '../usage-error';
import { parseSampleArgs } from './sample-args';

const CWD = '/work/project';
const parse = (...argv: string[]) => parseSampleArgs(argv, CWD);

describe('parseSampleArgs', () => {
  it('makes a request with the defaults from a file, a size and an output', () => {
    expect(parse('--from', 'events/*.parquet', '--rows', '10000', '--out', 's.parquet')).toEqual({
      request: {
        source: { kind: 'files', path: 'events/*.parquet', format: 'auto' },
        method: 'hash',
        size: { kind: 'rows', rows: 10000 },
        seed: DEFAULT_SEED,
        stratify: null,
        where: null,
        timeWindow: null,
        columns: null,
        threads: null,
        onError: 'fail',
      },
      out: path.join(CWD, 's.parquet'),
      force: false,
      quiet: false,
    });
  });

  it('reads every option, as --name value and --name=value', () => {
    const args = parse(
      '--from=logs/a.txt',
      '--format',
      'csv',
      '--fraction=0.25',
      '--method',
      'system',
      '--where',
      'amount > 0',
      '--columns',
      ' id, amount ',
      '--seed=7',
      '--threads',
      '2',
      '--on-error',
      'skip',
      '--time-column',
      'ts',
      '--since',
      '2024-01-01',
      '--until=2024-07-01T00:00:00Z',
      '-o',
      '/abs/out.parquet',
      '--force',
      '-q',
    );
    expect(args).toEqual({
      request: {
        source: { kind: 'files', path: 'logs/a.txt', format: 'csv' },
        method: 'system',
        size: { kind: 'fraction', fraction: 0.25 },
        seed: 7,
        stratify: null,
        where: 'amount > 0',
        timeWindow: { column: 'ts', from: '2024-01-01', to: '2024-07-01T00:00:00Z' },
        columns: ['id', 'amount'],
        threads: 2,
        onError: 'skip',
      },
      out: '/abs/out.parquet',
      force: true,
      quiet: true,
    });
  });

  it('defaults to bernoulli for a fraction, and to hash when stratified', () => {
    const base = ['--from', 'a.csv', '--out', 's.parquet'];
    expect(parse(...base, '--fraction', '0.1').request.method).toBe('bernoulli');
    expect(parse(...base, '--fraction', '0.1', '--stratify', 'c').request).toMatchObject({
      method: 'hash',
      stratify: { column: 'c', perStratum: null, floor: DEFAULT_STRATUM_FLOOR },
    });
  });

  it('defaults to reservoir for N rows of a PostgreSQL table, hash for a query', () => {
    const base = ['--from', 'pg:', '--rows', '10', '--out', 's.parquet'];
    expect(parse(...base, '--table', 't').request.method).toBe('reservoir');
    expect(parse(...base, '--query', 'SELECT 1').request.method).toBe('hash');
  });

  it('stratifies a total with a floor, or N per stratum', () => {
    const base = ['--from', 'a.csv', '--out', 's.parquet', '--stratify', 'country'];
    expect(parse(...base, '--rows', '500', '--floor', '0').request).toMatchObject({
      size: { kind: 'rows', rows: 500 },
      stratify: { column: 'country', perStratum: null, floor: 0 },
    });
    expect(parse(...base, '--per-stratum', '20').request).toMatchObject({
      size: { kind: 'rows', rows: 20 },
      stratify: { column: 'country', perStratum: 20, floor: 0 },
    });
  });

  it('reads PostgreSQL sources: a URL, a keyword string after pg:, pg: alone for PG*', () => {
    const base = ['--rows', '10', '--out', 's.parquet'];
    const url = 'postgresql://me:secret@db:5432/shop';
    expect(parse('--from', url, '--table', 'public.orders', ...base).request.source).toEqual({
      kind: 'postgres',
      connection: url,
      table: 'public.orders',
      query: null,
    });
    expect(
      parse('--from', 'pg:host=db dbname=shop', '--query', 'SELECT 1', ...base).request.source,
    ).toEqual({
      kind: 'postgres',
      connection: 'host=db dbname=shop',
      table: null,
      query: 'SELECT 1',
    });
    expect(parse('--from', 'pg:', '--table', 't', ...base).request.source).toMatchObject({
      connection: null,
    });
  });

  it('refuses bad usage with a one-line reason naming the option', () => {
    const file = ['--from', 'a.csv', '--out', 's.parquet'];
    const pg = ['--from', 'postgres://me:hunter2@db/shop', '--out', 's.parquet', '--rows', '5'];
    const cases: [string[], RegExp][] = [
      [['--rows', '5', '--out', 's.parquet'], /needs a source: --from/],
      [['--from', 'a.csv', '--rows', '5'], /needs an output file: --out/],
      [[...file, '--rows', '5', '--out', 't.parquet'], /--out is given twice/],
      [['--from', 'a.csv', '--rows', '5', '--out', 's.csv'], /--out must name a \.parquet file/],
      [[...file], /needs a size: --rows N or --fraction F/],
      [[...file, '--rows', '5', '--fraction', '0.5'], /give one size, not --rows and --fraction/],
      [[...file, '--rows', '0'], /--rows needs a whole number above 0, not "0"/],
      [[...file, '--rows', '-3'], /--rows needs a whole number above 0, not "-3"/],
      [[...file, '--rows', '2.5'], /not "2.5"/],
      [[...file, '--rows', '--force'], /--rows needs a value, e.g. --rows 10000/],
      [[...file, '--fraction', '0'], /--fraction must be above 0 and at most 1/],
      [[...file, '--fraction', '1.5'], /not "1.5"/],
      [[...file, '--fraction', 'half'], /not "half"/],
      [[...file, '--rows', '5', '--method', 'random'], /--method must be one of/],
      [
        [...file, '--rows', '5', '--seed', '-1'],
        /--seed needs a whole number from 0 to 2147483647/,
      ],
      [[...file, '--rows', '5', '--seed', '2147483648'], /not "2147483648"/],
      [[...file, '--rows', '5', '--threads', '0'], /--threads needs a whole number above 0/],
      [[...file, '--rows', '5', '--columns', 'a,,b'], /--columns has an empty name in "a,,b"/],
      [[...file, '--rows', '5', '--columns', 'a,b,a'], /--columns names "a" twice/],
      [[...file, '--rows', '5', '--where', ' '], /--where is empty/],
      [[...file, '--rows', '5', '--on-error', 'ignore'], /--on-error must be fail or skip/],
      [[...file, '--rows', '5', '--format', 'xlsx'], /--format must be one of csv, tsv/],
      [[...file, '--rows', '5', '--table', 't'], /--table applies to PostgreSQL sources; "a\.csv"/],
      [[...file, '--rows', '5', '--query', 'SELECT 1'], /--query applies to PostgreSQL sources/],
      [[...file, '--per-stratum', '5'], /--per-stratum applies to stratified samples/],
      [[...file, '--rows', '5', '--floor', '2'], /--floor applies to stratified samples/],
      [
        [...file, '--stratify', 'c', '--per-stratum', '5', '--floor', '2'],
        /--floor applies to a total or a fraction shared across strata/,
      ],
      [[...file, '--stratify', 'c', '--rows', '5', '--per-stratum', '2'], /give one size/],
      [[...file, '--stratify', 'c', '--fraction', '0.5', '--per-stratum', '2'], /give one size/],
      [
        [...file, '--stratify', 'c', '--rows', '5', '--method', 'system'],
        /the method must be hash/,
      ],
      [
        [...file, '--stratify', 'c', '--rows', '5', '--floor', 'x'],
        /--floor needs a whole number from 0/,
      ],
      [[...file, '--rows', '5', '--since', '2024-01-01'], /--since needs --time-column/],
      [[...file, '--rows', '5', '--time-column', 'ts'], /--time-column needs --since T, --until T/],
      [
        [...file, '--rows', '5', '--time-column', 'ts', '--since', 'yesterday'],
        /--since needs an ISO date/,
      ],
      [
        [
          ...file,
          '--rows',
          '5',
          '--time-column',
          'ts',
          '--since',
          '2024-02-01',
          '--until',
          '2024-01-01',
        ],
        /--since \(2024-02-01\) must be before --until \(2024-01-01\)/,
      ],
      [[...file, '--rows', '5', '--bogus'], /unknown option --bogus for quarry sample/],
      [[...file, '--rows', '5', '--force=yes'], /--force takes no value/],
      [[...file, '--rows', '5', 'extra.csv'], /takes options only, not "extra\.csv"/],
      [[...pg], /a PostgreSQL source needs --table NAME or --query/],
      [[...pg, '--table', 't', '--query', 'SELECT 1'], /not both/],
      [[...pg, '--table', 't', '--format', 'csv'], /--format applies to file sources/],
      [[...pg, '--table', 't', '--on-error', 'skip'], /--on-error applies to file sources/],
    ];
    for (const [argv, message] of cases) {
      const attempt = () => parseSampleArgs(argv, CWD);
      expect(attempt, argv.join(' ')).toThrow(UsageError);
      expect(attempt, argv.join(' ')).toThrow(message);
      try {
        attempt();
      } catch (error) {
        const text = (error as Error).message;
        expect(text, argv.join(' ')).not.toContain('\n');
        expect(text, argv.join(' ')).not.toContain('hunter2');
      }
    }
  });
});
