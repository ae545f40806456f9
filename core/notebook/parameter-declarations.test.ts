import { describe, expect, it } from 'vitest';
import { declaredParameters, type DeclaredParameter } from './parameter-declarations';

const one = (source: string): Omit<DeclaredParameter, 'line'> => {
  const [declared, ...rest] = declaredParameters(source);
  expect(rest).toEqual([]);
  const { name, type, default: value } = declared ?? { name: '', type: 'unknown', default: null };
  return { name, type, default: value };
};

describe('declaredParameters: the type and default from the literal', () => {
  it.each([
    ['const n = 10;', 'integer', { kind: 'number', value: 10 }],
    ['const n = -10', 'integer', { kind: 'number', value: -10 }],
    ['const n = 1_000_000', 'integer', { kind: 'number', value: 1_000_000 }],
    ['const n = 0xff', 'integer', { kind: 'number', value: 255 }],
    ['const n = 0b101', 'integer', { kind: 'number', value: 5 }],
    ['const x = 1.0', 'number', { kind: 'number', value: 1 }],
    ['const x = 1e3', 'number', { kind: 'number', value: 1000 }],
    ['const x = -2.5e-3', 'number', { kind: 'number', value: -0.0025 }],
    ['const x = .5', 'number', { kind: 'number', value: 0.5 }],
    ['const x = 12345678901234567890', 'number', { kind: 'number', value: 12345678901234567000 }],
    ['const b = 123n', 'bigint', { kind: 'bigint', digits: '123' }],
    [
      'const b = -12_345678901234567890n',
      'bigint',
      { kind: 'bigint', digits: '-12345678901234567890' },
    ],
    ['const b = 0x10n', 'bigint', { kind: 'bigint', digits: '16' }],
    ["const s = 'it\\'s'", 'string', { kind: 'string', value: "it's" }],
    [
      'const s = "tab\\there \\u{1F600} \\x41 \\0"',
      'string',
      { kind: 'string', value: 'tab\there 😀 A \0' },
    ],
    ['const s = "line\\\ncontinued"', 'string', { kind: 'string', value: 'linecontinued' }],
    ['const s = `multi\r\nline`', 'string', { kind: 'string', value: 'multi\nline' }],
    ['const s = `no \\${sub}`', 'string', { kind: 'string', value: 'no ${sub}' }],
    ['const s = ""', 'string', { kind: 'string', value: '' }],
    ['let on = true', 'boolean', { kind: 'boolean', value: true }],
    ['var off = false', 'boolean', { kind: 'boolean', value: false }],
    ['const nothing = null', 'null', { kind: 'null' }],
    [
      "const cfg = { a: [1, 'two', { 'b c': null, }], \"d\": -3n, 7: true, }",
      'json',
      { kind: 'json', text: '{"a":[1,"two",{"b c":null}],"d":-3,"7":true}' },
    ],
    ['const xs = [] as const', 'json', { kind: 'json', text: '[]' }],
    ['const xs: number[] = [1, 2] satisfies number[];', 'json', { kind: 'json', text: '[1,2]' }],
    ['const rate: number = 0.05', 'number', { kind: 'number', value: 0.05 }],
    ['const m: Map<string, Array<number>> = 5', 'integer', { kind: 'number', value: 5 }],
    ['const f: (a: number) => void = null', 'null', { kind: 'null' }],
  ])('%s', (source, type, value) => {
    expect(one(source)).toMatchObject({ type, default: value });
  });

  it.each([
    'const x = 1 + 2',
    'const x = rate * 2',
    'const x = `${rate}`',
    'const x = "a".repeat(3)',
    'const x = [1, 2].map(String)',
    'const x = undefined',
    'const x = new Date()',
    'const x = -y',
    'const x = (5)',
    'const x = [1, , 2]',
    'const x = { a }',
    'const x = { ...base }',
    'const x = { __proto__: null }',
    'const x = { [key]: 1 }',
    'const x = 017',
    "const x = '\\1'",
    'const x = /re/g',
    'const x = () => 1',
    'const x = 5\n  + 1',
    'const x = 5\n  .toFixed(2)',
    'let x: number',
    'let x!: string;',
  ])('%j is a parameter of unknown type, with no default', (source) => {
    expect(one(source)).toEqual({ name: 'x', type: 'unknown', default: null });
  });
});

describe('declaredParameters: which declarations count', () => {
  it('reads top-level declarations only, around comments, strings, templates and regexes', () => {
    const source = [
      '// The defaults; quarry run -p overrides them.',
      'const rate = 0.05; let n = 10, label = "a;b" // const fake = 1',
      '/* const hidden = 2; */ var big = 123n',
      'function f() { const inner = 1; return inner }',
      'if (rate > 0) { let nested = 2 }',
      'for (let i = 0; i < 3; i++) {}',
      'const re = /;const y = 2 /g; const after = true',
      'const tpl = `${"}"} const z = 3 ${`nested ${1}`}`, last = [',
      '  1,',
      '  2,',
      ']',
      'const { a, b } = cfg, [c] = list',
      'const enum Color { Red }',
      'console.log(rate); const trailing = "x"',
      'obj.const = 5',
      'let = 4',
    ].join('\n');
    expect(declaredParameters(source).map(({ name, type, line }) => [name, type, line])).toEqual([
      ['rate', 'number', 2],
      ['n', 'integer', 2],
      ['label', 'string', 2],
      ['big', 'bigint', 3],
      ['re', 'unknown', 7],
      ['after', 'boolean', 7],
      ['tpl', 'unknown', 8],
      ['last', 'json', 8],
      ['trailing', 'string', 14],
    ]);
  });

  it('keeps one parameter per name: its first place, its last default', () => {
    expect(declaredParameters('var a = 1\nvar b = 2\nvar a = "x"')).toEqual([
      { name: 'a', type: 'string', default: { kind: 'string', value: 'x' }, line: 3 },
      { name: 'b', type: 'integer', default: { kind: 'number', value: 2 }, line: 2 },
    ]);
  });

  it('gives nothing for an empty cell or one with no declarations', () => {
    expect(declaredParameters('')).toEqual([]);
    expect(declaredParameters('// nothing here\n\nconsole.log(1)')).toEqual([]);
  });

  it('survives unterminated strings, templates and comments', () => {
    for (const source of [
      'const a = "open',
      'const a = `open ${',
      'const a = 1 /* open',
      'const a = {',
    ]) {
      expect(declaredParameters(source).map(({ name }) => name)).toEqual(['a']);
    }
  });
});

describe('declaredParameters on arbitrary text', () => {
  const PIECES = [
    'const ',
    'let ',
    'x',
    ' = ',
    '1',
    '-',
    'n',
    '"',
    "'",
    '`',
    '${',
    '}',
    '{',
    '[',
    ']',
  ];
  PIECES.push(
    '(',
    ')',
    ',',
    ';',
    ':',
    '/',
    '*',
    '\\',
    '\n',
    '\r',
    ' as ',
    '<',
    '>',
    '//',
    '/*',
    '*/',
  );

  it('always ends and never throws', () => {
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 2000; round++) {
      const length = Math.floor(random() * 30);
      const source = Array.from(
        { length },
        () => PIECES[Math.floor(random() * PIECES.length)],
      ).join('');
      expect(() => declaredParameters(source), source).not.toThrow();
    }
  });
});
