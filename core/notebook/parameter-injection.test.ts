import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  createCodeCell,
  createMarkdownCell,
  createNotebook,
  isValidCellId,
  type Cell,
} from './model';
import { parseParameterArgument, parseParametersFile } from './parameter-arguments';
import {
  INJECTED_PARAMETERS_COMMENT,
  findParametersCell,
  injectParameters,
} from './parameter-injection';
import { ParameterError, type ParameterAssignment } from './parameter-value';
import { recordedParametersOf } from './run-record';

function tagged(source: string, ...tags: string[]): Cell {
  const cell = createCodeCell(source);
  cell.metadata = { tags };
  return cell;
}

/**
 * Runs the injected cell's source as the kernel would after transpiling it, and returns the
 * values it declares by name.
 */
function evaluate(source: string, names: string[]): Record<string, unknown> {
  const { outputText, diagnostics } = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022 },
    reportDiagnostics: true,
  });
  expect(diagnostics ?? []).toEqual([]);
  // new Function runs the literals as the kernel would, with nothing in scope.
  const run = new Function(`${outputText}\nreturn { ${names.join(', ')} };`) as () => Record<
    string,
    unknown
  >;
  return run();
}

const STRINGS = [
  '',
  'it\'s "quoted"',
  'back`tick`s and ${not.a.substitution}',
  'back\\slash \\n \\u0041 \\',
  'lines\nand\r\nreturns\rand\ttabs',
  'separators \u2028 \u2029',
  'emoji 😀👩🏽‍💻, CJK 日本語, RTL עברית العربية',
  'bidi \u202e override \u2066isolate\u2069',
  'NUL \0 then 7, bell \u0007, DEL \u007f, BOM \ufeff',
  'lone surrogates \ud800 and \udfff',
  '</script><!-- -->',
];

describe('the injected cell evaluates to exactly the values given', () => {
  it('keeps every string byte for byte', () => {
    const assignments = STRINGS.map((value, i) => ({
      name: `s${i}`,
      value: { kind: 'string', value } as const,
    }));
    const { notebook, injectedIndex } = injectParameters(createNotebook(), assignments);
    const source = notebook.cells[injectedIndex]?.source ?? '';
    const values = evaluate(
      source,
      assignments.map(({ name }) => name),
    );
    STRINGS.forEach((value, i) => expect(values[`s${i}`]).toBe(value));
    // A line of its own per value: no raw line break or separator slips into the source.
    expect(source.split(/\r\n|[\n\r\u2028\u2029]/)).toHaveLength(STRINGS.length + 1);
  });

  it('keeps numbers, big integers, booleans, null and nested JSON exactly', () => {
    const args = [
      'rate=0.05',
      'n=-42',
      'zero=-0',
      'tiny=5e-324',
      'huge=1.7976931348623157e308',
      'double=1e20',
      'max=9007199254740991',
      'past=9007199254740992',
      'big=123456789012345678901234567890',
      'negative=-98765432109876543210',
      'flag=true',
      'off=false',
      'nothing=null',
      'list=[1, [2, [3, 12345678901234567890]], "x", null, true]',
      'nested={"a": {"b": [-99999999999999999999, 0.5, {"c": "`${}`\\n"}]}, "": {}, "__proto__": 7}',
      'text=007',
      'empty=',
    ];
    const assignments = args.map((arg) => parseParameterArgument(arg, 'json'));
    const { notebook, injectedIndex } = injectParameters(createNotebook(), assignments);
    const values = evaluate(
      notebook.cells[injectedIndex]?.source ?? '',
      assignments.map(({ name }) => name),
    );
    expect(values).toMatchObject({
      rate: 0.05,
      n: -42,
      tiny: 5e-324,
      huge: 1.7976931348623157e308,
      double: 1e20,
      max: 9007199254740991,
      past: 9007199254740992n,
      big: 123456789012345678901234567890n,
      negative: -98765432109876543210n,
      flag: true,
      off: false,
      nothing: null,
      list: [1, [2, [3, 12345678901234567890n]], 'x', null, true],
      text: '007',
      empty: '',
    });
    expect(Object.is(values.zero, -0)).toBe(true);
    const nested = values.nested as Record<string, unknown>;
    expect(Object.getPrototypeOf(nested)).toBe(Object.prototype);
    expect(Object.keys(nested)).toEqual(['a', '', '__proto__']);
    expect(Object.getOwnPropertyDescriptor(nested, '__proto__')?.value).toBe(7);
    expect(nested.a).toEqual({ b: [-99999999999999999999n, 0.5, { c: '`${}`\n' }] });
  });
});

