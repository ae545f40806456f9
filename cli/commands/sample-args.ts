/**
 * Arguments of `quarry sample` → a SampleRequest (core/sample/request.ts) plus where to write it.
 * Pure: every refusal is a UsageError (exit 2) naming the option, thrown before anything is read.
 * The source's text is never echoed when it is a PostgreSQL connection string (a password).
 */
import path from 'node:path';
import {
  DEFAULT_SEED,
  DEFAULT_STRATUM_FLOOR,
  MAX_SEED,
  defaultMethod,
  isSampleMethod,
  sampleRequestProblem,
  type FileFormat,
  type OnRowError,
  type SampleRequest,
  type SampleSize,
  type SampleSource,
  type Stratify,
  type TimeWindow,
} from '../../core/sample/request';
import { UsageError } from '../usage-error';

export type SampleArgs = {
  request: SampleRequest;
  /** Absolute path of the Parquet file; the manifest goes beside it. */
  out: string;
  force: boolean;
  quiet: boolean;
};

/** Each option that takes a value, with the example its error messages show. */
const VALUE_OPTIONS = {
  '--from': 'events/*.parquet',
  '--table': 'public.orders',
  '--query': '"SELECT * FROM orders"',
  '--rows': '10000',
  '--fraction': '0.01',
  '--method': 'hash',
  '--stratify': 'country',
  '--per-stratum': '100',
  '--floor': '10',
  '--where': '"amount > 0"',
  '--columns': 'id,amount,country',
  '--seed': '42',
  '--threads': '4',
  '--on-error': 'skip',
  '--format': 'csv',
  '--time-column': 'created_at',
  '--since': '2024-01-01',
  '--until': '2024-07-01',
  '--out': 'sample.parquet',
} as const;
type ValueOption = keyof typeof VALUE_OPTIONS;

const FLAGS = { '--force': true, '--quiet': true } as const;
type Flag = keyof typeof FLAGS;

const SHORT: Record<string, ValueOption | Flag> = { '-o': '--out', '-q': '--quiet' };

const FORMATS: Record<string, Exclude<FileFormat, 'auto'>> = {
  csv: 'csv',
  tsv: 'tsv',
  parquet: 'parquet',
  json: 'json',
  ndjson: 'ndjson',
};

/** `pg:` alone means the PG* environment variables; `pg:host=… dbname=…` is a keyword string. */
const PG_PREFIX = 'pg:';

export function isPostgresSourceText(from: string): boolean {
  return /^postgres(ql)?:\/\//i.test(from) || from.startsWith(PG_PREFIX);
}

