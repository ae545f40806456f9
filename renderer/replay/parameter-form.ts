/**
 * The replay form's model: one field per parameter the notebook's `parameters` cell declares,
 * its control chosen from the type of its default's literal, its text parsed as the form is
 * filled in (core/notebook/parameters.ts). The view is ParametersForm.tsx.
 */
import type { Notebook } from '../../core/notebook/model';
import { recordedParametersOf } from '../../core/notebook/run-record';
import {
  ParameterError,
  declaredParameters,
  findParametersCell,
  parseParameterInput,
  type ParameterAssignment,
  type ParameterType,
  type ParameterValue,
} from '../../core/notebook/parameters';

export type FieldControl = 'number' | 'checkbox' | 'text' | 'textarea';

export type ParameterField = {
  name: string;
  type: ParameterType;
  control: FieldControl;
  /** The default's text as the field shows it; '' when the default is not a literal. */
  defaultText: string;
};

export type ParameterForm = {
  /** Index of the `parameters` cell among all cells; null when the notebook has none. */
  cellIndex: number | null;
  fields: ParameterField[];
};

export function parameterForm(notebook: Notebook): ParameterForm {
  const cellIndex = findParametersCell(notebook);
  if (cellIndex === null) return { cellIndex, fields: [] };
  const fields = declaredParameters(notebook.cells[cellIndex].source).map((declared) => ({
    name: declared.name,
    type: declared.type,
    control: controlFor(declared.type),
    defaultText: declared.default === null ? '' : valueText(declared.default),
  }));
  return { cellIndex, fields };
}

export function controlFor(type: ParameterType): FieldControl {
  switch (type) {
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'checkbox';
    case 'json':
      return 'textarea';
    case 'bigint':
    case 'string':
    case 'null':
    case 'unknown':
      return 'text';
    default:
      return type satisfies never;
  }
}

/** A value as a person types it into its field (a string without quotes, JSON as JSON). */
export function valueText(value: ParameterValue): string {
  switch (value.kind) {
    case 'number':
      return String(value.value);
    case 'bigint':
      return value.digits;
    case 'string':
      return value.value;
    case 'boolean':
      return String(value.value);
    case 'null':
      return 'null';
    case 'json':
      return value.text;
    default:
      return value satisfies never;
  }
}

export type FieldCheck = { ok: true; value: ParameterValue } | { ok: false; message: string };

export function checkField(field: ParameterField, text: string): FieldCheck {
  try {
    return { ok: true, value: parseParameterInput(text, field.type) };
  } catch (error) {
    if (error instanceof ParameterError) return { ok: false, message: error.message };
    throw error;
  }
}

/** The form's texts, by parameter name; a field not typed into keeps its default. */
export type FieldTexts = Record<string, string>;

/**
 * What the form shows first: the parameters the saved outputs were made with (recorded in the
 * file by `quarry run -p`), so that a replay left as it is reproduces them; else the defaults.
 */
export function initialTexts(form: ParameterForm, notebook: Notebook): FieldTexts {
  const recorded = recordedParametersOf(notebook.metadata) ?? {};
  return Object.fromEntries(
    form.fields.map((field) => {
      const value = recorded[field.name];
      if (value === undefined) return [field.name, field.defaultText];
      return [field.name, typeof value === 'string' ? value : JSON.stringify(value)];
    }),
  );
}

export type FormCheck =
  { ok: true; assignments: ParameterAssignment[] } | { ok: false; errors: Record<string, string> };

/**
 * The parameters to inject: those whose text differs from the default (as papermill injects
 * only the parameters given), or the reasons the form cannot run.
 */
export function checkForm(form: ParameterForm, texts: FieldTexts): FormCheck {
  const errors: Record<string, string> = {};
  const assignments: ParameterAssignment[] = [];
  for (const field of form.fields) {
    const text = texts[field.name] ?? field.defaultText;
    const checked = checkField(field, text);
    if (!checked.ok) errors[field.name] = checked.message;
    else if (text !== field.defaultText)
      assignments.push({ name: field.name, value: checked.value });
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, assignments };
}
