import { describe, expect, it } from 'vitest';
import { findLoadedFileReferences, loadedFileEdits, loadedFormatOf } from './loaded-formats';
import { RewrittenSql } from './rewritten-sql';
import { tokenizeSql } from './sql-tokens';

const rewrite = (sql: string) =>
  RewrittenSql.of(sql).withEdits(loadedFileEdits(findLoadedFileReferences(sql))).text;

describe('tokenizeSql', () => {
  it('keeps quotes, comments and quoted identifiers whole', () => {
    const tokens = tokenizeSql(`select 'it''s' as "a ""b""" -- 'x.parquet'\n/* 'y.json' */ from t`);
    expect(tokens.filter((t) => t.kind === 'string').map((t) => t.value)).toEqual(["it's"]);
    expect(tokens.filter((t) => t.kind === 'identifier').map((t) => t.value)).toEqual(['a "b"']);
    expect(tokens.filter((t) => t.kind === 'comment')).toHaveLength(2);
  });
});

describe('Parquet and JSON references', () => {
  it('knows the formats by extension', () => {
    expect(
      ['a.parquet', 'a.PARQUET', 'a.json', 'a.jsonl', 'a.ndjson', 'a.csv'].map(loadedFormatOf),
    ).toEqual(['parquet', 'parquet', 'json', 'ndjson', 'ndjson', null]);
  });

  it('rewrites a file named after FROM, JOIN, DESCRIBE and SUMMARIZE', () => {
    expect(rewrite("select * from 'data/x.parquet' where a > 1")).toBe(
      'select * from quarry_files."data/x.parquet" where a > 1',
    );
    expect(rewrite("select * from t join 'd/*.json' j using (id)")).toBe(
      'select * from t join quarry_files."d/*.json" j using (id)',
    );
    expect(rewrite("DESCRIBE 'x.parquet'")).toBe('DESCRIBE quarry_files."x.parquet"');
  });

  it('rewrites reader calls with their options', () => {
    expect(
      rewrite("select * from read_parquet('a.parquet',\n  hive_partitioning = true) limit 1"),
    ).toBe('select * from quarry_files."a.parquet" limit 1');
    expect(rewrite("from read_json(['a.json', 'b.json'])")).toBe(
      'from quarry_files."a.json|b.json"',
    );
  });

  it('leaves other strings, CSV files, absolute paths, URLs and comments alone', () => {
    const untouched = [
      "select 'x.parquet' as name",
      "select * from 'x.csv'",
      "select * from '/abs/x.parquet'",
      "select * from 'https://example.com/x.parquet'",
      "-- from 'x.parquet'\nselect 1",
      'select * from read_parquet(some_column)',
    ];
    for (const sql of untouched) expect(rewrite(sql)).toBe(sql);
  });
});
