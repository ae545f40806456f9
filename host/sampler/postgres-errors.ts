/**
 * PostgreSQL and network failures as one-line `SampleError`s that name what is wrong and what to
 * do, with the connection shown only as `postgres://user@host:port/db` (redactConnection). Any
 * text that reaches a message is scrubbed of the password as well, in case a server or driver
 * ever echoes it.
 */
import { SampleError, cancelledError } from './sample-error';

/** What an error is about, for the message's subject. */
export type ErrorScope = { connection: string; password: string | undefined; port: number };

type Failure = { code?: unknown; message?: unknown; errno?: unknown };

const isFailure = (error: unknown): error is Failure & Error => error instanceof Error;

function scrub(text: string, password: string | undefined): string {
  if (password === undefined || password === '') return text;
  return [password, encodeURIComponent(password)].reduce(
    (clean, secret) => clean.split(secret).join('***'),
    text,
  );
}

/** The error a failed connection ends with. */
export function connectionError(error: unknown, scope: ErrorScope): SampleError {
  const where = `PostgreSQL at ${scope.connection}`;
  const message = isFailure(error) ? scrub(String(error.message), scope.password) : String(error);
  const code = isFailure(error) && typeof error.code === 'string' ? error.code : '';
  switch (code) {
    case '28P01':
    case '28000':
      return new SampleError(
        'source',
        `${where} refused the login: ${message}; check the user and password`,
      );
    case '3D000':
      return new SampleError('source', `${where}: ${message}; check the database name`);
    case 'ECONNREFUSED':
      return new SampleError(
        'source',
        `could not connect to ${where}: connection refused; is the server running and listening on port ${scope.port}?`,
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new SampleError('source', `could not connect to ${where}: the host name is unknown`);
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new SampleError('source', `could not connect to ${where}: ${message}`);
  }
  if (/timeout/i.test(message))
    return new SampleError(
      'source',
      `could not connect to ${where}: no answer within the connection timeout (connect_timeout, PGCONNECT_TIMEOUT)`,
    );
  return new SampleError('source', `could not connect to ${where}: ${message}`);
}

/**
 * The error a statement ends with. PostgreSQL's class 42 (an unknown table or column, a syntax
 * error in `where` or the query) and 22 (a bad value in them) are the request's fault.
 */
export function statementError(
  error: unknown,
  scope: ErrorScope,
  signal: AbortSignal,
  doing: string,
): SampleError {
  if (signal.aborted) return cancelledError();
  if (error instanceof SampleError) return error;
  const message = isFailure(error) ? scrub(String(error.message), scope.password) : String(error);
  const code = isFailure(error) && typeof error.code === 'string' ? error.code : '';
  if (code === '57014') return cancelledError();
  if (code.startsWith('42') || code.startsWith('22'))
    return new SampleError('bad-request', `PostgreSQL could not ${doing}: ${message}`);
  if (code === '' && isFailure(error) && /terminated|ECONNRESET/i.test(message))
    return new SampleError(
      'source',
      `the connection to PostgreSQL at ${scope.connection} was lost while it was to ${doing}`,
    );
  return new SampleError(
    'source',
    `PostgreSQL at ${scope.connection} could not ${doing}: ${message}`,
  );
}