/** `cwd`: where relative paths (the output; a file source, through the sampler) resolve. */
export function parseSampleArgs(argv: string[], cwd: string): SampleArgs {
  const { values, flags } = readOptions(argv);
  const from = values.get('--from');
  if (from === undefined)
    throw new UsageError(
      'quarry sample needs a source: --from PATH, a glob, a URL, postgres://… or pg: (see quarry sample --help)',
    );
  const out = values.get('--out');
  if (out === undefined)
    throw new UsageError('quarry sample needs an output file: --out sample.parquet');
  if (!out.toLowerCase().endsWith('.parquet'))
    throw new UsageError(
      `--out must name a .parquet file, e.g. --out sample.parquet, not "${out}"`,
    );
  const stratifyColumn = values.get('--stratify') ?? null;
  for (const option of ['--per-stratum', '--floor'] as const)
    if (values.has(option) && stratifyColumn === null)
      throw new UsageError(`${option} applies to stratified samples: add --stratify COLUMN`);
  const perStratum = values.has('--per-stratum');
  if (perStratum && values.has('--floor'))
    throw new UsageError(
      '--floor applies to a total or a fraction shared across strata; with --per-stratum N every stratum already gets N rows (or all it has)',
    );
  const size = parseSize(values);
  const stratify: Stratify | null =
    stratifyColumn === null
      ? null
      : {
          column: nonEmpty(stratifyColumn, '--stratify'),
          // --per-stratum N is the size itself (parseSize): N from each stratum, so no floor
          // (the sampler raises every stratum to the floor, which would override N).
          perStratum: perStratum && size.kind === 'rows' ? size.rows : null,
          floor: perStratum
            ? 0
            : values.has('--floor')
              ? wholeNumber(values.get('--floor'), '--floor', 0)
              : DEFAULT_STRATUM_FLOOR,
        };
  const method = values.get('--method');
  if (method !== undefined && !isSampleMethod(method))
    throw new UsageError(
      `--method must be one of reservoir, bernoulli, system, hash, not "${method}"`,
    );
  const source = parseSource(from, values);
  const request: SampleRequest = {
    source,
    // Stratified samples rank rows by hash within each stratum, whatever the size's kind.
    method: method ?? (stratify ? 'hash' : defaultMethod(size, source)),
    size,
    seed: values.has('--seed')
      ? wholeNumber(values.get('--seed'), '--seed', 0, MAX_SEED)
      : DEFAULT_SEED,
    stratify,
    where: values.has('--where') ? nonEmpty(values.get('--where') ?? '', '--where') : null,
    timeWindow: parseTimeWindow(values),
    columns: values.has('--columns') ? parseColumns(values.get('--columns') ?? '') : null,
    threads: values.has('--threads') ? wholeNumber(values.get('--threads'), '--threads', 1) : null,
    onError: parseOnError(values.get('--on-error')),
  };
  const problem = sampleRequestProblem(request);
  if (problem !== null) throw new UsageError(problem);
  return {
    request,
    out: path.resolve(cwd, out),
    force: flags.has('--force'),
    quiet: flags.has('--quiet'),
  };
}

function readOptions(argv: string[]): { values: Map<ValueOption, string>; flags: Set<Flag> } {
  const values = new Map<ValueOption, string>();
  const flags = new Set<Flag>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const written = equals > 0 ? arg.slice(0, equals) : arg;
    const name = SHORT[written] ?? written;
    if (name in FLAGS) {
      if (equals > 0) throw new UsageError(`${name} takes no value`);
      flags.add(name as Flag);
    } else if (name in VALUE_OPTIONS) {
      const option = name as ValueOption;
      const value = equals > 0 ? arg.slice(equals + 1) : argv[++i];
      // A following option is a forgotten value (`--rows --out x`), not a value.
      if (value === undefined || (equals < 0 && value.startsWith('--')))
        throw new UsageError(`${written} needs a value, e.g. ${option} ${VALUE_OPTIONS[option]}`);
      if (values.has(option)) throw new UsageError(`${option} is given twice; give it once`);
      values.set(option, value);
    } else if (arg.startsWith('-'))
      throw new UsageError(
        `unknown option ${written} for quarry sample (see quarry sample --help)`,
      );
    else
      throw new UsageError(
        `quarry sample takes options only, not "${arg}": name the source with --from`,
      );
  }
  return { values, flags };
}

function parseSource(from: string, values: Map<ValueOption, string>): SampleSource {
  const table = values.get('--table') ?? null;
  const query = values.get('--query') ?? null;
  if (isPostgresSourceText(from)) {
    for (const option of ['--format', '--on-error'] as const)
      if (values.has(option))
        throw new UsageError(`${option} applies to file sources, not to a PostgreSQL source`);
    if (table === null && query === null)
      throw new UsageError('a PostgreSQL source needs --table NAME or --query "SELECT …"');
    if (table !== null && query !== null)
      throw new UsageError('give --table or --query for a PostgreSQL source, not both');
    const keywords = from.startsWith(PG_PREFIX) ? from.slice(PG_PREFIX.length).trim() : from;
    return {
      kind: 'postgres',
      connection: keywords === '' ? null : keywords,
      table: table === null ? null : nonEmpty(table, '--table'),
      query: query === null ? null : nonEmpty(query, '--query'),
    };
  }
  for (const option of ['--table', '--query'] as const)
    if (values.has(option))
      throw new UsageError(
        `${option} applies to PostgreSQL sources; "${from}" is a file source (filter it with --where, pick columns with --columns)`,
      );
  if (from.trim() === '') throw new UsageError('--from is empty; name a file, a glob or a URL');
  const format = values.get('--format');
  if (format !== undefined && !(format in FORMATS))
    throw new UsageError(
      `--format must be one of csv, tsv, parquet, json, ndjson, not "${format}"`,
    );
  return { kind: 'files', path: from, format: format === undefined ? 'auto' : FORMATS[format] };
}

