/**
 * Where a PostgreSQL source connects: a URL (`postgres://user:password@host:port/db?sslmode=…`),
 * a libpq key=value string (`host=… port=… dbname=… user=… password='a b'`), or, with no
 * connection string, the PG* variables of the environment the request came with. Every form
 * becomes one `ConnectionSettings`, and what the manifest, logs and errors show of it is
 * `redactConnection`'s `postgres://user@host:port/db`: never the password, never the string.
 */
import { parse as parseUrl } from 'pg-connection-string';
import type { ConnectionOptions } from 'node:tls';

export type ConnectionSettings = {
  host: string;
  port: number;
  user: string;
  database: string;
  password: string | undefined;
  /** false: plain TCP; true or options: TLS (sslmode require and up). */
  ssl: boolean | ConnectionOptions;
  /** Seconds to wait for the server to answer the connection. */
  connectTimeout: number;
  applicationName: string;
};

/** The connection as the manifest records it when it came from the environment. */
export const ENVIRONMENT_CONNECTION = 'PG* environment';

const DEFAULT_CONNECT_TIMEOUT_S = 10;

/** A connection string that cannot be read; the message never repeats the string. */
export class ConnectionStringProblem extends Error {}

/** libpq's key=value form, which `pg` does not read: keys we honour, others are refused. */
const KEYWORDS = [
  'host',
  'port',
  'user',
  'password',
  'dbname',
  'sslmode',
  'connect_timeout',
  'application_name',
] as const;
type Keyword = (typeof KEYWORDS)[number];
const isKeyword = (key: string): key is Keyword => (KEYWORDS as readonly string[]).includes(key);

/** `key=value` pairs separated by spaces; a value may be single-quoted with `\'` and `\\`. */
function parseKeywordValue(text: string): Partial<Record<Keyword, string>> {
  const values: Partial<Record<Keyword, string>> = {};
  const pattern = /\s*([A-Za-z_]+)\s*=\s*('(?:[^'\\]|\\.)*'|[^\s']*)\s*/y;
  let at = 0;
  while (at < text.length) {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (match === null || match[0] === '')
      throw new ConnectionStringProblem(
        `the connection string could not be read after position ${at}: use key=value pairs, quoting a value with spaces as 'like this'`,
      );
    const [, key, raw] = match;
    if (!isKeyword(key))
      throw new ConnectionStringProblem(
        `the connection string names "${key}", which Quarry does not use: use ${KEYWORDS.join(', ')}`,
      );
    values[key] = raw.startsWith("'") ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
    at = pattern.lastIndex;
  }
  return values;
}

function sslFor(mode: string | undefined): boolean | ConnectionOptions {
  switch (mode ?? 'disable') {
    case 'disable':
    case 'allow':
    case 'prefer':
      return false;
    case 'require':
      return { rejectUnauthorized: false };
    case 'verify-ca':
      return { checkServerIdentity: () => undefined };
    case 'verify-full':
      return true;
    default:
      throw new ConnectionStringProblem(
        `sslmode "${mode}" is not one of disable, allow, prefer, require, verify-ca, verify-full`,
      );
  }
}

function portOf(text: string | undefined): number {
  if (text === undefined || text === '') return 5432;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new ConnectionStringProblem(`the port "${text}" is not a number from 1 to 65535`);
  return port;
}

function timeoutOf(text: string | undefined): number {
  if (text === undefined || text === '') return DEFAULT_CONNECT_TIMEOUT_S;
  const seconds = Number(text);
  if (!(seconds > 0))
    throw new ConnectionStringProblem(`connect_timeout "${text}" is not a number of seconds`);
  return seconds;
}

function settingsFrom(
  values: Partial<Record<Keyword, string>>,
  osUser: string,
): ConnectionSettings {
  const user = values.user || osUser;
  return {
    host: values.host || 'localhost',
    port: portOf(values.port),
    user,
    database: values.dbname || user,
    password: values.password || undefined,
    ssl: sslFor(values.sslmode),
    connectTimeout: timeoutOf(values.connect_timeout),
    applicationName: values.application_name || 'quarry sample',
  };
}

function parseUrlForm(text: string): Partial<Record<Keyword, string>> {
  let parsed: ReturnType<typeof parseUrl>;
  try {
    // libpq's sslmode meanings; ssl itself is taken from `sslmode` below.
    parsed = parseUrl(text, { useLibpqCompat: true });
  } catch {
    throw new ConnectionStringProblem(
      'the connection URL could not be read: percent-encode special characters in the user and password (@ is %40, / is %2F, : is %3A)',
    );
  }
  const present = (value: unknown): string | undefined =>
    typeof value === 'string' && value !== '' ? value : undefined;
  const fields = parsed as Record<string, unknown>;
  return {
    host: present(fields.host),
    port: present(fields.port),
    user: present(fields.user),
    password: present(fields.password),
    dbname: present(fields.database),
    sslmode: present(fields.sslmode),
    connect_timeout: present(fields.connect_timeout),
    application_name: present(fields.application_name),
  };
}

/** The settings a source connects with; throws `ConnectionStringProblem` on a bad string. */
export function connectionSettings(
  connection: string | null,
  env: NodeJS.ProcessEnv,
): ConnectionSettings {
  const osUser = env.USER || env.LOGNAME || 'postgres';
  if (connection === null)
    return settingsFrom(
      {
        host: env.PGHOST,
        port: env.PGPORT,
        user: env.PGUSER,
        password: env.PGPASSWORD,
        dbname: env.PGDATABASE,
        sslmode: env.PGSSLMODE,
        connect_timeout: env.PGCONNECT_TIMEOUT,
        application_name: env.PGAPPNAME,
      },
      osUser,
    );
  const text = connection.trim();
  if (/^postgres(ql)?:\/\//i.test(text)) return settingsFrom(parseUrlForm(text), osUser);
  if (/^[A-Za-z_]+\s*=/.test(text)) return settingsFrom(parseKeywordValue(text), osUser);
  throw new ConnectionStringProblem(
    'the connection string must start with postgres:// or be key=value pairs (host=… dbname=…)',
  );
}

/** `postgres://user@host:port/db`: what may be shown of a connection. */
export function describeConnection(settings: ConnectionSettings): string {
  const host = settings.host.startsWith('/') ? encodeURIComponent(settings.host) : settings.host;
  const user = encodeURIComponent(settings.user);
  return `postgres://${user}@${host}:${settings.port}/${encodeURIComponent(settings.database)}`;
}

/**
 * A connection string with its password and options removed (`postgres://user@host:port/db`),
 * `PG* environment` for none, or a placeholder for one that cannot be read.
 */
export function redactConnection(connection: string | null): string {
  if (connection === null) return ENVIRONMENT_CONNECTION;
  try {
    return describeConnection(connectionSettings(connection, {}));
  } catch {
    return 'postgres://(a connection string that could not be read)';
  }
}
