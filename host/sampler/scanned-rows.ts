/**
 * How many source rows a sampling statement read after its filters, learned from DuckDB's own
 * profile of that statement rather than from a second scan: counting a 10M-row CSV first took
 * as long as sampling it (bench/sample-files.bench.ts), so the manifest's source count comes
 * from the one scan that samples.
 *
 * The profile (DuckDB's JSON, `enable_profiling = 'json'`) is a tree of operators with their
 * output cardinalities. The rows that pass the filters are the output of the filter right above
 * the single table scan, or of the scan itself when the filters were pushed into it. A plan
 * with more than one scan, or with a sample operator below that point (a sample pushed into the
 * scan), has no such count: then the answer is null and the manifest keeps the estimate.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { isRecord } from '../../core/guards';
import { runTracked } from './duckdb-run';
import type { SourceContext } from './sample-source';

type ProfileNode = { operator: string; rows: number | null; children: ProfileNode[] };

/** Runs `sql` on `connection` with DuckDB's profiler on; answers the rows its scan let through. */
export async function runCountingScannedRows(
  connection: DuckDBConnection,
  sql: string,
  context: SourceContext,
  message: string,
  scratchDirectory: string,
): Promise<number | null> {
  const file = path.join(scratchDirectory, 'profile.json');
  await connection.run("SET enable_profiling = 'json'");
  await connection.run(`SET profiling_output = '${file.replace(/'/g, "''")}'`);
  try {
    await runTracked(connection, sql, context, message);
  } finally {
    await connection.run('RESET enable_profiling');
  }
  try {
    return filteredRowsOf(JSON.parse(await readFile(file, 'utf8')));
  } catch {
    return null;
  } finally {
    await rm(file, { force: true });
  }
}

/** The rows through the filters of the one table scan in a DuckDB JSON profile, or null. */
export function filteredRowsOf(profile: unknown): number | null {
  const root = nodeOf(profile);
  if (root === null) return null;
  const paths = scanPaths(root, []);
  if (paths.length !== 1) return null;
  const chain = paths[0];
  const scan = chain[chain.length - 1];
  const parent = chain.length >= 2 ? chain[chain.length - 2] : null;
  if (parent !== null && /SAMPLE/.test(parent.operator)) return null;
  if (/SAMPLE/.test(scan.operator)) return null;
  return parent !== null && parent.operator === 'FILTER' ? parent.rows : scan.rows;
}

/** Every path from `node` down to a table scan, root first. */
function scanPaths(node: ProfileNode, above: ProfileNode[]): ProfileNode[][] {
  const chain = [...above, node];
  if (node.operator === 'TABLE_SCAN' || node.operator === 'READ_CSV_AUTO') return [chain];
  return node.children.flatMap((child) => scanPaths(child, chain));
}

function nodeOf(value: unknown): ProfileNode | null {
  if (!isRecord(value)) return null;
  const children = Array.isArray(value.children) ? value.children : [];
  const nodes = children.map(nodeOf);
  if (nodes.some((n) => n === null)) return null;
  const operator = typeof value.operator_type === 'string' ? value.operator_type : '';
  const rows = typeof value.operator_cardinality === 'number' ? value.operator_cardinality : null;
  return { operator, rows, children: nodes as ProfileNode[] };
}
