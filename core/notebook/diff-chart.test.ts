import { describe, expect, it } from 'vitest';
import { DEFAULT_TOLERANCE } from './diff';
import { diffChart } from './diff-chart';

const tol = DEFAULT_TOLERANCE;

/** A figure as kernels/charts/plotly-charts.ts makes it. */
function figure(ys: number[][], title = 'Churn by plan', style: Record<string, unknown> = {}) {
  return {
    data: ys.map((y, i) => ({
      type: 'bar',
      name: `plan=${i}`,
      x: y.map((_, j) => `r${j}`),
      y,
      ...style,
    })),
    layout: {
      title: { text: title },
      xaxis: { title: { text: 'region' } },
      yaxis: { title: { text: 'rate' } },
    },
  };
}

describe('diffChart', () => {
  it('is null for the same data, whatever the styling', () => {
    const a = figure([[1, 2, 3]]);
    const b = figure([[1, 2, 3 + 1e-13]], 'Churn by plan', {
      marker: { color: 'red' },
      opacity: 0.5,
    });
    expect(diffChart(a, { ...b, layout: { ...b.layout, margin: { t: 10 } } }, tol, 1)).toBeNull();
  });

  it("reports a trace's changed values with the largest change and examples", () => {
    const change = diffChart(
      figure([
        [1, 2, 3],
        [4, 5, 6],
      ]),
      figure([
        [1, 2, 3],
        [4, 5.5, 6],
      ]),
      tol,
      2,
    );
    expect(change).toEqual({
      kind: 'chart',
      output: 2,
      traces: null,
      differences: [
        {
          kind: 'values',
          trace: 2,
          key: 'y',
          lengths: null,
          values: {
            compared: 3,
            changed: 1,
            maxAbs: 0.5,
            maxRel: 0.1,
            examples: [{ row: 2, column: 'y', baseline: 5, current: 5.5 }],
          },
        },
      ],
    });
  });

  it('reports traces added, points added, names and titles changed', () => {
    const a = figure([[1, 2]]);
    const b = figure([[1, 2, 3], [7]], 'Churn by region');
    b.data[0].name = 'all';
    const change = diffChart(a, b, tol, 1);
    expect(change?.traces).toEqual({ baseline: 1, current: 2 });
    expect(change?.differences).toEqual([
      { kind: 'setting', trace: 1, key: 'name', baseline: 'plan=0', current: 'all' },
      expect.objectContaining({
        kind: 'values',
        trace: 1,
        key: 'x',
        lengths: { baseline: 2, current: 3 },
      }),
      expect.objectContaining({
        kind: 'values',
        trace: 1,
        key: 'y',
        lengths: { baseline: 2, current: 3 },
      }),
      {
        kind: 'setting',
        trace: null,
        key: 'layout.title',
        baseline: 'Churn by plan',
        current: 'Churn by region',
      },
    ]);
  });

  it('compares a typed-array spec and a title given as a string whole', () => {
    const a = {
      data: [{ type: 'scatter', y: { dtype: 'f8', bdata: 'AAAA' } }],
      layout: { title: 'T' },
    };
    const b = { data: [{ type: 'scatter', y: { dtype: 'f8', bdata: 'AAAB' } }], layout: {} };
    expect(diffChart(a, b, tol, 1)?.differences).toEqual([
      {
        kind: 'setting',
        trace: 1,
        key: 'y',
        baseline: { dtype: 'f8', bdata: 'AAAA' },
        current: { dtype: 'f8', bdata: 'AAAB' },
      },
      { kind: 'setting', trace: null, key: 'layout.title', baseline: 'T', current: null },
    ]);
  });
});
