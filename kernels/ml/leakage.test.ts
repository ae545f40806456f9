import { describe, expect, it } from 'vitest';
import { checkLeakage, type SplitFrames } from './leakage';
import type { FeatureMatrix, FittedPipeline, MlColumn, MlFrame } from './ml-types';
import { createRandom } from './random';

type ColumnValues = number[] | (string | null)[];

function frame(columns: Record<string, ColumnValues>, dates: string[] = []): MlFrame {
  const entries = Object.entries(columns).map(([name, values]): [string, MlColumn] => {
    if (dates.includes(name)) {
      return [name, { kind: 'date', values: Float64Array.from(values as number[]) }];
    }
    return typeof values[0] === 'string' || values[0] === null
      ? [name, { kind: 'string', values: values as (string | null)[] }]
      : [name, { kind: 'number', values: Float64Array.from(values as number[]) }];
  });
  return { numRows: Object.values(columns)[0].length, columns: new Map(entries) };
}

/** 200 training rows: `noise` unrelated to the label, `spend` related but not perfectly. */
function churnSplit(extra: (label: number, row: number) => Record<string, number> = () => ({})) {
  const random = createRandom(5);
  const make = (rows: number, offset: number) => {
    const columns: Record<string, number[]> = { churned: [], noise: [], spend: [] };
    for (let row = 0; row < rows; row++) {
      const label = random.next() < 0.3 ? 1 : 0;
      columns.churned.push(label);
      columns.noise.push(random.next());
      columns.spend.push(random.normal() + label);
      for (const [name, value] of Object.entries(extra(label, offset + row))) {
        (columns[name] ??= []).push(value);
      }
    }
    return frame(columns);
  };
  return { train: make(200, 0), validation: make(50, 200), test: make(50, 250) };
}

describe('checkLeakage: single feature', () => {
  it('says nothing about ordinary features', () => {
    expect(checkLeakage(churnSplit(), { label: 'churned' })).toEqual([]);
  });

  it('flags a column that separates the label, and one null exactly for positives', () => {
    const split = churnSplit((label, row) => ({
      // Days until cancellation: known only after the customer churned.
      days_to_cancel: label === 1 ? 10 + (row % 7) : 100 + (row % 50),
      cancel_reason_code: label === 1 ? 3 : Number.NaN,
    }));
    const warnings = checkLeakage(split, { label: 'churned' });
    expect(warnings.map((w) => [w.check, w.column])).toEqual([
      ['single-feature', 'days_to_cancel'],
      ['single-feature', 'cancel_reason_code'],
    ]);
    // Smaller values mean churn here: an inverted but perfect separation.
    expect(warnings[0].message).toBe(
      '"days_to_cancel" alone separates churned almost perfectly on the training rows (ROC-AUC 1.000, inverted): a feature this strong is usually computed from the outcome or recorded after it; check how it is made before trusting the model.',
    );
  });

  it('checks the pipeline’s features when given one', () => {
    const split = churnSplit();
    // A pipeline whose second feature copies the label (as a careless expression step might).
    const pipeline = {
      features: ['noise_std', 'leak'],
      transform(data: unknown): FeatureMatrix {
        const source = data as MlFrame;
        const noise = source.columns.get('noise')!.values as Float64Array;
        const label = source.columns.get('churned')!.values as Float64Array;
        const values = new Float32Array(source.numRows * 2);
        for (let row = 0; row < source.numRows; row++) {
          values[row * 2] = noise[row];
          values[row * 2 + 1] = label[row] * 2 - 1;
        }
        return { rows: source.numRows, features: ['noise_std', 'leak'], values };
      },
    } as unknown as FittedPipeline;
    const warnings = checkLeakage(split, { label: 'churned', pipeline });
    expect(warnings.map((w) => w.column)).toEqual(['leak']);
  });

  it('does not judge a feature on a handful of rows', () => {
    const train = frame({ x: [1, 2, 3, 4], y: [0, 0, 1, 1] });
    const empty = frame({ x: [], y: [] });
    expect(checkLeakage({ train, validation: empty, test: empty }, { label: 'y' })).toEqual([]);
  });

  it('uses correlation for a numeric target', () => {
    const revenue = Array.from({ length: 12 }, (_, i) => 10 * (i + 1));
    const train = frame({
      revenue,
      revenue_cents: revenue.map((r, i) => r * 100 + (i % 2)),
      region_code: [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8],
    });
    const empty = frame({ revenue: [], revenue_cents: [], region_code: [] });
    const warnings = checkLeakage({ train, validation: empty, test: empty }, { label: 'revenue' });
    expect(warnings.map((w) => w.column)).toEqual(['revenue_cents']);
    expect(warnings[0].message).toMatch(/correlation 1\.000/);
  });
});

