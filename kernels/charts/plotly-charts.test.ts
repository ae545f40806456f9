import { tmpdir } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAllLibraries } from '../runtime/kernel-libraries';
import { createNodeKernelPlatform } from '../../host/kernel/node-kernel-platform';
import { DISPLAY } from '../display/displayable';
import type { KernelLibraries } from '../platform';
import { SqlResult } from '../sql/sql-result';
import { histogramBins } from './histogram-bins';
import { createChartHelpers, MAX_CHART_POINTS, type ChartHelpers } from './plotly-charts';

let libs: KernelLibraries;
let chart: ChartHelpers;
beforeAll(async () => {
  libs = await loadAllLibraries(createNodeKernelPlatform({ notebookDir: tmpdir() }));
  chart = createChartHelpers(libs);
});

const rows = [
  { day: new Date(Date.UTC(2024, 0, 1)), sales: 3, region: 'north' },
  { day: new Date(Date.UTC(2024, 0, 2)), sales: 5, region: 'south' },
  { day: new Date(Date.UTC(2024, 0, 3)), sales: 4, region: 'north' },
  { day: new Date(Date.UTC(2024, 0, 4)), sales: Number.NaN, region: 'south' },
];

function sqlResult(): SqlResult {
  const table = libs.arrow.tableFromArrays({
    x: Float64Array.from([1, 2, 3, 4]),
    y: Float64Array.from([10, 20, 30, 40]),
    g: ['a', 'b', 'a', 'b'],
  });
  return new SqlResult(table, libs);
}

