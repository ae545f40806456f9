import { describe, expect, it } from 'vitest';
import { findFileLiterals } from './file-literals';

const values = (sql: string) => findFileLiterals(sql).literals.map((literal) => literal.value);

describe('findFileLiterals', () => {
  it('finds literals after FROM, JOIN, DESCRIBE and SUMMARIZE', () => {
    expect(values("select * from 'a.csv' join 'b.parquet' using (id)")).toEqual([
      'a.csv',
      'b.parquet',
    ]);
    expect(values("DESCRIBE 'x.csv'")).toEqual(['x.csv']);
    expect(values("summarize from 'y.csv'")).toEqual(['y.csv']);
    expect(values("select * from t, 'a.csv', (select 1) s, 'b.csv' where x in ('c', 'd')")).toEqual(
      ['a.csv', 'b.csv'],
    );
  });

  it("finds a reader's first argument, a string or a list of strings", () => {
    expect(values("from read_csv('logs/*.csv', delim = ';')")).toEqual(['logs/*.csv']);
    expect(values("from read_parquet(['a.parquet', 'b.parquet'])")).toEqual([
      'a.parquet',
      'b.parquet',
    ]);
    expect(values("select * from read_text('/etc/passwd')")).toEqual(['/etc/passwd']);
  });

  it("finds a COPY's target and says which way it goes", () => {
    expect(
      findFileLiterals("COPY (select 'v' from 'in.csv') TO 'out.parquet' (FORMAT parquet)"),
    ).toEqual({
      literals: [
        { start: 22, end: 30, value: 'in.csv' },
        { start: 35, end: 48, value: 'out.parquet' },
      ],
      copyDirection: 'to',
    });
    expect(findFileLiterals("copy t from 'x.csv'").copyDirection).toBe('from');
    expect(findFileLiterals("select 'x'").copyDirection).toBeNull();
  });

  it('leaves values alone: strings in other places, FROM inside trim/extract, casts', () => {
    expect(values("select 'a.csv', s similar to 'x.*' from t where s = 'b.csv'")).toEqual([]);
    expect(values("select trim('x' from 'xax'), extract(year from '2024-01-01'::date)")).toEqual(
      [],
    );
    expect(values("select * from 'x.csv' -- from 'y.csv'")).toEqual(['x.csv']);
  });
});
