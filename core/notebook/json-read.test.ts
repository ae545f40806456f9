import { describe, expect, it } from 'vitest';
import { NotebookFormatError } from './errors';
import { locateJsonError, MAX_JSON_DEPTH, parseJsonText } from './json-read';
import { parseNotebook } from './ipynb';

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

  it('refuses nesting past the limit and names the path to it', () => {
    const deep = '{"a":'.repeat(3000) + '1' + '}'.repeat(3000);
    const text = `{"nbformat": 4, "nbformat_minor": 5, "cells": [], "metadata": ${deep}}`;
    expect(() => parseNotebook(text)).toThrow(
      new NotebookFormatError(
        'json',
        `JSON nested deeper than ${MAX_JSON_DEPTH} levels at metadata.a.a.a.a.a…`,
      ),
    );
  });

  it('accepts nesting up to the limit', () => {
    const text = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH);
    expect(() => parseJsonText(text)).not.toThrow();
    expect(() => parseJsonText(`[${text}]`)).toThrow(/nested deeper than 200 levels at \[0\]/);
  });

  it('quotes at most a short excerpt of a huge garbage line', () => {
    const garbage = 'x'.repeat(50 * 1024 * 1024);
    let message = '';
    try {
      parseJsonText(`{"cells": ${garbage}}`);
    } catch (error) {
      message = error instanceof Error ? error.message : '';
    }
    expect(message).toMatch(/^invalid JSON at line 1, column 11: unexpected "x{200}"…$/);
  });
});

describe('the notebook reader', () => {
  it('quotes at most a short excerpt of a huge value', () => {
    const type = 'y'.repeat(1_000_000);
    const text = JSON.stringify({ nbformat: 4, cells: [{ cell_type: type, source: '' }] });
    expect(() => parseNotebook(text)).toThrow(
      new NotebookFormatError('invalid', `cell 1: unknown cell_type "${'y'.repeat(200)}"…`),
    );
  });
});
