import { describe, expect, it } from 'vitest';
import { cellNeeds } from './cell-needs';

describe('cellNeeds', () => {
  it('a SQL cell needs the database only', () => {
    expect(cellNeeds('%%sql\nselect tf, dfd from t', 'sql')).toEqual({
      database: true,
      compiler: false,
      libraries: [],
    });
  });

  it('a TypeScript cell needs the compiler, and the database when it names sql, register or sample', () => {
    expect(cellNeeds('1 + 1', 'typescript')).toEqual({
      database: false,
      compiler: true,
      libraries: [],
    });
    for (const code of ['await sql`select 1`', "register('t', rows)", "await sample('s')"]) {
      expect(cellNeeds(code, 'typescript').database).toBe(true);
    }
    expect(cellNeeds('const sqlText = 1; resample()', 'typescript').database).toBe(false);
  });

  it('names danfo.js by dfd, toDataFrame or danfojs, and TF.js by tf or its module', () => {
    expect(cellNeeds('r.toDataFrame()', 'typescript').libraries).toEqual(['dfd']);
    expect(cellNeeds("import * as d from 'danfojs'", 'typescript').libraries).toEqual(['dfd']);
    expect(cellNeeds('tf.scalar(1)', 'typescript').libraries).toEqual(['tf']);
    expect(cellNeeds("import * as t from '@tensorflow/tfjs'", 'typescript').libraries).toEqual([
      'tf',
    ]);
    expect(cellNeeds('dfd.DataFrame; tf.tensor', 'typescript').libraries).toEqual(['dfd', 'tf']);
    expect(cellNeeds('const tfa = model.tf; dfdx', 'typescript').libraries).toEqual([]);
  });

  it('loads TF.js for a cell that names ml, which trains on it', () => {
    expect(
      cellNeeds("await ml.train(split, { label: 'churned' })", 'typescript').libraries,
    ).toEqual(['tf']);
    expect(cellNeeds('const html = x.ml; mlp()', 'typescript').libraries).toEqual([]);
  });
});
