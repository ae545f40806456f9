import { describe, expect, it } from 'vitest';
import { findFileReferences } from './file-reference-spans';
import { RewrittenSql } from './rewritten-sql';
import { splitStatements } from './sql-statements';
import { routeStatement } from './statement-route';

const route = (sql: string, kernelNames: string[] = []) =>
  routeStatement(sql, findFileReferences(sql), new Set(kernelNames));

/** The text of each reference a statement has. */
const references = (sql: string) => findFileReferences(sql).map((r) => sql.slice(r.start, r.end));

describe('file references', () => {
  it('are literals after FROM, JOIN, DESCRIBE and SUMMARIZE, in any format', () => {
    expect(
      references(
        "select * from 'a.parquet' join 'b.csv' using (id) join t on true; describe 'c.json'",
      ),
    ).toEqual(["'a.parquet'", "'b.csv'", "'c.json'"]);
    expect(references("summarize 'logs/x'")).toEqual(["'logs/x'"]);
  });

  it('are reader calls whose first argument is a string or a list, options and all', () => {
    const sql =
      "select * from read_csv('a/*.csv', header = false), read_parquet(['x.parquet', 'y.parquet']), read_json_auto('z.json'), read_ndjson_objects('w.ndjson'), glob('*'), parquet_schema('p.parquet')";
    expect(references(sql)).toEqual([
      "read_csv('a/*.csv', header = false)",
      "read_parquet(['x.parquet', 'y.parquet'])",
      "read_json_auto('z.json')",
      "read_ndjson_objects('w.ndjson')",
      "glob('*')",
      "parquet_schema('p.parquet')",
    ]);
    expect(findFileReferences("select * from read_parquet(['x', 'y'])")[0].patterns).toEqual([
      'x',
      'y',
    ]);
  });

  it('include the target of COPY … TO, and absolute and ../ paths', () => {
    expect(references("copy (select 1) to 'out.parquet' (format parquet)")).toEqual([
      "'out.parquet'",
    ]);
    expect(references("select * from '/etc/passwd' join '../x.csv' using (a)")).toEqual([
      "'/etc/passwd'",
      "'../x.csv'",
    ]);
  });

  it('are not other strings, comments, a FROM inside extract or trim, or a reader given no string', () => {
    expect(
      references(
        "select 'x.csv', extract(year from '2024-01-01'::date), trim(both 'x' from 'xax') -- from 'y.csv'\nfrom t where a = 'z.csv' and read_csv(name)",
      ),
    ).toEqual([]);
    expect(references("select a, 'x.csv' from t, 'u.csv' where b in (1, 'y.csv')")).toEqual([
      "'u.csv'",
    ]);
  });
});

describe('where a statement runs', () => {
  it('in the kernel when it names no file', () => {
    expect(route('select * from t join u using (id)', ['t', 'u'])).toEqual({ where: 'kernel' });
    expect(route("insert into t values ('x.csv')", ['t'])).toEqual({ where: 'kernel' });
  });

  it('on the host when it reads files only', () => {
    for (const sql of [
      "select count(*) from 'a.parquet'",
      "with x as (select * from read_csv('a.csv')) select * from x",
      "from 'a.parquet'",
      "describe 'a.parquet'",
      "summarize select * from 'a.csv'",
      "pivot 'a.csv' on k using sum(v)",
      "explain select * from 'a.csv'",
      "(select * from 'a.csv') union all (select * from 'b.csv')",
      "select * from 'a.csv', 'b.csv'",
    ]) {
      expect(route(sql, ['t'])).toEqual({ where: 'host' });
    }
  });

  it('on the host for COPY … TO whose source reads no kernel table', () => {
    expect(route("copy (select * from 'a.csv') to 'b.parquet'", ['t'])).toEqual({
      where: 'host',
    });
    expect(route("copy (select 42 as x) to 'b.csv'")).toEqual({ where: 'host' });
  });

  it('as a copy for COPY … TO whose source reads a kernel table, with the source span', () => {
    const sql = "copy (select * from T where a > 1) to 'out.parquet' (format parquet)";
    const routed = route(sql, ['t']);
    expect(routed.where).toBe('copy');
    if (routed.where === 'copy') {
      expect(sql.slice(routed.source.start, routed.source.end)).toBe(
        '(select * from T where a > 1)',
      );
    }
    const bare = "copy main.t to 'out.csv'";
    const table = route(bare, ['t']);
    expect(table.where === 'copy' && bare.slice(table.source.start, table.source.end)).toBe(
      'main.t',
    );
  });

  it('refuses COPY … FROM a file, saying what to write instead', () => {
    const routed = route("copy t from 'rows.csv' (header)", ['t']);
    expect(routed.where).toBe('unsupported');
    expect(routed.where === 'unsupported' && routed.message).toContain(
      "INSERT INTO t SELECT * FROM read_csv('file.csv'",
    );
  });

  it('as scans with pushdown when files and kernel tables meet, or the kernel’s state changes', () => {
    const pushed = { where: 'scan', pushdown: true };
    expect(route("select * from frame join 'a.parquet' using (id)", ['frame'])).toEqual(pushed);
    expect(route('select * from "Frame", \'a.csv\'', ['frame'])).toEqual(pushed);
    expect(route("create table t as select * from 'a.csv'")).toEqual(pushed);
    expect(route("insert into t select * from read_csv('a.csv')", ['t'])).toEqual(pushed);
  });

  it('as full scans for a statement that makes a view or macro', () => {
    const full = { where: 'scan', pushdown: false };
    expect(route("create view v as select * from 'a.csv'")).toEqual(full);
    expect(route("create or replace temp view v as from read_csv('a.csv')")).toEqual(full);
    expect(route("create macro m() as table select * from 'a.csv'")).toEqual(full);
  });

  it('a kernel name inside a file reference is no kernel table', () => {
    expect(route("select * from read_csv('t.csv', names = ['t'])", ['t'])).toEqual({
      where: 'host',
    });
  });
});

describe('statements', () => {
  it('split at top-level semicolons, not in strings or comments; empty ones left out', () => {
    const query = RewrittenSql.of("select ';' as a; -- ; not here\n;\n  select 2 ; /* ; */");
    expect(splitStatements(query).map((s) => s.text)).toEqual(["select ';' as a", 'select 2']);
  });

  it('map their offsets back to the whole text', () => {
    const source = 'select 1;\nselect x from t';
    const [, second] = splitStatements(RewrittenSql.of(source));
    expect(second.text).toBe('select x from t');
    expect(second.sourceOffset(7)).toBe(source.indexOf('x from'));
  });
});
