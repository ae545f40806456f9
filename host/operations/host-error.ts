/**
 * The one error the host handlers throw on purpose. `kind` (core/host-failure.ts) is what the
 * transport maps to a status (HTTP) or passes through as is (IPC); `message` is one line the UI
 * can show, and never names an absolute path outside the workspace.
 */
import { HostRequestError } from '../../core/host-contract';
import type { HostErrorKind } from '../../core/host-failure';
import { NotebookFileError } from '../notebook-file';
import { pathProblemOf } from '../workspace/path-problem';
import { ForbiddenPathError } from '../workspace/workspace';

export class HostError extends Error {
  override readonly name = 'HostError';

  constructor(
    readonly kind: HostErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The HTTP status of each kind (browser mode); exhaustive, so a new kind must choose one. */
export function httpStatusOf(kind: HostErrorKind): number {
  switch (kind) {
    case 'bad-request':
      return 400;
    case 'forbidden':
      return 403;
    case 'not-found':
      return 404;
    case 'conflict':
      return 409;
    case 'too-large':
      return 413;
    case 'internal':
      return 500;
  }
}

/**
 * Turns what a handler met into a HostError. Known errors keep their one-line message (with the
 * absolute `absolute` replaced by the workspace-relative `shown`); anything else becomes
 * 'internal' with a generic message, because a stray error can carry any path of the machine.
 */
export function toHostError(error: unknown, absolute?: string, shown?: string): HostError {
  if (error instanceof HostError) return error;
  const hide = (message: string): string =>
    absolute !== undefined && shown !== undefined ? message.split(absolute).join(shown) : message;
  if (error instanceof ForbiddenPathError) return new HostError('forbidden', error.message);
  if (error instanceof HostRequestError) return new HostError('bad-request', error.message);
  if (error instanceof NotebookFileError) {
    const kind = /: no such file$/.test(error.message) ? 'not-found' : 'bad-request';
    return new HostError(kind, hide(error.message), { cause: error });
  }
  const problem = pathProblemOf(error, shown);
  if (problem !== undefined) return new HostError(problem.kind, problem.message, { cause: error });
  const where = shown === undefined ? '' : ` ${JSON.stringify(shown)}`;
  return new HostError('internal', `the host could not do this${where}`, { cause: error });
}
