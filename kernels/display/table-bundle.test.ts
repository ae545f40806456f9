import { describe, expect, it } from 'vitest';
import type { Field } from '../frames/arrow-columns';
import { OUTPUT_TABLE_ROWS } from '../../core/table-resource';
import { jsonValue, shapeNote, TABLE_LIMITS, tableBundle } from './table-bundle';
import type { TableSource } from './table-source';

function source(
  fields: Field[],
  all: Record<string, unknown>[],
  numRows = all.length,
): TableSource {
  return {
    fields,
    numRows,
    bytes: 0,
    rows: (indices) => Array.from(indices, (i) => all[i]),
    column: (field) => all.map((row) => row[fields[field].name]),
  };
}

type Resource = {
  schema: { fields: { name: string; type: string }[] };
  data: Record<string, unknown>[];
  quarry: { total_rows: number; source_types: string[]; result_id?: string };
};

const resource = (bundle: Record<string, unknown>) =>
  bundle['application/vnd.dataresource+json'] as Resource;

describe('tableBundle', () => {
  const fields: Field[] = [
    { name: 'name', type: 'string', sourceType: 'Utf8' },
    { name: 'n', type: 'number', sourceType: 'Float64' },
  ];

  it('has the three MIME types with schema, data and total rows', () => {
    const bundle = tableBundle(source(fields, [{ name: 'a', n: 1.5 }]));
    expect(Object.keys(bundle).sort()).toEqual([
      'application/vnd.dataresource+json',
      'text/html',
      'text/plain',
    ]);
    expect(resource(bundle)).toEqual({
      schema: {
        fields: [
          { name: 'name', type: 'string' },
          { name: 'n', type: 'number' },
        ],
      },
      data: [{ name: 'a', n: 1.5 }],
      quarry: { total_rows: 1, source_types: ['Utf8', 'Float64'] },
    });
    expect(bundle['text/plain']).toBe('name  n\na     1.5\n[1 row × 2 columns]');
  });

  it('keeps only the first rows of a big table, and says so', () => {
    const all = Array.from({ length: 1000 }, (_, i) => ({ name: `r${i}`, n: i }));
    const bundle = tableBundle(source(fields, all, 10_000_000));
    expect(resource(bundle).data).toHaveLength(OUTPUT_TABLE_ROWS);
    expect(resource(bundle).quarry.total_rows).toBe(10_000_000);
    const html = bundle['text/html'] as string;
    expect(html.match(/<tr>/g)).toHaveLength(TABLE_LIMITS.htmlRows + 1); // + the header row
    expect(html).toContain(
      `<p>10,000,000 rows × 2 columns (first ${TABLE_LIMITS.htmlRows} shown)</p>`,
    );
    const plain = (bundle['text/plain'] as string).split('\n');
    expect(plain).toHaveLength(TABLE_LIMITS.plainRows + 2);
    expect(plain.at(-1)).toBe(
      `[10,000,000 rows × 2 columns (first ${TABLE_LIMITS.plainRows} shown)]`,
    );
  });

  it('escapes HTML in values, column names and types', () => {
    const evil: Field[] = [{ name: '<b>col</b>', type: 'string', sourceType: 'Utf8"><x>' }];
    const bundle = tableBundle(
      source(evil, [{ '<b>col</b>': '<script>alert("x")</script> & \'q\'' }]),
    );
    const html = bundle['text/html'] as string;
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;');
    expect(html).toContain('<th title="Utf8&quot;&gt;&lt;x&gt;">&lt;b&gt;col&lt;/b&gt;</th>');
    // The JSON keeps the value as it is: the app's table view renders it as text.
    expect(resource(bundle).data[0]['<b>col</b>']).toBe('<script>alert("x")</script> & \'q\'');
  });

  it('renders NULL for null, undefined and non-finite numbers', () => {
    const bundle = tableBundle(
      source(fields, [
        { name: null, n: Number.NaN },
        { name: undefined, n: Infinity },
      ]),
    );
    expect(resource(bundle).data).toEqual([
      { name: null, n: null },
      { name: null, n: null },
    ]);
    expect(bundle['text/html']).toContain('<tr><td>NULL</td><td>NULL</td></tr>');
    expect((bundle['text/plain'] as string).split('\n')[1]).toBe('NULL  NULL');
  });

  it('shows dates as ISO text: DATE columns as the day, timestamps in full', () => {
    const dateFields: Field[] = [
      { name: 'd', type: 'date', sourceType: 'Date32<DAY>' },
      { name: 't', type: 'datetime', sourceType: 'Timestamp<MICROSECOND>' },
    ];
    const when = new Date(Date.UTC(2024, 1, 29, 13, 45, 6, 789));
    const bundle = tableBundle(
      source(dateFields, [
        { d: when, t: when },
        { d: new Date(NaN), t: null },
      ]),
    );
    expect(resource(bundle).data).toEqual([
      { d: '2024-02-29', t: '2024-02-29T13:45:06.789Z' },
      { d: null, t: null },
    ]);
    expect(bundle['text/plain']).toContain('2024-02-29  2024-02-29T13:45:06.789Z');
  });

  it('keeps every digit in JSON and shows six significant digits in text', () => {
    const bundle = tableBundle(source(fields, [{ name: 'pi', n: Math.PI }]));
    expect(resource(bundle).data[0].n).toBe(Math.PI);
    expect(bundle['text/plain']).toContain('pi    3.14159');
  });

  it('truncates very long cells in text and HTML', () => {
    const long = 'x'.repeat(1000);
    const bundle = tableBundle(source(fields, [{ name: long, n: 1 }]));
    expect(bundle['text/html']).toContain(`<td>${'x'.repeat(TABLE_LIMITS.cellChars - 1)}…</td>`);
    expect((bundle['text/plain'] as string).split('\n')[1]).toMatch(/^x{39}… +1$/);
    expect(resource(bundle).data[0].name).toBe(long);
  });

  it('names the table the kernel keeps, when it keeps it', () => {
    const rows = [{ name: 'a', n: 1 }];
    expect(resource(tableBundle(source(fields, rows), 'k1-7')).quarry).toEqual({
      total_rows: 1,
      source_types: ['Utf8', 'Float64'],
      result_id: 'k1-7',
    });
    expect(resource(tableBundle(source(fields, rows))).quarry).not.toHaveProperty('result_id');
  });

  it('an empty table still has its columns', () => {
    const bundle = tableBundle(source(fields, []));
    expect(resource(bundle).data).toEqual([]);
    expect(bundle['text/plain']).toBe('name  n\n[0 rows × 2 columns]');
  });
});

