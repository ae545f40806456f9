import * as arrow from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { ArrowModule } from '../platform';
import { frameColumn, labelsOf, toFrame } from './frame';
import type { MlColumn, MlFrame } from './ml-types';

const arrowModule = arrow as unknown as ArrowModule;

function numbers(column: MlColumn | undefined): number[] {
  if (!column || column.kind === 'string') throw new Error('not a numeric column');
  return Array.from(column.values);
}

describe('toFrame', () => {
  it('reads an Arrow table: ints, BigInt, floats with nulls, booleans, dates, text', () => {
    const table = new arrow.Table({
      id: arrow.vectorFromArray([1n, 2n, 3n], new arrow.Int64()),
      spend: arrow.vectorFromArray([1.5, null, 3], new arrow.Float64()),
      active: arrow.vectorFromArray([true, false, null], new arrow.Bool()),
      signup: arrow.vectorFromArray(
        [new Date(Date.UTC(2024, 0, 2)), null, new Date(Date.UTC(2023, 5, 1))],
        new arrow.DateDay(),
      ),
      plan: arrow.vectorFromArray(['pro', null, 'basic'], new arrow.Utf8()),
      region: arrow.vectorFromArray(
        ['eu', 'us', 'eu'],
        new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32()),
      ),
    });
    const frame = toFrame(table, arrowModule);
    expect(frame.numRows).toBe(3);
    expect([...frame.columns.keys()]).toEqual([
      'id',
      'spend',
      'active',
      'signup',
      'plan',
      'region',
    ]);
    expect(numbers(frame.columns.get('id'))).toEqual([1, 2, 3]);
    expect(numbers(frame.columns.get('spend'))).toEqual([1.5, NaN, 3]);
    expect(numbers(frame.columns.get('active'))).toEqual([1, 0, NaN]);
    expect(frame.columns.get('signup')?.kind).toBe('date');
    expect(numbers(frame.columns.get('signup'))).toEqual([
      Date.UTC(2024, 0, 2),
      NaN,
      Date.UTC(2023, 5, 1),
    ]);
    expect(frame.columns.get('plan')).toEqual({ kind: 'string', values: ['pro', null, 'basic'] });
    expect(frame.columns.get('region')).toEqual({ kind: 'string', values: ['eu', 'us', 'eu'] });
  });

  it('reads a query result through its toArrow()', () => {
    const table = new arrow.Table({ x: arrow.vectorFromArray([1, 2], new arrow.Float64()) });
    const frame = toFrame({ toArrow: () => table }, arrowModule);
    expect(numbers(frame.columns.get('x'))).toEqual([1, 2]);
  });

  it('refuses a DECIMAL with the cast to write', () => {
    const table = new arrow.Table({
      price: arrow.makeVector({
        type: new arrow.Decimal(2, 10, 128),
        data: new Uint32Array(4),
        length: 1,
      } as never),
    });
    expect(() => toFrame(table, arrowModule)).toThrow(/"price" is a DECIMAL; cast it to DOUBLE/);
  });

  it('reads rows of objects, keys in first-seen order, missing keys as null', () => {
    const frame = toFrame(
      [
        { a: 1, when: new Date(5), tag: 'x', flag: true },
        { a: 2n, tag: null, flag: false, extra: 7 },
      ],
      arrowModule,
    );
    expect([...frame.columns.keys()]).toEqual(['a', 'when', 'tag', 'flag', 'extra']);
    expect(numbers(frame.columns.get('a'))).toEqual([1, 2]);
    expect(numbers(frame.columns.get('when'))).toEqual([5, NaN]);
    expect(frame.columns.get('tag')).toEqual({ kind: 'string', values: ['x', null] });
    expect(numbers(frame.columns.get('flag'))).toEqual([1, 0]);
    expect(numbers(frame.columns.get('extra'))).toEqual([NaN, 7]);
  });

  it('says which column mixes kinds and which row', () => {
    expect(() => toFrame([{ a: 1 }, { a: 'two' }], arrowModule)).toThrow(
      /column "a" mixes kinds: row 1 holds the text "two" where earlier rows hold numbers/,
    );
    expect(() => toFrame([{ a: { nested: 1 } }], arrowModule)).toThrow(
      /column "a" holds an object; ml reads numbers, booleans, text and dates only/,
    );
    expect(() => toFrame([1, 2], arrowModule)).toThrow(/row 0 is number 1; rows must be objects/);
  });

  it('reads a danfo-shaped frame column by column', () => {
    const columns: Record<string, unknown[]> = { n: [1, NaN, 3], s: ['a', 'b', null] };
    const frameLike = {
      columns: ['n', 's'],
      index: [0, 1, 2],
      dtypes: ['float32', 'string'],
      shape: [3, 2],
      ndim: 2,
      values: [],
      column: (name: string) => ({ values: columns[name] }),
    };
    const frame = toFrame(frameLike, arrowModule);
    expect(numbers(frame.columns.get('n'))).toEqual([1, NaN, 3]);
    expect(frame.columns.get('s')).toEqual({ kind: 'string', values: ['a', 'b', null] });
  });

  it('passes an MlFrame through and refuses what it cannot read', () => {
    const frame: MlFrame = { numRows: 0, columns: new Map() };
    expect(toFrame(frame, arrowModule)).toBe(frame);
    expect(() => toFrame('customers', arrowModule)).toThrow(
      /cannot read the text "customers" as data; pass a query result/,
    );
    expect(() => toFrame(new Map(), arrowModule)).toThrow(/cannot read a Map as data/);
  });
});

describe('labelsOf', () => {
  const frame = toFrame(
    [
      { churned: 1, spend: 2.5, plan: 'pro' },
      { churned: 0, spend: -1, plan: 'basic' },
    ],
    arrowModule,
  );

  it('reads 0/1 labels as floats', () => {
    expect(Array.from(labelsOf(frame, 'churned'))).toEqual([1, 0]);
    expect(Array.from(labelsOf(frame, 'spend', 'regression'))).toEqual([2.5, -1]);
  });

  it('refuses non-0/1 labels, nulls, text and unknown columns clearly', () => {
    expect(() => labelsOf(frame, 'spend')).toThrow(
      /"spend" holds 2.5 at row 0; a classifier needs labels 0 or 1/,
    );
    expect(() => labelsOf(toFrame([{ y: 1 }, { y: null }], arrowModule), 'y')).toThrow(
      /"y" is null at row 1/,
    );
    expect(() => labelsOf(frame, 'plan')).toThrow(/"plan" holds text; labels must be numbers/);
    expect(() => frameColumn(frame, 'nope')).toThrow(
      /no column named "nope"; the columns are churned, spend, plan/,
    );
  });
});
