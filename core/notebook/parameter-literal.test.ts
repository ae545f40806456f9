import { describe, expect, it } from 'vitest';
import { numberLiteral, parameterLiteral, stringLiteral } from './parameter-literal';

const evaluate = (literal: string): unknown =>
  (new Function(`return (${literal});`) as () => unknown)();

describe('stringLiteral', () => {
  it.each([
    '',
    '"',
    "'",
    '`${x}`',
    '\\',
    '\n\r\t\b\f\v',
    '\0' + '1',
    '\u2028\u2029',
    '\ud800',
    '\udc00x',
    '😀 日本 עברית',
    '\u202e\u2066\ufeff\u0085\u007f',
  ])('%j evaluates back to itself', (value) => {
    const literal = stringLiteral(value);
    expect(evaluate(literal)).toBe(value);
    expect(literal).toMatch(
      /^"[\x20-\x7e\u00a0-\u2027\u202f-\u2065\u206a-\ud7ff\ue000-\ufefe\uff00-\uffff\u{10000}-\u{10ffff}]*"$/u,
    );
  });

  it('round-trips every UTF-16 code unit, lone surrogates included', () => {
    for (let first = 0; first < 0x10000; first += 64) {
      const value = String.fromCharCode(...Array.from({ length: 64 }, (_, i) => first + i));
      const literal = stringLiteral(value);
      expect(evaluate(literal)).toBe(value);
      expect(literal).not.toMatch(/[\n\r\u2028\u2029]/);
    }
  });

  it('writes invisible and line-breaking characters as escapes and leaves text readable', () => {
    expect(stringLiteral('a\u2028b\u202ec\ufeffd\u0000')).toBe(
      '"a\\u2028b\\u202ec\\ufeffd\\u0000"',
    );
    expect(stringLiteral('é 日本 😀 `${}`')).toBe('"é 日本 😀 `${}`"');
  });
});

describe('numberLiteral', () => {
  it.each([
    0,
    -0,
    1,
    -1.5,
    0.1,
    5e-324,
    1.7976931348623157e308,
    1e21,
    2 ** 53,
    -(2 ** 60),
    NaN,
    Infinity,
    -Infinity,
  ])('%d evaluates back to itself', (value) => {
    expect(Object.is(evaluate(numberLiteral(value)), value)).toBe(true);
  });

  it('writes an integral double past 2^53 with an exponent, -0 with its sign', () => {
    expect(numberLiteral(1e20)).toBe('1e+20');
    expect(numberLiteral(-0)).toBe('-0');
    expect(numberLiteral(NaN)).toBe('0 / 0');
  });
});

describe('parameterLiteral', () => {
  it('writes big integers as BigInt literals, also inside JSON', () => {
    expect(parameterLiteral({ kind: 'bigint', digits: '-12345678901234567890' })).toBe(
      '-12345678901234567890n',
    );
    expect(parameterLiteral({ kind: 'json', text: '{"a":[1,12345678901234567890],"b":{}}' })).toBe(
      '{ "a": [1, 12345678901234567890n], "b": {} }',
    );
  });

  it('writes a "__proto__" key computed, so it stays an own property', () => {
    const literal = parameterLiteral({ kind: 'json', text: '{"__proto__":{"x":1}}' });
    expect(literal).toBe('{ ["__proto__"]: { "x": 1 } }');
    const value = evaluate(literal) as object;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(value)).toEqual(['__proto__']);
  });

  it('writes booleans, null and strings', () => {
    expect(parameterLiteral({ kind: 'boolean', value: false })).toBe('false');
    expect(parameterLiteral({ kind: 'null' })).toBe('null');
    expect(parameterLiteral({ kind: 'string', value: 'a"b' })).toBe('"a\\"b"');
  });
});