describe('shapeNote', () => {
  const one: Field[] = [{ name: 'a', type: 'integer', sourceType: 'Int32' }];
  it('counts rows and columns, singular and plural, with thousands separators', () => {
    expect(shapeNote(source(one, [], 1), 1)).toBe('1 row × 1 column');
    expect(shapeNote(source(one, [], 12345), 10)).toBe('12,345 rows × 1 column (first 10 shown)');
  });
  it('does not count index fields as columns', () => {
    const indexed: TableSource = {
      ...source([{ name: '', type: 'string', sourceType: 'index' }, ...one], [], 2),
      indexColumns: 1,
    };
    expect(shapeNote(indexed, 2)).toBe('2 rows × 1 column');
  });
});

describe('jsonValue', () => {
  it('makes values JSON-safe', () => {
    expect(jsonValue(new Date(Date.UTC(2020, 0, 1)))).toBe('2020-01-01T00:00:00.000Z');
    expect(jsonValue(10n ** 20n)).toBe('100000000000000000000');
    expect(jsonValue(new Uint8Array(3))).toBe('<3 bytes>');
    expect(jsonValue([1, Number.NaN, { d: new Date(0) }])).toEqual([
      1,
      null,
      { d: '1970-01-01T00:00:00.000Z' },
    ]);
    expect(jsonValue(undefined)).toBeNull();
    expect(jsonValue('s')).toBe('s');
    expect(jsonValue(true)).toBe(true);
  });
});
