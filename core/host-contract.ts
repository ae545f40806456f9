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
import { isJsonObject, type JsonObject } from './json';

export type FolderEntry = { name: string; kind: 'file' | 'folder'; size: number; mtimeMs: number };

export type OpenedNotebook = {
  path: string;
  /** The file's text, as on disk. */
  text: string;
  /** Modification time when read: sent back on save to detect changes made by someone else. */
  mtimeMs: number;
  /** Unsaved work found from an earlier session that did not close cleanly. */
  recovery: { text: string; savedAtMs: number } | null;
};

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
  'recovery.write': { path: string; text: string };
  'recovery.discard': { path: string };
  'folder.list': { path: string };
  'recent.list': Record<string, never>;
  'datafiles.resolve': { pattern: string };
};

export type HostResponses = {
  'workspace.info': { root: string; notebook: string | null };
  'notebook.open': OpenedNotebook;
  'notebook.save': SaveResult;
  'recovery.write': { savedAtMs: number };
  'recovery.discard': Record<string, never>;
  'folder.list': { path: string; entries: FolderEntry[] };
  'recent.list': { paths: string[] };
  'datafiles.resolve': { files: DataFileLink[] };
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
  'recovery.write': { path: 'string', text: 'string' },
  'recovery.discard': { path: 'string' },
  'folder.list': { path: 'string' },
  'recent.list': {},
  'datafiles.resolve': { pattern: 'string' },
};

type FieldKind = 'string' | 'number|null' | 'boolean';

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
      throw new HostRequestError(`${operation}: "${key}" must be ${kind.replace('|', ' or ')}`);
  }
  return payload as HostRequests[K];
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
  }
}

/** What the renderer holds: `HostClient.call('notebook.open', { path })`. */
export interface HostClient {
  call<K extends HostOperation>(operation: K, request: HostRequests[K]): Promise<HostResponses[K]>;
}
