import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from './json-read';
import { JsonTextError, readJsonTree, treeOfValue } from './parameter-json';
import { ParameterError } from './parameter-value';

describe('readJsonTree', () => {
  it('keeps the digits of big integers, at any depth, and reads the rest as JSON.parse does', () => {
    expect(
      readJsonTree(
        ' [1, -0.5, 9007199254740993, {"a": {"b": [-9007199254740993]}}, "\\ud83d\\ude00", true, null] ',
      ),
    ).toEqual({
      kind: 'array',
      items: [
        { kind: 'number', value: 1 },
        { kind: 'number', value: -0.5 },
        { kind: 'bigint', digits: '9007199254740993' },
        {
          kind: 'object',
          entries: [
            [
              'a',
              {
                kind: 'object',
                entries: [
                  [
                    'b',
                    { kind: 'array', items: [{ kind: 'bigint', digits: '-9007199254740993' }] },
                  ],
                ],
              },
            ],
          ],
        },
        { kind: 'string', value: '😀' },
        { kind: 'boolean', value: true },
        { kind: 'null' },
      ],
    });
  });

  it('reads an integer written with an exponent or a fraction as a double', () => {
    expect(readJsonTree('[1e20, 12345678901234567890.0]')).toEqual({
      kind: 'array',
      items: [
        { kind: 'number', value: 1e20 },
        { kind: 'number', value: 12345678901234567000 },
      ],
    });
  });

  it('keeps the last value of a repeated key in its first place', () => {
    expect(readJsonTree('{"a": 1, "b": 2, "a": 3}')).toEqual({
      kind: 'object',
      entries: [
        ['a', { kind: 'number', value: 3 }],
        ['b', { kind: 'number', value: 2 }],
      ],
    });
  });

  it.each([
    ['', 'syntax', 0, 'unexpected end of the text'],
    ['[1,]', 'syntax', 2, 'trailing comma before "]"'],
    ["{'a': 1}", 'syntax', 1, 'expected a property name in double quotes, found "\'"'],
    ['1e999', 'limit', 0, '1e999 is too large for a number (at most ±1.8e308)'],
    [
      `${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`,
      'limit',
      MAX_JSON_DEPTH,
      `nested deeper than ${MAX_JSON_DEPTH} levels`,
    ],
  ])('refuses %j', (text, kind, offset, reason) => {
    expect(() => readJsonTree(text)).toThrow(new JsonTextError(kind as 'syntax', offset, reason));
    try {
      readJsonTree(text);
    } catch (error) {
      expect(error).toMatchObject({ kind, offset, reason });
    }
  });

  it('says where, by line and column when the text has several lines', () => {
    const text = '{\n  "a": tru\n}';
    try {
      readJsonTree(text);
      expect.unreachable();
    } catch (error) {
      expect((error as JsonTextError).describeIn(text)).toBe(
        'at line 2, column 8: unexpected "tru"',
      );
    }
  });
});

describe('treeOfValue', () => {
  it('reads a json value back and refuses text that is not an object or a list', () => {
    expect(treeOfValue({ kind: 'json', text: '[]' })).toEqual({ kind: 'array', items: [] });
    expect(treeOfValue({ kind: 'string', value: 'x' })).toEqual({ kind: 'string', value: 'x' });
    expect(() => treeOfValue({ kind: 'json', text: '[' })).toThrow(ParameterError);
    expect(() => treeOfValue({ kind: 'json', text: '5' })).toThrow(
      'a JSON parameter value must be an object or a list',
    );
  });
});
