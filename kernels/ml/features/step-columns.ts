/**
 * The columns a pipeline works on while it runs (raw inputs, then each step's outputs, a later
 * write replacing an earlier one of the same name), and the reads every step makes of them, with
 * errors that name the step and the column and say what to do.
 */
import type { FittedStep, StepSpec } from '../../../core/features/pipeline-spec';
import type { MlColumn } from '../ml-types';

export type StepColumns = Map<string, MlColumn>;

/** How errors name a step: `steps[2] (standardize "tenure_months")`. */
export function stepLabel(index: number, step: StepSpec | FittedStep): string {
  switch (step.kind) {
    case 'ratio':
      return `steps[${index}] (ratio "${step.numerator}" / "${step.denominator}")`;
    case 'expression':
      return `steps[${index}] (expression "${step.sql}")`;
    case 'number':
    case 'standardize':
    case 'minMax':
    case 'log':
    case 'clip':
    case 'bucketize':
    case 'impute':
    case 'oneHot':
    case 'vocabulary':
    case 'dateParts':
      return `steps[${index}] (${step.kind} "${step.column}")`;
  }
}

const KIND_WORDS: Record<MlColumn['kind'], string> = {
  number: 'a number column',
  string: 'a text column',
  date: 'a date column',
};

/** What to do instead, when a step meets a column of a kind it does not read. */
function advice(have: MlColumn['kind'], want: MlColumn['kind']): string {
  if (want === 'date') return 'cast the column to DATE or TIMESTAMP in the query';
  if (have === 'date')
    return 'a date becomes numbers through a dateParts step (epochDays, year, …)';
  return 'text becomes numbers through a oneHot or vocabulary step';
}

/** "there is no column …", with the columns there are (the data's and earlier steps'). */
export function missingColumnMessage(columns: StepColumns, name: string): string {
  const known = [...columns.keys()].map((key) => `"${key}"`).join(', ');
  return `there is no column "${name}" (the data and earlier steps give ${known || 'no columns'})`;
}

export function columnOf(columns: StepColumns, name: string, label: string): MlColumn {
  const column = columns.get(name);
  if (column === undefined) throw new Error(`${label}: ${missingColumnMessage(columns, name)}`);
  return column;
}

function columnOfKind<K extends MlColumn['kind']>(
  columns: StepColumns,
  name: string,
  kind: K,
  label: string,
): Extract<MlColumn, { kind: K }> {
  const column = columnOf(columns, name, label);
  if (column.kind !== kind)
    throw new Error(
      `${label}: "${name}" is ${KIND_WORDS[column.kind]}, this step reads ${KIND_WORDS[kind]} (${advice(column.kind, kind)})`,
    );
  return column as Extract<MlColumn, { kind: K }>;
}

export const numbersOf = (columns: StepColumns, name: string, label: string): Float64Array =>
  columnOfKind(columns, name, 'number', label).values;

export const datesOf = (columns: StepColumns, name: string, label: string): Float64Array =>
  columnOfKind(columns, name, 'date', label).values;

/**
 * The values of a oneHot or vocabulary step's column as categories: text as it is, a number as
 * its JavaScript text (`String(value)`: the SQL compiler matches the number that text spells).
 */
export function categoriesOf(
  columns: StepColumns,
  name: string,
  label: string,
): readonly (string | null)[] {
  const column = columnOf(columns, name, label);
  switch (column.kind) {
    case 'string':
      return column.values;
    case 'number':
      return Array.from(column.values, (value) => (Number.isNaN(value) ? null : String(value)));
    case 'date':
      throw new Error(
        `${label}: "${name}" is a date column, this step reads text or numbers as categories (${advice('date', 'string')})`,
      );
  }
}
