/**
 * What a notebook file keeps of its outputs. The app shows up to 100k rows of a table while it
 * runs (kernels/display/table-bundle.ts); a file keeps the first 500, with the total, so a
 * notebook stays small enough to share and diff.
 */
import { isJsonObject } from '../json';
import type { MimeBundle, Output } from '../outputs';
import type { Notebook } from './model';

export const FILE_TABLE_ROWS = 500;
const TABLE_MIME = 'application/vnd.dataresource+json';

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
  const table = bundle[TABLE_MIME];
  if (!isJsonObject(table) || !Array.isArray(table.data) || table.data.length <= FILE_TABLE_ROWS)
    return bundle;
  return { ...bundle, [TABLE_MIME]: { ...table, data: table.data.slice(0, FILE_TABLE_ROWS) } };
}
