/**
 * The "Pull sample" operations of the host contract: `sample.preview` (the source's first rows
 * and schema, and the query the engine would receive), `sample.start` (pulls
 * `samples/NAME.parquet` and its manifest as a host job, host/jobs/) and `samples.list`.
 *
 * The app reads only inside the workspace (`allowedRoot`), resolves a relative source path
 * against the notebook's folder, and writes samples to the workspace's SAMPLES_FOLDER. An
 * existing sample is refused with a 'conflict' before anything runs unless `force` (the dialog
 * offers Overwrite), and so is a second pull into a file that is being pulled.
 */
import { mkdir, stat } from 'node:fs/promises';
import type { HostOperationMethods } from '../../core/host-contract';
import type { JobProgress } from '../../core/jobs';
import { manifestPathOf, type SampleManifest } from '../../core/sample/manifest';
import { SAMPLES_FOLDER, type SamplePreview } from '../../core/sample/preview';
import { sampleRequestProblem, type SampleRequest } from '../../core/sample/request';
import type { HostJobRegistry } from '../jobs/host-job-registry';
import type { PreviewOptions, PullOptions } from '../sampler/pull-sample';
import type { SourceOptions } from '../sampler/sample-source';
import { errorCode, resolveInWorkspace } from '../workspace/workspace';
import { HostError, toHostError } from './host-error';
import { sampleHostError } from './sample-failure';
import { listSamples } from './sample-listing';

/** The sampler's two entry points (host/sampler/pull-sample.ts); tests pass their own. */
export type Sampler = {
  pull(request: SampleRequest, options: PullOptions): Promise<SampleManifest>;
  preview(request: SampleRequest, options: PreviewOptions): Promise<SamplePreview>;
};

export type SampleHandlerContext = {
  /** The workspace folder (absolute). */
  root: string;
  /** Where relative source paths resolve: the notebook's folder, or the root. */
  baseDir: string;
  jobs: HostJobRegistry;
  sampler: Sampler;
  /** The PG* variables for a PostgreSQL source without a connection string. */
  env: NodeJS.ProcessEnv;
};

/** Rows the dialog's preview shows. */
export const PREVIEW_ROWS = 20;
/** A preview reads the first rows only; one that takes longer than this is stopped. */
export const PREVIEW_TIMEOUT_MS = 60_000;

/** What the progress bar says until the sampler reports. */
const PULL_STARTING: JobProgress = { done: 0, total: null, unit: 'rows', message: 'starting' };

type SampleOperations = Pick<
  HostOperationMethods,
  'sample.preview' | 'sample.start' | 'samples.list'
>;

export function createSampleHandlers(context: SampleHandlerContext): SampleOperations {
  const { root, jobs, sampler } = context;
  const source: SourceOptions = { baseDir: context.baseDir, allowedRoot: root, env: context.env };
  /** Workspace paths of the samples being pulled now. */
  const pulling = new Set<string>();

  return {
    'sample.preview': async ({ request }) => {
      checkRequest('sample.preview', request);
      const signal = AbortSignal.timeout(PREVIEW_TIMEOUT_MS);
      try {
        return await sampler.preview(request, { ...source, signal, limit: PREVIEW_ROWS });
      } catch (error) {
        if (signal.aborted)
          throw new HostError(
            'bad-request',
            `the preview took over ${PREVIEW_TIMEOUT_MS / 1000} s: narrow the source with a filter or a table`,
          );
        throw sampleHostError(error, root, request);
      }
    },
    'sample.start': async ({ request, name, force }) => {
      checkRequest('sample.start', request);
      const file = `${SAMPLES_FOLDER}/${name}.parquet`;
      if (pulling.has(file))
        throw new HostError(
          'conflict',
          `${file} is being pulled already: wait for it, or cancel it`,
        );
      const out = await samplePath(root, file);
      if (!force && ((await exists(out)) || (await exists(manifestPathOf(out)))))
        throw new HostError(
          'conflict',
          `${file} already exists: overwrite it, or choose another name`,
        );
      pulling.add(file);
      const jobId = jobs.start(
        `Pulling ${name}`,
        async ({ signal, onProgress }) => {
          try {
            const manifest = await sampler.pull(request, {
              ...source,
              out,
              force,
              signal,
              onProgress,
            });
            return { kind: 'sample', name, file, manifest };
          } catch (error) {
            throw sampleHostError(error, root, request);
          } finally {
            pulling.delete(file);
          }
        },
        PULL_STARTING,
      );
      return { jobId, file };
    },
    'samples.list': async () => ({ samples: await listSamples(root) }),
  };
}

function checkRequest(operation: string, request: SampleRequest): void {
  const problem = sampleRequestProblem(request);
  if (problem !== null) throw new HostError('bad-request', `${operation}: ${problem}`);
}

/** The absolute path of `file` in the samples folder, which is made if missing (checked). */
async function samplePath(root: string, file: string): Promise<string> {
  try {
    await mkdir(await resolveInWorkspace(root, SAMPLES_FOLDER), { recursive: true });
    // Checked again once the folder exists: a link made meanwhile must not lead out.
    return await resolveInWorkspace(root, file);
  } catch (error) {
    throw toHostError(error, undefined, SAMPLES_FOLDER);
  }
}

async function exists(absolute: string): Promise<boolean> {
  try {
    await stat(absolute);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw toHostError(error);
  }
}
