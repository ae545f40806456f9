import { describe, expect, it } from 'vitest';
import {
  connectionSettings,
  ConnectionStringProblem,
  redactConnection,
} from './postgres-connection';

describe('redactConnection', () => {
  it('keeps user, host, port and database of a URL, never the password or options', () => {
    const url = 'postgres://ana:s3cret@db.example.com:6543/sales?sslmode=require&password=other';
    const shown = redactConnection(url);
    expect(shown).toBe('postgres://ana@db.example.com:6543/sales');
    expect(shown).not.toContain('s3cret');
    expect(shown).not.toContain('other');
  });

  it('redacts percent-encoded passwords with special characters', () => {
    const password = 'p@ss:w/rd#1 é%';
    const shown = redactConnection(
      `postgresql://ana:${encodeURIComponent(password)}@127.0.0.1/sales`,
    );
    expect(shown).toBe('postgres://ana@127.0.0.1:5432/sales');
    expect(shown).not.toContain(encodeURIComponent(password));
  });

  it('redacts an unencoded @ in the password (the last @ ends the user part)', () => {
    const shown = redactConnection('postgres://ana:p@ss@127.0.0.1:5433/sales');
    expect(shown).toBe('postgres://ana@127.0.0.1:5433/sales');
  });

  it('shows a placeholder, not the string, when a URL cannot be read', () => {
    const shown = redactConnection('postgres://ana:pa/ss@db:5432/sales');
    expect(shown).not.toContain('pa/ss');
    expect(shown).toBe('postgres://(a connection string that could not be read)');
  });

  it('reads key=value strings, quoted values with spaces and escapes included', () => {
    const text = "host=db.example.com port=5433 dbname=sales user=ana password='it\\'s a secret'";
    expect(redactConnection(text)).toBe('postgres://ana@db.example.com:5433/sales');
    expect(connectionSettings(text, {}).password).toBe("it's a secret");
  });

  it('names the environment for a source without a connection string', () => {
    expect(redactConnection(null)).toBe('PG* environment');
  });

  it('encodes a unix socket folder as the host', () => {
    expect(redactConnection('host=/var/run/postgresql dbname=sales user=ana')).toBe(
      'postgres://ana@%2Fvar%2Frun%2Fpostgresql:5432/sales',
    );
  });
});

describe('connectionSettings', () => {
  it('takes the PG* variables of the given environment, not the process', () => {
    const settings = connectionSettings(null, {
      PGHOST: 'pg.internal',
      PGPORT: '6000',
      PGUSER: 'etl',
      PGPASSWORD: 'x',
      PGDATABASE: 'warehouse',
      PGCONNECT_TIMEOUT: '3',
    });
    expect(settings).toMatchObject({
      host: 'pg.internal',
      port: 6000,
      user: 'etl',
      password: 'x',
      database: 'warehouse',
      connectTimeout: 3,
      ssl: false,
    });
  });

  it('defaults the database to the user and the user to the OS user', () => {
    expect(connectionSettings('host=h', { USER: 'me' })).toMatchObject({
      user: 'me',
      database: 'me',
      port: 5432,
    });
  });

  it('refuses unknown keys, bad ports and bad sslmodes in one line naming them', () => {
    expect(() => connectionSettings('host=h sslmod=require', {})).toThrow(
      new ConnectionStringProblem(
        'the connection string names "sslmod", which Quarry does not use: use host, port, user, password, dbname, sslmode, connect_timeout, application_name',
      ),
    );
    expect(() => connectionSettings('host=h port=99999', {})).toThrow(/port "99999"/);
    expect(() => connectionSettings('host=h sslmode=maybe', {})).toThrow(/sslmode "maybe"/);
    expect(() => connectionSettings('mysql://h/db', {})).toThrow(/postgres:\/\//);
  });
});
