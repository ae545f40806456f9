import { describe, expect, it } from 'vitest';
import {
  integerTree,
  jsonNumberText,
  jsonTextOf,
  objectTree,
  recordOfTree,
  valueOfTree,
} from './parameter-value';

describe('integerTree', () => {
  it.each([
    ['0', { kind: 'number', value: 0 }],
    ['9007199254740991', { kind: 'number', value: 9007199254740991 }],
    ['-9007199254740991', { kind: 'number', value: -9007199254740991 }],
    ['9007199254740992', { kind: 'bigint', digits: '9007199254740992' }],
    ['-9007199254740992', { kind: 'bigint', digits: '-9007199254740992' }],
  ])('%s', (text, tree) => {
    expect(integerTree(text)).toEqual(tree);
  });

  it('reads "-0" as the double -0', () => {
    const tree = integerTree('-0');
    expect(tree.kind === 'number' && Object.is(tree.value, -0)).toBe(true);
  });
});

describe('jsonNumberText', () => {
  it('writes what reads back as the same double, never as a big integer', () => {
    expect(jsonNumberText(0.1)).toBe('0.1');
    expect(jsonNumberText(-0)).toBe('-0');
    expect(jsonNumberText(2 ** 53)).toBe('9.007199254740992e+15');
    expect(jsonNumberText(2 ** 53 - 1)).toBe('9007199254740991');
    expect(() => jsonNumberText(Infinity)).toThrow('Infinity cannot be a parameter value');
  });
});

describe('jsonTextOf and recordOfTree', () => {
  const tree = objectTree([
    ['n', { kind: 'bigint', digits: '-12345678901234567890' }],
    ['__proto__', { kind: 'array', items: [{ kind: 'number', value: 1e300 }, { kind: 'null' }] }],
    ['s', { kind: 'string', value: 'q"\n' }],
    ['n', { kind: 'boolean', value: true }],
  ]);

  it('writes compact JSON in first-seen key order with the last value', () => {
    expect(jsonTextOf(tree)).toBe('{"n":true,"__proto__":[1e+300,null],"s":"q\\"\\n"}');
    expect(valueOfTree(tree)).toEqual({ kind: 'json', text: jsonTextOf(tree) });
  });

  it('records big integers as their digits and keeps "__proto__" an own property', () => {
    const record = recordOfTree(
      objectTree([
        ['big', { kind: 'bigint', digits: '123456789012345678901' }],
        ['__proto__', { kind: 'number', value: 1 }],
      ]),
    );
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.entries(record as object)).toEqual([
      ['big', '123456789012345678901'],
      ['__proto__', 1],
    ]);
    expect(JSON.stringify(record)).toBe('{"big":"123456789012345678901","__proto__":1}');
  });

  it('records NaN and the infinities, which JSON cannot hold, by name', () => {
    expect(
      [NaN, Infinity, -Infinity].map((value) => recordOfTree({ kind: 'number', value })),
    ).toEqual(['NaN', 'Infinity', '-Infinity']);
  });
});
