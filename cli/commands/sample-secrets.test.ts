import { describe, expect, it } from 'vitest';
import type { SampleSource } from '../../core/sample/request';
import { redact, sourceSecrets } from './sample-secrets';

const pg = (connection: string | null): SampleSource => ({
  kind: 'postgres',
  connection,
  table: 't',
  query: null,
});

describe('sourceSecrets and redact', () => {
  it('finds the password of a URL, written and decoded, and of ?password=', () => {
    const secrets = sourceSecrets(pg('postgres://me:p%40ss:w@db:5432/shop?password=other'), {});
    const line = 'password p@ss:w, p%40ss:w, other; user me at db';
    expect(redact(line, secrets)).toBe('password ***, ***, ***; user me at db');
  });

  it('finds a keyword string password, quoted or not', () => {
    const quoted = sourceSecrets(pg("host=db password='it\\'s x' dbname=a"), {});
    expect(redact(`login failed: password "it's x"`, quoted)).toBe('login failed: password "***"');
    const plain = sourceSecrets(pg('host=db password=hunter2 dbname=a'), {});
    expect(redact('auth failed for hunter2', plain)).toBe('auth failed for ***');
  });

  it('takes PGPASSWORD for any PostgreSQL source, and nothing from a file source', () => {
    expect(sourceSecrets(pg(null), { PGPASSWORD: 'envpw' })).toContain('envpw');
    expect(
      sourceSecrets({ kind: 'files', path: 'a.csv', format: 'auto' }, { PGPASSWORD: 'x' }),
    ).toEqual([]);
    expect(sourceSecrets(pg('postgres://me@db/shop'), {})).toEqual([]);
    // A connection string without a password falls back to PGPASSWORD.
    expect(sourceSecrets(pg('postgres://me@db/shop'), { PGPASSWORD: 'envpw' })).toContain('envpw');
  });
});
