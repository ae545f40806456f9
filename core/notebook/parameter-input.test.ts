import { describe, expect, it } from 'vitest';
import { parseParameterInput } from './parameter-input';
import { ParameterError, type ParameterType, type ParameterValue } from './parameter-value';

describe('parseParameterInput: a form field read by the type of its default', () => {
  it.each<[ParameterType, string, ParameterValue]>([
    ['number', '0.05', { kind: 'number', value: 0.05 }],
    ['number', ' -1.5e3 ', { kind: 'number', value: -1500 }],
    ['number', '.5', { kind: 'number', value: 0.5 }],
    ['number', '7', { kind: 'number', value: 7 }],
    ['integer', '42', { kind: 'number', value: 42 }],
    ['integer', '-9007199254740991', { kind: 'number', value: -9007199254740991 }],
    ['integer', '1e3', { kind: 'number', value: 1000 }],
    ['bigint', '12345678901234567890', { kind: 'bigint', digits: '12345678901234567890' }],
    ['bigint', '-0012n', { kind: 'bigint', digits: '-12' }],
    ['bigint', '5', { kind: 'bigint', digits: '5' }],
    ['boolean', 'true', { kind: 'boolean', value: true }],
    ['boolean', ' false ', { kind: 'boolean', value: false }],
    ['string', '', { kind: 'string', value: '' }],
    ['string', ' "as typed" ${x} ', { kind: 'string', value: ' "as typed" ${x} ' }],
    [
      'json',
      '{"a": [1, 99999999999999999999]}',
      { kind: 'json', text: '{"a":[1,99999999999999999999]}' },
    ],
    ['json', '5', { kind: 'number', value: 5 }],
    ['null', 'null', { kind: 'null' }],
    ['null', '"text"', { kind: 'string', value: 'text' }],
    ['unknown', 'plain text', { kind: 'string', value: 'plain text' }],
    ['unknown', '[true]', { kind: 'json', text: '[true]' }],
    ['unknown', '', { kind: 'string', value: '' }],
  ])('%s %j', (type, text, value) => {
    expect(parseParameterInput(text, type)).toEqual(value);
  });

  it.each<[ParameterType, string, string]>([
    ['number', '', 'expected a number, e.g. 0.05'],
    ['number', '1,5', 'expected a number, e.g. 0.05'],
    ['number', '0x10', 'expected a number, e.g. 0.05'],
    ['number', 'Infinity', 'expected a number, e.g. 0.05'],
    ['number', '1e999', 'too large for a number'],
    ['integer', '1.5', 'expected a whole number, e.g. 42'],
    ['integer', 'ten', 'expected a whole number, e.g. 42'],
    ['integer', '9007199254740992', 'too large for an exact integer (at most ±9007199254740991)'],
    ['bigint', '1.5', 'expected a whole number, e.g. 12345678901234567890'],
    ['boolean', 'yes', 'expected true or false'],
    ['boolean', 'True', 'expected true or false'],
    ['json', '{"a": }', 'invalid JSON at column 7: unexpected "}"'],
    ['json', '[\n1,\n]', 'invalid JSON at line 2, column 2: trailing comma before "]"'],
    ['null', 'text', 'invalid JSON at column 1: unexpected "text"'],
    ['unknown', '[1e999]', '1e999 is too large for a number (at most ±1.8e308)'],
  ])('%s %j is refused: %s', (type, text, message) => {
    expect(() => parseParameterInput(text, type)).toThrow(new ParameterError(message));
  });
});
