/**
 * The DuckDB table function that reads a files source. CSV and TSV are always read with
 * `store_rejects`: DuckDB's sniffer, shown a file with a malformed row but told to fail,
 * can settle on one VARCHAR column and "succeed" (measured with 1.5.6); with rejects stored it
 * sniffs the real columns, skips the malformed rows and records each one's physical line, and
 * the source then fails or counts them as the request says (csv-rejects.ts).
 */
import type { ResolvedFiles } from './file-pattern';

export function readerSql(files: ResolvedFiles): string {
  const target = literal(files.kind === 'url' ? files.url : files.pattern);
  const hive =
    files.kind === 'local' && files.hive
      ? ', hive_partitioning = true'
      : ', hive_partitioning = false';
  switch (files.format) {
    case 'csv':
      return `read_csv(${target}, store_rejects = true${hive})`;
    case 'tsv':
      return `read_csv(${target}, delim = '\\t', store_rejects = true${hive})`;
    case 'parquet':
      return `read_parquet(${target}${hive})`;
    case 'json':
      return `read_json(${target}, format = 'auto'${hive})`;
    case 'ndjson':
      return `read_json(${target}, format = 'newline_delimited'${hive})`;
  }
}

export function isDelimited(files: ResolvedFiles): boolean {
  return files.format === 'csv' || files.format === 'tsv';
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
