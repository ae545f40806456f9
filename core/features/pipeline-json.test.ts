import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../hash/sha256';
import { canonicalPipelineJson, parseFittedPipelineJson, stepOutputs } from './pipeline-json';
import type { FittedPipelineJson, FittedStep } from './pipeline-spec';

const valid = (): FittedPipelineJson => ({
  format: 'quarry.pipeline',
  version: 1,
  inputs: [
    { name: 'tenure', type: 'number' },
    { name: 'plan', type: 'string' },
    { name: 'signup', type: 'date' },
  ],
  steps: [
    {
      kind: 'impute',
      column: 'tenure',
      output: 'tenure',
      strategy: 'median',
      value: 3,
      indicator: 'tenure_missing',
    },
    { kind: 'standardize', column: 'tenure', output: 'tenure', mean: 1, std: 2 },
    {
      kind: 'oneHot',
      column: 'plan',
      categories: ['pro', ''],
      outputs: ['plan=pro', 'plan='],
      other: 'plan=__other__',
    },
    { kind: 'dateParts', column: 'signup', parts: ['year'], outputs: ['signup_year'] },
    { kind: 'expression', sql: "tenure > 1 AND plan <> 'pro'", output: 'flag' },
  ],
  features: [
    'tenure',
    'tenure_missing',
    'plan=pro',
    'plan=',
    'plan=__other__',
    'signup_year',
    'flag',
  ],
  fittedRows: 10,
});

/** `valid()` with a change applied, as untyped JSON (what a file could hold). */
function changed(
  change: (json: Record<string, unknown> & { steps: Record<string, unknown>[] }) => void,
): unknown {
  const json = structuredClone(valid()) as unknown as Record<string, unknown> & {
    steps: Record<string, unknown>[];
  };
  change(json);
  return json;
}

