/**
 * `datafiles.resolve`: turns a path or glob a query names (`data/customers.csv`,
 * `data/*.parquet`) into URLs the kernel can read lazily with range requests (DESIGN.md, "Data
 * files reach the kernel as URLs the host serves"). A plain path resolves even when the file
 * does not exist yet, so `COPY ... TO 'out.csv'` and "file not found" errors stay DuckDB's to
 * report; a glob lists what matches now.
 *
 * `name` is spelled the way the query spells it (`./data/x.csv` stays so), because the kernel
 * registers each file with DuckDB under that very name and never rewrites the query; `url` uses
 * the normalised workspace path.
 */
import type { DataFileLink } from '../../core/host-contract';
import { globFiles } from '../glob';
import { ForbiddenPathError, resolveInWorkspace, toWorkspacePath } from '../workspace/workspace';

const GLOB_CHARS = /[*?[{]/;

/**
 * The URL under which the host serves a workspace file, relative to the page (browser mode:
 * `/s/KEY/`, data-files.ts; the desktop app: `quarry-app://app/`), so it names no secret.
 */
export function dataFileUrl(relativePath: string): string {
  return `files/${relativePath.split('/').map(encodeURIComponent).join('/')}`;
}

export async function resolveDataFiles(root: string, pattern: string): Promise<DataFileLink[]> {
  // The pattern as a whole goes through the guard first: its fixed part must stay inside, and
  // `*` and friends are ordinary characters to the guard.
  const absolute = await resolveInWorkspace(root, pattern);
  if (!GLOB_CHARS.test(pattern)) {
    return [{ name: pattern, url: dataFileUrl(toWorkspacePath(root, absolute)) }];
  }
  const links: DataFileLink[] = [];
  // glob.ts keeps the pattern's fixed prefix as written, so `./data/*.csv` gives `./data/a.csv`.
  for (const match of await globFiles(root, pattern)) {
    let file: string;
    try {
      file = await resolveInWorkspace(root, match); // a match reached through a link that leads out
    } catch (error) {
      if (error instanceof ForbiddenPathError) continue;
      throw error;
    }
    links.push({ name: match, url: dataFileUrl(toWorkspacePath(root, file)) });
  }
  return links;
}
