/**
 * The one contract between the UI and the host (DESIGN.md, "Processes and how they talk"): every
 * operation the renderer may ask of the host, with its request and response types and a runtime
 * check of each request. Electron IPC (a channel per operation) and browser mode (HTTP `POST
 * /api/<operation>` with the token) both derive from it, so neither can grow an operation the
 * other lacks, and a request from an unknown channel or of the wrong shape is refused.
 *
 * Paths are relative to the workspace (the folder of the notebook Quarry was opened with), with
 * `/` separators; the host refuses any path that leaves it.
 */
import type { HostJobPoll } from './host-jobs';
import { isJsonObject, type JsonObject } from './json';
import { isHostQueryRequest, type HostQueryReply, type HostQueryRequest } from './query/host-query';
import { isSampleName, isSampleRequest, type SampleRequest } from './sample/request';
import type { SampleListing, SamplePreview } from './sample/preview';

export type FolderEntry =
  | { name: string; kind: 'file' | 'folder'; size: number; mtimeMs: number }
  /** Listed but not usable (a symbolic link loop, a name too long): `reason` says why. */
  | { name: string; kind: 'unreadable'; reason: string };

export type OpenedNotebook = {
  path: string;
  /** The file's text, as on disk. */
  text: string;
  /** Modification time when read: sent back on save to detect changes made by someone else. */
  mtimeMs: number;
  /**
   * Unsaved work left by a page that is gone (it crashed, or was closed without saving), when
   * it differs from the file. Null as well while the page that wrote it still renews its lease
   * (`notebook.heartbeat`): that work is not lost, it is open in another tab or window.
   */
  recovery: { text: string; savedAtMs: number } | null;
};

/**
 * Names one open page (a tab or window) of the app: made by the page, sent with its heartbeats
 * and recovery copies (whose sidecar files record it). 1-64 letters, digits, `-` or `_`: a
 * UUID fits.
 */
export type SessionId = string;

const SESSION_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function isSessionId(value: unknown): value is SessionId {
  return typeof value === 'string' && SESSION_ID.test(value);
}

export type SaveResult =
  | { kind: 'saved'; mtimeMs: number }
  /** The file changed on disk since it was opened or last saved: nothing was written. */
  | { kind: 'conflict'; diskMtimeMs: number };

export type DataFileLink = { name: string; url: string };

export type HostRequests = {
  'workspace.info': Record<string, never>;
  'notebook.open': { path: string };
  'notebook.save': {
    path: string;
    text: string;
    expectedMtimeMs: number | null;
    overwrite: boolean;
  };
  /**
   * Every few seconds from each page with a notebook open: "this page still has `path` open".
   * `visible`: whether the page is shown (browsers slow down hidden pages' timers).
   */
  'notebook.heartbeat': { path: string; session: SessionId; visible: boolean };
  /** The page is going away (closed, reloaded): its notebook is no longer open there. */
  'notebook.release': { session: SessionId };
  'recovery.write': { path: string; text: string; session: SessionId };
  'recovery.discard': { path: string };
  'folder.list': { path: string };
  'recent.list': Record<string, never>;
  'datafiles.resolve': { pattern: string };
  /** The source's first rows and schema, and the query the sample would send (nothing written). */
  'sample.preview': { request: SampleRequest };
  /** Starts pulling `samples/NAME.parquet` (and its manifest) as a job; see core/host-jobs.ts. */
  'sample.start': { request: SampleRequest; name: string; force: boolean };
  'job.poll': { jobId: string; after: number };
  'job.cancel': { jobId: string };
  'samples.list': Record<string, never>;
  /** Runs a query over the workspace's files on the host's native DuckDB (core/query/). */
  'query.run': { request: HostQueryRequest };
  /** Interrupts a running `query.run`, which then answers `cancelled`. */
  'query.cancel': { queryId: string };
};

export type HostResponses = {
  'workspace.info': { root: string; notebook: string | null };
  'notebook.open': OpenedNotebook;
  'notebook.save': SaveResult;
  /** `openElsewhere`: another page renews a lease on the same notebook. */
  'notebook.heartbeat': { openElsewhere: boolean };
  'notebook.release': Record<string, never>;
  'recovery.write': { savedAtMs: number };
  'recovery.discard': Record<string, never>;
  'folder.list': { path: string; entries: FolderEntry[] };
  'recent.list': { paths: string[] };
  'datafiles.resolve': { files: DataFileLink[] };
  'sample.preview': SamplePreview;
  'sample.start': { jobId: string; file: string };
  'job.poll': HostJobPoll;
  'job.cancel': Record<string, never>;
  'samples.list': { samples: SampleListing[] };
  /** A failed query is a reply too (`ok: false`): only a broken transport throws. */
  'query.run': HostQueryReply;
  'query.cancel': Record<string, never>;
};

