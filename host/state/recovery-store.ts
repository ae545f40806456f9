/**
 * Recovery copies of unsaved work, for the prompt that offers it back after a crash (DESIGN.md,
 * UI names: `Recover`). They live in `STATE/recovery/`, never in the workspace, named by a hash
 * of the notebook's absolute path: `HASH.ipynb` holds the text as the editor had it (so a person
 * can open it by hand in any Jupyter), `HASH.json` says whose it is, when it was written and by
 * which page (session), so a copy whose page is still open is not taken for a crash's.
 *
 * Each file is written atomically. The text is written before the sidecar and removed after
 * it, so a sidecar never points at a missing text; a crash between the two at worst leaves a
 * text without a sidecar (ignored) or a newer text with an older time.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { isSessionId, type SessionId } from '../../core/host-contract';
import { isJsonObject } from '../../core/json';
import { writeFileAtomic } from '../atomic-write';

export type RecoveryCopy = {
  text: string;
  savedAtMs: number;
  /** The page that wrote it; null for a copy written before pages were told apart. */
  writer: SessionId | null;
};

type Sidecar = { path: string; savedAtMs: number; writer?: SessionId };

export class RecoveryStore {
  private readonly folder: string;

  constructor(
    stateDir: string,
    private readonly clock: () => number = Date.now,
  ) {
    this.folder = path.join(stateDir, 'recovery');
  }

  /** Stores `text` as the unsaved work of the notebook at `notebookPath` (absolute). */
  async write(notebookPath: string, text: string, writer: SessionId): Promise<number> {
    const files = this.filesOf(notebookPath);
    const now = this.clock();
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    await writeFileAtomic(files.text, text);
    const sidecar: Sidecar = { path: notebookPath, savedAtMs: now, writer };
    await writeFileAtomic(files.sidecar, `${JSON.stringify(sidecar, null, 1)}\n`);
    return now;
  }

  /** The stored copy, or null when there is none (or it belongs to another path). */
  async read(notebookPath: string): Promise<RecoveryCopy | null> {
    const files = this.filesOf(notebookPath);
    let sidecar: unknown;
    try {
      sidecar = JSON.parse(await readFile(files.sidecar, 'utf8'));
    } catch {
      return null; // none, or unreadable: a recovery copy is a bonus, never an error
    }
    // A hash collision (or a hand-edited file) must not offer one notebook's work for another.
    if (!isSidecar(sidecar) || sidecar.path !== notebookPath) return null;
    try {
      return {
        text: await readFile(files.text, 'utf8'),
        savedAtMs: sidecar.savedAtMs,
        writer: sidecar.writer ?? null,
      };
    } catch {
      return null;
    }
  }

  async discard(notebookPath: string): Promise<void> {
    const files = this.filesOf(notebookPath);
    await rm(files.sidecar, { force: true });
    await rm(files.text, { force: true });
  }

  private filesOf(notebookPath: string): { text: string; sidecar: string } {
    const hash = createHash('sha256').update(notebookPath).digest('hex').slice(0, 32);
    return {
      text: path.join(this.folder, `${hash}.ipynb`),
      sidecar: path.join(this.folder, `${hash}.json`),
    };
  }
}

function isSidecar(value: unknown): value is Sidecar {
  return (
    isJsonObject(value) &&
    typeof value.path === 'string' &&
    typeof value.savedAtMs === 'number' &&
    Number.isFinite(value.savedAtMs) &&
    (value.writer === undefined || isSessionId(value.writer))
  );
}
