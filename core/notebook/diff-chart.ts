/**
 * Charts (`application/vnd.plotly.v1+json`, core/plotly-payload.ts) compared by what they show:
 * each trace's type, name and data arrays (x, y, values, … with the tolerance, point by point)
 * and the layout's titles. Colours, sizes, margins and the rest of the styling are not
 * compared: a chart whose data is the same is the same chart.
 */
import { isJsonObject, type JsonObject } from '../json';
import type { ChartChange, ChartDifference, DiffTolerance } from './diff-types';
import { jsonSafe, sameValue, ValueTally } from './diff-values';

/** Trace keys that hold data (plotly's data arrays across its trace types). */
const DATA_KEYS = [
  'x',
  'y',
  'z',
  'values',
  'labels',
  'parents',
  'ids',
  'text',
  'lat',
  'lon',
  'r',
  'theta',
  'open',
  'high',
  'low',
  'close',
  'customdata',
] as const;

/** Trace keys that say what a trace is, compared as they are. */
const IDENTITY_KEYS = ['type', 'name'] as const;

const AXIS = /^[xyz]axis\d*$/;

/** Null when the charts show the same data within the tolerance. */
export function diffChart(
  baseline: unknown,
  current: unknown,
  tolerance: DiffTolerance,
  output: number | null,
): ChartChange | null {
  const a = readFigure(baseline);
  const b = readFigure(current);
  const differences: ChartDifference[] = [];
  const shared = Math.min(a.traces.length, b.traces.length);
  for (let i = 0; i < shared; i++)
    differences.push(...diffTrace(a.traces[i], b.traces[i], i + 1, tolerance));
  const titlesA = layoutTitles(a.layout);
  const titlesB = layoutTitles(b.layout);
  for (const key of new Set([...titlesA.keys(), ...titlesB.keys()])) {
    const before = titlesA.get(key) ?? null;
    const after = titlesB.get(key) ?? null;
    if (before !== after)
      differences.push({ kind: 'setting', trace: null, key, baseline: before, current: after });
  }
  const traces =
    a.traces.length === b.traces.length
      ? null
      : { baseline: a.traces.length, current: b.traces.length };
  if (traces === null && differences.length === 0) return null;
  return { kind: 'chart', output, traces, differences };
}

function readFigure(value: unknown): { traces: JsonObject[]; layout: JsonObject } {
  const figure = isJsonObject(value) ? value : {};
  const traces = Array.isArray(figure.data) ? figure.data.filter(isJsonObject) : [];
  return { traces, layout: isJsonObject(figure.layout) ? figure.layout : {} };
}

function diffTrace(
  a: JsonObject,
  b: JsonObject,
  trace: number,
  tolerance: DiffTolerance,
): ChartDifference[] {
  const differences: ChartDifference[] = [];
  for (const key of IDENTITY_KEYS) {
    if (!sameValue(a[key], b[key], tolerance))
      differences.push({
        kind: 'setting',
        trace,
        key,
        baseline: jsonSafe(a[key]),
        current: jsonSafe(b[key]),
      });
  }
  for (const key of DATA_KEYS) {
    const before = a[key];
    const after = b[key];
    if (before === undefined && after === undefined) continue;
    if (!Array.isArray(before) || !Array.isArray(after)) {
      // A typed-array spec (`{ dtype, bdata }`) or one side without the key: compared whole.
      if (!sameValue(before, after, tolerance))
        differences.push({
          kind: 'setting',
          trace,
          key,
          baseline: jsonSafe(before),
          current: jsonSafe(after),
        });
      continue;
    }
    const tally = new ValueTally(tolerance);
    const shared = Math.min(before.length, after.length);
    for (let i = 0; i < shared; i++) tally.add(i + 1, key, before[i], after[i]);
    const values = tally.stats();
    const lengths =
      before.length === after.length ? null : { baseline: before.length, current: after.length };
    if (lengths !== null || values.changed > 0)
      differences.push({ kind: 'values', trace, key, lengths, values });
  }
  return differences;
}

/** `layout.title`, `layout.xaxis.title`, …: the text of each title (a string or `{ text }`). */
function layoutTitles(layout: JsonObject): Map<string, string> {
  const titles = new Map<string, string>();
  const add = (key: string, title: unknown) => {
    const text = typeof title === 'string' ? title : isJsonObject(title) ? title.text : undefined;
    if (typeof text === 'string') titles.set(key, text);
  };
  add('layout.title', layout.title);
  for (const [name, axis] of Object.entries(layout))
    if (AXIS.test(name) && isJsonObject(axis)) add(`layout.${name}.title`, axis.title);
  return titles;
}