export type HostOperation = keyof HostRequests;

/** How each request is checked; keys of this object are the operations (and channels). */
const requestShapes: { [K in HostOperation]: Record<keyof HostRequests[K], FieldKind> } = {
  'workspace.info': {},
  'notebook.open': { path: 'string' },
  'notebook.save': {
    path: 'string',
    text: 'string',
    expectedMtimeMs: 'number|null',
    overwrite: 'boolean',
  },
  'notebook.heartbeat': { path: 'string', session: 'session', visible: 'boolean' },
  'notebook.release': { session: 'session' },
  'recovery.write': { path: 'string', text: 'string', session: 'session' },
  'recovery.discard': { path: 'string' },
  'folder.list': { path: 'string' },
  'recent.list': {},
  'datafiles.resolve': { pattern: 'string' },
  'sample.preview': { request: 'sample-request' },
  'sample.start': { request: 'sample-request', name: 'sample-name', force: 'boolean' },
  'job.poll': { jobId: 'string', after: 'count' },
  'job.cancel': { jobId: 'string' },
  'samples.list': {},
  'query.run': { request: 'host-query-request' },
  'query.cancel': { queryId: 'string' },
};

type FieldKind =
  | 'string'
  | 'number|null'
  | 'boolean'
  | 'session'
  | 'count'
  | 'sample-request'
  | 'sample-name'
  | 'host-query-request';

const FIELD_KIND_NAMES: { [K in FieldKind]: string } = {
  string: 'string',
  'number|null': 'number or null',
  boolean: 'boolean',
  session: 'a session id (1-64 letters, digits, - or _)',
  count: 'a whole number from 0',
  'sample-request': 'a sample request (core/sample/request.ts)',
  'sample-name': 'a sample name (letters, digits and _, not starting with a digit)',
  'host-query-request': 'a host query request (core/query/host-query.ts)',
};

export const HOST_OPERATIONS = Object.keys(requestShapes) as HostOperation[];

export function isHostOperation(value: unknown): value is HostOperation {
  return typeof value === 'string' && Object.hasOwn(requestShapes, value);
}

export class HostRequestError extends Error {
  override readonly name = 'HostRequestError';
}

/** Checks an untrusted request against the contract; throws `HostRequestError` saying what is wrong. */
export function parseHostRequest<K extends HostOperation>(
  operation: K,
  payload: unknown,
): HostRequests[K] {
  if (!isJsonObject(payload))
    throw new HostRequestError(`${operation}: the request must be a JSON object`);
  const shape: Record<string, FieldKind> = requestShapes[operation];
  for (const key of Object.keys(payload)) {
    if (!Object.hasOwn(shape, key))
      throw new HostRequestError(`${operation}: unexpected field "${key}"`);
  }
  for (const [key, kind] of Object.entries(shape)) {
    if (!fieldMatches(payload, key, kind))
      throw new HostRequestError(`${operation}: "${key}" must be ${FIELD_KIND_NAMES[kind]}`);
  }
  return payload as HostRequests[K];
}

/** Whether `payload` is a well-formed request of `operation` (parseHostRequest's check). */
export function isHostRequest<K extends HostOperation>(
  operation: K,
  payload: unknown,
): payload is HostRequests[K] {
  try {
    parseHostRequest(operation, payload);
    return true;
  } catch {
    return false;
  }
}

function fieldMatches(payload: JsonObject, key: string, kind: FieldKind): boolean {
  const value = payload[key];
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'number|null':
      return value === null || (typeof value === 'number' && Number.isFinite(value));
    case 'session':
      return isSessionId(value);
    case 'count':
      return Number.isInteger(value) && (value as number) >= 0;
    case 'sample-request':
      return isSampleRequest(value);
    case 'sample-name':
      return isSampleName(value);
    case 'host-query-request':
      return isHostQueryRequest(value);
  }
}

/**
 * One method per operation: what the host's handlers implement (host/operations/host-handlers.ts),
 * what the preload exposes as `window.quarryHost` and the renderer calls through it.
 */
export type HostOperationMethods = {
  readonly [K in HostOperation]: (request: HostRequests[K]) => Promise<HostResponses[K]>;
};

/**
 * `window.quarryHost` in the desktop app, as the preload builds it (electron/preload/host-api.ts)
 * and the renderer uses it (renderer/host-client/host-bridge.ts): the methods, and the native
 * menu's commands.
 */
export type HostBridge = HostOperationMethods & {
  /** Calls `listener` with each menu command (unchecked: the renderer checks it); unsubscribes. */
  onMenuCommand(listener: (command: unknown) => void): () => void;
};

/** What the renderer holds: `HostClient.call('notebook.open', { path })`. */
export interface HostClient {
  call<K extends HostOperation>(operation: K, request: HostRequests[K]): Promise<HostResponses[K]>;
}