describe('injectParameters', () => {
  const parameters = tagged('const rate = 0.05;\nconst label = "a";', 'parameters');

  it('puts the cell right after the parameters cell, in the order given, with a fresh id', () => {
    const intro = createMarkdownCell('# Title');
    const body = createCodeCell('rate * 2');
    const input = createNotebook([intro, parameters, body]);
    const before = structuredClone(input);
    const { notebook, injectedIndex, undeclared } = injectParameters(input, [
      { name: 'label', value: { kind: 'string', value: 'b' } },
      { name: 'rate', value: { kind: 'number', value: 0.1 } },
      { name: 'extra', value: { kind: 'null' } },
    ]);
    expect(injectedIndex).toBe(2);
    expect(notebook.cells.map((cell) => cell.id)).toEqual([
      intro.id,
      parameters.id,
      notebook.cells[2]?.id,
      body.id,
    ]);
    const injected = notebook.cells[2];
    expect(injected?.cell_type).toBe('code');
    expect(injected?.metadata).toEqual({ tags: ['injected-parameters'] });
    expect(isValidCellId(injected?.id ?? '')).toBe(true);
    expect(injected?.source).toBe(
      `${INJECTED_PARAMETERS_COMMENT}\nconst label = "b";\nconst rate = 0.1;\nconst extra = null;`,
    );
    expect(undeclared).toEqual(['extra']);
    expect(input).toEqual(before);
  });

  it('replaces the cell an earlier run injected', () => {
    const old = tagged(
      '// Parameters injected by quarry run\nconst rate = 1;',
      'injected-parameters',
    );
    const misplaced = tagged('const rate = 2;', 'injected-parameters');
    const first = injectParameters(
      createNotebook([parameters, old, createCodeCell('x'), misplaced]),
      [{ name: 'rate', value: { kind: 'number', value: 3 } }],
    );
    const sources = first.notebook.cells.map((cell) => cell.source);
    expect(sources).toEqual([
      'const rate = 0.05;\nconst label = "a";',
      `${INJECTED_PARAMETERS_COMMENT}\nconst rate = 3;`,
      'x',
    ]);
    const again = injectParameters(first.notebook, []);
    expect(again.notebook.cells.map((cell) => cell.source)).toEqual([
      sources[0],
      INJECTED_PARAMETERS_COMMENT,
      'x',
    ]);
    expect(recordedParametersOf(again.notebook.metadata)).toEqual({});
  });

  it('goes first when no code cell is tagged parameters, and then every name is undeclared', () => {
    const sql = tagged('%%sql\nselect 1', 'parameters');
    const notebook = createNotebook([createMarkdownCell('# x'), sql]);
    expect(findParametersCell(notebook)).toBeNull();
    const result = injectParameters(notebook, [{ name: 'n', value: { kind: 'number', value: 1 } }]);
    expect(result.injectedIndex).toBe(0);
    expect(result.undeclared).toEqual(['n']);
    expect(result.notebook.cells[0]?.source).toBe(`${INJECTED_PARAMETERS_COMMENT}\nconst n = 1;`);
  });

  it('finds the first TypeScript code cell tagged parameters', () => {
    const markdown = createMarkdownCell('x');
    markdown.metadata = { tags: ['parameters'] };
    const notebook = createNotebook([
      markdown,
      tagged('%%sql\nselect 1', 'parameters'),
      tagged('const a = 1', 'other', 'parameters'),
      tagged('const b = 1', 'parameters'),
    ]);
    expect(findParametersCell(notebook)).toBe(2);
  });

  it('keeps the last value of a name given twice, in its first place', () => {
    const { notebook, injectedIndex } = injectParameters(createNotebook([parameters]), [
      parseParameterArgument('rate=1', 'json'),
      parseParameterArgument('label=x', 'json'),
      parseParameterArgument('rate=2', 'json'),
    ]);
    expect(notebook.cells[injectedIndex]?.source).toBe(
      `${INJECTED_PARAMETERS_COMMENT}\nconst rate = 2;\nconst label = "x";`,
    );
  });

  it('records the parameters in metadata.quarry, big integers as digits, other metadata kept', () => {
    const input = createNotebook([parameters]);
    input.metadata.quarry = { last_run: 'kept' };
    input.metadata.papermill = { parameters: { old: 1 } };
    const assignments: ParameterAssignment[] = parseParametersFile(
      '{"rate": 0.5, "id": 123456789012345678901, "cfg": {"k": [-12345678901234567890, "s"]}, "on": false, "none": null}',
      'params.json',
    );
    const { notebook } = injectParameters(input, assignments);
    expect(recordedParametersOf(notebook.metadata)).toEqual({
      rate: 0.5,
      id: '123456789012345678901',
      cfg: { k: ['-12345678901234567890', 's'] },
      on: false,
      none: null,
    });
    expect(notebook.metadata.quarry).toMatchObject({ last_run: 'kept' });
    expect(notebook.metadata.papermill).toEqual({ parameters: { old: 1 } });
  });

  it('refuses a name the cell could not declare', () => {
    for (const name of ['1x', 'class', 'a-b', '']) {
      expect(() => injectParameters(createNotebook(), [{ name, value: { kind: 'null' } }])).toThrow(
        ParameterError,
      );
    }
  });
});
