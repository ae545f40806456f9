import { describe, expect, it } from 'vitest';
import { compareCodePoints, formatNumber, stringifyLikeNbformat } from './json-write';

describe('stringifyLikeNbformat', () => {
  it('indents by one space and sorts keys like Python', () => {
    const text = stringifyLikeNbformat({ b: [1, {}], a: { '10': true, '9': false }, c: [] });
    expect(text).toBe(
      '{\n "a": {\n  "10": true,\n  "9": false\n },\n "b": [\n  1,\n  {}\n ],\n "c": []\n}',
    );
  });

  it('escapes like json.dumps(ensure_ascii=False)', () => {
    expect(stringifyLikeNbformat('é 日本 😀 \u001b[0m "\\" \t\n\x7f')).toBe(
      '"é 日本 😀 \\u001b[0m \\"\\\\\\" \\t\\n\x7f"',
    );
  });

  it('refuses what JSON cannot hold, with a JSON pointer', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => stringifyLikeNbformat({ a: [NaN] })).toThrow(
      '/a/0 holds NaN, which JSON cannot store',
    );
    expect(() => stringifyLikeNbformat({ 'x/y~': 1n })).toThrow('/x~1y~0 holds a bigint, not JSON');
    expect(() => stringifyLikeNbformat({ d: new Date(0) })).toThrow('/d holds a Date, not JSON');
    expect(() => stringifyLikeNbformat(cyclic)).toThrow('/self refers back to itself (a cycle)');
  });

  it('leaves out properties set to undefined, as JSON.stringify does', () => {
    expect(stringifyLikeNbformat({ a: undefined, b: 1 })).toBe('{\n "b": 1\n}');
  });
});

describe('formatNumber (what Python writes after reading the browser JSON)', () => {
  it.each([
    [0, '0'],
    [-7, '-7'],
    [0.5, '0.5'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1.5e-7, '1.5e-07'],
    [-2.5e-10, '-2.5e-10'],
    [5e-324, '5e-324'],
    [1e21, '1e+21'],
    [2 ** 60, '1152921504606847000'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
  ])('%d → %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });
});

describe('compareCodePoints', () => {
  it('orders astral characters after U+E000..U+FFFF, as Python does', () => {
    expect(['😀', '\uffff', 'a'].sort(compareCodePoints)).toEqual(['a', '\uffff', '😀']);
    expect(['b', 'a', 'ab', ''].sort(compareCodePoints)).toEqual(['', 'a', 'ab', 'b']);
  });
});
