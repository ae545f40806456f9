import { describe, expect, it } from 'vitest';
import type { SampleRequest } from '../../../core/sample/request';
import type { SamplingDialect } from '../sampling-dialect';
import { oversampledRows, samplingStatements, type SamplingQueryInput } from '../sampling-sql';
import { bigQueryDialect } from './bigquery-dialect';
import { exampleRequest } from './doc-examples';
import { snowflakeDialect } from './snowflake-dialect';
import { sparkDialect } from './spark-dialect';
import { trinoDialect } from './trino-dialect';

const COLUMNS = ['id', 'country'];
const SOURCE_ROWS = 1_000_000;
const ROWS = { kind: 'rows', rows: 500 } as const;
const PERCENT = { kind: 'fraction', fraction: 0.02 } as const;
/** The percentage an N-row Bernoulli pass samples at (sampling-sql.ts, `oversampledRows`). */
const OVERSAMPLED = (oversampledRows(500) / SOURCE_ROWS) * 100;

type Expected = {
  dialect: SamplingDialect;
  /** `id` and `it's \` as the engine reads them. */
  quoted: { identifier: string; string: string };
  /** The start of the hash of seed 42 over `id` and `country`. */
  hash: string;
  /** The clause for a 2 % Bernoulli or system sample, or null where the engine has no seed. */
  bernoulli: string | null;
  system: string | null;
  /** The clause before the trim to N rows for reservoir, or null when it is the hash top-N. */
  reservoir: string | null;
  textType: string;
};

const engines: Expected[] = [
  {
    dialect: trinoDialect,
    quoted: { identifier: '"id"', string: "'it''s \\'" },
    hash: `from_big_endian_64(xxhash64(to_utf8(json_format(CAST(ARRAY['42', CAST("id" AS varchar), CAST("country" AS varchar)] AS JSON)))))`,
    bernoulli: null,
    system: null,
    reservoir: null,
    textType: 'varchar',
  },
  {
    dialect: sparkDialect,
    quoted: { identifier: '`id`', string: "'it\\'s \\\\'" },
    hash: 'xxhash64(42, `id`, `country`)',
    bernoulli: 'TABLESAMPLE (2 PERCENT) REPEATABLE (42)',
    system: null,
    reservoir: `TABLESAMPLE (${OVERSAMPLED} PERCENT) REPEATABLE (42)`,
    textType: 'STRING',
  },
  {
    dialect: bigQueryDialect,
    quoted: { identifier: '`id`', string: "'it\\'s \\\\'" },
    hash: "FARM_FINGERPRINT(CONCAT('42:', TO_JSON_STRING(STRUCT(`id`, `country`))))",
    bernoulli: null,
    system: null,
    reservoir: null,
    textType: 'STRING',
  },
  {
    dialect: snowflakeDialect,
    quoted: { identifier: '"id"', string: "'it''s \\\\'" },
    hash: 'HASH(42, "id", "country")',
    bernoulli: 'SAMPLE BERNOULLI (2) SEED (42)',
    system: 'SAMPLE SYSTEM (2) SEED (42)',
    reservoir: `SAMPLE BERNOULLI (${OVERSAMPLED}) SEED (42)`,
    textType: 'VARCHAR',
  },
];

function statements(dialect: SamplingDialect, overrides: Partial<SampleRequest>): string[] {
  const input: SamplingQueryInput = {
    dialect,
    from: dialect.quoteIdentifier('events'),
    fromIsTable: true,
    sourceColumns: COLUMNS,
    request: exampleRequest(overrides),
    sourceRows: SOURCE_ROWS,
  };
  const strata = [
    { value: 'FR', rows: 400_000 },
    { value: null, rows: 599_995 },
    { value: "it's", rows: 5 },
  ];
  return samplingStatements(input, overrides.stratify ? strata : null).statements;
}

describe.each(engines)('$dialect.engine', (expected) => {
  const { dialect } = expected;
  const id = dialect.quoteIdentifier('id');
  const country = dialect.quoteIdentifier('country');
  const events = dialect.quoteIdentifier('events');
  const rowHash = dialect.rowHash(42, [id, country]);
  const select = `SELECT ${id}, ${country} FROM ${events}`;
  const hashTopN = `${select} ORDER BY ${rowHash} LIMIT 500`;
  const hashBelow = `${select} WHERE ${rowHash} < 0.02`;

  it('quotes identifiers and strings as the engine reads them', () => {
    expect(dialect.quoteIdentifier('id')).toBe(expected.quoted.identifier);
    expect(dialect.quoteString("it's \\")).toBe(expected.quoted.string);
  });

  it("hashes the seed and every column with the engine's own 64-bit hash, mapped to [0, 1)", () => {
    expect(rowHash.startsWith('CAST(')).toBe(true);
    expect(rowHash).toContain(`(${expected.hash}, 4503599627370496)`);
    expect(rowHash.endsWith(' / 4503599627370496')).toBe(true);
    expect(dialect.rowHash(7, [id, country])).not.toBe(rowHash);
  });

  it('hash, N rows: the N lowest rowHash (of every column)', () => {
    expect(statements(dialect, { method: 'hash', size: ROWS })).toEqual([hashTopN]);
  });

  it('hash, fraction: the rows whose rowHash is below p', () => {
    expect(statements(dialect, { method: 'hash', size: PERCENT })).toEqual([hashBelow]);
  });

  it("bernoulli and system, fraction: the engine's seeded clause, or rowHash where it has none", () => {
    for (const method of ['bernoulli', 'system'] as const) {
      const clause = expected[method];
      expect(statements(dialect, { method, size: PERCENT })).toEqual([
        clause === null ? hashBelow : `${select} ${clause}`,
      ]);
    }
  });

  it('reservoir, N rows: a seeded oversampled Bernoulli pass trimmed by rowHash, or the hash top-N', () => {
    const { reservoir } = expected;
    expect(statements(dialect, { method: 'reservoir', size: ROWS })).toEqual([
      reservoir === null ? hashTopN : `${select} ${reservoir} ORDER BY ${rowHash} LIMIT 500`,
    ]);
  });

  it('stratified: counts the strata as text, then ranks by rowHash within each', () => {
    const stratify = { column: 'country', perStratum: null, floor: 10 };
    const [count, sample] = statements(dialect, { method: 'hash', size: ROWS, stratify });
    const asText = `CAST(${country} AS ${expected.textType})`;
    expect(count).toBe(
      `SELECT ${asText} AS ${dialect.quoteIdentifier('value')}, count(*) AS ${dialect.quoteIdentifier('rows')}` +
        ` FROM ${events} GROUP BY 1 ORDER BY 1`,
    );
    const stratum = dialect.quoteIdentifier('__quarry_stratum');
    expect(sample).toContain(`${asText} AS ${stratum}, ${rowHash} AS `);
    expect(sample).toContain(`row_number() OVER (PARTITION BY ${stratum} ORDER BY `);
    // The rare stratum, named by a quoted string, keeps all its 5 rows (below the floor of 10).
    expect(sample).toContain(`WHEN ${stratum} = ${dialect.quoteString("it's")} THEN 5 `);
    expect(sample).toContain(`WHEN ${stratum} IS NULL THEN `);
  });
});
