/**
 * `folder.list`: what the file panel shows. Folders first, then files, then entries that cannot
 * be used, each group by name in a human order (`2.csv` before `10.csv`, case ignored).
 * Dotfiles are hidden (they are tool state: `.git`, Quarry's own temporary files), and so is
 * anything that is neither a file nor a folder, a broken link, or a link that leads out of the
 * workspace (its size and time are not ours to show). An entry that cannot even be looked at (a
 * symbolic link loop, a path too long) is listed as 'unreadable' with the reason, so one odd
 * entry never fails the listing of the whole folder.
 *
 * The folder is opened through the guard (host/workspace/opened-file.ts) and its entries are
 * read from the open folder, so a link swapped while listing cannot list another folder.
 */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FolderEntry } from '../../core/host-contract';
import { HostError } from './host-error';
import { descriptorPath, openInWorkspace } from '../workspace/opened-file';
import { pathReasonOf } from '../workspace/path-problem';
import { errorCode, ForbiddenPathError, resolveInWorkspace } from '../workspace/workspace';

const byName = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

const KIND_ORDER: Record<FolderEntry['kind'], number> = { folder: 0, file: 1, unreadable: 2 };

/** Lists `folder` (absolute, already checked); `relative` is its workspace path. */
export async function listFolder(
  root: string,
  folder: string,
  relative: string,
): Promise<FolderEntry[]> {
  const handle = await openInWorkspace(root, folder, relative);
  try {
    if (!(await handle.stat()).isDirectory())
      throw new HostError('bad-request', `"${relative}" is not a folder`);
    const opened = (await descriptorPath(handle)) ?? folder;
    const entries: FolderEntry[] = [];
    for (const dirent of await readdir(opened, { withFileTypes: true })) {
      if (dirent.name.startsWith('.')) continue;
      const entry = await describe(root, opened, relative, dirent);
      if (entry !== null) entries.push(entry);
    }
    return entries.sort(
      (a, b) =>
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        byName.compare(a.name, b.name) ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
  } finally {
    await handle.close().catch(() => undefined);
  }
}

async function describe(
  root: string,
  opened: string,
  relative: string,
  dirent: Dirent,
): Promise<FolderEntry | null> {
  const absolute = path.join(opened, dirent.name);
  try {
    if (dirent.isSymbolicLink())
      await resolveInWorkspace(root, relative === '' ? dirent.name : `${relative}/${dirent.name}`);
    const info = await stat(absolute);
    if (info.isDirectory())
      return { name: dirent.name, kind: 'folder', size: 0, mtimeMs: info.mtimeMs };
    if (info.isFile())
      return { name: dirent.name, kind: 'file', size: info.size, mtimeMs: info.mtimeMs };
    return null;
  } catch (error) {
    if (error instanceof ForbiddenPathError) return null; // a link out, or a broken one
    if (errorCode(error) === 'ENOENT') return null; // removed while listing
    return {
      name: dirent.name,
      kind: 'unreadable',
      reason: pathReasonOf(error) ?? 'it cannot be read',
    };
  }
}
