import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type TestKernel } from '../../test/kernel-harness';
import { compileCell } from './compile-cell';

describe('compileCell (pure)', () => {
  const compile = (source: string) => compileCell(source, 'In[1]');

  it('collects every top-level name a cell declares', () => {
    const compiled = compile(
      [
        'const a = 1, { b, c: [d = 2, , ...e] = [], ...f } = {} as any;',
        'let g; var h = 3;',
        'function i() {}',
        'class J {}',
        'enum K { X }',
        'namespace L { export const m = 1 }',
        "import N, { o as P, type Q } from 'mod';",
        "import * as R from 'mod';",
        'if (true) { const nested = 1 }',
      ].join('\n'),
    );
    expect([...compiled.declared].sort()).toEqual(
      ['J', 'K', 'L', 'N', 'P', 'R', 'a', 'b', 'd', 'e', 'f', 'g', 'h', 'i'].sort(),
    );
  });

  it('returns the last expression unless it ends with a semicolon', () => {
    expect(compile('1 + 1').returnsValue).toBe(true);
    expect(compile('1 + 1;').returnsValue).toBe(false);
    expect(compile('const x = 1').returnsValue).toBe(false);
    expect(compile('f()\n// done\ninterface I {}\ntype T = 1').returnsValue).toBe(true);
    expect(compile('f() /* trailing */').returnsValue).toBe(true);
    expect(compile('').returnsValue).toBe(false);
  });

  it('removes type-only code, `import type` and `export`', () => {
    const { script, declared, returnsValue } = compile(
      [
        'interface Point { x: number }',
        'type Id = string',
        'declare const injected: number',
        'declare function ambient(): void',
        "import type { Table } from 'apache-arrow'",
        "import { type Vector } from 'apache-arrow'",
        'export const shown = 1',
        'export function exported() {}',
        'export default shown',
      ].join('\n'),
    );
    expect(script).not.toMatch(/interface|Point|Id\b|declare|injected|ambient|apache-arrow/);
    expect(script).not.toMatch(/\bexport\b/);
    expect([...declared].sort()).toEqual(['exported', 'shown']);
    expect(returnsValue).toBe(false);
  });

  it('a cell of types only declares nothing and shows nothing', () => {
    const compiled = compile('interface A { a: 1 }\ntype B = A\ndeclare let c: B');
    expect(compiled.declared.size).toBe(0);
    expect(compiled.returnsValue).toBe(false);
  });

  it('gives each compiled cell its own script URL and the In[N] file name', () => {
    const first = compileCell('1', 'In[7]');
    const second = compileCell('1', 'In[7]');
    expect(first.fileName).toBe('In[7]');
    expect(first.scriptUrl).not.toBe(second.scriptUrl);
    expect(first.script).toContain(`//# sourceURL=${first.scriptUrl}`);
  });
});

