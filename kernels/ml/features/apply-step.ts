/**
 * One fitted step applied to the columns of a frame, with the meaning core/features/pipeline-spec.ts
 * gives each kind (the SQL compiler prints the same): fit applies each step as soon as it is
 * fitted, so that later steps learn from what earlier ones wrote, and transform applies them all.
 * Steps never change a column in place: each output is a new array, so the caller's frame is
 * left as it was.
 */
import { parseExpression } from '../../../core/features/expression';
import type { FittedStep } from '../../../core/features/pipeline-spec';
import { dateParts } from './date-parts';
import { evaluateExpression, featureValues, type ExpressionColumn } from './expression-eval';
import {
  categoriesOf,
  datesOf,
  missingColumnMessage,
  numbersOf,
  type StepColumns,
} from './step-columns';

function mapped(input: Float64Array, apply: (x: number) => number): Float64Array {
  const values = new Float64Array(input.length);
  for (let row = 0; row < input.length; row++) values[row] = apply(input[row]);
  return values;
}

/** A divisor of 0 divides by 1 (standardize, minMax): the output is then x − center. */
const divisor = (spread: number): number => (spread === 0 ? 1 : spread);

/** How many of the ascending `boundaries` are ≤ x. */
function bucketOf(boundaries: readonly number[], x: number): number {
  let low = 0;
  let high = boundaries.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (boundaries[middle] <= x) low = middle + 1;
    else high = middle;
  }
  return low;
}

function setNumbers(columns: StepColumns, name: string, values: Float64Array): void {
  columns.set(name, { kind: 'number', values });
}

/** Category membership: `lookup` maps a kept category to its 0-based position. */
function categoryLookup(categories: readonly string[]): Map<string, number> {
  return new Map(categories.map((category, index) => [category, index]));
}

/** The columns as an expression reads them: numbers and text; dates are refused. */
function readableByExpressions(columns: StepColumns) {
  return (name: string): ExpressionColumn => {
    const column = columns.get(name);
    if (column === undefined) throw new Error(missingColumnMessage(columns, name));
    switch (column.kind) {
      case 'number':
        return { type: 'number', values: column.values };
      case 'string':
        return { type: 'string', values: column.values };
      case 'date':
        throw new Error(
          `"${name}" is a date column, which expressions do not read (dates print differently in each database): take dateParts of it first (epochDays, year, …) and use those`,
        );
    }
  };
}

/** The output of an expression step over `columns`, as a new feature column. */
function expressionOutput(sql: string, columns: StepColumns, rows: number): Float64Array {
  const expr = parseExpression(sql);
  const values = featureValues(
    evaluateExpression(expr, rows, readableByExpressions(columns)),
    rows,
  );
  // A bare column reference evaluates to that column's own array.
  return expr.kind === 'column' ? values.slice() : values;
}

/** Applies `step` to `columns` (`rows` rows), writing its outputs; `label` names it in errors. */
export function applyStep(
  step: FittedStep,
  columns: StepColumns,
  rows: number,
  label: string,
): void {
  switch (step.kind) {
    case 'number':
      setNumbers(columns, step.output, numbersOf(columns, step.column, label).slice());
      return;
    case 'standardize': {
      const { mean } = step;
      const std = divisor(step.std);
      setNumbers(
        columns,
        step.output,
        mapped(numbersOf(columns, step.column, label), (x) => (x - mean) / std),
      );
      return;
    }
    case 'minMax': {
      const { min } = step;
      const range = divisor(step.max - step.min);
      setNumbers(
        columns,
        step.output,
        mapped(numbersOf(columns, step.column, label), (x) => (x - min) / range),
      );
      return;
    }
    case 'log': {
      const { offset } = step;
      setNumbers(
        columns,
        step.output,
        mapped(numbersOf(columns, step.column, label), (x) =>
          x + offset > 0 ? Math.log(x + offset) : NaN,
        ),
      );
      return;
    }
    case 'clip': {
      const low = step.min ?? -Infinity;
      const high = step.max ?? Infinity;
      setNumbers(
        columns,
        step.output,
        mapped(numbersOf(columns, step.column, label), (x) =>
          Number.isNaN(x) ? x : Math.min(Math.max(x, low), high),
        ),
      );
      return;
    }
    case 'bucketize': {
      const { boundaries } = step;
      setNumbers(
        columns,
        step.output,
        mapped(numbersOf(columns, step.column, label), (x) =>
          Number.isNaN(x) ? x : bucketOf(boundaries, x),
        ),
      );
      return;
    }
    case 'impute': {
      const input = numbersOf(columns, step.column, label);
      const { value } = step;
      if (step.indicator !== null)
        setNumbers(
          columns,
          step.indicator,
          mapped(input, (x) => (Number.isNaN(x) ? 1 : 0)),
        );
      setNumbers(
        columns,
        step.output,
        mapped(input, (x) => (Number.isNaN(x) ? value : x)),
      );
      return;
    }
    case 'oneHot': {
      const input = categoriesOf(columns, step.column, label);
      const lookup = categoryLookup(step.categories);
      const outputs = step.categories.map(() => new Float64Array(rows));
      const other = new Float64Array(rows);
      for (let row = 0; row < rows; row++) {
        const value = input[row];
        const position = value === null ? undefined : lookup.get(value);
        if (position === undefined) other[row] = 1;
        else outputs[position][row] = 1;
      }
      step.outputs.forEach((name, index) => setNumbers(columns, name, outputs[index]));
      setNumbers(columns, step.other, other);
      return;
    }
    case 'vocabulary': {
      const input = categoriesOf(columns, step.column, label);
      const lookup = categoryLookup(step.vocabulary);
      const values = new Float64Array(rows);
      for (let row = 0; row < rows; row++) {
        const value = input[row];
        values[row] = value === null ? 0 : (lookup.get(value) ?? -1) + 1;
      }
      setNumbers(columns, step.output, values);
      return;
    }
    case 'dateParts': {
      const outputs = dateParts(datesOf(columns, step.column, label), step.parts);
      step.outputs.forEach((name, index) => setNumbers(columns, name, outputs[index]));
      return;
    }
    case 'ratio': {
      const numerator = numbersOf(columns, step.numerator, label);
      const denominator = numbersOf(columns, step.denominator, label);
      const values = new Float64Array(rows);
      // NaN (null) in either gives NaN; a zero denominator gives null, not ±Infinity.
      for (let row = 0; row < rows; row++)
        values[row] = denominator[row] === 0 ? NaN : numerator[row] / denominator[row];
      setNumbers(columns, step.output, values);
      return;
    }
    case 'expression':
      try {
        setNumbers(columns, step.output, expressionOutput(step.sql, columns, rows));
      } catch (error) {
        throw new Error(`${label}: ${error instanceof Error ? error.message : String(error)}`, {
          cause: error,
        });
      }
      return;
  }
}
