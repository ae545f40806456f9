/**
 * Notebook files on disk: read with a one-line error that names the file, save atomically.
 * The CLI prints NotebookFileError's message as its one-line reason; the app shows it as is.
 */
import { constants, type Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { NotebookFormatError, parseNotebook, serializeNotebook } from '../core/notebook/ipynb';
import type { Notebook } from '../core/notebook/model';
import { writeFileAtomic } from './atomic-write';

export { writeFileAtomic } from './atomic-write';

/**
 * Past this a notebook is almost surely not one (or is a data dump) and would not fit in memory
 * as text and JSON at once; V8 strings stop just short of 512 MiB anyway.
 */
export const MAX_NOTEBOOK_BYTES = 512 * 1024 * 1024;

export class NotebookFileError extends Error {
  override readonly name = 'NotebookFileError';

  constructor(
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export type ReadNotebookOptions = { maxBytes?: number };

export async function readNotebookFile(
  path: string,
  options: ReadNotebookOptions = {},
): Promise<Notebook> {
  const text = await readText(path, options.maxBytes ?? MAX_NOTEBOOK_BYTES);
  try {
    return parseNotebook(text);
  } catch (error) {
    if (!(error instanceof NotebookFormatError)) throw error;
    // "not a notebook: ..." reads as "/x/y.ipynb is not a notebook: ...".
    const message =
      error.kind === 'not-a-notebook' ? `${path} is ${error.message}` : `${path}: ${error.message}`;
    throw new NotebookFileError(path, message, { cause: error });
  }
}

/** Serializes first, so a notebook that cannot be written never touches the file on disk. */
export async function saveNotebookFile(path: string, nb: Notebook): Promise<void> {
  let text: string;
  try {
    text = serializeNotebook(nb);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new NotebookFileError(path, `cannot save notebook ${path}: ${reason}`, { cause: error });
  }
  try {
    await writeFileAtomic(path, text);
  } catch (error) {
    const reason = fileProblem(error, 'no such directory');
    throw new NotebookFileError(path, `cannot save notebook ${path}: ${reason}`, { cause: error });
  }
}

async function readText(path: string, maxBytes: number): Promise<string> {
  const cannot = (reason: string, cause?: unknown): NotebookFileError =>
    new NotebookFileError(path, `cannot read notebook ${path}: ${reason}`, { cause });
  // Opening a FIFO to read waits for a writer (forever, and in the server it ties up one of the
  // few threads all file I/O shares), so anything but a regular file is refused before `open`;
  // O_NONBLOCK and the fstat after it cover a file swapped for a FIFO in between.
  try {
    refuseIrregular(path, await stat(path), cannot);
  } catch (error) {
    throw error instanceof NotebookFileError
      ? error
      : cannot(fileProblem(error, 'no such file'), error);
  }
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw cannot(fileProblem(error, 'no such file'), error);
  }
  let bytes: Uint8Array;
  try {
    const info = await handle.stat();
    refuseIrregular(path, info, cannot);
    if (info.size > maxBytes) throw cannot(tooBig(info.size, maxBytes));
    bytes = await handle.readFile();
    if (bytes.length > maxBytes) throw cannot(tooBig(bytes.length, maxBytes)); // it grew
  } catch (error) {
    throw error instanceof NotebookFileError
      ? error
      : cannot(fileProblem(error, 'no such file'), error);
  } finally {
    await handle.close().catch(() => undefined);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    if (error instanceof RangeError) throw cannot('it is too large to hold in memory', error);
    throw new NotebookFileError(path, `${path} is not a notebook: it is not UTF-8 text`, {
      cause: error,
    });
  }
}

function refuseIrregular(
  path: string,
  info: Stats,
  cannot: (reason: string) => NotebookFileError,
): void {
  if (info.isFile()) return;
  if (info.isDirectory()) throw cannot('it is a directory');
  throw new NotebookFileError(path, `${path} is not a regular file (${fileKind(info)})`);
}

function fileKind(info: Stats): string {
  if (info.isFIFO()) return 'a FIFO';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  return 'not a file';
}

function tooBig(size: number, limit: number): string {
  return `it is ${formatSize(size)}, over the ${formatSize(limit)} limit for a notebook`;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [value, unit] = bytes < 2 ** 20 ? [bytes / 1024, 'KiB'] : [bytes / 2 ** 20, 'MiB'];
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
}

/** A Node file-system error in a few words; `missing` is what ENOENT means for the operation. */
function fileProblem(error: unknown, missing: string): string {
  const code =
    typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  switch (code) {
    case 'ENOENT':
      return missing;
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EROFS':
      return 'the file system is read-only';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
