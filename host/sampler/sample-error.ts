/**
 * The one error every part of the sampler throws (PREAMBLE, shared names): a kind the front ends
 * map to their own answers (the CLI's exit status, the app's error banner) and a one-line
 * message that names the file, line or column at fault and what to do. Never a password: a
 * message that could quote a connection string is built from the manifest's redacted form.
 */
export type SampleErrorKind =
  /** The request itself is wrong (an option, a column, a `where` expression): fix the request. */
  | 'bad-request'
  /** The source failed: a missing or malformed file, an unreachable server. */
  | 'source'
  /** The pull was cancelled; nothing was written. */
  | 'cancelled'
  /** The output file exists and `force` was not given. */
  | 'exists';

export class SampleError extends Error {
  override readonly name = 'SampleError';

  constructor(
    readonly kind: SampleErrorKind,
    message: string,
  ) {
    // One line, whatever the engine's message looked like.
    super(message.replace(/\s*\n\s*/g, ' ').trim());
  }
}

export function isSampleError(error: unknown): error is SampleError {
  return error instanceof SampleError;
}

/** The error a pull ends with when its signal was aborted. */
export function cancelledError(): SampleError {
  return new SampleError('cancelled', 'the sample was cancelled; nothing was written');
}
