/**
 * The source for a request, by the kind of its source: one implementation per engine
 * (sample-source.ts).
 */
import type { SampleRequest } from '../../core/sample/request';
import { createFilesSource } from './duckdb-files-source';
import { SampleError } from './sample-error';
import type { SampleSource, SourceOptions } from './sample-source';

export function createSource(request: SampleRequest, options: SourceOptions): SampleSource {
  const kind = request.source.kind;
  switch (kind) {
    case 'files':
      return createFilesSource(request, options);
    case 'postgres':
      // LEAD, AT MERGE: `return createPostgresSource(request, options);` from ./postgres-source
      // (branch h-postgres), replacing this throw.
      throw new SampleError('source', 'PostgreSQL sources: not wired yet');
    default:
      kind satisfies never;
      throw new Error(`unknown source kind ${String(kind)}`);
  }
}
