/**
 * The workspace the desktop app is working in: the folder of the notebook it was opened with
 * (docs/browser-mode.md, "The workspace"), the host handlers bound to it, and the generation of
 * the app page that belongs to it (shared/app-url.ts). Opening a notebook outside the workspace
 * switches to that notebook's folder, because the user chose it explicitly.
 */
import path from 'node:path';
import { createHostHandlers, type HostHandlers } from '../../host/operations/host-handlers';

export type Workspace = {
  /** Absolute folder; every path the renderer names is relative to it. */
  readonly root: string;
  /** The notebook opened with it, relative to root. */
  readonly notebook: string | null;
  readonly handlers: HostHandlers;
  /** The app page loaded for this workspace carries it (`?generation=N`). */
  readonly generation: number;
};

export type WorkspaceSession = {
  current(): Workspace;
  /** Makes the folder of `notebook` (absolute) the workspace, with the next generation. */
  switchTo(notebook: string): Workspace;
  /** Goes back to an earlier workspace (a switch the user then cancelled). */
  restore(previous: Workspace): void;
};

export type WorkspaceSessionOptions = {
  /** Absolute path of the notebook to start with. */
  notebook: string;
  /** Per-user state; default `defaultStateDir()` (host/state). */
  stateDir?: string;
};

export function createWorkspaceSession(options: WorkspaceSessionOptions): WorkspaceSession {
  let generation = 0;
  const open = (notebook: string): Workspace => {
    const absolute = path.resolve(notebook);
    const root = path.dirname(absolute);
    generation += 1;
    return {
      root,
      notebook: path.basename(absolute),
      handlers: createHostHandlers({ root, notebook: absolute, stateDir: options.stateDir }),
      generation,
    };
  };
  let current = open(options.notebook);
  return {
    current: () => current,
    switchTo(notebook) {
      current = open(notebook);
      return current;
    },
    restore(previous) {
      current = previous;
    },
  };
}
