/**
 * Notebook → the JSON tree of the file, as nbformat's writer builds it before dumping: text is
 * split into lines (`split_lines`) and each `extra` is spread back beside the known keys. Known
 * keys are written last so a stray duplicate in `extra` can never override the document.
 */
import type { MimeBundle, Output } from '../outputs';
import { isSplitMime, splitLines } from './lines';
import type { Cell, Notebook } from './model';

/** The file's JSON; values are `unknown` because the model holds kernel data (MIME bundles). */
type FileObject = { [key: string]: unknown };

export function encodeNotebook(nb: Notebook): FileObject {
  return {
    ...nb.extra,
    nbformat: nb.nbformat,
    nbformat_minor: nb.nbformatMinor,
    metadata: nb.metadata,
    cells: nb.cells.map(encodeCell),
  };
}

function encodeCell(cell: Cell): FileObject {
  const common = {
    ...cell.extra,
    cell_type: cell.cell_type,
    id: cell.id,
    metadata: cell.metadata,
    source: splitLines(cell.source),
  };
  if (cell.cell_type === 'code') {
    return {
      ...common,
      execution_count: cell.executionCount,
      outputs: cell.outputs.map(encodeOutput),
    };
  }
  if (cell.attachments === undefined) return common;
  const attachments = Object.entries(cell.attachments).map(([name, bundle]) => [
    name,
    typeof bundle === 'object' && bundle !== null && !Array.isArray(bundle)
      ? encodeMimeBundle(bundle)
      : bundle,
  ]);
  return { ...common, attachments: Object.fromEntries(attachments) };
}

function encodeOutput(output: Output): FileObject {
  const extra = output.extra ?? {};
  switch (output.output_type) {
    case 'stream':
      return { ...extra, output_type: 'stream', name: output.name, text: splitLines(output.text) };
    case 'display_data':
      return {
        ...extra,
        output_type: 'display_data',
        data: encodeMimeBundle(output.data),
        metadata: output.metadata,
      };
    case 'execute_result':
      return {
        ...extra,
        output_type: 'execute_result',
        data: encodeMimeBundle(output.data),
        metadata: output.metadata,
        execution_count: output.execution_count,
      };
    case 'error':
      return {
        ...extra,
        output_type: 'error',
        ename: output.ename,
        evalue: output.evalue,
        traceback: output.traceback,
      };
  }
}

/** nbformat's `_split_mimebundle`: only text-like types are split; base64 images stay whole. */
function encodeMimeBundle(bundle: MimeBundle): FileObject {
  return Object.fromEntries(
    Object.entries(bundle).map(([mime, data]) => [
      mime,
      typeof data === 'string' && isSplitMime(mime) ? splitLines(data) : data,
    ]),
  );
}
