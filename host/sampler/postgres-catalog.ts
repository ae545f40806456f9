/**
 * What PostgreSQL's catalog says about a source before sampling: the table a name means (by
 * PostgreSQL's own rules: `to_regclass` folds unquoted names and follows the search path),
 * whether TABLESAMPLE may follow it, its primary key, its columns as the wire sends them
 * (`LIMIT 0`), and the planner's row estimate after the request's filters.
 */
import type { SampleColumn } from '../../core/sample/manifest';
import { postgresDialect } from './postgres-dialect';
import type { FieldInfo, PostgresSession } from './postgres-session';
import { duckdbTypeOf } from './postgres-types';
import { SampleError } from './sample-error';
import { whereClause } from './sampling-sql';

export type ResolvedTable = {
  /** `"schema"."name"`, quoted by PostgreSQL itself. */
  reference: string;
  /** Tables, partitioned tables and materialised views take TABLESAMPLE; views do not. */
  sampleable: boolean;
  /** The primary key's columns, in table order; empty when there is none. */
  key: string[];
  notNull: Set<string>;
  /** 8 kB pages on disk (of every partition): an exact count is cheap when there are few. */
  pages: number;
};

export type SourceColumns = { fields: FieldInfo[]; columns: SampleColumn[] };

/** Relation kinds that accept TABLESAMPLE (pg_class.relkind). */
const SAMPLEABLE_KINDS = new Set(['r', 'p', 'm']);

export async function resolveTable(
  session: PostgresSession,
  name: string,
  signal: AbortSignal,
): Promise<ResolvedTable> {
  const literal = postgresDialect.quoteString(name);
  const found = await session.query(
    `SELECT c.oid, c.relkind, quote_ident(n.nspname) || '.' || quote_ident(c.relname),` +
      ` CASE WHEN c.relkind = 'p' THEN (SELECT coalesce(sum(pg_catalog.pg_relation_size(t.relid)), 0)` +
      ` FROM pg_catalog.pg_partition_tree(c.oid) t) ELSE pg_catalog.pg_relation_size(c.oid) END / 8192` +
      ` FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace` +
      ` WHERE c.oid = pg_catalog.to_regclass(${literal})`,
    signal,
    `read the table name ${literal}`,
  );
  const row = found.rows[0];
  if (row === undefined)
    throw new SampleError(
      'bad-request',
      `PostgreSQL has no table or view named ${name}: check the name, or write it as schema.name`,
    );
  const [oid, kind, reference, pages] = row as string[];
  const attributes = await session.query(
    `SELECT a.attname, a.attnotnull, coalesce(a.attnum = ANY (i.indkey), false)` +
      ` FROM pg_catalog.pg_attribute a` +
      ` LEFT JOIN pg_catalog.pg_index i ON i.indrelid = a.attrelid AND i.indisprimary` +
      ` WHERE a.attrelid = ${oid} AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    signal,
    `read the columns of ${reference}`,
  );
  return {
    reference,
    sampleable: SAMPLEABLE_KINDS.has(kind),
    key: attributes.rows.filter((a) => a[2] === 'true' || a[2] === 't').map((a) => String(a[0])),
    notNull: new Set(
      attributes.rows.filter((a) => a[1] === 'true' || a[1] === 't').map((a) => String(a[0])),
    ),
    pages: Number(pages),
  };
}

/** The columns `from` yields, with the DuckDB type each becomes. */
export async function sourceColumns(
  session: PostgresSession,
  from: string,
  notNull: ReadonlySet<string>,
  signal: AbortSignal,
): Promise<SourceColumns> {
  const { fields } = await session.query(
    `SELECT * FROM ${from} LIMIT 0`,
    signal,
    'read the columns of the source',
  );
  const seen = new Set<string>();
  for (const field of fields) {
    if (seen.has(field.name))
      throw new SampleError(
        'bad-request',
        `the source has two columns named ${field.name}: give them distinct names (AS)`,
      );
    seen.add(field.name);
  }
  return {
    fields,
    columns: fields.map((f) => ({
      name: f.name,
      type: duckdbTypeOf(f.typeOid, f.typeModifier),
      nullable: !notNull.has(f.name),
    })),
  };
}

/** The planner's estimate of `SELECT … FROM from WHERE conditions`, and its cost. */
export async function plannerEstimate(
  session: PostgresSession,
  from: string,
  conditions: string[],
  signal: AbortSignal,
): Promise<{ rows: number; cost: number }> {
  const { rows } = await session.query(
    `EXPLAIN (FORMAT JSON) SELECT 1 FROM ${from}${whereClause(conditions)}`,
    signal,
    'estimate the rows of the source (check the where expression)',
  );
  const plan: unknown = JSON.parse(String(rows[0]?.[0] ?? '[]'));
  const top = Array.isArray(plan) ? (plan[0] as { Plan?: Record<string, unknown> }) : undefined;
  const planRows = top?.Plan?.['Plan Rows'];
  const cost = top?.Plan?.['Total Cost'];
  return {
    rows: typeof planRows === 'number' ? planRows : 0,
    cost: typeof cost === 'number' ? cost : Number.POSITIVE_INFINITY,
  };
}

/** `count(*)` after the filters: exact, for sources cheap enough to scan. */
export async function exactCount(
  session: PostgresSession,
  from: string,
  conditions: string[],
  signal: AbortSignal,
): Promise<number> {
  const { rows } = await session.query(
    `SELECT count(*) FROM ${from}${whereClause(conditions)}`,
    signal,
    'count the rows of the source',
  );
  return Number(rows[0]?.[0] ?? 0);
}
