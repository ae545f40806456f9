/**
 * One connection to PostgreSQL for one sample, opened on first use and held until `close`:
 * - every statement runs in one `REPEATABLE READ READ ONLY` transaction, so the estimate, the
 *   strata counts and the sample all see the same snapshot, and nothing can be written;
 * - the session pins the settings that shape the text of values (what rowHash hashes and the
 *   rows arrive as): UTC, ISO dates, shortest exact floats, hex bytea, standard strings;
 * - rows come back in PostgreSQL's text format, unparsed (postgres-types.ts);
 * - an abort sends PostgreSQL's cancel request (a second connection naming this backend's
 *   process and secret key), so the server stops working, not only the client waiting.
 */
import pg from 'pg';
import { createConnection, type Socket } from 'node:net';
import { connectionError, statementError, type ErrorScope } from './postgres-errors';
import type { ConnectionSettings } from './postgres-connection';
import { cancelledError } from './sample-error';

export type TextRow = (string | null)[];
export type FieldInfo = { name: string; typeOid: number; typeModifier: number };
export type TextResult = { fields: FieldInfo[]; rows: TextRow[] };

const SESSION_SETTINGS = [
  "SET TimeZone = 'UTC'",
  "SET DateStyle = 'ISO, YMD'",
  "SET IntervalStyle = 'postgres'",
  'SET extra_float_digits = 1',
  "SET bytea_output = 'hex'",
  'SET standard_conforming_strings = on',
  "SET client_encoding = 'UTF8'",
].join('; ');

/** Every value as the text PostgreSQL sent: no JavaScript conversion can lose digits. */
const textTypes = { getTypeParser: () => (value: string) => value };

const fieldInfo = (field: pg.FieldDef): FieldInfo => ({
  name: field.name,
  typeOid: field.dataTypeID,
  typeModifier: field.dataTypeModifier,
});

/** The socket pg reads from, for the bytes that came over the wire. */
function socketOf(client: pg.Client): Socket | null {
  const connection: unknown = Reflect.get(client, 'connection');
  if (typeof connection !== 'object' || connection === null) return null;
  const stream: unknown = Reflect.get(connection, 'stream');
  return typeof stream === 'object' && stream !== null && 'bytesRead' in stream
    ? (stream as Socket)
    : null;
}

export class PostgresSession {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;

  constructor(
    private readonly settings: ConnectionSettings,
    readonly scope: ErrorScope,
  ) {}

  private async open(signal: AbortSignal): Promise<pg.Client> {
    if (signal.aborted) throw cancelledError();
    const { settings } = this;
    const client = new pg.Client({
      host: settings.host,
      port: settings.port,
      user: settings.user,
      // None given: pg falls back to PGPASSWORD, then ~/.pgpass, as libpq does.
      password: settings.password,
      database: settings.database,
      ssl: settings.ssl,
      application_name: settings.applicationName,
      connectionTimeoutMillis: settings.connectTimeout * 1000,
      types: textTypes,
    });
    // A lost connection is reported by the statement that was running; this keeps the
    // client's 'error' event from becoming an uncaught exception.
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (error) {
      throw connectionError(error, this.scope);
    }
    this.client = client;
    await this.run(
      `${SESSION_SETTINGS}; BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`,
      signal,
      'start a read-only transaction',
    );
    return client;
  }

  private connection(signal: AbortSignal): Promise<pg.Client> {
    this.connecting ??= this.open(signal);
    return this.connecting;
  }

  /** Runs `text`, cancelling it on the server when `signal` aborts. */
  async query(text: string, signal: AbortSignal, doing: string): Promise<TextResult> {
    await this.connection(signal);
    return this.run(text, signal, doing);
  }

  private async run(text: string, signal: AbortSignal, doing: string): Promise<TextResult> {
    const client = this.client;
    if (client === null) throw new Error('PostgresSession.run before the connection');
    if (signal.aborted) throw cancelledError();
    const cancel = (): void => this.cancelRunning(client);
    signal.addEventListener('abort', cancel, { once: true });
    try {
      const result = await client.query<TextRow>({ text, rowMode: 'array' });
      const last = Array.isArray(result) ? (result.at(-1) as pg.QueryResult<TextRow>) : result;
      return {
        fields: (last.fields ?? []).map(fieldInfo),
        rows: last.rows ?? [],
      };
    } catch (error) {
      throw statementError(error, this.scope, signal, doing);
    } finally {
      signal.removeEventListener('abort', cancel);
    }
  }

  /**
   * Runs `text` as one statement and hands each row to `onRow` as it arrives, keeping none:
   * memory stays bounded whatever the size, and the server may plan it in parallel (a cursor
   * or a portal fetched in batches may not). If `onRow` throws, the statement is cancelled on
   * the server and the stream ends with that error.
   */
  async stream(
    text: string,
    signal: AbortSignal,
    doing: string,
    onRow: (row: TextRow, fields: readonly FieldInfo[]) => void,
  ): Promise<number> {
    const client = await this.connection(signal);
    if (signal.aborted) throw cancelledError();
    const cancel = (): void => this.cancelRunning(client);
    signal.addEventListener('abort', cancel, { once: true });
    let rows = 0;
    let fields: FieldInfo[] | null = null;
    let failed: { error: unknown } | null = null;
    // pg's types omit `rowMode` from a Query's config, though Query reads it.
    const config: pg.QueryArrayConfig = { text, rowMode: 'array' };
    const query = new pg.Query<TextRow>(config as pg.QueryConfig);
    query.on('row', (row: TextRow, result?: pg.ResultBuilder<TextRow>) => {
      if (failed !== null) return;
      try {
        fields ??= (result?.fields ?? []).map(fieldInfo);
        onRow(row, fields);
        rows++;
      } catch (error) {
        failed = { error };
        this.cancelRunning(client);
      }
    });
    try {
      await new Promise<void>((resolve, reject) => {
        query.on('end', () => resolve());
        query.on('error', reject);
        void client.query(query);
      });
    } catch (error) {
      if (failed === null) throw statementError(error, this.scope, signal, doing);
    } finally {
      signal.removeEventListener('abort', cancel);
    }
    if (failed !== null) throw (failed as { error: unknown }).error;
    return rows;
  }

  /**
   * PostgreSQL's cancel request for whatever this backend runs now: 16 bytes on a new
   * connection (length, the code 80877102, process id, secret key). The server reads it before
   * any TLS or authentication, so a plain socket does for every server.
   */
  private cancelRunning(client: pg.Client): void {
    const { processID, secretKey } = client as unknown as {
      processID: unknown;
      secretKey: unknown;
    };
    if (typeof processID !== 'number' || typeof secretKey !== 'number') return;
    const message = Buffer.alloc(16);
    message.writeInt32BE(16, 0);
    message.writeInt32BE(80877102, 4);
    message.writeInt32BE(processID, 8);
    message.writeInt32BE(secretKey, 12);
    const { host, port } = this.settings;
    const socket = host.startsWith('/')
      ? createConnection(`${host}/.s.PGSQL.${port}`)
      : createConnection(port, host);
    socket.on('error', () => undefined);
    socket.on('connect', () => socket.end(message));
  }

  /** Bytes read from the server over this session so far (every statement, the sample's rows). */
  bytesReceived(): number {
    return this.client === null ? 0 : (socketOf(this.client)?.bytesRead ?? 0);
  }

  /** Ends the transaction and the connection; safe to call twice or before any use. */
  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.connecting = null;
    if (client === null) return;
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}
