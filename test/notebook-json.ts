/** A minimal Quarry notebook file of code cells, as text, for tests that write notebooks. */
export function codeNotebookJson(cells: string[]): string {
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
    cells: cells.map((source, i) => ({
      id: `c${i}`,
      cell_type: 'code',
      metadata: {},
      source,
      outputs: [],
      execution_count: null,
    })),
  });
}