describe('cross-cell scope (kernel)', () => {
  let k: TestKernel;
  beforeAll(async () => {
    k = await startTestKernel();
  });
  afterAll(() => k.dispose());

  it('const, let and var are visible to later cells', async () => {
    await k.text('const c1 = 1\nlet l1 = 2\nvar v1 = 3');
    expect(await k.json('[c1, l1, v1]')).toEqual([1, 2, 3]);
  });

  it('re-running `const x = …` rebinds instead of failing', async () => {
    expect((await k.run('const rebound = 40')).status).toBe('done');
    expect((await k.run('const rebound = 41')).status).toBe('done');
    expect(await k.text('rebound')).toBe('41');
    expect((await k.run('let rebound = 42')).status).toBe('done');
    expect(await k.text('rebound')).toBe('42');
  });

  it('`let y;` resets to undefined while `var z;` keeps its value', async () => {
    await k.text('let resetMe = 5\nvar keepMe = 6');
    await k.text('let resetMe;\nvar keepMe;');
    expect(await k.json('[resetMe === undefined, keepMe]')).toEqual([true, 6]);
  });

  it('object destructuring with defaults, renames, nesting and rest', async () => {
    await k.text(
      'const { da = 1, db: { dc: renamed } = { dc: 2 }, dd: [de, df = 9] = [], ...drest } =\n' +
        '  { db: { dc: 7 }, dd: [5], dx: 4, dy: 5 }',
    );
    expect(await k.json('[da, renamed, de, df, drest]')).toEqual([1, 7, 5, 9, { dx: 4, dy: 5 }]);
    expect(await k.json("typeof db === 'undefined' && typeof dc === 'undefined'")).toBe(true);
  });

  it('array destructuring with holes, defaults and rest', async () => {
    await k.text('const [ap, , aq = 9, ...arest] = [1, 2, undefined, 4, 5]');
    expect(await k.json('[ap, aq, arest]')).toEqual([1, 9, [4, 5]]);
  });

  it('typed declarations and `as`/`!`/satisfies are stripped', async () => {
    await k.text(
      'const typed: Map<string, number[]> = new Map([["a", [1]]])\n' +
        'const asserted = (typed.get("a") as number[])!.length satisfies number',
    );
    expect(await k.json('asserted')).toBe(1);
  });

  it('functions are hoisted within their cell and visible later', async () => {
    expect(
      await k.text('const early = hoisted(2)\nfunction hoisted(n: number) { return n * 3 }\nearly'),
    ).toBe('6');
    expect(await k.text('hoisted(5)')).toBe('15');
  });

  it('closures over shared state see later updates', async () => {
    await k.text('let count = 0\nfunction inc() { count++ }');
    expect(await k.text('inc(); count')).toBe('1');
    await k.text('count = 10');
    expect(await k.text('inc(); inc(); count')).toBe('12');
    // An arrow function from an earlier cell reads the current binding, not a copy.
    await k.text('let base = 1\nconst addBase = (n: number) => n + base');
    await k.text('base = 100');
    expect(await k.text('addBase(1)')).toBe('101');
  });

  it('async functions and generators are shared like other functions', async () => {
    await k.text(
      'async function later(v: number) { await null; return v }\nfunction* gen() { yield 1; yield 2 }',
    );
    expect(await k.json('[await later(4), [...gen()]]')).toEqual([4, [1, 2]]);
  });

  it('classes with generics, extends and static members', async () => {
    await k.text(
      [
        'class Box<T> {',
        '  static made = 0',
        '  constructor(public value: T) { Box.made++ }',
        '  get(): T { return this.value }',
        '}',
        'class NumBox extends Box<number> {',
        '  static kind = "num"',
        '  double(): number { return this.value * 2 }',
        '}',
      ].join('\n'),
    );
    expect(
      await k.json(
        '[new NumBox(4).double(), new Box<string>("s").get(), Box.made, NumBox.kind, new NumBox(1) instanceof Box]',
      ),
    ).toEqual([8, 's', 2, 'num', true]);
    // Redefining a class in a later cell replaces it.
    await k.text('class Box { static made = -1 }');
    expect(await k.json('Box.made')).toBe(-1);
  });

  it('enums and namespaces are visible later', async () => {
    await k.text(
      'enum Color { Red, Green = "g" }\nnamespace Geometry { export const unit = 3; export function twice() { return unit * 2 } }',
    );
    expect(
      await k.json('[Color.Red, Color.Green, Color[0], Geometry.unit, Geometry.twice()]'),
    ).toEqual([0, 'g', 'Red', 3, 6]);
  });

  it('imports: namespace, named with rename, default, side-effect, type-only', async () => {
    const reply = await k.run(
      [
        "import * as A from 'apache-arrow'",
        "import { tableFromArrays as fromArrays, Table } from 'apache-arrow'",
        "import danfoDefault from 'danfojs'",
        "import 'apache-arrow'",
        "import type { Vector } from 'apache-arrow'",
        'const v: Vector | null = null',
      ].join('\n'),
    );
    expect(reply.status).toBe('done');
    expect(
      await k.json(
        '[typeof A.tableFromArrays, typeof fromArrays, fromArrays({ a: [1] }) instanceof Table, typeof danfoDefault.DataFrame, typeof Vector]',
      ),
    ).toEqual(['function', 'function', true, 'function', 'undefined']);
  });

  it('a default import together with a namespace import binds both', async () => {
    await k.text("import arrowDefault, * as arrowAll from 'apache-arrow'");
    expect(await k.json('[typeof arrowAll.Table, arrowDefault === arrowAll.default]')).toEqual([
      'function',
      true,
    ]);
  });

  it('an import of types only loads nothing (the module may not exist at run time)', async () => {
    const reply = await k.run("import { type Missing } from 'quarry-types-only-module'\n1");
    expect(reply.status).toBe('done');
    expect((await k.run("import type Gone from 'quarry-types-only-module'")).status).toBe('done');
  });

  it('an unknown module fails the cell with the module name', async () => {
    const reply = await k.run("import nope from 'quarry-no-such-module'");
    expect(reply.status).toBe('error');
    expect(JSON.stringify(reply.outputs)).toContain('quarry-no-such-module');
  });

  it('`export` is stripped and the declarations still shared', async () => {
    expect(
      (await k.run('export const ex = 1\nexport function exf() { return 2 }\nexport class ExC {}'))
        .status,
    ).toBe('done');
    expect(await k.json('[ex, exf(), typeof ExC]')).toEqual([1, 2, 'function']);
  });

  it('top-level await', async () => {
    expect(
      await k.text(
        'const waited = await new Promise((r) => setTimeout(() => r(7), 5))\nwaited * 2',
      ),
    ).toBe('14');
    expect(await k.text('await Promise.resolve("done")')).toBe("'done'");
  });

  it('the final expression is displayed; a trailing `;` suppresses it', async () => {
    expect(await k.text('1 + 1')).toBe('2');
    expect(await k.text('1 + 1;')).toBeUndefined();
    expect(await k.text('"s"')).toBe("'s'");
    expect(await k.text('null')).toBe('null');
    // `undefined` has nothing to show.
    expect(await k.text('undefined')).toBeUndefined();
  });

  it('a final declaration, loop or block is not displayed', async () => {
    expect(await k.text('const notShown = 5')).toBeUndefined();
    expect(await k.text('function notShownFn() {}')).toBeUndefined();
    expect(await k.text('for (let i = 0; i < 2; i++) { i }')).toBeUndefined();
    expect(await k.text('if (true) { 3 }')).toBeUndefined();
  });

  it('the last statement still displays when comments or types follow it', async () => {
    expect(await k.text('const six = 6\nsix * 2 // twelve\n// a comment\n/* another */')).toBe(
      '12',
    );
    expect(await k.text('six + 1\ninterface After { a: number }\ntype AfterT = string\n')).toBe(
      '7',
    );
    expect(await k.text('six - 1\ndeclare const later: number')).toBe('5');
  });

  it('type-only cells run and show nothing', async () => {
    const reply = await k.run(
      'interface OnlyI { a: number }\ntype OnlyT = string\ndeclare const g: number',
    );
    expect(reply.status).toBe('done');
    expect(reply.outputs).toEqual([]);
  });

  it('a cell that fails part way keeps what it assigned before the error', async () => {
    const reply = await k.run('const before = 1\nthrow new Error("stop")\nconst after = 2');
    expect(reply.status).toBe('error');
    expect(await k.json('[before, typeof after]')).toEqual([1, 'undefined']);
  });
});
