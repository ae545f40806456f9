import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globFiles, globToRegExp } from './glob';

describe('globToRegExp', () => {
  const matches = (glob: string, candidate: string) => globToRegExp(glob).test(candidate);

  it('`*` matches within one path segment', () => {
    expect(matches('*.csv', 'x.csv')).toBe(true);
    expect(matches('*.csv', '.csv')).toBe(true);
    expect(matches('*.csv', 'sub/x.csv')).toBe(false);
    expect(matches('*.csv', 'x.csv.bak')).toBe(false);
    expect(matches('data_*_2024.csv', 'data_jan_2024.csv')).toBe(true);
  });

  it('`**` matches any number of folders, including none', () => {
    expect(matches('**/*.csv', 'x.csv')).toBe(true);
    expect(matches('**/*.csv', 'a/b/c/x.csv')).toBe(true);
    expect(matches('logs/**/2024-*.parquet', 'logs/2024-01.parquet')).toBe(true);
    expect(matches('logs/**/2024-*.parquet', 'logs/eu/west/2024-01.parquet')).toBe(true);
    expect(matches('logs/**/2024-*.parquet', 'logs/eu/2023-01.parquet')).toBe(false);
    expect(matches('a/**', 'a/b/c')).toBe(true);
  });

  it('`?` matches one character, never a slash', () => {
    expect(matches('x?.csv', 'x1.csv')).toBe(true);
    expect(matches('x?.csv', 'x.csv')).toBe(false);
    expect(matches('x?.csv', 'x12.csv')).toBe(false);
    expect(matches('a?b', 'a/b')).toBe(false);
  });

  it('`{a,b}` alternatives, which may hold wildcards themselves', () => {
    expect(matches('x/{a,b}.json', 'x/a.json')).toBe(true);
    expect(matches('x/{a,b}.json', 'x/b.json')).toBe(true);
    expect(matches('x/{a,b}.json', 'x/c.json')).toBe(false);
    expect(matches('{*.csv,*.tsv}', 'q.tsv')).toBe(true);
    expect(matches('{*.csv,*.tsv}', 'q.json')).toBe(false);
  });

  it('`[0-9]` classes and `[!…]` negation', () => {
    expect(matches('part-[0-9].csv', 'part-7.csv')).toBe(true);
    expect(matches('part-[0-9].csv', 'part-x.csv')).toBe(false);
    expect(matches('part-[!0-9].csv', 'part-x.csv')).toBe(true);
    expect(matches('part-[!0-9].csv', 'part-7.csv')).toBe(false);
  });

  it('regex characters are literal, and unclosed brackets too', () => {
    expect(matches('a.b+c(d)$.csv', 'a.b+c(d)$.csv')).toBe(true);
    expect(matches('a.b', 'axb')).toBe(false);
    expect(matches('b[.csv', 'b[.csv')).toBe(true);
    expect(matches('c{.csv', 'c{.csv')).toBe(true);
  });
});

describe('globFiles', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'quarry-glob-'));
    const files = [
      'data/x.csv',
      'data/y.csv',
      'data/notes.txt',
      'data/part-1.csv',
      'data/nested/z.csv',
      'data/nested/deeper/w.csv',
      'top.csv',
    ];
    for (const file of files) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), '');
    }
    mkdirSync(path.join(dir, 'data', 'folder.csv'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('returns sorted relative paths with `/`, files only', async () => {
    expect(await globFiles(dir, 'data/*.csv')).toEqual([
      'data/part-1.csv',
      'data/x.csv',
      'data/y.csv',
    ]);
  });

  it('`**` reaches every depth', async () => {
    expect(await globFiles(dir, 'data/**/*.csv')).toEqual([
      'data/nested/deeper/w.csv',
      'data/nested/z.csv',
      'data/part-1.csv',
      'data/x.csv',
      'data/y.csv',
    ]);
    expect(await globFiles(dir, '**/z.csv')).toEqual(['data/nested/z.csv']);
  });

  it('wildcards in folder names', async () => {
    expect(await globFiles(dir, 'data/*/*.csv')).toEqual(['data/nested/z.csv']);
    expect(await globFiles(dir, 'dat?/{x,y}.csv')).toEqual(['data/x.csv', 'data/y.csv']);
    expect(await globFiles(dir, 'data/part-[0-9].csv')).toEqual(['data/part-1.csv']);
  });

  it('keeps the query’s own spelling of the folder', async () => {
    expect(await globFiles(dir, './data/x.*')).toEqual(['./data/x.csv']);
  });

  it('no match and a missing folder give no files', async () => {
    expect(await globFiles(dir, 'data/*.parquet')).toEqual([]);
    expect(await globFiles(dir, 'missing/*.csv')).toEqual([]);
  });
});