describe('chart helpers', () => {
  it('line from a sql result: one trace, axis titles, a plotly bundle', () => {
    const figure = chart.line(sqlResult(), { x: 'x', y: 'y', title: 'Growth' });
    expect(figure.data).toEqual([
      { type: 'scatter', mode: 'lines', name: undefined, x: [1, 2, 3, 4], y: [10, 20, 30, 40] },
    ]);
    expect(figure.layout).toEqual({
      title: { text: 'Growth' },
      xaxis: { title: { text: 'x' } },
      yaxis: { title: { text: 'y' } },
      showlegend: false,
    });
    const bundle = figure[DISPLAY]();
    expect(bundle['application/vnd.plotly.v1+json']).toEqual({
      data: figure.data,
      layout: figure.layout,
    });
    expect(bundle['text/plain']).toBe('<Figure "Growth": 1 trace>');
  });

  it('scatter from a danfo frame with several y columns: a trace each, with a legend', () => {
    const df = new libs.dfd.DataFrame({ i: [0, 1, 2], a: [1, 2, 3], b: [3, 2, 1] });
    const figure = chart.scatter(df, { x: 'i', y: ['a', 'b'] });
    expect(figure.data.map((t) => [t.mode, t.name, t.y])).toEqual([
      ['markers', 'a', [1, 2, 3]],
      ['markers', 'b', [3, 2, 1]],
    ]);
    expect(figure.layout.showlegend).toBe(true);
    expect(figure.layout.yaxis).toBeUndefined();
  });

  it('bar from row objects; dates become ISO text and NaN null', () => {
    const figure = chart.bar(rows, { x: 'day', y: 'sales' });
    expect(figure.data).toEqual([
      {
        type: 'bar',
        name: undefined,
        x: [
          '2024-01-01T00:00:00.000Z',
          '2024-01-02T00:00:00.000Z',
          '2024-01-03T00:00:00.000Z',
          '2024-01-04T00:00:00.000Z',
        ],
        y: [3, 5, 4, null],
      },
    ]);
  });

  it('color splits traces by value, in a stable order', () => {
    const figure = chart.line(rows, { x: 'day', y: 'sales', color: 'region' });
    expect(figure.data.map((t) => [t.name, (t.y as unknown[]).length])).toEqual([
      ['region=north', 2],
      ['region=south', 2],
    ]);
    expect(figure.layout.showlegend).toBe(true);
    const fromSql = chart.scatter(sqlResult(), { x: 'x', y: 'y', color: 'g' });
    expect(fromSql.data.map((t) => [t.name, t.x, t.y])).toEqual([
      ['g=a', [1, 3], [10, 30]],
      ['g=b', [2, 4], [20, 40]],
    ]);
  });

  it('an Arrow table works too', () => {
    const table = libs.arrow.tableFromArrays({ k: ['p', 'q'], v: Float64Array.from([1, 2]) });
    expect(chart.bar(table, { x: 'k', y: 'v' }).data[0]).toMatchObject({
      x: ['p', 'q'],
      y: [1, 2],
    });
  });

  it('a missing column names the available ones', () => {
    expect(() => chart.bar(rows, { x: 'day', y: 'nope' })).toThrow(
      'chart: no column "nope"; the columns are day, sales, region',
    );
    expect(() => chart.line(sqlResult(), { x: 'nope', y: 'y' })).toThrow(
      'chart: no column "nope"; the columns are x, y, g',
    );
    const df = new libs.dfd.DataFrame({ a: [1] });
    expect(() => chart.scatter(df, { x: 'a', y: 'b' })).toThrow('the columns are a');
    expect(() => chart.histogram(rows, { x: 'sales', color: 'nope' })).toThrow(/no column "nope"/);
  });

  it('unsupported data is a TypeError', () => {
    expect(() => chart.line({ x: [1] } as never, { x: 'x', y: 'x' })).toThrow(TypeError);
  });

  it('too many points is a clear RangeError', () => {
    const n = MAX_CHART_POINTS + 1;
    const big = libs.arrow.tableFromArrays({ v: new Float64Array(n) });
    expect(() => chart.scatter(big, { x: 'v', y: 'v' })).toThrow(RangeError);
    expect(() => chart.scatter(big, { x: 'v', y: 'v' })).toThrow(
      `chart: ${n.toLocaleString('en-US')} rows is more than the ${MAX_CHART_POINTS.toLocaleString('en-US')} a chart embeds; aggregate or sample in SQL first`,
    );
  });

  it('a histogram of a million values stores at most `bins` bars', () => {
    const values = Float64Array.from({ length: 1_000_000 }, (_, i) => Math.sin(i) * 100);
    const table = libs.arrow.tableFromArrays({ v: values });
    const figure = chart.histogram(new SqlResult(table, libs), { x: 'v', bins: 25 });
    expect(figure.data).toHaveLength(1);
    const [trace] = figure.data;
    expect((trace.x as number[]).length).toBeLessThanOrEqual(25);
    expect((trace.y as number[]).reduce((a, b) => a + b, 0)).toBe(1_000_000);
    expect(JSON.stringify(figure[DISPLAY]()).length).toBeLessThan(5_000);
    expect(figure.layout).toMatchObject({
      barmode: 'overlay',
      bargap: 0,
      yaxis: { title: { text: 'count' } },
    });
  });

  it('a histogram with color shares bins across groups and skips non-numbers', () => {
    const figure = chart.histogram(rows, { x: 'sales', color: 'region', bins: 10 });
    expect(figure.data.map((t) => t.name)).toEqual(['region=north', 'region=south']);
    expect(figure.data[0].x).toEqual(figure.data[1].x);
    const total = (t: Record<string, unknown>) => (t.y as number[]).reduce((a, b) => a + b, 0);
    expect(figure.data.map(total)).toEqual([2, 1]);
    expect(figure.data[0].opacity).toBe(0.6);
  });

  it('histogram bins must be a whole number in range', () => {
    expect(() => chart.histogram(rows, { x: 'sales', bins: 0 })).toThrow(RangeError);
    expect(() => chart.histogram(rows, { x: 'sales', bins: 2.5 })).toThrow(/whole number/);
  });
});

describe('histogramBins', () => {
  it('equal-width bins over the range; the maximum falls in the last bin', () => {
    const bins = histogramBins([0, 2.5, 5, 7.5, 10], 4);
    expect(bins.centers).toEqual([1.25, 3.75, 6.25, 8.75]);
    expect(bins.widths).toEqual([2.5, 2.5, 2.5, 2.5]);
    expect(bins.count([0, 2.5, 5, 7.5, 10])).toEqual([1, 1, 1, 2]);
  });

  it('integers with a small range get one bin per value', () => {
    const bins = histogramBins([1, 2, 2, 3, 3, 3], 30);
    expect(bins.centers).toEqual([1, 2, 3]);
    expect(bins.count([1, 2, 2, 3, 3, 3])).toEqual([1, 2, 3]);
  });

  it('a single repeated value and no values at all', () => {
    expect(histogramBins([0.5, 0.5], 10).count([0.5, 0.5])).toEqual([2]);
    expect(histogramBins([], 10).centers).toEqual([]);
  });
});
