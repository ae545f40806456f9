import { describe, expect, it } from 'vitest';
import { cellDiagnostics } from '../../test/cell-typecheck';

describe('kernel globals typings', () => {
  it('type-check a cell that uses every global', () => {
    const cell = `
      const r = await sql\`select * from 'data/x.csv' where plan = \${'basic'} and n > \${3}
        and id in (select unnest(\${[1, 2n]})) and list_contains(\${['a', null]}, tag)\`;
      const rows: Record<string, unknown>[] = r.toRows(10);
      const n: number = r.numRows + r.columns.length + rows.length;
      const df = r.toDataFrame();
      register('frame', df);
      register('table', r.toArrow());
      display(chart.histogram(r, { x: 'tenure', bins: 20, color: 'plan' }));
      display(chart.line(df, { x: 'month', y: ['a', 'b'], title: 'Trend' }));
      const t = tf.tensor([1, 2, 3]).sum();
      const s = new dfd.Series([1, 2]);
      const table = arrow.tableFromArrays({ a: Float64Array.from([n]) });
      const shown = display([t, s, table, r.scalar()]);
      shown.update(shown.id);
      const pulled = await sample('orders');
      const amounts: number[] = (await sample<{ amount: number }>('orders'))
        .toRows()
        .map((row) => row.amount + pulled.numRows);
      display(amounts);
      const total: number = await job('Counting', { total: 3, unit: 'steps' }, async (j) => {
        if (!j.signal.aborted) j.progress(1, 'first');
        return 3;
      });
    `;
    expect(cellDiagnostics(cell)).toEqual([]);
  });

  it('type-check the churn story with ml: features, split, training, evaluation, explanations', () => {
    const cell = `
      const customers = await sql\`select * from customers\`;
      const split = ml.split(customers, { by: 'stratified', label: 'churned', seed: 7, test: 0.2 });
      const pipeline = ml.pipeline({
        steps: [
          { kind: 'oneHot', column: 'plan' },
          { kind: 'impute', column: 'last_chat_sentiment', strategy: 'median' },
          { kind: 'log', column: 'monthly_spend' },
          { kind: 'standardize', column: 'tenure_months' },
        ],
      }).fit(split.train);
      const sqlText: string = pipeline.toSql('input', { dialect: 'postgres', keep: ['customer_id'] });
      const again = ml.loadPipeline(pipeline.toJSON());
      const baseline = await ml.train(split, { label: 'churned', pipeline, model: 'baseline' });
      const mlp = await ml.train(split, {
        label: 'churned', pipeline: again, model: 'mlp', hiddenLayers: [16], epochs: 3, seed: 1,
      });
      const scores: Float32Array = mlp.predict(split.test);
      const metrics = mlp.evaluate(split.test);
      if (metrics.task === 'classification') display(metrics.rocAuc ?? 0);
      const byName = ml.report(split.test, [baseline, mlp]);
      display(byName[mlp.name].rows + scores.length + sqlText.length + mlp.history.length);
      const warnings = ml.checkLeakage(split, { label: 'churned', pipeline });
      display(warnings.map((w) => w.message));
      const top = ml.importance(mlp, split.test, { repeats: 2 })[0].feature;
      const codes = ml.reasons(mlp, split.test, [0], { top: 3 })[0].contributions;
      display([top, codes, ml.evaluate([0, 1], [0.2, 0.9], { threshold: 0.5 })]);
      display(ml.runs());
      const device: string = (await ml.backend()).device;
      display(device + (await ml.useBackend('wasm')).name);
    `;
    expect(cellDiagnostics(cell)).toEqual([]);
    expect(cellDiagnostics("await ml.train({ train: [] }, { label: 'y' })").join('\n')).toMatch(
      /pipeline/,
    );
  });

  it('type rows as the cell states them, and as unknown values when it states nothing', () => {
    const cell = `
      interface Plan { plan: string; churn_rate: number }
      const typed = await sql<Plan>\`select plan, churn_rate from t\`;
      const upper: string[] = typed.toRows().map((row) => row.plan.toUpperCase());
      register('plans', typed);
      display(chart.bar(typed, { x: 'plan', y: 'churn_rate' }));
      display(upper);
    `;
    expect(cellDiagnostics(cell)).toEqual([]);
    expect(cellDiagnostics('(await sql<{ plan: string }>`select 1`).toRows()[0].nope')).toEqual([
      "Property 'nope' does not exist on type '{ plan: string; }'.",
    ]);
    expect(cellDiagnostics('(await sql`select 1 as n`).toRows()[0].n * 2').join('\n')).toMatch(
      /is of type 'unknown'/,
    );
  });

  it('reject misuse, so the editor can flag it', () => {
    expect(cellDiagnostics('chart.bar([], { x: 1 })').join('\n')).toMatch(/not assignable/);
    expect(cellDiagnostics('const o = { a: 1 };\nawait sql`select ${o}`').join('\n')).toMatch(
      /not assignable/,
    );
    expect(cellDiagnostics('await sample(42)').join('\n')).toMatch(/not assignable/);
    // `sample` is a common variable name: a cell's own shadows the global, with no error.
    expect(cellDiagnostics('const sample = [1, 2].slice(0, 1)\nsample.length')).toEqual([]);
  });
});