describe('parseFittedPipelineJson', () => {
  it('accepts a valid pipeline, as an object or as JSON text, and returns a fresh copy', () => {
    const json = valid();
    const parsed = parseFittedPipelineJson(json);
    expect(parsed).toEqual(json);
    expect(parsed).not.toBe(json);
    expect(parseFittedPipelineJson(JSON.stringify(json))).toEqual(json);
  });

  it('names the field at fault at the top level', () => {
    expect(() => parseFittedPipelineJson('{')).toThrow(/^the fitted pipeline is not valid JSON: /);
    expect(() => parseFittedPipelineJson([])).toThrow(
      'the fitted pipeline: expected an object, found an array',
    );
    expect(() => parseFittedPipelineJson(changed((j) => (j.format = 'x')))).toThrow(
      'the fitted pipeline, field "format": expected "quarry.pipeline", found the string "x"',
    );
    expect(() => parseFittedPipelineJson(changed((j) => (j.version = 2)))).toThrow(
      /field "version": expected 1, found number 2/,
    );
    expect(() => parseFittedPipelineJson(changed((j) => delete j.fittedRows))).toThrow(
      /field "fittedRows": expected a whole number ≥ 0, found nothing \(the field is missing\)/,
    );
    expect(() => parseFittedPipelineJson(changed((j) => (j.extra = 1)))).toThrow(
      /the fitted pipeline: unknown field "extra"/,
    );
    expect(() => parseFittedPipelineJson(changed((j) => (j.features = [])))).toThrow(
      /expected at least one feature/,
    );
    expect(() => parseFittedPipelineJson(changed((j) => (j.features = ['flag', 'flag'])))).toThrow(
      /"flag" is listed twice/,
    );
    expect(() =>
      parseFittedPipelineJson(
        changed(
          (j) =>
            (j.inputs = [
              { name: 'a', type: 'number' },
              { name: 'a', type: 'string' },
            ]),
        ),
      ),
    ).toThrow(/inputs: the column "a" is listed twice/);
    expect(() =>
      parseFittedPipelineJson(changed((j) => (j.inputs = [{ name: 'a', type: 'bool' }]))),
    ).toThrow(
      /the fitted pipeline, inputs\[0\], field "type": expected one of "number", "string", "date"/,
    );
  });

  it('names the step (index and kind) and the field at fault', () => {
    const step = (index: number, change: (step: Record<string, unknown>) => void): unknown =>
      changed((j) => change(j.steps[index]));
    expect(() => parseFittedPipelineJson(step(1, (s) => (s.kind = 'scale')))).toThrow(
      /^step 1, field "kind": expected one of "number", "standardize"/,
    );
    expect(() => parseFittedPipelineJson(step(1, (s) => (s.std = -1)))).toThrow(
      'step 1 (standardize), field "std": a standard deviation is ≥ 0, found -1',
    );
    expect(() => parseFittedPipelineJson(step(1, (s) => (s.mean = '1')))).toThrow(
      'step 1 (standardize), field "mean": expected a finite number, found the string "1"',
    );
    expect(() => parseFittedPipelineJson(step(1, (s) => (s.mean = null)))).toThrow(/found null/);
    expect(() => parseFittedPipelineJson(step(1, (s) => (s.ouput = 'x')))).toThrow(
      /step 1 \(standardize\): unknown field "ouput" \(known: kind, column, output, mean, std\)/,
    );
    expect(() => parseFittedPipelineJson(step(0, (s) => (s.strategy = 'mode')))).toThrow(
      /step 0 \(impute\), field "strategy": expected one of "mean", "median", "constant"/,
    );
    expect(() => parseFittedPipelineJson(step(0, (s) => (s.indicator = 'tenure')))).toThrow(
      /indicator's name "tenure" is the output's too/,
    );
    expect(() =>
      parseFittedPipelineJson(step(2, (s) => (s.outputs = ['plan=pro', 'plan=x']))),
    ).toThrow(
      /step 2 \(oneHot\), field "outputs": expected one "plan=CATEGORY" per category, in order: \["plan=pro","plan="\]/,
    );
    expect(() => parseFittedPipelineJson(step(2, (s) => (s.categories = ['pro', 'pro'])))).toThrow(
      /the category "pro" is listed twice/,
    );
    expect(() => parseFittedPipelineJson(step(2, (s) => (s.other = 'other')))).toThrow(
      /field "other": expected "plan=__other__"/,
    );
    expect(() => parseFittedPipelineJson(step(3, (s) => (s.parts = ['year', 'week'])))).toThrow(
      /step 3 \(dateParts\), parts\[1\]: expected one of "year", .* found the string "week"/,
    );
    expect(() => parseFittedPipelineJson(step(3, (s) => (s.outputs = [])))).toThrow(
      /expected one output per part \(1\), found 0/,
    );
    expect(() => parseFittedPipelineJson(step(4, (s) => (s.sql = 'tenure >')))).toThrow(
      /^step 4 \(expression\), field "sql": expected an expression after '>', found the end of the expression at line 1, column 9/,
    );
  });

  it("checks each kind of step's own rules", () => {
    const withStep = (extra: FittedStep): unknown =>
      changed((j) => {
        j.steps.push(extra as unknown as Record<string, unknown>);
      });
    expect(() =>
      parseFittedPipelineJson(
        withStep({ kind: 'minMax', column: 'tenure', output: 'm', min: 2, max: 1 }),
      ),
    ).toThrow(/step 5 \(minMax\), field "max": max \(1\) is below min \(2\)/);
    expect(() =>
      parseFittedPipelineJson(
        withStep({ kind: 'clip', column: 'tenure', output: 'c', min: 2, max: 1 }),
      ),
    ).toThrow(/step 5 \(clip\), field "max"/);
    expect(() =>
      parseFittedPipelineJson(
        withStep({ kind: 'bucketize', column: 'tenure', output: 'b', boundaries: [1, 3, 2] }),
      ),
    ).toThrow(/boundaries must ascend: 2 at index 2 follows 3/);
    expect(() =>
      parseFittedPipelineJson(
        withStep({ kind: 'vocabulary', column: 'plan', output: 'v', vocabulary: ['a', 'a'] }),
      ),
    ).toThrow(/step 5 \(vocabulary\), field "vocabulary": the value "a" is listed twice/);
    expect(() =>
      parseFittedPipelineJson(
        withStep({ kind: 'log', column: 'tenure', output: 'l', offset: Infinity }),
      ),
    ).toThrow(/field "offset": expected a finite number/);
  });

  it('checks what flows between steps: every read provided, of a kind the step takes', () => {
    const withStep = (extra: FittedStep): unknown =>
      changed((j) => {
        j.steps.push(extra as unknown as Record<string, unknown>);
      });
    expect(() =>
      parseFittedPipelineJson(withStep({ kind: 'number', column: 'spend', output: 's' })),
    ).toThrow(
      'step 5 (number), field "column": column "spend" is neither an input nor an output of an earlier step',
    );
    expect(() =>
      parseFittedPipelineJson(withStep({ kind: 'log', column: 'plan', output: 'l', offset: 1 })),
    ).toThrow('step 5 (log), field "column": column "plan" is a string; this step reads numbers');
    expect(() =>
      parseFittedPipelineJson(
        withStep({ kind: 'ratio', numerator: 'tenure', denominator: 'signup', output: 'r' }),
      ),
    ).toThrow(
      'step 5 (ratio), field "denominator": column "signup" is a date; this step reads numbers',
    );
    expect(() =>
      parseFittedPipelineJson(
        withStep({ kind: 'dateParts', column: 'tenure', parts: ['year'], outputs: ['y'] }),
      ),
    ).toThrow(/column "tenure" is a number; this step reads dates/);
    expect(() =>
      parseFittedPipelineJson(
        withStep({ kind: 'vocabulary', column: 'signup', output: 'v', vocabulary: [] }),
      ),
    ).toThrow(/column "signup" is a date; this step reads strings or numbers/);
    expect(() =>
      parseFittedPipelineJson(withStep({ kind: 'expression', sql: 'signup + 1', output: 'e' })),
    ).toThrow(
      /step 5 \(expression\), field "sql": column "signup" is a date, which expressions do not read: add a dateParts step/,
    );
    expect(() =>
      parseFittedPipelineJson(withStep({ kind: 'expression', sql: 'later * 2', output: 'e' })),
    ).toThrow(/field "sql": column "later" is neither an input nor an output of an earlier step/);
    expect(() =>
      parseFittedPipelineJson(withStep({ kind: 'expression', sql: "plan + 'x'", output: 'e' })),
    ).toThrow(/field "sql": '\+' needs a number, found column "plan" \(a string\)/);
    expect(() =>
      parseFittedPipelineJson(withStep({ kind: 'expression', sql: "'x'", output: 'e' })),
    ).toThrow(/it yields a string: a feature is a number or a condition/);
    // A step's output replaces the column it names: plan is a number after vocabulary.
    const replaced = withStep({
      kind: 'vocabulary',
      column: 'plan',
      output: 'plan',
      vocabulary: ['pro'],
    });
    expect(() => parseFittedPipelineJson(replaced)).not.toThrow();
    expect(() => parseFittedPipelineJson(changed((j) => (j.features = ['plan'])))).toThrow(
      'features[0]: "plan" is a string column, not a number',
    );
    expect(() => parseFittedPipelineJson(changed((j) => (j.features = ['nope'])))).toThrow(
      'features[0]: "nope" is not written by any step nor an input',
    );
  });
});

