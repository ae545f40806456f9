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
  });
});