function parseSize(values: Map<ValueOption, string>): SampleSize {
  const given = (['--rows', '--fraction', '--per-stratum'] as const).filter((o) => values.has(o));
  if (given.length === 0)
    throw new UsageError(
      'quarry sample needs a size: --rows N or --fraction F (or --per-stratum N with --stratify)',
    );
  if (given.length > 1) throw new UsageError(`give one size, not ${given.join(' and ')}`);
  const option = given[0];
  if (option === '--fraction')
    return { kind: 'fraction', fraction: parseFraction(values.get(option)) };
  return { kind: 'rows', rows: wholeNumber(values.get(option), option, 1) };
}

function parseFraction(text = ''): number {
  const fraction = /^(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(text) ? Number(text) : NaN;
  if (!(fraction > 0 && fraction <= 1))
    throw new UsageError(
      `--fraction must be above 0 and at most 1 (0.01 keeps 1% of the rows), not "${text}"`,
    );
  return fraction;
}

function wholeNumber(
  text = '',
  option: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(Number.isSafeInteger(n) && n >= min && n <= max)) {
    const range =
      max === Number.MAX_SAFE_INTEGER
        ? min === 0
          ? 'from 0'
          : `above ${min - 1}`
        : `from ${min} to ${max}`;
    throw new UsageError(`${option} needs a whole number ${range}, not "${text}"`);
  }
  return n;
}

function nonEmpty(text: string, option: string): string {
  if (text.trim() === '') throw new UsageError(`${option} is empty`);
  return text;
}

function parseColumns(text: string): string[] {
  const columns = text.split(',').map((name) => name.trim());
  if (columns.some((name) => name === ''))
    throw new UsageError(`--columns has an empty name in "${text}"; separate names with commas`);
  const repeated = columns.find((name, i) => columns.indexOf(name) !== i);
  if (repeated !== undefined) throw new UsageError(`--columns names "${repeated}" twice`);
  return columns;
}

function parseOnError(text: string | undefined): OnRowError {
  if (text === undefined || text === 'fail' || text === 'skip') return text ?? 'fail';
  throw new UsageError(`--on-error must be fail or skip, not "${text}"`);
}

/** An ISO date (`2024-01-31`) or timestamp (`2024-01-31T12:00:00Z`, `2024-01-31 12:00`). */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function parseTimeWindow(values: Map<ValueOption, string>): TimeWindow | null {
  const column = values.get('--time-column');
  const since = values.get('--since') ?? null;
  const until = values.get('--until') ?? null;
  if (column === undefined) {
    if (since !== null || until !== null)
      throw new UsageError(`${since !== null ? '--since' : '--until'} needs --time-column COLUMN`);
    return null;
  }
  if (since === null && until === null)
    throw new UsageError('--time-column needs --since T, --until T or both');
  for (const [option, text] of [
    ['--since', since],
    ['--until', until],
  ] as const)
    if (text !== null && !(ISO_TIME.test(text) && !Number.isNaN(Date.parse(text))))
      throw new UsageError(
        `${option} needs an ISO date or timestamp (2024-01-31, 2024-01-31T12:00:00Z), not "${text}"`,
      );
  if (since !== null && until !== null && Date.parse(since) >= Date.parse(until))
    throw new UsageError(`--since (${since}) must be before --until (${until})`);
  return { column: nonEmpty(column, '--time-column'), from: since, to: until };
}
