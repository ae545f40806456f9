/**
 * Minimal Quarry notebook files, as text, for tests that write notebooks: a string is a code
 * cell with that source, an object a cell given whole (a markdown cell with attachments).
 */
type CellSpec = string | Record<string, unknown>;

export function notebookJson(cells: CellSpec[]): string {
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: {
        name: 'quarry-typescript',
        display_name: 'TypeScript (Quarry)',
        language: 'typescript',
      },
    },
    cells: cells.map((cell, i) =>
      typeof cell === 'string'
        ? {
            id: `c${i}`,
            cell_type: 'code',
            metadata: {},
            source: cell,
            outputs: [],
            execution_count: null,
          }
        : { id: `c${i}`, metadata: {}, ...cell },
    ),
  });
}

/** A notebook of code cells only. */
export function codeNotebookJson(cells: string[]): string {
  return notebookJson(cells);
}
