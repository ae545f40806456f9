/**
 * Whether a notebook's outputs come from one clean top-to-bottom run in the current kernel, and
 * if not, why: what the app says when it saves, and what the file records
 * (`metadata.quarry.last_run.clean`, core/notebook/run-record.ts). Blank code cells do not count
 * (Run all runs them; they change nothing).
 */
import type { Cell } from '../../core/notebook/model';
import { currentRunOf, type NotebookState } from './notebook-state';

export type RunOrderProblem =
  /** Cells (1-based numbers) the current kernel has not run. */
  | { kind: 'not-run'; cells: number[] }
  /** The cells `ranFirst` come after `ranLater` in the notebook but ran before it. */
  | { kind: 'out-of-order'; ranFirst: number[]; ranLater: number }
  | { kind: 'ran-again'; cell: number; times: number }
  | { kind: 'edited'; cell: number }
  | { kind: 'failed'; cell: number; status: 'error' | 'interrupted' }
  /** Cells that ran in this kernel and are no longer in the notebook. */
  | { kind: 'removed'; count: number };

/**
 * @param cells the cells as they are saved (with the editors' text)
 * @returns no problems: one clean run
 */
export function runOrderProblems(state: NotebookState, cells: readonly Cell[]): RunOrderProblem[] {
  const problems: RunOrderProblem[] = [];
  const notRun: number[] = [];
  const times = new Map<string, number>();
  for (const id of state.runs.order) times.set(id, (times.get(id) ?? 0) + 1);
  let latest: { number: number; sequence: number } | null = null;
  /** By the cell that ran later: the cells below it that ran before it. */
  const before = new Map<number, number[]>();
  cells.forEach((cell, index) => {
    if (cell.cell_type !== 'code' || cell.source.trim() === '') return;
    const number = index + 1;
    const run = currentRunOf(state, cell.id);
    if (!run) {
      notRun.push(number);
      return;
    }
    if (latest && run.sequence < latest.sequence)
      before.set(latest.number, [...(before.get(latest.number) ?? []), number]);
    if (!latest || run.sequence > latest.sequence) latest = { number, sequence: run.sequence };
    const count = times.get(cell.id) ?? 1;
    if (count > 1) problems.push({ kind: 'ran-again', cell: number, times: count });
    if (run.source !== cell.source) problems.push({ kind: 'edited', cell: number });
    if (run.status !== 'done') problems.push({ kind: 'failed', cell: number, status: run.status });
  });
  const order = [...before].map(([ranLater, ranFirst]): RunOrderProblem => ({
    kind: 'out-of-order',
    ranFirst,
    ranLater,
  }));
  problems.unshift(...order);
  if (notRun.length > 0) problems.unshift({ kind: 'not-run', cells: notRun });
  const present = new Set(cells.map((cell) => cell.id));
  const removed = new Set(state.runs.order.filter((id) => !present.has(id))).size;
  if (removed > 0) problems.push({ kind: 'removed', count: removed });
  return problems;
}

/** The save's notice when the outputs are not from one clean run; null when they are. */
export function runOrderNotice(problems: readonly RunOrderProblem[]): string | null {
  if (problems.length === 0) return null;
  const reasons = problems.map(describeProblem).join('; ');
  return `Saved, but the outputs do not come from one clean top-to-bottom run: ${reasons}. "Restart and run all" runs every cell in order in a fresh kernel.`;
}

function describeProblem(problem: RunOrderProblem): string {
  switch (problem.kind) {
    case 'not-run':
      return `${cellsNamed(problem.cells)} did not run`;
    case 'out-of-order':
      return `${cellsNamed(problem.ranFirst)} ran before cell ${problem.ranLater}`;
    case 'ran-again':
      return `cell ${problem.cell} ran ${problem.times} times`;
    case 'edited':
      return `cell ${problem.cell} was edited after it ran`;
    case 'failed':
      return problem.status === 'error'
        ? `cell ${problem.cell} failed`
        : `cell ${problem.cell} was interrupted`;
    case 'removed':
      return problem.count === 1
        ? 'a cell that ran was deleted'
        : `${problem.count} cells that ran were deleted`;
  }
}

function cellsNamed(numbers: readonly number[]): string {
  return numbers.length === 1
    ? `cell ${numbers[0]}`
    : `cells ${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}
