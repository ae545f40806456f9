/**
 * The secrets a `quarry sample` source carries (a connection string's password; PGPASSWORD for
 * any PostgreSQL source, which falls back to it), so that the command can blank them out of
 * every line it prints, whatever produced the text (the driver's error, a stack trace):
 * credentials never reach a terminal or a log.
 */
import type { SampleSource } from '../../core/sample/request';

export const REDACTED = '***';

export function sourceSecrets(source: SampleSource, env: NodeJS.ProcessEnv): string[] {
  if (source.kind !== 'postgres') return [];
  // PGPASSWORD whenever set: `pg:` reads it, and so does a connection string without a password.
  const found = new Set<string>(env.PGPASSWORD ? [env.PGPASSWORD] : []);
  if (source.connection === null) return withEncoded(found);
  if (/^postgres(ql)?:\/\//i.test(source.connection)) {
    for (const secret of urlPasswords(source.connection)) found.add(secret);
  } else {
    // libpq keyword form: password=secret or password='se cret' (\' and \\ escaped).
    const match = /(?:^|\s)password\s*=\s*('((?:[^'\\]|\\.)*)'|\S+)/.exec(source.connection);
    if (match) {
      found.add(match[1]);
      if (match[2] !== undefined) found.add(match[2].replace(/\\(.)/g, '$1'));
    }
  }
  return withEncoded(found);
}

/** Each secret and its percent-encoded form, as a URL or an error message may quote it so. */
function withEncoded(found: Set<string>): string[] {
  for (const secret of [...found]) found.add(encodeURIComponent(secret));
  return [...found].filter((secret) => secret !== '');
}

/** The password of `user:password@host` and of `?password=`, as written and decoded. */
function urlPasswords(connection: string): string[] {
  const written = /^[a-z]+:\/\/[^/@?#]*?:([^@/?#]*)@/i.exec(connection)?.[1];
  const query = /[?&]password=([^&#]*)/i.exec(connection)?.[1];
  return [written, query].flatMap((raw) => (raw === undefined ? [] : [raw, decoded(raw)]));
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `text` with every secret replaced by `***`, longest first (one may contain another). */
export function redact(text: string, secrets: readonly string[]): string {
  return [...secrets]
    .sort((a, b) => b.length - a.length)
    .reduce((shown, secret) => shown.split(secret).join(REDACTED), text);
}
