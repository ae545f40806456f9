import { describe, expect, it } from 'vitest';
import { MIME } from '../../core/outputs';
import type { TableResource } from '../../core/table-resource';
import { trainingRun } from '../../test/support/training-runs';
import { tableBundle } from '../display/table-bundle';
import { TABULAR } from '../display/table-source';
import { runsTable } from './runs-table';

const rowsOf = (table: ReturnType<typeof runsTable>) => {
  const source = table[TABULAR]();
  return source.rows(Array.from({ length: source.numRows }, (_, i) => i));
};

describe('runsTable', () => {
  it('puts runs side by side: what was trained, every metric any run reported, what it ran with', () => {
    const table = runsTable([
      trainingRun({ model: 'baseline', epochs: 0, end: 'completed', metrics: { val_loss: 0.69 } }),
      trainingRun({ cell: 7, metrics: { val_loss: 0.41, val_roc_auc: 0.83 } }),
    ]);
    expect(table.columns.map((column) => column.name)).toEqual([
      '#',
      'model',
      'end',
      'epochs',
      'val_loss',
      'val_roc_auc',
      'reproduces',
      'seed',
      'backend',
      'train_rows',
      'validation_rows',
      'parameters',
      'pipeline',
      'sample',
      'cell',
    ]);
    const [baseline, logistic] = rowsOf(table);
    expect(baseline).toMatchObject({
      '#': 1,
      model: 'baseline',
      val_loss: 0.69,
      val_roc_auc: null,
    });
    expect(logistic).toEqual({
      '#': 2,
      model: 'logistic',
      end: 'early-stopped',
      epochs: 14,
      val_loss: 0.41,
      val_roc_auc: 0.83,
      reproduces: null,
      seed: 42,
      backend: 'WASM (SIMD, 1 thread)',
      train_rows: 60000,
      validation_rows: 20000,
      parameters: 'epochs=20, batchSize=512, learningRate=0.01, layers=[]',
      pipeline: 'aaaaaaaaaaaa',
      sample: null,
      cell: 7,
    });
  });

  it('adds how long, when and which run with { timings: true }, which differ on every replay', () => {
    const runs = [trainingRun({ cell: 7 })];
    const table = runsTable(runs, { timings: true });
    expect(table.columns.map((column) => column.name).slice(-3)).toEqual([
      'duration_s',
      'started',
      'id',
    ]);
    expect(rowsOf(table)[0]).toMatchObject({
      duration_s: 1.2,
      started: '2026-12-02T05:50:00.000Z',
      id: 'run-1764650000000-a1b2c3',
    });
    expect(rowsOf(runsTable(runs, { timings: false }))).toEqual(rowsOf(runsTable(runs)));
    expect(() => runsTable(runs, { timings: 'yes' } as never)).toThrow(
      'timings must be true or false',
    );
    expect(() => runsTable(runs, null as never)).toThrow('options must be an object');
  });

  it('says whether a run trained as an earlier one reproduced its metrics', () => {
    const same = trainingRun({
      parameters: { layers: [], epochs: 20, batchSize: 512, learningRate: 0.01 },
    });
    const rows = rowsOf(
      runsTable([
        trainingRun(),
        trainingRun({ seed: 7 }),
        same,
        trainingRun({ metrics: { val_loss: 0.42, val_roc_auc: 0.83, test_roc_auc: null } }),
        trainingRun({ end: 'stopped' }),
        trainingRun({ backend: { name: 'cpu', device: 'CPU (plain JS)' } }),
      ]),
    );
    expect(rows.map((row) => row.reproduces)).toEqual([
      null,
      null,
      'same metrics as #1',
      'differs from #3',
      null,
      null,
    ]);
  });

  it('shows as a table the app can sort, and renames a metric that has a column’s name', () => {
    const table = runsTable([trainingRun({ metrics: { seed: 1 } })]);
    expect(table.columns.map((column) => column.name)).toContain('seed (metric)');
    const bundle = tableBundle(table[TABULAR]());
    const resource = bundle[MIME.table] as TableResource;
    expect(resource.quarry.total_rows).toBe(1);
    expect(resource.data[0]).toMatchObject({ 'seed (metric)': 1, seed: 42 });
    expect(resource.schema.fields.find((field) => field.name === 'seed')?.type).toBe('number');
    expect(String(table)).toBe('Table(1 row × 14 columns)');
    const timed = tableBundle(runsTable([trainingRun()], { timings: true })[TABULAR]());
    const fields = (timed[MIME.table] as TableResource).schema.fields;
    expect(fields.find((field) => field.name === 'started')?.type).toBe('datetime');
  });

  it('shows no rows for no runs, and refuses what is not a list of runs', () => {
    expect(rowsOf(runsTable([]))).toEqual([]);
    expect(() => runsTable('runs' as never)).toThrow('runs must be an array');
  });
});
