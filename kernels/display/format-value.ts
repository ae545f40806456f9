/**
 * Turns a value into the MIME bundle a cell shows: the final expression's value
 * (`execute_result`) or an argument of `display()` (`display_data`).
 */
import { MIME, type MimeBundle } from '../../core/outputs';
import { arrowFields, tableRows } from '../frames/arrow-columns';
import { danfoTableSource, isDanfoFrame } from '../frames/danfo-table';
import type { KernelLibraries } from '../platform';
import { isDisplayable, DISPLAY } from './displayable';
import { inspect } from './inspect';
import { tableBundle } from './table-bundle';

/** The bundle for a cell's final value, or null when nothing is shown (`undefined`). */
export function resultBundle(value: unknown, libs: KernelLibraries): MimeBundle | null {
  if (value === undefined) return null;
  return valueBundle(value, libs) ?? { [MIME.text]: inspect(value) };
}

/** The bundle for `display(value)`: like a result, but strings show as text, unquoted. */
export function displayBundle(value: unknown, libs: KernelLibraries): MimeBundle {
  if (typeof value === 'string') return { [MIME.text]: value };
  return valueBundle(value, libs) ?? { [MIME.text]: inspect(value) };
}

function valueBundle(value: unknown, libs: KernelLibraries): MimeBundle | null {
  if (isDisplayable(value)) return value[DISPLAY]();
  if (value instanceof libs.arrow.Table) {
    return tableBundle({
      fields: arrowFields(value.schema),
      numRows: value.numRows,
      rows: (limit) => tableRows(value, limit),
    });
  }
  if (isDanfoFrame(value)) return tableBundle(danfoTableSource(value));
  if (value instanceof libs.tf.Tensor) return { [MIME.text]: value.toString() };
  return null;
}
