import { describe, expect, it } from 'vitest';
import { isJsonMime, isSplitMime, joinMultiline, splitLines } from './lines';

describe('splitLines (Python str.splitlines(True))', () => {
  it.each([
    ['', []],
    ['one', ['one']],
    ['a\nb\n', ['a\n', 'b\n']],
    ['a\r\nb', ['a\r\n', 'b']],
    ['\r 10%\r 20%\n', ['\r', ' 10%\r', ' 20%\n']],
    [
      'a\vb\fc\x1cd\x1de\x1ef\x85g\u2028h\u2029i',
      ['a\v', 'b\f', 'c\x1c', 'd\x1d', 'e\x1e', 'f\x85', 'g\u2028', 'h\u2029', 'i'],
    ],
    ['\n\n', ['\n', '\n']],
  ])('%j', (text, lines) => {
    expect(splitLines(text)).toEqual(lines);
    expect(splitLines(text).join('')).toBe(text);
  });
});

describe('MIME types', () => {
  it('tells JSON types from text types as nbformat does', () => {
    expect(isJsonMime('application/json')).toBe(true);
    expect(isJsonMime('application/vnd.plotly.v1+json')).toBe(true);
    expect(isJsonMime('text/json')).toBe(false);
    expect(isSplitMime('text/html')).toBe(true);
    expect(isSplitMime('image/svg+xml')).toBe(true);
    expect(isSplitMime('application/javascript')).toBe(true);
    expect(isSplitMime('image/png')).toBe(false);
  });

  it('joins strings and lists of strings only', () => {
    expect(joinMultiline(['a\n', 'b'])).toBe('a\nb');
    expect(joinMultiline('a')).toBe('a');
    expect(joinMultiline(['a', 1])).toBeUndefined();
    expect(joinMultiline(3)).toBeUndefined();
  });
});
