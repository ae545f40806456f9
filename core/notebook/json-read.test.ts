import { describe, expect, it } from 'vitest';
import { NotebookFormatError } from './errors';
import { locateJsonError, parseJsonText } from './json-read';

describe('parseJsonText', () => {
  it('parses JSON and ignores a byte-order mark', () => {
    expect(parseJsonText('\uFEFF{"a": [1]}')).toEqual({ a: [1] });
  });

  it.each([
    ['{"a": 1,}', 'line 1, column 8: trailing comma before "}"'],
    ['[1, 2,\n]', 'line 1, column 6: trailing comma before "]"'],
    ['{\n "a" 1}', 'line 2, column 6: expected ":" after a property name, found "1"'],
    [
      '{\n "a": 1\n "b": 2}',
      'line 3, column 2: expected "," or "}" after a property value, found "\\""',
    ],
    ["{'a': 1}", 'line 1, column 2: expected a property name in double quotes, found "\'"'],
    ['{"a": "x\ny"}', 'line 1, column 9: line break inside a string'],
    ['{"a": "\\q"}', 'line 1, column 8: invalid escape "\\\\q"'],
    ['[01]', 'line 1, column 2: invalid number'],
    ['[1.]', 'line 1, column 2: invalid number'],
    ['{"a": tru}', 'line 1, column 7: unexpected "tru"'],
    // Columns count characters: the emoji is one, not two UTF-16 units.
    ['{"é😀": x}', 'line 1, column 8: unexpected "x"'],
    ['{} {}', 'line 1, column 4: unexpected "{" after the end of the JSON value'],
    [
      '{"a": [1, 2',
      'line 1, column 12: expected "," or "]" after a list item, found the end of the text',
    ],
    ['\r\n\r\n  ]', 'line 3, column 3: unexpected "]"'],
  ])('%j → %s', (text, where) => {
    expect(() => parseJsonText(text)).toThrow(
      new NotebookFormatError('json', `invalid JSON at ${where}`),
    );
  });

  it('finds nothing wrong in valid JSON', () => {
    expect(locateJsonError('{"a": [1, -2.5e+3, true, false, null, "\\u00e9\\n"]}')).toBeUndefined();
  });
});
