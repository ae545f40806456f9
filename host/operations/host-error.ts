/**
 * The one error the host handlers throw on purpose. `kind` is what the transport maps to a
 * status (HTTP) or passes through as is (IPC); `message` is one line the UI can show, and never
 * names an absolute path outside the workspace.
 */
import { HostRequestError } from '../../core/host-contract';
import { NotebookFileError } from '../notebook-file';
import { errorCode, ForbiddenPathError } from '../workspace/workspace';

export type HostErrorKind =
  'bad-request' | 'forbidden' | 'not-found' | 'conflict' | 'too-large' | 'internal';

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
  const where = shown === undefined ? '' : ` ${JSON.stringify(shown)}`;
  switch (errorCode(error)) {
    case 'ENOENT':
      return new HostError('not-found', `no such file or folder${where}`, { cause: error });
    case 'ENOTDIR':
      return new HostError('not-found', `a part of the path${where} is not a folder`, {
        cause: error,
      });
    case 'EISDIR':
      return new HostError('bad-request', `${where.trim() || 'the path'} is a folder`, {
        cause: error,
      });
    case 'EACCES':
    case 'EPERM':
      return new HostError('forbidden', `permission denied${where}`, { cause: error });
    default:
      return new HostError('internal', `the host could not do this${where}`, { cause: error });
  }
}