describe('stepOutputs', () => {
  it('lists what each step writes, the indicator and the other bucket included', () => {
    expect(valid().steps.map(stepOutputs)).toEqual([
      ['tenure', 'tenure_missing'],
      ['tenure'],
      ['plan=pro', 'plan=', 'plan=__other__'],
      ['signup_year'],
      ['flag'],
    ]);
  });
});

describe('canonicalPipelineJson', () => {
  it('sorts keys at every level, so the same pipeline built in another key order hashes the same', () => {
    const json = valid();
    const reordered = JSON.parse(
      JSON.stringify(json, (_key, value: unknown) =>
        value !== null && typeof value === 'object' && !Array.isArray(value)
          ? Object.fromEntries(Object.entries(value).reverse())
          : value,
      ),
    ) as FittedPipelineJson;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(json));
    const text = canonicalPipelineJson(json);
    expect(canonicalPipelineJson(reordered)).toBe(text);
    expect(text.startsWith('{"features":["tenure",')).toBe(true);
    expect(text).toContain(
      '{"column":"tenure","indicator":"tenure_missing","kind":"impute","output":"tenure","strategy":"median","value":3}',
    );
    expect(text).not.toMatch(/\s(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    expect(JSON.parse(text)).toEqual(json);
    expect(sha256Hex(canonicalPipelineJson(reordered))).toBe(sha256Hex(text));
    const other = changed((j) => (j.fittedRows = 11)) as FittedPipelineJson;
    expect(sha256Hex(canonicalPipelineJson(other))).not.toBe(sha256Hex(text));
  });

  it('refuses an invalid pipeline rather than hash it', () => {
    expect(() =>
      canonicalPipelineJson(changed((j) => (j.version = 2)) as FittedPipelineJson),
    ).toThrow(/field "version"/);
  });
});
