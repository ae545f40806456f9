/**
 * The malformed rows DuckDB skipped while reading a CSV with `store_rejects` (its temporary
 * tables `reject_scans` and `reject_errors` on the connection that read it): how many distinct
 * lines, and the first, with its file and physical line number (the header is line 1).
 */
import type { DuckDBConnection } from '@duckdb/node-api';

export type CsvRejects = {
  rows: number;
  first: { file: string; line: number; problem: string } | null;
};

export async function csvRejects(connection: DuckDBConnection): Promise<CsvRejects> {
  const joined = `reject_errors e JOIN reject_scans s ON e.scan_id = s.scan_id AND e.file_id = s.file_id`;
  const count = await connection.runAndReadAll(
    `SELECT count(*) FROM (SELECT DISTINCT s.file_path, e.line FROM ${joined})`,
  );
  const rows = Number(count.getRows()[0][0]);
  if (rows === 0) return { rows, first: null };
  const first = await connection.runAndReadAll(
    `SELECT s.file_path, e.line, e.error_message FROM ${joined} ORDER BY s.file_path, e.line LIMIT 1`,
  );
  const [file, line, problem] = first.getRows()[0];
  return { rows, first: { file: String(file), line: Number(line), problem: String(problem) } };
}
