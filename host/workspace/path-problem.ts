/**
 * What a file-system error says about a path the page named, in one line that names that path
 * (workspace-relative) and the problem: `data/loop.csv: a symbolic link loop`. One table for
 * every way the host answers (the API, `/files/` and the desktop app's protocol, the folder
 * listing), so an odd file gives the same clear 4xx everywhere instead of a 500.
 */
import { excerpt } from '../../core/excerpt';
import { errorCode, ForbiddenPathError } from './workspace';

export type PathProblem = { kind: 'bad-request' | 'forbidden' | 'not-found'; message: string };

/** The problem, or undefined for an error that is not about the path (a bug, a full disk). */
export function pathProblemOf(error: unknown, shown?: string): PathProblem | undefined {
  if (error instanceof ForbiddenPathError) return { kind: 'forbidden', message: error.message };
  const problem = reasonOf(errorCode(error));
  if (problem === undefined) return undefined;
  if (shown === undefined) return { kind: problem.kind, message: problem.reason };
  return {
    kind: problem.kind,
    message: `${excerpt(shown === '' ? '.' : shown)}: ${problem.reason}`,
  };
}

/** The reason alone (`a symbolic link loop`), as the folder listing shows it for an entry. */
export function pathReasonOf(error: unknown): string | undefined {
  return reasonOf(errorCode(error))?.reason;
}

function reasonOf(
  code: string | undefined,
): { kind: PathProblem['kind']; reason: string } | undefined {
  switch (code) {
    case 'ENOENT':
      return { kind: 'not-found', reason: 'no such file or folder' };
    case 'ENOTDIR':
      return { kind: 'not-found', reason: 'a part of the path is not a folder' };
    case 'EISDIR':
      return { kind: 'bad-request', reason: 'it is a folder' };
    case 'EACCES':
    case 'EPERM':
      return { kind: 'forbidden', reason: 'permission denied' };
    case 'ELOOP':
      return { kind: 'bad-request', reason: 'a symbolic link loop' };
    case 'ENAMETOOLONG':
      return { kind: 'bad-request', reason: 'the name is too long' };
    // No code (not a system error), or one that no reason above fits.
    case undefined:
    default:
      return undefined;
  }
}
