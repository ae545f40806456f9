/**
 * The fitted pipeline's JSON (pipeline-spec.ts `FittedPipelineJson`): a validator for what comes
 * from a file or another process, with errors naming the step (index and kind) and the field, and
 * the canonical text whose SHA-256 identifies a pipeline in training runs and handoffs.
 *
 * Beyond each field's type, the validator checks what the compiler and the transform rely on:
 * every column a step reads is an input or an earlier step's output, of a kind the step takes
 * (numeric steps read numbers, `dateParts` a date, `oneHot`/`vocabulary` strings or numbers), an
 * expression parses and type-checks over those columns, outputs are named as the contract says,
 * and every feature is a number some step (or input) provides.
 */
import { isRecord } from '../guards';
import type { JsonValue } from '../json';
import type { Expr } from './expression-ast';
import { parseExpression } from './expression';
import { expressionType, type ExpressionType } from './expression-types';
import { FieldReader, firstDuplicate, PipelineJsonError } from './pipeline-json-fields';
import {
  DATE_PARTS,
  IMPUTE_STRATEGIES,
  INPUT_COLUMN_TYPES,
  STEP_KINDS,
  type FittedPipelineJson,
  type FittedStep,
  type InputColumnType,
  type StepKind,
  type StepSpec,
} from './pipeline-spec';

export { PipelineJsonError } from './pipeline-json-fields';

function readStep(value: unknown, index: number): FittedStep {
  const kind = FieldReader.of(value, `step ${index}`).oneOf('kind', STEP_KINDS);
  const f = FieldReader.of(value, `step ${index} (${kind})`);
  f.literal('kind', kind);
  const step = readStepFields(kind, f);
  f.done();
  return step;
}

function readStepFields(kind: StepKind, f: FieldReader): FittedStep {
  switch (kind) {
    case 'number':
      return { kind, column: f.string('column'), output: f.string('output') };
    case 'standardize': {
      const step = {
        kind,
        column: f.string('column'),
        output: f.string('output'),
        mean: f.number('mean'),
        std: f.number('std'),
      };
      if (step.std < 0) f.fail('std', `a standard deviation is ≥ 0, found ${step.std}`);
      return step;
    }
    case 'minMax': {
      const step = {
        kind,
        column: f.string('column'),
        output: f.string('output'),
        min: f.number('min'),
        max: f.number('max'),
      };
      if (step.max < step.min) f.fail('max', `max (${step.max}) is below min (${step.min})`);
      return step;
    }
    case 'log':
      return {
        kind,
        column: f.string('column'),
        output: f.string('output'),
        offset: f.number('offset'),
      };
    case 'clip': {
      const step = {
        kind,
        column: f.string('column'),
        output: f.string('output'),
        min: f.nullableNumber('min'),
        max: f.nullableNumber('max'),
      };
      if (step.min !== null && step.max !== null && step.max < step.min)
        f.fail('max', `max (${step.max}) is below min (${step.min})`);
      return step;
    }
    case 'bucketize': {
      const step = {
        kind,
        column: f.string('column'),
        output: f.string('output'),
        boundaries: f.numbers('boundaries'),
      };
      const descent = step.boundaries.findIndex((b, i) => i > 0 && b < step.boundaries[i - 1]);
      if (descent > 0)
        f.fail(
          'boundaries',
          `boundaries must ascend: ${step.boundaries[descent]} at index ${descent} follows ${step.boundaries[descent - 1]}`,
        );
      return step;
    }
    case 'impute': {
      const step = {
        kind,
        column: f.string('column'),
        output: f.string('output'),
        strategy: f.oneOf('strategy', IMPUTE_STRATEGIES),
        value: f.number('value'),
        indicator: f.nullableString('indicator'),
      };
      if (step.indicator === step.output)
        f.fail('indicator', `the indicator's name "${step.indicator}" is the output's too`);
      return step;
    }
    case 'oneHot': {
      const step = {
        kind,
        column: f.string('column'),
        categories: f.strings('categories', true),
        outputs: f.strings('outputs'),
        other: f.string('other'),
      };
      const duplicate = firstDuplicate(step.categories);
      if (duplicate !== null)
        f.fail('categories', `the category ${JSON.stringify(duplicate)} is listed twice`);
      const expected = step.categories.map((category) => `${step.column}=${category}`);
      if (JSON.stringify(step.outputs) !== JSON.stringify(expected))
        f.fail(
          'outputs',
          `expected one "${step.column}=CATEGORY" per category, in order: ${JSON.stringify(expected)}`,
        );
      if (step.other !== `${step.column}=__other__`)
        f.fail('other', `expected "${step.column}=__other__"`);
      return step;
    }
    case 'vocabulary': {
      const step = {
        kind,
        column: f.string('column'),
        output: f.string('output'),
        vocabulary: f.strings('vocabulary', true),
      };
      const duplicate = firstDuplicate(step.vocabulary);
      if (duplicate !== null)
        f.fail('vocabulary', `the value ${JSON.stringify(duplicate)} is listed twice`);
      return step;
    }
    case 'dateParts': {
      const step = {
        kind,
        column: f.string('column'),
        parts: f.oneOfEach('parts', DATE_PARTS),
        outputs: f.strings('outputs'),
      };
      if (step.parts.length === 0) f.fail('parts', 'expected at least one date part');
      const duplicate = firstDuplicate(step.parts);
      if (duplicate !== null) f.fail('parts', `the part "${duplicate}" is listed twice`);
      if (step.outputs.length !== step.parts.length)
        f.fail(
          'outputs',
          `expected one output per part (${step.parts.length}), found ${step.outputs.length}`,
        );
      return step;
    }
    case 'ratio':
      return {
        kind,
        numerator: f.string('numerator'),
        denominator: f.string('denominator'),
        output: f.string('output'),
      };
    case 'expression': {
      const step = { kind, sql: f.string('sql'), output: f.string('output') };
      try {
        parseExpression(step.sql);
      } catch (error) {
        f.fail('sql', (error as Error).message);
      }
      return step;
    }
  }
}

