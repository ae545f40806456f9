/**
 * The notebook operations of the host contract: open, save (with conflict detection), the
 * recovery copy of unsaved work, and the heartbeat that tells an open page from a crashed one.
 * Transport-agnostic: host-handlers.ts wires them up for HTTP and Electron IPC alike.
 */
import { open, stat } from 'node:fs/promises';
import type { HostRequests, HostResponses } from '../../core/host-contract';
import { NotebookFormatError, parseNotebook } from '../../core/notebook/ipynb';
import { writeFileAtomic } from '../atomic-write';
import { readNotebookFile } from '../notebook-file';
import type { RecentFiles } from '../state/recent-files';
import type { RecoveryStore } from '../state/recovery-store';
import type { SessionLeases } from '../state/session-leases';
import { HostError } from './host-error';
import { errorCode } from '../workspace/workspace';

/** What the notebook handlers share; paths are absolute and already through the guard. */
export type NotebookContext = {
  recovery: RecoveryStore;
  recent: RecentFiles;
  leases: SessionLeases;
};

export async function openNotebook(
  context: NotebookContext,
  absolute: string,
  shown: string,
): Promise<HostResponses['notebook.open']> {
  // readNotebookFile validates and words the one-line error ("X is not a notebook: ...").
  await readNotebookFile(absolute);
  // Text and time come from one handle, so the time sent back on save matches this text.
  const handle = await open(absolute, 'r');
  let text: string;
  let mtimeMs: number;
  try {
    mtimeMs = (await handle.stat()).mtimeMs;
    text = await handle.readFile('utf8');
  } finally {
    await handle.close().catch(() => undefined);
  }
  const stored = await context.recovery.read(absolute);
  // A copy equal to the file holds no unsaved work; offering it would only confuse. A copy
  // whose page still renews its lease is that page's live work, not a crash's leftovers
  // (the page itself says "also open in another tab", from its heartbeat).
  const offered =
    stored !== null &&
    stored.text !== text &&
    (stored.writer === null || !context.leases.holds(stored.writer, absolute));
  const recovery = offered ? { text: stored.text, savedAtMs: stored.savedAtMs } : null;
  await remember(context, absolute);
  return { path: shown, text, mtimeMs, recovery };
}

export async function saveNotebook(
  context: NotebookContext,
  absolute: string,
  shown: string,
  request: HostRequests['notebook.save'],
): Promise<HostResponses['notebook.save']> {
  requireNotebookName(shown);
  try {
    parseNotebook(request.text);
  } catch (error) {
    if (!(error instanceof NotebookFormatError)) throw error;
    throw new HostError(
      'bad-request',
      `not saved: the text for "${shown}" is ${notebookProblem(error)}`,
    );
  }
  const disk = await statOrNull(absolute);
  if (disk?.isDirectory()) throw new HostError('bad-request', `"${shown}" is a folder`);
  if (!request.overwrite && disk !== null) {
    // null: the editor thinks the file is new, but one is there. A number: the file changed
    // since it was read. Either way someone else's work would be lost; nothing is written.
    const expected = request.expectedMtimeMs;
    if (expected === null || expected !== disk.mtimeMs)
      return { kind: 'conflict', diskMtimeMs: disk.mtimeMs };
  }
  // A file deleted since it was opened is simply written again: the editor holds its content.
  await writeFileAtomic(absolute, request.text);
  const saved = await stat(absolute);
  await context.recovery.discard(absolute);
  await remember(context, absolute);
  return { kind: 'saved', mtimeMs: saved.mtimeMs };
}

export async function writeRecovery(
  context: NotebookContext,
  absolute: string,
  shown: string,
  request: HostRequests['recovery.write'],
): Promise<HostResponses['recovery.write']> {
  requireNotebookName(shown);
  // The text is not validated: unsaved work is kept as the editor had it, never refused.
  return { savedAtMs: await context.recovery.write(absolute, request.text, request.session) };
}

export async function heartbeat(
  context: NotebookContext,
  absolute: string,
  shown: string,
  request: HostRequests['notebook.heartbeat'],
): Promise<HostResponses['notebook.heartbeat']> {
  requireNotebookName(shown);
  context.leases.renew(request.session, absolute, request.visible);
  return { openElsewhere: context.leases.heldByOthers(request.session, absolute) };
}

export async function discardRecovery(
  context: NotebookContext,
  absolute: string,
): Promise<HostResponses['recovery.discard']> {
  await context.recovery.discard(absolute);
  return {};
}

/**
 * The host writes notebooks only: a renderer that went wrong (or was subverted) can then at
 * worst write a valid notebook over a `.ipynb`, never over a script, a data file or a dotfile.
 */
function requireNotebookName(shown: string): void {
  if (!shown.endsWith('.ipynb'))
    throw new HostError('bad-request', `"${shown}" is not a notebook file name (.ipynb)`);
}

function notebookProblem(error: NotebookFormatError): string {
  return error.kind === 'not-a-notebook' ? error.message : `not a valid notebook: ${error.message}`;
}

/** The recent list is a convenience: failing to update it never fails an open or a save. */
async function remember(context: NotebookContext, absolute: string): Promise<void> {
  await context.recent.add(absolute).catch(() => undefined);
}

async function statOrNull(absolute: string) {
  try {
    return await stat(absolute);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
}
