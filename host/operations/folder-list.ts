/**
 * `folder.list`: what the file panel shows. Folders first, then files, each group by name in a
 * human order (`2.csv` before `10.csv`, case ignored). Dotfiles are hidden (they are tool
 * state: `.git`, Quarry's own temporary files), and so is anything that is neither a file nor
 * a folder, or a link that leads out of the workspace (its size and time are not ours to show).
 */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FolderEntry } from '../../core/host-contract';
import { HostError } from './host-error';
import { ForbiddenPathError, resolveInWorkspace } from '../workspace/workspace';

const byName = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Lists `folder` (absolute, already checked); `relative` is its workspace path. */
export async function listFolder(
  root: string,
  folder: string,
  relative: string,
): Promise<FolderEntry[]> {
  if (!(await stat(folder)).isDirectory())
    throw new HostError('bad-request', `"${relative}" is not a folder`);
  const dirents = await readdir(folder, { withFileTypes: true });
  const entries: FolderEntry[] = [];
  for (const dirent of dirents) {
    if (dirent.name.startsWith('.')) continue;
    const entry = await describe(root, folder, relative, dirent);
    if (entry !== null) entries.push(entry);
  }
  return entries.sort(
    (a, b) =>
      (a.kind === b.kind ? 0 : a.kind === 'folder' ? -1 : 1) ||
      byName.compare(a.name, b.name) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}

async function describe(
  root: string,
  folder: string,
  relative: string,
  dirent: Dirent,
): Promise<FolderEntry | null> {
  const absolute = path.join(folder, dirent.name);
  if (dirent.isSymbolicLink()) {
    try {
      await resolveInWorkspace(root, relative === '' ? dirent.name : `${relative}/${dirent.name}`);
    } catch (error) {
      if (error instanceof ForbiddenPathError) return null;
      throw error;
    }
  }
  let info;
  try {
    info = await stat(absolute);
  } catch {
    return null; // removed while listing, or a broken link
  }
  if (info.isDirectory())
    return { name: dirent.name, kind: 'folder', size: 0, mtimeMs: info.mtimeMs };
  if (info.isFile())
    return { name: dirent.name, kind: 'file', size: info.size, mtimeMs: info.mtimeMs };
  return null;
}
