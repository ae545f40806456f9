import { describe, expect, it } from 'vitest';
import { isGlob, relativeFileReferences } from './file-references';

describe('relativeFileReferences', () => {
  it('finds relative data paths in string literals, once each', () => {
    expect(
      relativeFileReferences(
        "select * from 'data/x.csv' join read_parquet('logs/2024.parquet') using (id) union all select * from 'data/x.csv'",
      ),
    ).toEqual(['data/x.csv', 'logs/2024.parquet']);
  });

  it('knows the data file extensions, case-insensitively, compressed ones too', () => {
    const names = [
      'a.csv',
      'a.tsv',
      'a.txt',
      'a.parquet',
      'a.json',
      'a.jsonl',
      'a.ndjson',
      'a.arrow',
      'a.ipc',
      'a.feather',
      'a.xlsx',
      'a.csv.gz',
      'a.csv.zst',
      'REPORT.CSV',
    ];
    for (const name of names) expect(relativeFileReferences(`select '${name}'`)).toEqual([name]);
  });

  it('accepts ./ and ../ and nested folders', () => {
    expect(
      relativeFileReferences("select * from './x.csv', '../shared/y.parquet', 'a/b/c/d.json'"),
    ).toEqual(['./x.csv', '../shared/y.parquet', 'a/b/c/d.json']);
  });

  it('ignores URLs, absolute paths, home paths and drive letters', () => {
    const sql = [
      "'https://example.com/x.csv'",
      "'http://h/x.parquet'",
      "'s3://bucket/x.parquet'",
      "'file:///tmp/x.csv'",
      "'/abs/x.csv'",
      "'\\\\server\\share\\x.csv'",
      "'~/x.csv'",
      "'C:/data/x.csv'",
      "'c:\\data\\x.csv'",
    ].join(', ');
    expect(relativeFileReferences(`select ${sql}`)).toEqual([]);
  });

  it('ignores strings that are not data paths', () => {
    expect(
      relativeFileReferences(
        "select 'hello', 'x.csv.bak', 'csv', '.csv ', 'notes.md', '', 'line\nbreak.csv' where a = 'b'",
      ),
    ).toEqual([]);
    expect(relativeFileReferences(`select '${'a'.repeat(1100)}.csv'`)).toEqual([]);
  });

  it("unescapes '' inside a literal", () => {
    expect(relativeFileReferences("select * from 'it''s data.csv'")).toEqual(["it's data.csv"]);
    expect(relativeFileReferences("select 'don''t', 'b.csv'")).toEqual(['b.csv']);
  });

  it('keeps glob patterns as they are', () => {
    expect(
      relativeFileReferences(
        "select * from read_csv('logs/**/2024-*.csv'), 'x/{a,b}.json', 'p[0-9]?.parquet'",
      ),
    ).toEqual(['logs/**/2024-*.csv', 'x/{a,b}.json', 'p[0-9]?.parquet']);
  });

  it('identifiers in double quotes are not literals', () => {
    expect(relativeFileReferences('select * from "data/x.csv"')).toEqual([]);
  });
});

describe('isGlob', () => {
  it('recognises *, ?, [ and {', () => {
    expect(isGlob('data/*.csv')).toBe(true);
    expect(isGlob('data/**/x.csv')).toBe(true);
    expect(isGlob('x?.csv')).toBe(true);
    expect(isGlob('p[0-9].csv')).toBe(true);
    expect(isGlob('{a,b}.csv')).toBe(true);
    expect(isGlob('data/x.csv')).toBe(false);
  });
});
