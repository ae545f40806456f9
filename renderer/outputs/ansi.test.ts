import { describe, expect, it } from 'vitest';
import { ansiToSpans, stripAnsi } from './ansi';

const plain = { fg: null, bg: null, bold: false };

describe('ansiToSpans', () => {
  it('keeps plain text as one span', () => {
    expect(ansiToSpans('hello\nworld')).toEqual([{ text: 'hello\nworld', ...plain }]);
    expect(ansiToSpans('')).toEqual([]);
  });

  it('maps the 16 colours, backgrounds and bold, and resets', () => {
    expect(ansiToSpans('\x1b[31mred\x1b[0m \x1b[1;92mok\x1b[22m!\x1b[m.')).toEqual([
      { text: 'red', fg: 1, bg: null, bold: false },
      { text: ' ', ...plain },
      { text: 'ok', fg: 10, bg: null, bold: true },
      { text: '!', fg: 10, bg: null, bold: false },
      { text: '.', ...plain },
    ]);
    expect(ansiToSpans('\x1b[44;97mX\x1b[49;39mY')).toEqual([
      { text: 'X', fg: 15, bg: 4, bold: false },
      { text: 'Y', ...plain },
    ]);
  });

  it('keeps basic colours of the 256-colour form and shows the rest as default, skipping their arguments', () => {
    expect(ansiToSpans('\x1b[38;5;2mg\x1b[38;5;200mh\x1b[38;2;1;2;3;1mi')).toEqual([
      { text: 'g', fg: 2, bg: null, bold: false },
      { text: 'h', ...plain },
      { text: 'i', fg: null, bg: null, bold: true },
    ]);
  });

  it('strips other escapes: cursor moves, OSC titles and links, charsets', () => {
    const text = '\x1b[2K\x1b[1Aa\x1b]0;title\x07b\x1b]8;;http://x\x1b\\c\x1b(Bd\x1b[?25le';
    expect(ansiToSpans(text)).toEqual([{ text: 'abcde', ...plain }]);
  });

  it('merges neighbours with the same style', () => {
    expect(ansiToSpans('\x1b[31ma\x1b[31mb')).toEqual([
      { text: 'ab', fg: 1, bg: null, bold: false },
    ]);
  });
});

describe('stripAnsi', () => {
  it('leaves only the text', () => {
    expect(stripAnsi('\x1b[0;31mValueError\x1b[0m: bad')).toBe('ValueError: bad');
  });
});
