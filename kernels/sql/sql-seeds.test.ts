import { describe, expect, it } from 'vitest';
import { sqlSeedsIn } from './sql-seeds';

describe('sqlSeedsIn', () => {
  it("finds a sample's seed in each spelling DuckDB takes", () => {
    expect(sqlSeedsIn('select * from t using sample 25% (bernoulli, 42)', null)).toEqual([42]);
    expect(sqlSeedsIn('from t using sample 10 percent (System,7)', null)).toEqual([7]);
    expect(
      sqlSeedsIn('select * from t using sample reservoir(5000 rows) repeatable (42)', null),
    ).toEqual([42]);
    expect(sqlSeedsIn('select * from t tablesample 10% repeatable(123456)', null)).toEqual([
      123456,
    ]);
    expect(sqlSeedsIn('SELECT * FROM t USING SAMPLE 5 (RESERVOIR, 9)', null)).toEqual([9]);
  });

  it("finds setseed's seed, with its sign and decimals", () => {
    expect(sqlSeedsIn('select setseed(0.5); select random()', null)).toEqual([0.5]);
    expect(sqlSeedsIn('select setseed( -0.25 )', null)).toEqual([-0.25]);
    expect(sqlSeedsIn('select setseed(.125)', null)).toEqual([0.125]);
    expect(sqlSeedsIn('select setseed(1e-1)', null)).toEqual([0.1]);
  });

  it('lists every seed in order, across statements', () => {
    const text =
      'select setseed(0.1);\ncreate table s as from t using sample 10% (bernoulli, 3);\n' +
      'from u tablesample reservoir(5 rows) repeatable (4)';
    expect(sqlSeedsIn(text, null)).toEqual([0.1, 3, 4]);
  });

  it('ignores what strings, comments and quoted names spell', () => {
    const text =
      'select \'using sample 1% (bernoulli, 1)\' as s, "repeatable" -- repeatable (2)\n' +
      '/* setseed(0.3) */ from t';
    expect(sqlSeedsIn(text, null)).toEqual([]);
  });

  it('finds no seed where a sample has none, or where the seed is not a number', () => {
    expect(sqlSeedsIn('select * from t using sample 10%', null)).toEqual([]);
    expect(sqlSeedsIn('select * from t using sample reservoir(50 rows)', null)).toEqual([]);
    expect(sqlSeedsIn("select setseed('0.5')", null)).toEqual([]);
    expect(sqlSeedsIn('select setseed(x) from t', null)).toEqual([]);
    expect(sqlSeedsIn('select setseed(0.5 + x) from t', null)).toEqual([]);
    expect(sqlSeedsIn('select repeatable from t', null)).toEqual([]);
  });

  it('reads a seed the sql template bound as a parameter, as sql-parameters.ts writes it', () => {
    expect(sqlSeedsIn('select setseed(CAST($1 AS DOUBLE))', [0.75])).toEqual([0.75]);
    expect(sqlSeedsIn('select $1, setseed($2)', ['a', 0.5])).toEqual([0.5]);
    expect(sqlSeedsIn('select setseed(CAST($1 AS BIGINT))', ['12'])).toEqual([12]);
    expect(sqlSeedsIn('select setseed($1)', ['x'])).toEqual([]);
    expect(sqlSeedsIn('select setseed($1)', null)).toEqual([]);
  });
});
