import { describe, expect, it } from 'vitest';
import { cookString, tokenize } from './parameter-tokens';

const kinds = (source: string) => tokenize(source).map(({ kind, text }) => `${kind}:${text}`);

describe('tokenize', () => {
  it('skips comments and keeps what hides semicolons and braces in one token', () => {
    expect(kinds('a = "x;}" // c\n/* d */ `t ${ {b: "}"} } u` / 2')).toEqual([
      'name:a',
      'punct:=',
      'string:"x;}"',
      'template:`t ${ {b: "}"} } u`',
      'punct:/',
      'number:2',
    ]);
  });

  it('tells a regular expression from a division', () => {
    expect(kinds('x = /a;b[/]/g; y = a / b / c')).toEqual([
      'name:x',
      'punct:=',
      'punct:/a;b[/]/g',
      'punct:;',
      'name:y',
      'punct:=',
      'name:a',
      'punct:/',
      'name:b',
      'punct:/',
      'name:c',
    ]);
  });

  it('keeps operators that hold "=" whole, and marks line breaks and lines', () => {
    const tokens = tokenize('a => b === c\n  /* two\nlines */ d >= e');
    expect(tokens.map(({ text }) => text)).toEqual(['a', '=>', 'b', '===', 'c', 'd', '>=', 'e']);
    expect(tokens.map(({ line }) => line)).toEqual([1, 1, 1, 1, 1, 3, 3, 3]);
    expect(tokens.map(({ newlineBefore }) => newlineBefore)).toEqual([
      false,
      false,
      false,
      false,
      false,
      true,
      false,
      false,
    ]);
  });

  it('counts CRLF, CR, LF and the separators as one line break each', () => {
    expect(tokenize('a\r\nb\rc\nd\u2028e\r\n\r\nf').map(({ line }) => line)).toEqual([
      1, 2, 3, 4, 5, 7,
    ]);
  });

  it('reads numbers in every notation, with separators and the BigInt suffix', () => {
    expect(kinds('1_000 .5 1e-3 0xFF 0o7 0b1 10n 1.')).toEqual([
      'number:1_000',
      'number:.5',
      'number:1e-3',
      'number:0xFF',
      'number:0o7',
      'number:0b1',
      'number:10n',
      'number:1.',
    ]);
  });

  it('cooks strings and templates; null for a substitution or an octal escape', () => {
    const [single, template, substituted] = tokenize("'a\\'b' `x\\${y}` `${y}`");
    expect(single?.cooked).toBe("a'b");
    expect(template?.cooked).toBe('x${y}');
    expect(substituted?.cooked).toBeNull();
    expect(tokenize('`open \\`')[0]?.cooked).toBeNull();
    expect(tokenize('"open')[0]).toMatchObject({ kind: 'punct', text: '"' });
  });
});

describe('cookString', () => {
  it.each([
    ['\\n\\t\\r\\b\\f\\v\\0', false, '\n\t\r\b\f\v\0'],
    ['\\x41\\u0042\\u{1F600}\\u{43}', false, 'AB😀C'],
    ['\\q\\"\\\\', false, 'q"\\'],
    ['a\\\r\nb\\\nc\\\u2028d', false, 'abcd'],
    ['a\r\nb\rc', true, 'a\nb\nc'],
  ])('%j', (body, template, value) => {
    expect(cookString(body, template)).toBe(value);
  });

  it.each(['\\1', '\\08', '\\8', '\\x4', '\\u12', '\\u{110000}'])('refuses %j', (body) => {
    expect(cookString(body, false)).toBeNull();
  });
});
