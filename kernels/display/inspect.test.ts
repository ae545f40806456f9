import { describe, expect, it } from 'vitest';
import { formatLogArguments, inspect } from './inspect';

describe('inspect', () => {
  it('primitives', () => {
    expect(inspect('it\'s\n"q"')).toBe("'it\\'s\\n\"q\"'");
    expect(inspect(1.5)).toBe('1.5');
    expect(inspect(-0)).toBe('-0');
    expect(inspect(Number.NaN)).toBe('NaN');
    expect(inspect(10n)).toBe('10n');
    expect(inspect(true)).toBe('true');
    expect(inspect(undefined)).toBe('undefined');
    expect(inspect(null)).toBe('null');
    expect(inspect(Symbol('s'))).toBe('Symbol(s)');
  });

  it('functions and classes', () => {
    expect(inspect(function named() {})).toBe('[Function: named]');
    expect(inspect(() => 1)).toBe('[Function: (anonymous)]');
    expect(inspect(class Thing {})).toBe('[class Thing]');
  });

  it('objects, arrays, class instances and odd keys', () => {
    expect(inspect({ a: 1, 'b-c': [1, 'x'] })).toBe("{ a: 1, 'b-c': [ 1, 'x' ] }");
    expect(inspect([])).toBe('[]');
    expect(inspect({})).toBe('{}');
    expect(
      inspect(
        new (class Point {
          x = 1;
        })(),
      ),
    ).toBe('Point { x: 1 }');
    expect(inspect(Object.create(null))).toBe('[Object: null prototype] {}');
  });

  it('dates, regexps, promises and errors', () => {
    expect(inspect(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
    expect(inspect(new Date(Number.NaN))).toBe('Invalid Date');
    expect(inspect(/a+/gi)).toBe('/a+/gi');
    expect(inspect(Promise.resolve(1))).toBe('Promise { … }');
    const error = new TypeError('bad');
    expect(inspect(error)).toBe(error.stack);
  });

  it('marks circular references', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    a.list = [a];
    expect(inspect(a)).toBe("{ name: 'a', self: [Circular], list: [ [Circular] ] }");
    // The same object twice, not nested in itself, is not circular.
    const shared = { s: 1 };
    expect(inspect([shared, shared])).toBe('[ { s: 1 }, { s: 1 } ]');
  });

  it('limits depth', () => {
    expect(inspect({ l1: { l2: { l3: { l4: 1 } } } })).toBe('{ l1: { l2: { l3: [Object] } } }');
    expect(inspect([[[[1]]]])).toBe('[ [ [ [Array] ] ] ]');
    expect(inspect({ a: { b: { c: new Map([[1, 2]]) } } })).toBe('{ a: { b: { c: [Map] } } }');
  });

  it('Map, Set and typed arrays', () => {
    expect(
      inspect(
        new Map<unknown, unknown>([
          ['k', 1],
          [2, { x: 2 }],
        ]),
      ),
    ).toBe("Map(2) { 'k' => 1, 2 => { x: 2 } }");
    expect(inspect(new Set([1, 'two']))).toBe("Set(2) { 1, 'two' }");
    expect(inspect(new Map())).toBe('Map(0) {}');
    expect(inspect(new Float32Array([1.5, 2]))).toBe('Float32Array(2) [ 1.5, 2 ]');
    expect(inspect(new BigInt64Array([1n, -2n]))).toBe('BigInt64Array(2) [ 1n, -2n ]');
    expect(inspect(new Uint8Array(0))).toBe('Uint8Array(0) []');
  });

  it('truncates long arrays, objects, maps, sets and typed arrays with "… N more"', () => {
    const long = inspect(Array.from({ length: 150 }, (_, i) => i));
    expect(long.startsWith('[\n  0,\n  1,')).toBe(true);
    expect(long).toContain('  99,\n  … 50 more\n]');
    expect(long).not.toContain('100');
    expect(
      inspect(Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, i]))),
    ).toMatch(/k99: 99,\n {2}… 1 more\n\}$/);
    expect(inspect(new Set(Array.from({ length: 120 }, (_, i) => i)))).toMatch(/… 20 more\n\}$/);
    expect(inspect(new Float64Array(1_000_000))).toMatch(
      /^Float64Array\(1000000\) \[[\s\S]*… 999900 more\n\]$/,
    );
  });

  it('truncates long strings', () => {
    expect(inspect('x'.repeat(20_000))).toBe(`'${'x'.repeat(10_000)}… (10000 more characters)'`);
    expect(inspect({ s: 'y'.repeat(300) })).toBe(
      `{\n  s: '${'y'.repeat(200)}… (100 more characters)'\n}`,
    );
  });

  it('short values stay on one line, longer ones break', () => {
    expect(inspect({ a: 1, b: 2 })).toBe('{ a: 1, b: 2 }');
    expect(inspect({ alpha: 'a'.repeat(30), beta: 'b'.repeat(30) })).toBe(
      `{\n  alpha: '${'a'.repeat(30)}',\n  beta: '${'b'.repeat(30)}'\n}`,
    );
  });

  it('stays fast and small on a huge nested object', () => {
    const huge = Array.from({ length: 100_000 }, (_, i) => ({ i, nested: { deep: [i] } }));
    const started = performance.now();
    const text = inspect(huge);
    expect(performance.now() - started).toBeLessThan(500);
    expect(text.length).toBeLessThan(10_000);
  });
});

describe('formatLogArguments', () => {
  it('joins values: strings raw, others inspected', () => {
    expect(formatLogArguments(['a', 1, { x: 'y' }, 'b', null])).toBe("a 1 { x: 'y' } b null");
    expect(formatLogArguments([])).toBe('');
  });

  it('%s %d %i %f %j %o %O %c %%', () => {
    expect(
      formatLogArguments([
        '%s|%d|%i|%f|%j|%o|%O|%c|%%',
        'str',
        '42.5',
        42.9,
        '1.5',
        { a: 1 },
        [1],
        { b: 2 },
        'color: red',
      ]),
    ).toBe('str|42.5|42|1.5|{"a":1}|[ 1 ]|{ b: 2 }||%');
    expect(formatLogArguments(['%d', 5n])).toBe('5n');
    expect(formatLogArguments(['%d', 'abc'])).toBe('NaN');
    expect(formatLogArguments(['%s', { o: 1 }, 'extra', 2])).toBe('{ o: 1 } extra 2');
    expect(formatLogArguments(['%s and %s', 'one'])).toBe('one and %s');
    expect(formatLogArguments(['no specifiers', 'x'])).toBe('no specifiers x');
  });
});
