/**
 * The feature matrix of a frame under a fitted pipeline: its raw inputs checked against the
 * types recorded at fit, every step applied in order (apply-step.ts, the meaning the SQL compiler
 * prints too), the features gathered row-major as float32. A null feature is NaN: impute it in
 * the pipeline where a model needs a value.
 */
import type { FittedPipelineJson, InputColumnType } from '../../../core/features/pipeline-spec';
import type { FeatureMatrix, MlColumn, MlFrame } from '../ml-types';
import { applyStep } from './apply-step';
import { numbersOf, stepLabel, type StepColumns } from './step-columns';

const TYPE_WORDS: Record<InputColumnType, string> = {
  number: 'numbers',
  string: 'text',
  date: 'dates',
};

const allNull = (values: Float64Array): boolean => values.every(Number.isNaN);

/**
 * The frame's column `name` as the pipeline's input of `type`. A column of nulls only is taken
 * for any type: a batch without a single value has no type of its own (rows[] of nulls).
 */
function inputColumn(frame: MlFrame, name: string, type: InputColumnType): MlColumn {
  const column = frame.columns.get(name);
  if (column === undefined)
    throw new Error(
      `transform: the data has no column "${name}", an input of the pipeline (it reads ${TYPE_WORDS[type]} there); the data has ${[...frame.columns.keys()].map((key) => `"${key}"`).join(', ')}`,
    );
  if (column.kind === type) return column;
  if (column.kind === 'number' && allNull(column.values))
    return type === 'string'
      ? { kind: 'string', values: new Array<null>(frame.numRows).fill(null) }
      : { kind: type, values: column.values };
  throw new Error(
    `transform: the pipeline was fitted on ${TYPE_WORDS[type]} in column "${name}", the data holds ${TYPE_WORDS[column.kind]} there; cast it in the query (the same type as at fit)`,
  );
}

/** Transforms `frame` under `json` into the model's feature matrix, in `json.features` order. */
export function transformFrame(json: FittedPipelineJson, frame: MlFrame): FeatureMatrix {
  const rows = frame.numRows;
  const columns: StepColumns = new Map();
  for (const input of json.inputs)
    columns.set(input.name, inputColumn(frame, input.name, input.type));
  json.steps.forEach((step, index) => applyStep(step, columns, rows, stepLabel(index, step)));
  const width = json.features.length;
  const values = new Float32Array(rows * width);
  json.features.forEach((feature, j) => {
    const column = numbersOf(columns, feature, `transform: feature ${j} "${feature}"`);
    for (let row = 0; row < rows; row++) values[row * width + j] = column[row];
  });
  return { rows, features: [...json.features], values };
}
