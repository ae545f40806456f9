/**
 * Recently opened or saved notebooks, kept in `STATE/recent.json` as absolute paths, most
 * recent first, shared by every workspace; each workspace sees the ones inside it. The list is
 * capped so it never grows without end, and updates in one process are serialised so two
 * quick saves cannot drop each other's entry.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isJsonObject } from '../../core/json';
import { writeFileAtomic } from '../atomic-write';

/** How many paths the file keeps across all workspaces. */
const STORED = 50;

export class RecentFiles {
  private readonly file: string;
  private pending: Promise<void> = Promise.resolve();

  constructor(stateDir: string) {
    this.file = path.join(stateDir, 'recent.json');
  }

  /** Moves `absolutePath` to the front of the list. */
  add(absolutePath: string): Promise<void> {
    const update = async (): Promise<void> => {
      const paths = [absolutePath, ...(await this.load()).filter((p) => p !== absolutePath)];
      await mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
      const data = { version: 1, paths: paths.slice(0, STORED) };
      await writeFileAtomic(this.file, `${JSON.stringify(data, null, 1)}\n`);
    };
    // Chained on the previous update whether it failed or not; this caller sees its own result.
    const result = this.pending.then(update, update);
    this.pending = result.catch(() => undefined);
    return result;
  }

  /** The stored paths that satisfy `keep` and still exist as files, most recent first. */
  async list(keep: (absolutePath: string) => boolean, limit: number): Promise<string[]> {
    await this.pending;
    const found: string[] = [];
    for (const candidate of await this.load()) {
      if (found.length >= limit) break;
      if (keep(candidate) && (await isFile(candidate))) found.push(candidate);
    }
    return found;
  }

  private async load(): Promise<string[]> {
    let data: unknown;
    try {
      data = JSON.parse(await readFile(this.file, 'utf8'));
    } catch {
      return []; // missing or damaged: start over rather than fail the app
    }
    if (!isJsonObject(data) || !Array.isArray(data.paths)) return [];
    return data.paths.filter((p): p is string => typeof p === 'string' && path.isAbsolute(p));
  }
}

async function isFile(candidate: string): Promise<boolean> {
  try {
    return (await stat(candidate)).isFile();
  } catch {
    return false;
  }
}
