/**
 * Fits a pipeline spec on training rows: each step learns its statistics from the values it
 * reads (raw columns, or what earlier steps wrote, already applied), writes them out as a
 * FittedStep, and is applied at once so the next step sees its output. Statistics come from the
 * frame given — the training split only — and are never refitted at transform.
 */
import type {
  FittedPipelineJson,
  FittedStep,
  InputColumnType,
  PipelineSpec,
  StepSpec,
} from '../../../core/features/pipeline-spec';
import type { MlFrame } from '../ml-types';
import { applyStep } from './apply-step';
import { keptCategories, mean, meanAndStd, median, range } from './fit-statistics';
import {
  columnOf,
  datesOf,
  numbersOf,
  stepLabel,
  categoriesOf,
  type StepColumns,
} from './step-columns';
import { stepOutputs } from '../../../core/features/pipeline-json';
import { defaultFeatures, stepReads } from './step-outputs';

/**
 * A one-hot wider than this is a vocabulary's job (or an identifier that should not be a
 * feature at all); `maxCategories` raises it.
 */
export const DEFAULT_MAX_CATEGORIES = 100;

const DEFAULT_LOG_OFFSET = 1;

function fitStep(spec: StepSpec, columns: StepColumns, label: string): FittedStep {
  switch (spec.kind) {
    case 'number':
      numbersOf(columns, spec.column, label);
      return { kind: 'number', column: spec.column, output: spec.as ?? spec.column };
    case 'standardize':
      return {
        kind: 'standardize',
        column: spec.column,
        output: spec.as ?? spec.column,
        ...meanAndStd(numbersOf(columns, spec.column, label), label),
      };
    case 'minMax':
      return {
        kind: 'minMax',
        column: spec.column,
        output: spec.as ?? spec.column,
        ...range(numbersOf(columns, spec.column, label), label),
      };
    case 'log':
      numbersOf(columns, spec.column, label);
      return {
        kind: 'log',
        column: spec.column,
        output: spec.as ?? spec.column,
        offset: spec.offset ?? DEFAULT_LOG_OFFSET,
      };
    case 'clip':
      numbersOf(columns, spec.column, label);
      return {
        kind: 'clip',
        column: spec.column,
        output: spec.as ?? spec.column,
        min: spec.min ?? null,
        max: spec.max ?? null,
      };
    case 'bucketize':
      numbersOf(columns, spec.column, label);
      return {
        kind: 'bucketize',
        column: spec.column,
        output: spec.as ?? spec.column,
        boundaries: [...spec.boundaries],
      };
    case 'impute': {
      const values = numbersOf(columns, spec.column, label);
      const output = spec.as ?? spec.column;
      return {
        kind: 'impute',
        column: spec.column,
        output,
        strategy: spec.strategy,
        value: imputeValue(spec, values, label),
        indicator: (spec.indicator ?? true) ? `${output}_missing` : null,
      };
    }
    case 'oneHot': {
      const categories = keptOrRefused(
        categoriesOf(columns, spec.column, label),
        spec.minCount ?? 1,
        spec.maxCategories ?? DEFAULT_MAX_CATEGORIES,
        label,
      );
      return {
        kind: 'oneHot',
        column: spec.column,
        categories,
        outputs: categories.map((category) => `${spec.column}=${category}`),
        other: `${spec.column}=__other__`,
      };
    }
    case 'vocabulary':
      return {
        kind: 'vocabulary',
        column: spec.column,
        output: spec.as ?? spec.column,
        vocabulary: keptOrRefused(
          categoriesOf(columns, spec.column, label),
          spec.minCount ?? 1,
          spec.maxSize ?? Infinity,
          label,
        ),
      };
    case 'dateParts':
      datesOf(columns, spec.column, label);
      return {
        kind: 'dateParts',
        column: spec.column,
        parts: [...spec.parts],
        outputs: spec.parts.map((part) => `${spec.column}_${part}`),
      };
    case 'ratio':
      numbersOf(columns, spec.numerator, label);
      numbersOf(columns, spec.denominator, label);
      return {
        kind: 'ratio',
        numerator: spec.numerator,
        denominator: spec.denominator,
        output: spec.as,
      };
    case 'expression':
      return { kind: 'expression', sql: spec.sql, output: spec.as };
  }
}

function imputeValue(
  spec: Extract<StepSpec, { kind: 'impute' }>,
  values: Float64Array,
  label: string,
): number {
  switch (spec.strategy) {
    case 'mean':
      return mean(values, label);
    case 'median':
      return median(values, label);
    case 'constant':
      if (spec.value === undefined)
        throw new Error(`${label}: strategy 'constant' needs value, the number to fill`);
      return spec.value;
  }
}

function keptOrRefused(
  values: readonly (string | null)[],
  minCount: number,
  limit: number,
  label: string,
): string[] {
  const categories = keptCategories(values, minCount, limit);
  if (categories.length === 0)
    throw new Error(
      `${label}: no category has ${minCount} or more training rows (every value is null or rarer), so the step would learn nothing; lower minCount or check the column`,
    );
  return categories;
}

/** The type a raw column has, as the fitted pipeline's input contract records it. */
function inputType(columns: StepColumns, name: string, label: string): InputColumnType {
  return columnOf(columns, name, label).kind;
}

/** Refuses writes that would silently replace a column the step does not read, or repeat one. */
function checkWrites(
  writes: readonly string[],
  reads: readonly string[],
  columns: StepColumns,
  label: string,
): void {
  writes.forEach((name, index) => {
    if (writes.indexOf(name) !== index)
      throw new Error(`${label} would write "${name}" twice; rename the category or the column`);
    if (columns.has(name) && !reads.includes(name))
      throw new Error(
        `${label} would write "${name}", which the data or an earlier step already has; give the step another name with as`,
      );
  });
}

function wrapped<T>(label: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (message.startsWith(label)) throw error;
    throw new Error(`${label}: ${message}`, { cause: error });
  }
}

/** Fits `spec` on `frame` (the training rows). Errors name the step and the column. */
export function fitPipeline(spec: PipelineSpec, frame: MlFrame): FittedPipelineJson {
  if (frame.numRows === 0) throw new Error('fit needs training rows: the data given has none');
  const columns: StepColumns = new Map(frame.columns);
  const written = new Set<string>();
  const inputs: FittedPipelineJson['inputs'] = [];
  const steps = spec.steps.map((stepSpec, index) => {
    const label = stepLabel(index, stepSpec);
    const reads = wrapped(label, () => stepReads(stepSpec));
    for (const name of reads)
      if (!written.has(name) && !inputs.some((input) => input.name === name))
        inputs.push({ name, type: inputType(columns, name, label) });
    const fitted = fitStep(stepSpec, columns, label);
    const writes = stepOutputs(fitted);
    checkWrites(writes, reads, columns, label);
    applyStep(fitted, columns, frame.numRows, label);
    for (const name of writes) written.add(name);
    return fitted;
  });
  const features = spec.features ?? defaultFeatures(steps);
  for (const name of features)
    if (!written.has(name))
      throw new Error(
        columns.has(name)
          ? `features names "${name}", a raw column no step writes; add a step for it, e.g. { kind: 'number', column: '${name}' }`
          : `features names "${name}", which no step writes (the steps write ${[...written].map((w) => `"${w}"`).join(', ')})`,
      );
  if (features.length === 0)
    throw new Error('the pipeline leaves no feature: every column its steps wrote was consumed');
  return {
    format: 'quarry.pipeline',
    version: 1,
    inputs,
    steps,
    features,
    fittedRows: frame.numRows,
  };
}
