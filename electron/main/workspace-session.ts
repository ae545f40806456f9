/**
 * The workspace the desktop app is working in: the folder of the notebook it was opened with
 * (docs/browser-mode.md, "The workspace"), the host handlers bound to it, and the generation of
 * the app page that belongs to it (shared/app-url.ts). Opening a notebook outside the workspace
 * switches to that notebook's folder, because the user chose it explicitly. Each workspace has
 * its query utility process (query-process.ts), forked at its first query and killed when
 * another workspace replaces it or the app quits.
 */
import path from 'node:path';
import { createHostHandlers, type HostHandlers } from '../../host/operations/host-handlers';
import { QueryProcess } from './query-process';

export type Workspace = {
  /** Absolute folder; every path the renderer names is relative to it. */
  readonly root: string;
  /** The notebook opened with it, relative to root. */
  readonly notebook: string | null;
  readonly handlers: HostHandlers;
  /** Where the handlers' `query.run` goes. */
  readonly queries: QueryProcess;
  /** The app page loaded for this workspace carries it (`?generation=N`). */
  readonly generation: number;
};

export type WorkspaceSession = {
  current(): Workspace;
  /** Makes the folder of `notebook` (absolute) the workspace, with the next generation. */
  switchTo(notebook: string): Workspace;
  /** Goes back to an earlier workspace (a switch the user then cancelled). */
  restore(previous: Workspace): void;
  /** Kills the current workspace's query process (the app quits). */
  stop(): void;
};

export type WorkspaceSessionOptions = {
  /** Absolute path of the notebook to start with. */
  notebook: string;
  /** Per-user state; default `defaultStateDir()` (host/state). */
  stateDir?: string;
  /** The query utility process's bundle (app-paths.ts). */
  queryProcessEntry: string;
};

export function createWorkspaceSession(options: WorkspaceSessionOptions): WorkspaceSession {
  let generation = 0;
  const open = (notebook: string): Workspace => {
    const absolute = path.resolve(notebook);
    const root = path.dirname(absolute);
    generation += 1;
    const queries = new QueryProcess({
      entry: options.queryProcessEntry,
      workspace: { notebookDir: root, allowedDirectories: [root] },
    });
    return {
      root,
      notebook: path.basename(absolute),
      handlers: createHostHandlers({
        root,
        notebook: absolute,
        stateDir: options.stateDir,
        queries,
      }),
      queries,
      generation,
    };
  };
  let current = open(options.notebook);
  return {
    current: () => current,
    switchTo(notebook) {
      // A restore() forks the earlier workspace's process again at its next query.
      current.queries.stop();
      current = open(notebook);
      return current;
    },
    restore(previous) {
      current.queries.stop();
      current = previous;
    },
    stop() {
      current.queries.stop();
    },
  };
}
