/**
 * What a notebook file keeps of its outputs. A table keeps its first FILE_TABLE_ROWS rows
 * (core/table-resource.ts), with the total, so
 * a notebook stays small enough to share and diff (the kernel sends no more; a notebook from
 * another tool may hold more). The name the app's kernel keeps a table under
 * (`quarry.result_id`, kernels/display/table-bundle.ts) means nothing outside that kernel and
 * changes with every run, so the file leaves it out: a reopened table sorts its saved rows.
 */
import { isJsonObject } from '../json';
import { MIME, type MimeBundle, type Output } from '../outputs';
import { FILE_TABLE_ROWS, type TableResourceQuarry } from '../table-resource';
import type { Notebook } from './model';

/** The key of the kernel's own name for a table: dropped from files. */
const RESULT_ID: keyof TableResourceQuarry = 'result_id';

export function trimOutputsForFile(notebook: Notebook): Notebook {
  let changed = false;
  const cells = notebook.cells.map((cell) => {
    if (cell.cell_type !== 'code') return cell;
    const outputs = cell.outputs.map((output) => {
      const trimmed = trimOutput(output);
      changed ||= trimmed !== output;
      return trimmed;
    });
    return outputs.some((o, i) => o !== cell.outputs[i]) ? { ...cell, outputs } : cell;
  });
  return changed ? { ...notebook, cells } : notebook;
}

function trimOutput(output: Output): Output {
  if (output.output_type !== 'display_data' && output.output_type !== 'execute_result')
    return output;
  const data = trimTable(output.data);
  return data === output.data ? output : { ...output, data };
}

function trimTable(bundle: MimeBundle): MimeBundle {
  const table = bundle[MIME.table];
  if (!isJsonObject(table) || !Array.isArray(table.data)) return bundle;
  const long = table.data.length > FILE_TABLE_ROWS;
  const named = isJsonObject(table.quarry) && RESULT_ID in table.quarry;
  if (!long && !named) return bundle;
  const trimmed = { ...table };
  if (long) trimmed.data = table.data.slice(0, FILE_TABLE_ROWS);
  if (named && isJsonObject(table.quarry)) {
    const quarry = { ...table.quarry };
    delete quarry[RESULT_ID];
    trimmed.quarry = quarry;
  }
  return { ...bundle, [MIME.table]: trimmed };
}
