import { describe, expect, it } from 'vitest';
import { fields, isCount, isString, literal, nullable, optional, variantParser } from './guards';

type Shape = { kind: 'dot'; at: number } | { kind: 'label'; text: string; note?: string };

const parseShape = variantParser<Shape, 'kind'>('kind', {
  dot: { kind: literal('dot'), at: isCount },
  label: { kind: literal('label'), text: isString, note: optional(isString) },
});

describe('variantParser', () => {
  it('parses each member by its tag and drops keys the table does not name', () => {
    expect(parseShape({ kind: 'dot', at: 3, colour: 'red' })).toEqual({ kind: 'dot', at: 3 });
    expect(parseShape({ kind: 'label', text: 'x' })).toEqual({ kind: 'label', text: 'x' });
    expect(parseShape({ kind: 'label', text: 'x', note: 'y' })).toEqual({
      kind: 'label',
      text: 'x',
      note: 'y',
    });
  });

  it('refuses unknown tags, missing or mistyped keys', () => {
    for (const bad of [
      null,
      [],
      { kind: 'square' },
      { kind: 'toString', at: 1 },
      { kind: 'dot' },
      { kind: 'dot', at: -1 },
      { kind: 'label', text: 'x', note: 4 },
    ])
      expect(parseShape(bad), JSON.stringify(bad)).toBeNull();
  });

  it('holds its table to the union at compile time (checked by tsc -p tsconfig.json)', () => {
    const dot = { kind: literal('dot'), at: isCount };
    const label = { kind: literal('label'), text: isString, note: optional(isString) };
    const dotWithoutAt = { kind: literal('dot') };
    const labelWithoutNote = { kind: literal('label'), text: isString };
    const dotOrNull = { kind: literal('dot'), at: nullable(isCount) };
    // @ts-expect-error: a member of the union without its entry
    variantParser<Shape, 'kind'>('kind', { dot });
    // @ts-expect-error: an entry without a check for one of the member's keys
    variantParser<Shape, 'kind'>('kind', { dot: dotWithoutAt, label });
    // @ts-expect-error: an optional key needs its check too
    variantParser<Shape, 'kind'>('kind', { dot, label: labelWithoutNote });
    // @ts-expect-error: a check that admits more than the key's type
    variantParser<Shape, 'kind'>('kind', { dot: dotOrNull, label });
    // @ts-expect-error: a nested object's table is held to its type alike
    fields<{ a: { b: string } }>({ a: fields<{ b: string }>({}) });
    expect(parseShape({ kind: 'dot', at: 0 })).not.toBeNull();
  });
});
