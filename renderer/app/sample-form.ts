/**
 * The "Pull sample" dialog's fields as typed, and the SampleRequest (core/sample/request.ts)
 * they make. Every field stays text while it is edited, so nothing typed is lost to a parse; a
 * field that does not make sense comes back as a one-line problem naming it, and the dialog
 * shows it and keeps the form. The password lives in this form only: it goes into the
 * connection string of the request being sent and is never stored anywhere else.
 */
import {
  DEFAULT_SEED,
  DEFAULT_STRATUM_FLOOR,
  defaultMethod,
  isSampleName,
  MAX_SEED,
  sampleRequestProblem,
  type FileFormat,
  type OnRowError,
  type SampleMethod,
  type SampleRequest,
  type SampleSize,
  type SampleSource,
} from '../../core/sample/request';

export type SourceKind = SampleSource['kind'];

export type SampleForm = {
  sourceKind: SourceKind;
  path: string;
  format: FileFormat;
  host: string;
  port: string;
  database: string;
  user: string;
  password: string;
  /** A table (`orders`, `shop.orders`) or one SELECT. */
  tableOrQuery: string;
  method: SampleMethod | 'default';
  /** Rows (`1000`) or a fraction (`0.1`, `10%`). */
  size: string;
  seed: string;
  where: string;
  /** Comma-separated. */
  columns: string;
  stratifyBy: string;
  /** Malformed CSV rows: stop at the first, or skip and count them. */
  onError: OnRowError;
  name: string;
  /** False until the name is typed: till then it follows the path or table. */
  nameEdited: boolean;
};

export const EMPTY_SAMPLE_FORM: SampleForm = {
  sourceKind: 'files',
  path: '',
  format: 'auto',
  host: '',
  port: '',
  database: '',
  user: '',
  password: '',
  tableOrQuery: '',
  method: 'default',
  size: '1000',
  seed: String(DEFAULT_SEED),
  where: '',
  columns: '',
  stratifyBy: '',
  onError: 'fail',
  name: '',
  nameEdited: false,
};

/** The field a problem is about: the dialog moves the focus there. */
export type SampleFormField = keyof Omit<SampleForm, 'nameEdited'>;

export type FormOutcome =
  | { kind: 'request'; request: SampleRequest; name: string }
  | { kind: 'problem'; field: SampleFormField | null; message: string };

/** `form` with one field changed, and the default name following the source. */
export function withField<K extends SampleFormField>(
  form: SampleForm,
  field: K,
  value: SampleForm[K],
): SampleForm {
  const next = { ...form, [field]: value, nameEdited: form.nameEdited || field === 'name' };
  return next.nameEdited ? next : { ...next, name: defaultSampleName(next) };
}

