import { describe, expect, it } from 'vitest';
import { parseParameterArgument, parseParametersFile } from './parameter-arguments';
import { ParameterError } from './parameter-value';

const p = (arg: string) => parseParameterArgument(arg, 'json').value;

describe('parseParameterArgument -p: JSON where it is JSON, else the string', () => {
  it.each([
    ['n=5', { kind: 'number', value: 5 }],
    ['rate=0.05', { kind: 'number', value: 0.05 }],
    ['x=1e20', { kind: 'number', value: 1e20 }],
    ['x=9007199254740991', { kind: 'number', value: 9007199254740991 }],
    ['x=-9007199254740991', { kind: 'number', value: -9007199254740991 }],
    ['x=9007199254740992', { kind: 'bigint', digits: '9007199254740992' }],
    ['x=-12345678901234567890', { kind: 'bigint', digits: '-12345678901234567890' }],
    ['flag=true', { kind: 'boolean', value: true }],
    ['flag=false', { kind: 'boolean', value: false }],
    ['n=null', { kind: 'null' }],
    ['s="quoted \\" \\u00e9"', { kind: 'string', value: 'quoted " é' }],
    ['x=007', { kind: 'string', value: '007' }],
    ['x=', { kind: 'string', value: '' }],
    ['x=hello world', { kind: 'string', value: 'hello world' }],
    ['x=True', { kind: 'string', value: 'True' }],
    ['x=NaN', { kind: 'string', value: 'NaN' }],
    ["x={'a': 1}", { kind: 'string', value: "{'a': 1}" }],
    ['x=a=b', { kind: 'string', value: 'a=b' }],
    ['x= 5 ', { kind: 'number', value: 5 }],
    [
      'cfg={ "a" : [1, 12345678901234567890, {"b": -0.5e1}] }',
      { kind: 'json', text: '{"a":[1,12345678901234567890,{"b":-5}]}' },
    ],
    ['list=[]', { kind: 'json', text: '[]' }],
  ])('%s', (arg, value) => {
    expect(p(arg)).toEqual(value);
  });

  it('keeps -0', () => {
    expect(Object.is((p('x=-0') as { value: number }).value, -0)).toBe(true);
  });

  it('takes the name up to the first "=", trimmed, and accepts unicode names', () => {
    expect(parseParameterArgument(' rate =1', 'json')).toEqual({
      name: 'rate',
      value: { kind: 'number', value: 1 },
    });
    expect(parseParameterArgument('größe=1', 'json').name).toBe('größe');
    expect(parseParameterArgument('$x_1=1', 'json').name).toBe('$x_1');
  });

  it('refuses 1e999 (Infinity in JSON.parse) and says how to pass the text', () => {
    expect(() => p('x=1e999')).toThrow(
      '-p "x=1e999": 1e999 is too large for a number (at most ±1.8e308); to pass the text as a string, write -r "x=1e999"',
    );
    expect(() => p('x=[1, -1e400]')).toThrow('-1e400 is too large for a number');
  });
});

describe('parseParameterArgument -r: always the raw string', () => {
  it.each(['5', 'true', 'null', '', '[1,2]', '"q"', '1e999'])('%s', (text) => {
    expect(parseParameterArgument(`x=${text}`, 'raw').value).toEqual({
      kind: 'string',
      value: text,
    });
  });
});

describe('parseParameterArgument errors: one line, naming the argument and what to write', () => {
  it.each([
    ['rate 5', 'json', '-p "rate 5": expected NAME=VALUE, e.g. -p rate=0.05'],
    ['rate', 'raw', '-r "rate": expected NAME=VALUE, e.g. -r rate=0.05'],
    ['=5', 'json', '-p "=5": the name is empty; write NAME=VALUE, e.g. -p rate=0.05'],
    [
      '1x=5',
      'json',
      '-p "1x=5": "1x" is not a TypeScript name (letters, digits, _ and $, not starting with a digit); write NAME=VALUE, e.g. -p rate=0.05',
    ],
    [
      'class=5',
      'json',
      '-p "class=5": "class" is a reserved word in TypeScript; write NAME=VALUE, e.g. -p rate=0.05',
    ],
  ] as const)('%s', (arg, mode, message) => {
    expect(() => parseParameterArgument(arg, mode)).toThrow(new ParameterError(message));
  });

  it('keeps a huge argument out of the message', () => {
    const error = (() => {
      try {
        parseParameterArgument(`${'x'.repeat(100_000)} 5`, 'json');
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error?.message.length).toBeLessThan(300);
  });
});

describe('parseParametersFile', () => {
  it('reads an object of names and values, typed as -p types JSON, in order', () => {
    expect(
      parseParametersFile(
        '\uFEFF{"rate": 0.1, "id": 98765432109876543210, "name": "x", "cfg": {"a": [1]}, "on": true, "no": null, "rate": 0.2}',
        'p.json',
      ),
    ).toEqual([
      { name: 'rate', value: { kind: 'number', value: 0.2 } },
      { name: 'id', value: { kind: 'bigint', digits: '98765432109876543210' } },
      { name: 'name', value: { kind: 'string', value: 'x' } },
      { name: 'cfg', value: { kind: 'json', text: '{"a":[1]}' } },
      { name: 'on', value: { kind: 'boolean', value: true } },
      { name: 'no', value: { kind: 'null' } },
    ]);
  });

  it.each([
    ['{\n  "a": 1,\n  "b": \n}', 'params.json: invalid JSON at line 4, column 1: unexpected "}"'],
    ['{"a": 1,}', 'params.json: invalid JSON at column 8: trailing comma before "}"'],
    ['', 'params.json: invalid JSON at column 1: unexpected end of the text'],
    ['{"a":\n 1e999}', 'params.json: at line 2, column 2: 1e999 is too large for a number'],
    [
      '[1, 2]',
      'params.json: expected a JSON object of parameter names and values, e.g. {"rate": 0.05}',
    ],
    [
      '{"my rate": 1}',
      'params.json: "my rate" is not a TypeScript name (letters, digits, _ and $, not starting with a digit); a key must be a parameter\'s name',
    ],
  ])('%j is refused with the file and the position', (text, message) => {
    expect(() => parseParametersFile(text, 'params.json')).toThrow(message);
  });
});
