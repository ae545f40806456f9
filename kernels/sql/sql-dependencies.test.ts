import { describe, expect, it } from 'vitest';
import { sqlDependencies } from './sql-dependencies';

describe('sqlDependencies', () => {
  it('reads the tables after FROM and JOIN, lower-cased, with aliases and comma lists', () => {
    expect(
      sqlDependencies(
        'select * from Customers c, plans p join main."Orders" as o on c.id = o.cid where x = 1',
      ),
    ).toEqual({ defines: [], reads: ['customers', 'plans', 'orders'] });
  });

  it('makes tables and views, reading what they select from', () => {
    expect(
      sqlDependencies('create or replace temp table big as select * from orders where n > 1'),
    ).toEqual({ defines: ['big'], reads: ['orders'] });
    expect(sqlDependencies('CREATE VIEW IF NOT EXISTS v AS FROM t')).toEqual({
      defines: ['v'],
      reads: ['t'],
    });
  });

  it('counts statements that change a table as reading and changing it', () => {
    expect(sqlDependencies('insert into t select * from s; update u set a = 1')).toEqual({
      defines: ['t', 'u'],
      reads: ['t', 's', 'u'],
    });
    expect(sqlDependencies('delete from t where a in (select a from s)')).toEqual({
      defines: ['t'],
      reads: ['t', 's'],
    });
    expect(sqlDependencies('drop table if exists old; drop macro m; truncate logs')).toEqual({
      defines: ['old', 'logs'],
      reads: [],
    });
  });

  it('leaves out CTEs, table functions, files and FROM inside expressions', () => {
    expect(
      sqlDependencies(
        "with a as (select * from t), b as (select * from a) select extract(year from d) from b, read_csv('x.csv')",
      ),
    ).toEqual({ defines: [], reads: ['t'] });
    expect(sqlDependencies("select * from 'data/orders.parquet'")).toEqual({
      defines: [],
      reads: [],
    });
  });

  it('ignores names in strings and comments', () => {
    expect(sqlDependencies("select 'from x' -- from y\nfrom z /* join w */")).toEqual({
      defines: [],
      reads: ['z'],
    });
  });
});