/** The columns a fitted step writes, in order. */
export function stepOutputs(step: FittedStep): string[] {
  switch (step.kind) {
    case 'oneHot':
      return [...step.outputs, step.other];
    case 'dateParts':
      return step.outputs;
    case 'impute':
      return step.indicator === null ? [step.output] : [step.output, step.indicator];
    case 'number':
    case 'standardize':
    case 'minMax':
    case 'log':
    case 'clip':
    case 'bucketize':
    case 'vocabulary':
    case 'ratio':
    case 'expression':
      return [step.output];
  }
}

/** Which kind of column a step reads: numeric steps numbers, `oneHot` a category, … */
export type WantedColumn = 'number' | 'category' | 'date';

/**
 * The columns a step reads by name, each with the kind it takes and the field naming it; none for
 * an expression, whose columns are those its SQL names (expression-columns.ts).
 */
export function stepColumnReads(
  step: StepSpec | FittedStep,
): { column: string; wanted: WantedColumn; field: string }[] {
  switch (step.kind) {
    case 'number':
    case 'standardize':
    case 'minMax':
    case 'log':
    case 'clip':
    case 'bucketize':
    case 'impute':
      return [{ column: step.column, wanted: 'number', field: 'column' }];
    case 'oneHot':
    case 'vocabulary':
      return [{ column: step.column, wanted: 'category', field: 'column' }];
    case 'dateParts':
      return [{ column: step.column, wanted: 'date', field: 'column' }];
    case 'ratio':
      return [
        { column: step.numerator, wanted: 'number', field: 'numerator' },
        { column: step.denominator, wanted: 'number', field: 'denominator' },
      ];
    case 'expression':
      return [];
  }
}

const ACCEPTS: Record<WantedColumn, readonly InputColumnType[]> = {
  number: ['number'],
  category: ['string', 'number'],
  date: ['date'],
};

/** The type an expression sees for a column of this kind; dates have none in the subset. */
export function expressionColumnType(
  name: string,
  kind: InputColumnType | undefined,
): ExpressionType {
  switch (kind) {
    case undefined:
      throw new PipelineJsonError(
        `column "${name}" is neither an input nor an output of an earlier step`,
      );
    case 'date':
      throw new PipelineJsonError(
        `column "${name}" is a date, which expressions do not read: add a dateParts step (epochDays, year, …) and use its output`,
      );
    case 'number':
    case 'string':
      return kind;
  }
}

