/**
 * Papermill's convention in a TypeScript notebook: the cell tagged `parameters` holds the
 * defaults; a replay adds a cell tagged `injected-parameters` right after it that declares the
 * given values again with `const`. That works in the kernel because its scope transform
 * (kernels/compile/scope-transform.ts) turns a cell's top-level declarations into assignments
 * to the notebook's scope, so a later `const rate = …` replaces the earlier one.
 */
import { cellKindOf, createCodeCell, newCellId, type Cell, type Notebook } from './model';
import { treeOfValue } from './parameter-json';
import { declaredParameters } from './parameter-declarations';
import { parameterLiteral } from './parameter-literal';
import { parameterNameProblem } from './parameter-names';
import {
  ParameterError,
  recordOfEntries,
  type LiteralTree,
  type ParameterAssignment,
} from './parameter-value';
import { withRunRecord } from './run-record';

export const PARAMETERS_TAG = 'parameters';
export const INJECTED_PARAMETERS_TAG = 'injected-parameters';
/** The injected cell's first line, so a reader of the file knows where the values came from. */
export const INJECTED_PARAMETERS_COMMENT = '// Parameters injected by quarry run';

function hasTag(cell: Cell, tag: string): boolean {
  const tags = cell.metadata.tags;
  return Array.isArray(tags) && tags.includes(tag);
}

/**
 * The index of the first code cell tagged `parameters`, or null. A SQL cell does not count: its
 * `%%sql` body declares no TypeScript names, so there would be nothing to override and the
 * injected `const`s (TypeScript) would not follow what they replace.
 */
export function findParametersCell(notebook: Notebook): number | null {
  const index = notebook.cells.findIndex(
    (cell) => cellKindOf(cell) === 'typescript' && hasTag(cell, PARAMETERS_TAG),
  );
  return index < 0 ? null : index;
}

/**
 * The notebook with the values injected (the input is not changed; untouched cells are shared):
 * cells tagged `injected-parameters` from an earlier run are removed, and a new one goes right
 * after the parameters cell, or first when there is none (as papermill does), declaring one
 * `const` per name in the order given. A name given twice keeps its first place and its last
 * value, as repeated `-p` options do in papermill. With no assignments the cell holds only its
 * comment: the output still says that it is a replay, with the defaults.
 *
 * The values are recorded in `metadata.quarry.parameters` (run-record.ts), big integers as their
 * digits in a string, since JSON cannot hold them exactly. They are not also written under
 * `metadata.papermill`: tools that read that namespace take it as papermill's own record (with
 * its input and output paths, timings and per-cell status) and it would claim a run papermill
 * never made; a papermill record already in the file is kept as it is.
 *
 * `undeclared` lists the names the parameters cell does not declare (all of them when there is
 * no parameters cell), for the caller to warn about; they are injected all the same.
 */
export function injectParameters(
  notebook: Notebook,
  assignments: ParameterAssignment[],
): { notebook: Notebook; undeclared: string[]; injectedIndex: number } {
  const values = new Map<string, ParameterAssignment['value']>();
  for (const { name, value } of assignments) {
    const problem = parameterNameProblem(name);
    if (problem !== null) throw new ParameterError(`parameter ${problem}`);
    values.set(name, value);
  }
  const cells = notebook.cells.filter((cell) => !hasTag(cell, INJECTED_PARAMETERS_TAG));
  const parametersIndex = findParametersCell({ ...notebook, cells });
  const parametersCell = parametersIndex === null ? undefined : cells[parametersIndex];
  const declared = new Set(
    parametersCell ? declaredParameters(parametersCell.source).map(({ name }) => name) : [],
  );

  const lines = [INJECTED_PARAMETERS_COMMENT];
  const entries: [string, LiteralTree][] = [];
  for (const [name, value] of values) {
    lines.push(`const ${name} = ${parameterLiteral(value)};`);
    entries.push([name, treeOfValue(value)]);
  }
  const injected = createCodeCell(lines.join('\n'));
  while (cells.some(({ id }) => id === injected.id)) injected.id = newCellId();
  injected.metadata = { tags: [INJECTED_PARAMETERS_TAG] };

  const injectedIndex = parametersIndex === null ? 0 : parametersIndex + 1;
  cells.splice(injectedIndex, 0, injected);
  return {
    notebook: {
      ...notebook,
      cells,
      metadata: withRunRecord(notebook.metadata, { parameters: recordOfEntries(entries) }),
    },
    undeclared: [...values.keys()].filter((name) => !declared.has(name)),
    injectedIndex,
  };
}