/** A SQL identifier from the file, folder or table name: `data/Orders 2024.csv` → `orders_2024`. */
export function defaultSampleName(
  form: Pick<SampleForm, 'sourceKind' | 'path' | 'tableOrQuery'>,
): string {
  const source = form.sourceKind === 'files' ? form.path : form.tableOrQuery;
  if (form.sourceKind === 'postgres' && isQuery(source)) return 'query_sample';
  const segments = source
    .split(/[/\\]/)
    .filter((segment) => segment !== '' && !/[*?[{]/.test(segment));
  const last = (segments.at(-1) ?? '').split('.');
  // `orders.csv.gz` → `orders`; `shop.orders` (a table) → `orders`.
  const stem = form.sourceKind === 'files' ? last[0] : (last.at(-1) ?? '');
  const identifier = stem
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
  if (identifier === '') return '';
  return /^[0-9]/.test(identifier) ? `_${identifier}` : identifier;
}

export function formRequest(form: SampleForm): FormOutcome {
  const problem = (field: SampleFormField | null, message: string): FormOutcome => ({
    kind: 'problem',
    field,
    message,
  });
  const source = sourceOf(form);
  if (typeof source === 'string') return problem('port', source);
  if (form.sourceKind === 'files' && form.path.trim() === '')
    return problem('path', 'Path: type the file, folder or glob to sample');
  if (form.sourceKind === 'postgres' && form.tableOrQuery.trim() === '')
    return problem('tableOrQuery', 'Table or query: name a table or type one SELECT');
  const size = parseSize(form.size);
  if (
    size === null ||
    (size.kind === 'rows' ? size.rows < 1 : size.fraction > 1 || size.fraction <= 0)
  )
    return problem('size', 'Size: a number of rows (1000) or a fraction (0.1 or 10%) up to 1');
  const seed = form.seed.trim() === '' ? DEFAULT_SEED : Number(form.seed.trim());
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED)
    return problem('seed', `Seed: a whole number from 0 to ${MAX_SEED}`);
  const columns = form.columns
    .split(',')
    .map((column) => column.trim())
    .filter((column) => column !== '');
  const stratifyBy = form.stratifyBy.trim();
  // Stratified samples rank by hash within each stratum, so "default" means hash there.
  const method =
    form.method !== 'default'
      ? form.method
      : stratifyBy !== ''
        ? 'hash'
        : defaultMethod(size, source);
  const request: SampleRequest = {
    source,
    method,
    size,
    seed,
    stratify:
      stratifyBy === ''
        ? null
        : { column: stratifyBy, perStratum: null, floor: DEFAULT_STRATUM_FLOOR },
    where: form.where.trim() === '' ? null : form.where.trim(),
    timeWindow: null,
    columns: columns.length === 0 ? null : columns,
    threads: null,
    onError: form.onError,
  };
  const invalid = sampleRequestProblem(request);
  if (invalid !== null) return problem(null, capitalised(invalid));
  const name = form.name.trim();
  if (!isSampleName(name))
    return problem(
      'name',
      'Name: letters, digits and _, not starting with a digit (it becomes a SQL view)',
    );
  return { kind: 'request', request, name };
}

/** The source, or what is wrong with its port. */
function sourceOf(form: SampleForm): SampleSource | string {
  if (form.sourceKind === 'files')
    return { kind: 'files', path: form.path.trim(), format: form.format };
  const port = form.port.trim();
  if (port !== '' && !(/^\d+$/.test(port) && Number(port) >= 1 && Number(port) <= 65535))
    return 'Port: a number from 1 to 65535';
  const text = form.tableOrQuery.trim();
  const query = isQuery(text);
  return {
    kind: 'postgres',
    connection: connectionString(form),
    table: query ? null : text,
    query: query ? text : null,
  };
}

/**
 * `postgres://user:password@host:port/database`, each part encoded; null when every field is
 * empty, so the host uses its PG* environment variables.
 */
export function connectionString(
  form: Pick<SampleForm, 'host' | 'port' | 'database' | 'user' | 'password'>,
): string | null {
  const [host, port, database, user] = [form.host, form.port, form.database, form.user].map((v) =>
    v.trim(),
  );
  if ([host, port, database, user, form.password].every((v) => v === '')) return null;
  const login =
    user === '' && form.password === ''
      ? ''
      : `${encodeURIComponent(user)}${form.password === '' ? '' : `:${encodeURIComponent(form.password)}`}@`;
  return `postgres://${login}${host}${port === '' ? '' : `:${port}`}/${encodeURIComponent(database)}`;
}

function isQuery(text: string): boolean {
  return /^\s*(select|with)\b/i.test(text);
}

/** `1000`, `1_000`, `1,000` → rows; `0.1`, `10%` → a fraction. */
export function parseSize(text: string): SampleSize | null {
  const compact = text.trim().replace(/[_\s]/g, '');
  const plain = /^\d{1,3}(,\d{3})+$/.test(compact) ? compact.replaceAll(',', '') : compact;
  if (/^\d+$/.test(plain)) return { kind: 'rows', rows: Number(plain) };
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(plain);
  if (percent) return { kind: 'fraction', fraction: Number(percent[1]) / 100 };
  if (/^(\d+\.\d*|\.\d+)$/.test(plain)) return { kind: 'fraction', fraction: Number(plain) };
  return null;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
