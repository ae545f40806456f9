/**
 * Runs one statement on the sampler's DuckDB as part of a job: progress polled into the job's
 * `onProgress` every 100 ms, the statement interrupted when the job's signal aborts, and DuckDB's
 * errors turned into one-line SampleErrors (a parser or binder error is the request's fault, an
 * I/O error the source's).
 */
import type { DuckDBConnection, DuckDBMaterializedResult } from '@duckdb/node-api';
import type { SourceContext } from './sample-source';
import { cancelledError, isSampleError, SampleError } from './sample-error';

const PROGRESS_INTERVAL_MS = 100;

export async function runTracked(
  connection: DuckDBConnection,
  sql: string,
  context: SourceContext,
  message: string,
): Promise<DuckDBMaterializedResult> {
  if (context.signal.aborted) throw cancelledError();
  const interrupt = () => connection.interrupt();
  context.signal.addEventListener('abort', interrupt);
  const timer = setInterval(() => {
    const { percentage, rows_processed, total_rows_to_process } = connection.progress;
    if (percentage < 0) return;
    const total = Number(total_rows_to_process);
    context.onProgress({
      done: Number(rows_processed),
      total: total > 0 ? total : null,
      unit: 'rows',
      message,
    });
  }, PROGRESS_INTERVAL_MS);
  try {
    return await connection.run(sql);
  } catch (error) {
    throw context.signal.aborted ? cancelledError() : sampleErrorOf(error, message);
  } finally {
    clearInterval(timer);
    context.signal.removeEventListener('abort', interrupt);
  }
}

/** DuckDB's error as a SampleError: its first line, after what was being done. */
export function sampleErrorOf(error: unknown, doing: string): SampleError {
  if (isSampleError(error)) return error;
  const text = error instanceof Error ? error.message : String(error);
  const first = text.split('\n').find((line) => line.trim() !== '') ?? text;
  const kind = /^(Parser|Binder|Catalog|Conversion|Permission) Error/.test(first)
    ? 'bad-request'
    : 'source';
  if (/^INTERRUPT Error/.test(first)) return cancelledError();
  return new SampleError(kind, `${doing}: ${first.trim()}`);
}
