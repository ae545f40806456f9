/**
 * Turns a value into the MIME bundle a cell shows: the final expression's value
 * (`execute_result`) or an argument of `display()` (`display_data`).
 */
import { MIME, type MimeBundle } from '../../core/outputs';
import type { KernelLibraries } from '../platform';
import { isDisplayable, DISPLAY } from './displayable';
import { inspect } from './inspect';
import { tableBundle } from './table-bundle';
import { tableSourceOf, type TableSource } from './table-source';

/**
 * Keeps a table that is being shown and returns the name the kernel keeps it under (the app's
 * kernel does, so its views can page and sort: runtime/kept-tables.ts); null keeps nothing.
 */
export type KeepTable = ((source: TableSource) => string) | null;

/** The bundle for a cell's final value, or null when nothing is shown (`undefined`). */
export function resultBundle(
  value: unknown,
  libs: KernelLibraries,
  keep: KeepTable = null,
): MimeBundle | null {
  if (value === undefined) return null;
  return valueBundle(value, libs, keep) ?? { [MIME.text]: inspect(value) };
}

/** The bundle for `display(value)`: like a result, but strings show as text, unquoted. */
export function displayBundle(
  value: unknown,
  libs: KernelLibraries,
  keep: KeepTable = null,
): MimeBundle {
  if (typeof value === 'string') return { [MIME.text]: value };
  return valueBundle(value, libs, keep) ?? { [MIME.text]: inspect(value) };
}

function valueBundle(value: unknown, libs: KernelLibraries, keep: KeepTable): MimeBundle | null {
  if (isDisplayable(value)) return value[DISPLAY]();
  const table = tableSourceOf(value, libs);
  if (table) return tableBundle(table, keep?.(table) ?? null);
  if (libs.isTensor(value)) return { [MIME.text]: value.toString() };
  return null;
}
