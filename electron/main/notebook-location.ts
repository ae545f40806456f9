/**
 * Where a notebook the user chose lies relative to the workspace: inside, the renderer opens it
 * by its relative path; outside (or reached only through a link that leads out, which the
 * workspace guard would refuse), its folder becomes the workspace.
 */
import path from 'node:path';
import {
  ForbiddenPathError,
  isInside,
  resolveInWorkspace,
  toWorkspacePath,
} from '../../host/workspace/workspace';

export type NotebookLocation =
  { kind: 'inside'; relative: string } | { kind: 'outside'; absolute: string };

export async function locateNotebook(root: string, chosen: string): Promise<NotebookLocation> {
  const absolute = path.resolve(chosen);
  if (!isInside(path.resolve(root), absolute) || absolute === path.resolve(root))
    return { kind: 'outside', absolute };
  const relative = toWorkspacePath(root, absolute);
  try {
    await resolveInWorkspace(root, relative);
    return { kind: 'inside', relative };
  } catch (error) {
    if (error instanceof ForbiddenPathError) return { kind: 'outside', absolute };
    throw error;
  }
}

/** Notebooks are `.ipynb` files; dialogs filter on it but a typed name can still differ. */
export function isNotebookName(file: string): boolean {
  return path.extname(file).toLowerCase() === '.ipynb';
}
