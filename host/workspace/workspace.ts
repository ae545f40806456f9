/**
 * The workspace guard (DESIGN.md, Security): the workspace is the folder of the notebook Quarry
 * was opened with, and no path outside it may be read or written through the host API or the
 * local server. Every path the renderer (or a URL) names goes through `resolveInWorkspace`.
 *
 * Paths are relative, with `/` separators. Anything that could mean "elsewhere" on some
 * platform is refused outright rather than normalised: `..` segments (even ones that would
 * come back inside), absolute paths, drive letters, backslashes, NUL bytes, and the same tricks
 * percent-encoded. Symlinks are followed for the check: the realpath of the deepest part of the
 * path that exists must stay inside the realpath of the root. A link can change after this
 * check, so what is then opened is checked again, on the descriptor (opened-file.ts).
 */
import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';

export class ForbiddenPathError extends Error {
  override readonly name = 'ForbiddenPathError';

  constructor(
    readonly relativePath: string,
    reason: string,
  ) {
    // Only the caller's own (relative) text is echoed, never an absolute path.
    super(`${quote(relativePath)} is outside the workspace: ${reason}`);
  }
}

/**
 * The absolute path of `relativePath` inside `root`, or a ForbiddenPathError. `''` and `.` name
 * the root itself. The result is `root`-based (not the realpath), so messages and saves keep the
 * names the user sees; symlinks inside the workspace that point inside it are fine.
 *
 * The path is taken as given (a file may be called `100%.csv`), but it is also decoded once and
 * refused if the decoded form escapes: a URL that was encoded one time too many (`%2e%2e/`) or a
 * client that forgot to decode cannot smuggle a traversal past a layer that decodes again.
 */
export async function resolveInWorkspace(root: string, relativePath: string): Promise<string> {
  const segments = checkSyntax(relativePath, relativePath);
  const decoded = decodeOnce(relativePath);
  if (decoded !== undefined && decoded !== relativePath) checkSyntax(decoded, relativePath);

  const absoluteRoot = path.resolve(root);
  const absolute = path.resolve(absoluteRoot, ...segments);
  if (!isInside(absoluteRoot, absolute)) throw new ForbiddenPathError(relativePath, 'it escapes');
  await checkLinks(absoluteRoot, absolute, relativePath);
  return absolute;
}

/** The workspace-relative form (`/` separators, `''` for the root) of a path inside `root`. */
export function toWorkspacePath(root: string, absolute: string): string {
  return path.relative(path.resolve(root), absolute).split(path.sep).join('/');
}

/** True when `candidate` is `parent` or below it (both absolute and normalised). */
export function isInside(parent: string, candidate: string): boolean {
  const relative = path.relative(parent, candidate);
  return (
    relative === '' ||
    (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative))
  );
}

/** The segments of a syntactically safe relative path; throws for anything that is not one. */
function checkSyntax(candidate: string, original: string): string[] {
  const refuse = (reason: string): never => {
    throw new ForbiddenPathError(original, reason);
  };
  if (candidate.includes('\0')) refuse('it contains a NUL byte');
  if (candidate.includes('\\')) refuse('backslashes are not path separators here');
  if (candidate.startsWith('/')) refuse('it is an absolute path');
  if (/^[a-zA-Z]:/.test(candidate)) refuse('it starts with a drive letter');
  const segments = candidate.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) refuse('it goes up with ".."');
  // A drive-relative or UNC form hidden in a later segment is harmless on POSIX but not on
  // Windows, where `a/C:x` or a segment with `:` can name an alternate data stream.
  if (process.platform === 'win32' && segments.some((s) => s.includes(':')))
    refuse('it contains ":"');
  return segments;
}

function decodeOnce(text: string): string | undefined {
  if (!text.includes('%')) return undefined;
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined; // not valid percent-encoding: a literal `%` in a file name
  }
}

/**
 * Walks up from `absolute` to the deepest part that exists and checks its realpath: a link in
 * any existing ancestor (or the file itself) that points outside the root is refused, and so is
 * a broken link, whose target could be created outside later.
 */
async function checkLinks(root: string, absolute: string, original: string): Promise<void> {
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    throw new ForbiddenPathError(original, 'the workspace folder does not exist');
  }
  let current = absolute;
  for (;;) {
    const real = await realpathOrMissing(current);
    if (real !== undefined) {
      if (!isInside(realRoot, real)) throw new ForbiddenPathError(original, 'a link leads out');
      return;
    }
    if (await isBrokenLink(current)) throw new ForbiddenPathError(original, 'a link is broken');
    const parent = path.dirname(current);
    // The root exists (realpath above), so the walk stops at it at the latest.
    if (parent === current || !isInside(root, parent)) return;
    current = parent;
  }
}

/** Where `candidate`'s links lead, or undefined when it (or a folder above it) does not exist. */
export async function realpathOrMissing(candidate: string): Promise<string | undefined> {
  try {
    return await realpath(candidate);
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** Whether `candidate` is a symbolic link (one that realpath could not follow: a broken one). */
export async function isBrokenLink(candidate: string): Promise<boolean> {
  try {
    return (await lstat(candidate)).isSymbolicLink();
  } catch {
    return false;
  }
}

export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

function quote(text: string): string {
  const shown = text.length > 120 ? `${text.slice(0, 117)}...` : text;
  return JSON.stringify(shown);
}