describe('checkLeakage: duplicate rows', () => {
  it('counts validation and test rows identical to a training row, naming the first', () => {
    const train = frame({ id: ['a', 'b', 'c', null], x: [1, 2, Number.NaN, 4], y: [0, 1, 0, 1] });
    // Test row 0 = training row 2 (nulls equal nulls); test row 1 differs in x; the label
    // does not count (test row 2 = training row 0 with another label).
    const test = frame({ id: ['c', 'b', 'a'], x: [Number.NaN, 2.5, 1], y: [0, 1, 1] });
    const validation = frame({ id: ['z'], x: [9], y: [0] });
    const warnings = checkLeakage({ train, validation, test }, { label: 'y' });
    expect(warnings).toEqual([
      {
        check: 'duplicate-rows',
        column: null,
        message:
          "2 test rows (66.7%) are identical to training rows on id, x (first: test row 0 and training row 2): the model is scored on rows it trained on, which flatters its metrics; remove duplicates before splitting, or split by entity (by: 'grouped').",
      },
    ]);
  });

  it('names source rows from the split’s indices, and compares only the columns asked', () => {
    const train = frame({ id: ['a', 'b'], x: [1, 2], y: [0, 1] });
    const validation = frame({ id: ['c'], x: [2], y: [0] });
    const test = frame({ id: ['d'], x: [5], y: [0] });
    const split: SplitFrames = {
      train,
      validation,
      test,
      indices: {
        train: Uint32Array.of(10, 11),
        validation: Uint32Array.of(12),
        test: Uint32Array.of(13),
      },
    };
    expect(checkLeakage(split, { label: 'y' })).toEqual([]);
    const [warning] = checkLeakage(split, { label: 'y', duplicateColumns: ['x'] });
    expect(warning.message).toMatch(
      /^1 validation rows \(100\.0%\) .* on x \(first: source rows 12 and 11\)/,
    );
  });
});

describe('checkLeakage: future time', () => {
  const day = 86_400_000;
  const split = (): SplitFrames => ({
    train: frame(
      {
        observed_at: [10 * day, 10 * day, 10 * day],
        last_login: [5 * day, 12 * day, Number.NaN],
        signup: [1 * day, 2 * day, 3 * day],
        churned: [0, 1, 0],
      },
      ['observed_at', 'last_login', 'signup'],
    ),
    validation: frame(
      { observed_at: [10 * day], last_login: [11 * day], signup: [1 * day], churned: [1] },
      ['observed_at', 'last_login', 'signup'],
    ),
    test: frame(
      { observed_at: [10 * day], last_login: [9 * day], signup: [1 * day], churned: [0] },
      ['observed_at', 'last_login', 'signup'],
    ),
  });

  it('flags date columns after a per-row label time', () => {
    // last_login after observed_at on 2 of the 4 rows with both (one is null).
    const warnings = checkLeakage(split(), { label: 'churned', labelTime: 'observed_at' }).filter(
      (w) => w.check === 'future-time',
    );
    expect(warnings).toEqual([
      {
        check: 'future-time',
        column: 'last_login',
        message:
          '"last_login" is after the label\'s time (observed_at) on 2 of 4 rows (50.0%): a value recorded after the outcome was known is not there when predicting; drop it, or take its value as of the label\'s time.',
      },
    ]);
  });

  it('compares with one instant, and only the columns asked', () => {
    const warnings = checkLeakage(split(), {
      label: 'churned',
      labelTime: new Date(2 * day),
      timeColumns: ['signup'],
    }).filter((w) => w.check === 'future-time');
    expect(warnings.map((w) => w.column)).toEqual(['signup']);
    expect(warnings[0].message).toMatch(
      /after the label's time \(1970-01-03T00:00:00.000Z\) on 1 of 5 rows/,
    );
  });
});

describe('checkLeakage: arguments', () => {
  it('refuses what it cannot check, saying what to pass', () => {
    const { train, validation, test } = churnSplit();
    expect(() => checkLeakage(train as never, { label: 'churned' })).toThrow(
      /first argument must be what ml.split returns/,
    );
    expect(() => checkLeakage({ train, validation, test }, { label: 'churn' })).toThrow(
      /no column named "churn"/,
    );
    expect(() =>
      checkLeakage({ train, validation, test }, { label: 'churned', timeColumns: ['x'] }),
    ).toThrow(/give labelTime too/);
    expect(() =>
      checkLeakage(
        { train, validation, test },
        { label: 'churned', labelTime: 'noise', timeColumns: ['nope'] },
      ),
    ).toThrow(/no column named "nope"/);
    expect(() =>
      checkLeakage({ train, validation, test }, { label: 'churned', lable: 'x' } as never),
    ).toThrow(/unknown option "lable"/);
  });
});
