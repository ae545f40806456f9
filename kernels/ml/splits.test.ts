import { describe, expect, it } from 'vitest';
import type { MlFrame } from './ml-types';
import { resolveSplitOptions, splitIndices, takeRows } from './splits';

/** 1000 rows: label 1 on every 10th, a day per row, 4 rows per customer. */
function frame(): MlFrame {
  const n = 1000;
  return {
    numRows: n,
    columns: new Map([
      [
        'label',
        { kind: 'number', values: Float64Array.from({ length: n }, (_, i) => +(i % 10 === 0)) },
      ],
      ['day', { kind: 'date', values: Float64Array.from({ length: n }, (_, i) => i * 86_400_000) }],
      ['customer', { kind: 'string', values: Array.from({ length: n }, (_, i) => `c${i >> 2}`) }],
    ]),
  };
}

function sizes(split: ReturnType<typeof splitIndices>) {
  return [split.train.length, split.validation.length, split.test.length];
}

function everyRowOnce(split: ReturnType<typeof splitIndices>, n: number): boolean {
  const all = [...split.train, ...split.validation, ...split.test].sort((a, b) => a - b);
  return all.length === n && all.every((row, i) => row === i);
}

describe('splitIndices', () => {
  it('random: the fractions, every row once, ascending, the same for the same seed', () => {
    const data = frame();
    const split = splitIndices(data, { seed: 7, validation: 0.1, test: 0.2 });
    expect(sizes(split)).toEqual([700, 100, 200]);
    expect(everyRowOnce(split, 1000)).toBe(true);
    expect([...split.test]).toEqual([...split.test].sort((a, b) => a - b));
    expect(splitIndices(data, { seed: 7, validation: 0.1, test: 0.2 })).toEqual(split);
    expect(splitIndices(data, { seed: 8, validation: 0.1, test: 0.2 }).test).not.toEqual(
      split.test,
    );
  });

  it('stratified: each split keeps the label rate exactly', () => {
    const data = frame();
    const split = splitIndices(data, { by: 'stratified', label: 'label', seed: 1, test: 0.2 });
    const positives = (rows: Uint32Array) => [...rows].filter((r) => r % 10 === 0).length;
    expect(positives(split.test)).toBe(20);
    expect(positives(split.validation)).toBe(15);
    expect(positives(split.train)).toBe(65);
    expect(everyRowOnce(split, 1000)).toBe(true);
  });

  it('time: train before T, validation next, test from T, by fractions or by given times', () => {
    const data = frame();
    const split = splitIndices(data, { by: 'time', column: 'day', validation: 0.1, test: 0.2 });
    expect(sizes(split)).toEqual([700, 100, 200]);
    expect(Math.max(...split.train)).toBeLessThan(Math.min(...split.validation));
    expect(Math.max(...split.validation)).toBeLessThan(Math.min(...split.test));
    const given = splitIndices(data, {
      by: 'time',
      column: 'day',
      testFrom: new Date(900 * 86_400_000),
      validation: 0.05,
    });
    expect(sizes(given)).toEqual([850, 50, 100]);
    expect(given.test[0]).toBe(900);
  });

  it('time: rows at the same instant stay together', () => {
    const data: MlFrame = {
      numRows: 10,
      columns: new Map([
        ['t', { kind: 'number', values: Float64Array.from([1, 1, 1, 1, 1, 1, 2, 2, 2, 2]) }],
      ]),
    };
    const split = splitIndices(data, { by: 'time', column: 't', validation: 0, test: 0.3 });
    expect(sizes(split)).toEqual([6, 0, 4]);
  });

  it('grouped: no customer in two splits, row shares close to the fractions', () => {
    const data = frame();
    const split = splitIndices(data, { by: 'grouped', group: 'customer', seed: 3 });
    const customers = (rows: Uint32Array) => new Set([...rows].map((r) => r >> 2));
    const train = customers(split.train);
    for (const c of customers(split.test)) expect(train.has(c)).toBe(false);
    for (const c of customers(split.validation)) expect(train.has(c)).toBe(false);
    expect(split.test.length).toBe(200);
    expect(split.validation.length).toBe(152);
    expect(everyRowOnce(split, 1000)).toBe(true);
  });
});

describe('resolveSplitOptions', () => {
  it('defaults, and picks stratified when a label is given', () => {
    expect(resolveSplitOptions(undefined)).toEqual({
      by: 'random',
      seed: 42,
      validation: 0.15,
      test: 0.2,
    });
    expect(resolveSplitOptions({ label: 'churned' }).by).toBe('stratified');
  });

  it('names the wrong option', () => {
    expect(() => resolveSplitOptions({ test: 1.5 })).toThrow(/test must be a fraction/);
    expect(() => resolveSplitOptions({ validation: 0.5, test: 0.5 })).toThrow(
      /leave no rows to train on/,
    );
    expect(() => resolveSplitOptions({ by: 'time' })).toThrow(/by 'time' needs column/);
    expect(() => resolveSplitOptions({ by: 'kfold' })).toThrow(/by must be one of random/);
    expect(() => resolveSplitOptions({ sead: 1 })).toThrow(/unknown option "sead"/);
    expect(() => resolveSplitOptions({ seed: 1.5 })).toThrow(/seed must be an integer/);
    expect(() => resolveSplitOptions({ by: 'time', column: 'd', testFrom: 'soon' })).toThrow(
      /testFrom must be a Date/,
    );
    expect(() => splitIndices(frame(), { by: 'time', column: 'customer' })).toThrow(
      /"customer" holds text/,
    );
  });
});

describe('takeRows', () => {
  it('copies the rows asked for, in order, from every column', () => {
    const taken = takeRows(frame(), [4, 0]);
    expect(taken.numRows).toBe(2);
    expect(taken.columns.get('customer')).toEqual({ kind: 'string', values: ['c1', 'c0'] });
    expect(taken.columns.get('label')).toEqual({
      kind: 'number',
      values: Float64Array.from([0, 1]),
    });
    expect(() => takeRows(frame(), [1000])).toThrow(/row 1000 is outside the frame's 1000 rows/);
  });
});