/** Checks what flows between steps (the module comment), step by step. */
function checkColumns(json: FittedPipelineJson): void {
  const kinds = new Map<string, InputColumnType>(
    json.inputs.map((input) => [input.name, input.type]),
  );
  json.steps.forEach((step, index) => {
    const where = `step ${index} (${step.kind})`;
    for (const { column, wanted, field } of stepColumnReads(step)) {
      const kind = kinds.get(column);
      if (kind === undefined)
        throw new PipelineJsonError(
          `${where}, field "${field}": column "${column}" is neither an input nor an output of an earlier step`,
        );
      if (!ACCEPTS[wanted].includes(kind))
        throw new PipelineJsonError(
          `${where}, field "${field}": column "${column}" is ${kind === 'date' ? 'a date' : `a ${kind}`}; this step reads ${wanted === 'category' ? 'strings or numbers' : `${wanted}s`}`,
        );
    }
    if (step.kind === 'expression') checkExpression(parseExpression(step.sql), kinds, where);
    const outputs = stepOutputs(step);
    const duplicate = firstDuplicate(outputs);
    if (duplicate !== null) throw new PipelineJsonError(`${where}: writes "${duplicate}" twice`);
    for (const output of outputs) kinds.set(output, 'number');
  });
  json.features.forEach((feature, i) => {
    const kind = kinds.get(feature);
    if (kind !== 'number')
      throw new PipelineJsonError(
        `features[${i}]: "${feature}" is ${kind === undefined ? 'not written by any step nor an input' : `a ${kind} column, not a number`}`,
      );
  });
}

function checkExpression(expr: Expr, kinds: Map<string, InputColumnType>, where: string): void {
  try {
    const type = expressionType(expr, (name) => expressionColumnType(name, kinds.get(name)));
    if (type === 'string')
      throw new PipelineJsonError('it yields a string: a feature is a number or a condition (1/0)');
  } catch (error) {
    throw new PipelineJsonError(`${where}, field "sql": ${(error as Error).message}`);
  }
}

/**
 * A `FittedPipelineJson` from untrusted input (an object, or its JSON text), or a
 * `PipelineJsonError` naming the step and field at fault. The result is a fresh object holding
 * only the contract's fields.
 */
export function parseFittedPipelineJson(value: unknown): FittedPipelineJson {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch (error) {
      throw new PipelineJsonError(
        `the fitted pipeline is not valid JSON: ${(error as Error).message}`,
      );
    }
  }
  const f = FieldReader.of(parsed, 'the fitted pipeline');
  const json: FittedPipelineJson = {
    format: f.literal('format', 'quarry.pipeline'),
    version: f.literal('version', 1),
    inputs: f.array('inputs', (item, where) => {
      const input = FieldReader.of(item, where);
      const result = { name: input.string('name'), type: input.oneOf('type', INPUT_COLUMN_TYPES) };
      input.done();
      return result;
    }),
    steps: f.array('steps', (item, _where, index) => readStep(item, index)),
    features: f.strings('features'),
    fittedRows: f.count('fittedRows'),
  };
  f.done();
  const input = firstDuplicate(json.inputs.map((i) => i.name));
  if (input !== null) throw new PipelineJsonError(`inputs: the column "${input}" is listed twice`);
  if (json.features.length === 0) f.fail('features', 'expected at least one feature');
  const feature = firstDuplicate(json.features);
  if (feature !== null) f.fail('features', `"${feature}" is listed twice`);
  checkColumns(json);
  return json;
}

/** JSON with every object's keys sorted (code-unit order), no spaces: equal pipelines, equal text. */
function canonical(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key] as JsonValue)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The pipeline's canonical JSON text (sha256Hex of it is the pipeline's hash). */
export function canonicalPipelineJson(json: FittedPipelineJson): string {
  return canonical(parseFittedPipelineJson(json) as unknown as JsonValue);
}
