import { describe, expect, it } from 'vitest';
import {
  connectionString,
  defaultSampleName,
  EMPTY_SAMPLE_FORM,
  formRequest,
  parseSize,
  withField,
  type SampleForm,
} from './sample-form';

const files = (fields: Partial<SampleForm>): SampleForm => ({
  ...EMPTY_SAMPLE_FORM,
  path: 'data/orders.csv',
  name: 'orders',
  ...fields,
});

describe('the Pull sample form', () => {
  it('reads a size as rows or a fraction', () => {
    expect(parseSize('1000')).toEqual({ kind: 'rows', rows: 1000 });
    expect(parseSize(' 1_000 ')).toEqual({ kind: 'rows', rows: 1000 });
    expect(parseSize('12,500')).toEqual({ kind: 'rows', rows: 12500 });
    expect(parseSize('0.1')).toEqual({ kind: 'fraction', fraction: 0.1 });
    expect(parseSize('.5')).toEqual({ kind: 'fraction', fraction: 0.5 });
    expect(parseSize('10%')).toEqual({ kind: 'fraction', fraction: 0.1 });
    for (const bad of ['', 'ten', '0,5', '-3', '1e3']) expect(parseSize(bad)).toBeNull();
  });

  it('names a sample after its file, folder or table, as a SQL identifier', () => {
    const name = (path: string) =>
      defaultSampleName({ sourceKind: 'files', path, tableOrQuery: '' });
    expect(name('data/Orders 2024.csv')).toBe('orders_2024');
    expect(name('events/*.parquet')).toBe('events');
    expect(name('logs/2024/**/*.csv.gz')).toBe('_2024');
    expect(name('https://example.com/x/trips.parquet')).toBe('trips');
    const table = (tableOrQuery: string) =>
      defaultSampleName({ sourceKind: 'postgres', path: '', tableOrQuery });
    expect(table('shop.orders')).toBe('orders');
    expect(table('SELECT * FROM orders')).toBe('query_sample');
  });

  it('the name follows the path until it is typed', () => {
    let form = withField(EMPTY_SAMPLE_FORM, 'path', 'data/customers.csv');
    expect(form.name).toBe('customers');
    form = withField(form, 'name', 'clients');
    form = withField(form, 'path', 'data/orders.csv');
    expect(form.name).toBe('clients');
  });

  it('makes the request: defaults by size, hash when stratified, lists split', () => {
    const rows = formRequest(files({}));
    expect(rows).toEqual({
      kind: 'request',
      name: 'orders',
      request: {
        source: { kind: 'files', path: 'data/orders.csv', format: 'auto' },
        method: 'hash',
        size: { kind: 'rows', rows: 1000 },
        seed: 42,
        stratify: null,
        where: null,
        timeWindow: null,
        columns: null,
        threads: null,
        onError: 'fail',
      },
    });
    const fraction = formRequest(files({ size: '5%', columns: ' id, amount ,', where: ' x > 1 ' }));
    expect(fraction).toMatchObject({
      request: {
        method: 'bernoulli',
        size: { kind: 'fraction', fraction: 0.05 },
        columns: ['id', 'amount'],
        where: 'x > 1',
      },
    });
    expect(formRequest(files({ onError: 'skip' }))).toMatchObject({ request: { onError: 'skip' } });
    const strata = formRequest(files({ stratifyBy: 'country', size: '0.2' }));
    expect(strata).toMatchObject({
      request: { method: 'hash', stratify: { column: 'country', perStratum: null, floor: 10 } },
    });
  });

  it('says what is wrong in one line and names the field', () => {
    const problem = (fields: Partial<SampleForm>) => formRequest(files(fields));
    expect(problem({ path: '  ' })).toMatchObject({ kind: 'problem', field: 'path' });
    expect(problem({ size: '0' })).toMatchObject({ field: 'size', message: /^Size: / });
    expect(problem({ size: '150%' })).toMatchObject({ field: 'size' });
    expect(problem({ seed: '-1' })).toMatchObject({ field: 'seed' });
    expect(problem({ seed: '2147483648' })).toMatchObject({ field: 'seed' });
    expect(problem({ name: '2024 orders' })).toMatchObject({ field: 'name' });
    expect(problem({ method: 'system', stratifyBy: 'country' })).toMatchObject({
      field: null,
      message: /^Stratified sampling .* must be hash, not system$/,
    });
    const postgres = { ...EMPTY_SAMPLE_FORM, sourceKind: 'postgres' as const, name: 'orders' };
    expect(formRequest({ ...postgres, port: '99999', tableOrQuery: 'orders' })).toMatchObject({
      field: 'port',
    });
    expect(formRequest(postgres)).toMatchObject({ field: 'tableOrQuery' });
  });

  it('composes the connection string from the fields, encoded; none when all are empty', () => {
    const fields = {
      host: 'db',
      port: '5433',
      database: 'shop',
      user: 'ana',
      password: 'p@ss:w/rd',
    };
    expect(connectionString(fields)).toBe('postgres://ana:p%40ss%3Aw%2Frd@db:5433/shop');
    expect(connectionString({ ...fields, user: '', password: '' })).toBe('postgres://db:5433/shop');
    expect(
      connectionString({ host: '', port: '', database: '', user: '', password: '' }),
    ).toBeNull();
    const query = formRequest({
      ...EMPTY_SAMPLE_FORM,
      sourceKind: 'postgres',
      ...fields,
      tableOrQuery: 'with x as (select 1) select * from x',
      name: 'q',
    });
    expect(query).toMatchObject({
      request: {
        source: {
          kind: 'postgres',
          connection: 'postgres://ana:p%40ss%3Aw%2Frd@db:5433/shop',
          table: null,
          query: 'with x as (select 1) select * from x',
        },
      },
    });
  });
});
