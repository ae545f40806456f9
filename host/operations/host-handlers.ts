/**
 * The host side of `core/host-contract.ts`: one async function per operation, independent of
 * the transport, so the browser-mode server (HTTP) and the Electron main process (IPC) run the
 * same code. Every path in a request goes through the workspace guard first; every failure
 * comes out as a HostError with a one-line message that names paths relative to the workspace.
 */
import path from 'node:path';
import {
  parseHostRequest,
  type HostOperation,
  type HostOperationMethods,
  type HostRequests,
  type HostResponses,
} from '../../core/host-contract';
import type { HostQueries } from '../../core/query/host-query';
import { HostJobRegistry } from '../jobs/host-job-registry';
import { previewSample, pullSample } from '../sampler/pull-sample';
import { RecentFiles } from '../state/recent-files';
import { RecoveryStore } from '../state/recovery-store';
import { SessionLeases } from '../state/session-leases';
import { defaultStateDir } from '../state/state-dir';
import { resolveDataFiles } from './datafiles-resolve';
import { listFolder } from './folder-list';
import { HostError, toHostError } from './host-error';
import {
  discardRecovery,
  heartbeat,
  openNotebook,
  saveNotebook,
  writeRecovery,
  type NotebookContext,
} from './notebook-handlers';
import { createSampleHandlers, type Sampler } from './sample-handlers';
import { isInside, resolveInWorkspace, toWorkspacePath } from '../workspace/workspace';

/** The host's implementation of the contract's methods, which every transport calls. */
export type HostHandlers = HostOperationMethods;

export type HostHandlerOptions = {
  /** The workspace folder. */
  root: string;
  /** The notebook Quarry was opened with (absolute, or relative to root), if any. */
  notebook?: string | null;
  /** Per-user state (recovery copies, recent files); default `defaultStateDir()`. */
  stateDir?: string;
  /** Milliseconds since the epoch; tests pass their own. Default `Date.now`. */
  clock?: () => number;
  /** Pulls and previews samples; default the native sampler (host/sampler/pull-sample.ts). */
  sampler?: Sampler;
  /** The PG* variables for PostgreSQL sources without a connection string; default process.env. */
  env?: NodeJS.ProcessEnv;
  /**
   * Runs queries over the workspace's files (`query.run`, `query.cancel`): the server's engine
   * in browser mode, the query utility process on the desktop. Without it those operations
   * answer an 'internal' HostError.
   */
  queries?: HostQueries;
};

const NATIVE_SAMPLER: Sampler = { pull: pullSample, preview: previewSample };

/** How many recent notebooks `recent.list` returns. */
const RECENT_SHOWN = 10;

export function createHostHandlers(options: HostHandlerOptions): HostHandlers {
  const root = path.resolve(options.root);
  const notebook = notebookWithin(root, options.notebook ?? null);
  const stateDir = options.stateDir ?? defaultStateDir();
  const clock = options.clock ?? Date.now;
  const context: NotebookContext = {
    root,
    recovery: new RecoveryStore(stateDir, clock),
    recent: new RecentFiles(stateDir),
    leases: new SessionLeases(clock),
  };
  const jobs = new HostJobRegistry();
  const samples = createSampleHandlers({
    root,
    // Relative source paths mean what they would in the notebook's cells.
    baseDir: notebook === null ? root : path.dirname(path.join(root, notebook)),
    jobs,
    sampler: options.sampler ?? NATIVE_SAMPLER,
    env: options.env ?? process.env,
  });

  /** Runs `action` on the checked absolute path; converts whatever it throws to a HostError. */
  const atPath = async <T>(
    relative: string,
    action: (absolute: string, shown: string) => Promise<T>,
  ): Promise<T> => {
    let absolute: string | undefined;
    let shown = relative;
    try {
      absolute = await resolveInWorkspace(root, relative);
      shown = toWorkspacePath(root, absolute);
      return await action(absolute, shown);
    } catch (error) {
      throw toHostError(error, absolute, shown);
    }
  };

  return {
    'workspace.info': async () => ({ root, notebook }),
    'notebook.open': (request) =>
      atPath(request.path, (absolute, shown) => openNotebook(context, absolute, shown)),
    'notebook.save': (request) =>
      atPath(request.path, (absolute, shown) => saveNotebook(context, absolute, shown, request)),
    'notebook.heartbeat': (request) =>
      atPath(request.path, (absolute, shown) => heartbeat(context, absolute, shown, request)),
    'notebook.release': async (request) => {
      context.leases.release(request.session);
      return {};
    },
    'recovery.write': (request) =>
      atPath(request.path, (absolute, shown) => writeRecovery(context, absolute, shown, request)),
    'recovery.discard': (request) =>
      atPath(request.path, (absolute) => discardRecovery(context, absolute)),
    'folder.list': (request) =>
      atPath(request.path, async (absolute, shown) => ({
        path: shown,
        entries: await listFolder(root, absolute, shown),
      })),
    'recent.list': async () => {
      try {
        return { paths: await recentWithin(root, context.recent) };
      } catch (error) {
        throw toHostError(error);
      }
    },
    'datafiles.resolve': async (request) => {
      if (request.pattern.trim() === '')
        throw new HostError('bad-request', 'datafiles.resolve: the pattern is empty');
      try {
        return { files: await resolveDataFiles(root, request.pattern) };
      } catch (error) {
        throw toHostError(error, undefined, request.pattern);
      }
    },
    ...samples,
    'job.poll': async (request) => jobs.poll(request.jobId, request.after),
    'job.cancel': async (request) => {
      jobs.cancel(request.jobId);
      return {};
    },
    'query.run': async ({ request }) => queriesOf(options.queries).run(request),
    'query.cancel': async ({ queryId }) => {
      queriesOf(options.queries).cancel(queryId);
      return {};
    },
  };
}

/**
 * Checks an untrusted `payload` against the contract and runs the operation: what a transport
 * calls once it knows the operation name. Throws HostError ('bad-request' for a bad shape).
 */
export async function dispatchHostRequest<K extends HostOperation>(
  handlers: HostHandlers,
  operation: K,
  payload: unknown,
): Promise<HostResponses[K]> {
  let request: HostRequests[K];
  try {
    request = parseHostRequest(operation, payload);
  } catch (error) {
    throw toHostError(error);
  }
  const handler: (request: HostRequests[K]) => Promise<HostResponses[K]> = handlers[operation];
  return handler(request);
}

function queriesOf(queries: HostQueries | undefined): HostQueries {
  if (queries === undefined)
    throw new HostError('internal', 'this host was started without a query engine');
  return queries;
}

function notebookWithin(root: string, notebook: string | null): string | null {
  if (notebook === null) return null;
  const absolute = path.resolve(root, notebook);
  if (!isInside(root, absolute) || absolute === root)
    throw new Error('createHostHandlers: the notebook must be a file inside the workspace');
  return toWorkspacePath(root, absolute);
}

/** Recent notebooks of this workspace, re-checked by the guard (a link may have changed). */
async function recentWithin(root: string, recent: RecentFiles): Promise<string[]> {
  const shown: string[] = [];
  for (const absolute of await recent.list((p) => isInside(root, p), Infinity)) {
    if (shown.length >= RECENT_SHOWN) break;
    const relative = toWorkspacePath(root, absolute);
    const checked = await resolveInWorkspace(root, relative).then(
      () => true,
      () => false,
    );
    if (checked) shown.push(relative);
  }
  return shown;
}
