/**
 * Parsed JSON → Notebook. Checks the shape of every field Quarry uses and keeps every other key
 * untouched in `extra`; multi-line text is joined. Fields the schema requires but whose absence
 * loses nothing (metadata, outputs, execution_count, nbformat_minor) get their empty default,
 * so a slightly sloppy file from another tool still opens.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../json';
import { excerpt, quoteExcerpt } from '../excerpt';
import { NotebookFormatError, describeJson } from './errors';
import { executionCount, extraKeys, invalid, objectField } from './ipynb-fields';
import { decodeMimeBundle, decodeOutputs } from './ipynb-read-outputs';
import { joinMultiline } from './lines';
import {
  NBFORMAT_MINOR,
  isValidCellId,
  newCellId,
  type Cell,
  type MarkdownCell,
  type Notebook,
  type RawCell,
} from './model';

const NOTEBOOK_KEYS = ['nbformat', 'nbformat_minor', 'metadata', 'cells'];
const CODE_KEYS = ['id', 'cell_type', 'source', 'metadata', 'outputs', 'execution_count'];
const TEXT_KEYS = ['id', 'cell_type', 'source', 'metadata', 'attachments'];

export function decodeNotebook(json: unknown): Notebook {
  if (!isJsonObject(json)) {
    throw new NotebookFormatError(
      'not-a-notebook',
      `not a notebook: the top level is ${describeJson(json)}, not an object`,
    );
  }
  const { nbformat, cells } = json;
  // nbformat first: a version 3 file has "worksheets" instead of "cells".
  if (typeof nbformat === 'number' && nbformat !== 4) {
    throw new NotebookFormatError(
      'unsupported',
      `unsupported nbformat ${nbformat}: only nbformat 4 is supported`,
    );
  }
  if (cells === undefined) throw notNotebook('top-level "cells" is missing');
  if (nbformat === undefined) throw notNotebook('top-level "nbformat" is missing');
  if (nbformat !== 4) {
    throw invalid('', `"nbformat" must be the number 4, not ${describeJson(nbformat)}`);
  }
  if (!Array.isArray(cells)) {
    throw invalid('', `"cells" must be a list, not ${describeJson(cells)}`);
  }

  const minor = json.nbformat_minor ?? 0;
  if (typeof minor !== 'number' || !Number.isInteger(minor) || minor < 0) {
    throw invalid('', '"nbformat_minor" must be a non-negative integer');
  }
  const ids = new Set<string>();
  return {
    nbformat: 4,
    // Every cell has an id once read (see cellId), and ids need nbformat 4.5: an older file is
    // upgraded in memory and written back as 4.5, which is what nbformat's own upgrade does.
    nbformatMinor: Math.max(minor, NBFORMAT_MINOR),
    metadata: objectField(json.metadata, '', 'metadata'),
    cells: cells.map((cell, index) => decodeCell(cell, `cell ${index + 1}`, ids)),
    extra: extraKeys(json, NOTEBOOK_KEYS),
  };
}

function decodeCell(raw: JsonValue, where: string, ids: Set<string>): Cell {
  if (!isJsonObject(raw)) throw invalid(where, `expected an object, found ${describeJson(raw)}`);
  const type = raw.cell_type;
  if (type === undefined) throw invalid(where, '"cell_type" is missing');
  if (type !== 'code' && type !== 'markdown' && type !== 'raw') {
    throw invalid(
      where,
      `unknown cell_type ${typeof type === 'string' ? quoteExcerpt(type) : excerpt(JSON.stringify(type))}`,
    );
  }
  if (raw.source === undefined) throw invalid(where, '"source" is missing');
  const source = joinMultiline(raw.source);
  if (source === undefined) throw invalid(where, '"source" must be a string or a list of strings');
  const id = cellId(raw.id, ids);
  const metadata = objectField(raw.metadata, where, 'metadata');

  if (type === 'code') {
    const outputs = raw.outputs ?? [];
    if (!Array.isArray(outputs)) {
      throw invalid(where, `"outputs" must be a list, not ${describeJson(outputs)}`);
    }
    return {
      cell_type: 'code',
      id,
      source,
      metadata,
      outputs: decodeOutputs(outputs, where),
      executionCount: executionCount(raw.execution_count, where),
      extra: extraKeys(raw, CODE_KEYS),
    };
  }
  const cell: MarkdownCell | RawCell = {
    cell_type: type,
    id,
    source,
    metadata,
    extra: extraKeys(raw, TEXT_KEYS),
  };
  if (raw.attachments !== undefined) cell.attachments = decodeAttachments(raw.attachments, where);
  return cell;
}

/**
 * The file's id when it is a valid nbformat id not used by an earlier cell; otherwise a fresh
 * one. Files before nbformat 4.5 have none, and a repeated or malformed id (which the schema
 * rejects) would break everything that tells cells apart, so it is repaired rather than refused.
 */
function cellId(value: JsonValue | undefined, ids: Set<string>): string {
  let id =
    typeof value === 'string' && isValidCellId(value) && !ids.has(value) ? value : newCellId();
  while (ids.has(id)) id = newCellId();
  ids.add(id);
  return id;
}

function decodeAttachments(value: JsonValue, where: string): JsonObject {
  if (!isJsonObject(value)) {
    throw invalid(where, `"attachments" must be an object, not ${describeJson(value)}`);
  }
  return Object.fromEntries(
    Object.entries(value).map(([name, bundle]) => [
      name,
      decodeMimeBundle(bundle, where, `attachment ${quoteExcerpt(name)}`),
    ]),
  );
}

function notNotebook(problem: string): NotebookFormatError {
  return new NotebookFormatError('not-a-notebook', `not a notebook: ${problem}`);
}
