/** The lines `quarry run` prints about its cells and its end, and the exit code it ends with. */
import { MIME, type ErrorOutput, type Output } from '../../core/outputs';
import type { CellRunReport, NotebookRunResult } from '../../host/replay/run-notebook';
import { EXIT } from '../usage-error';

export function cellLine(report: CellRunReport): string {
  const status = report.status === 'done' ? 'ok' : report.status;
  return `  cell ${String(report.cellNumber).padStart(3)}  ${status.padEnd(5)}  ${formatMs(report.durationMs).padStart(9)}`;
}

export function summary(result: NotebookRunResult): string {
  switch (result.status) {
    case 'done':
      return 'all cells ran';
    case 'error':
      return result.timedOutCell !== null
        ? `timed out at cell ${result.timedOutCell}`
        : `failed at cell ${result.failedCell}`;
    case 'out-of-memory':
      return `out of memory at cell ${result.failedCell}`;
    case 'interrupted':
      return 'interrupted';
    default:
      return result.status satisfies never;
  }
}

export function exitCodeOf(result: NotebookRunResult, stoppedBy: 'SIGINT' | 'SIGTERM' | null) {
  if (stoppedBy === 'SIGTERM') return EXIT.terminated;
  switch (result.status) {
    case 'done':
      return EXIT.ok;
    case 'error':
    case 'out-of-memory':
      return EXIT.failed;
    case 'interrupted':
      return EXIT.interrupted;
    default:
      return result.status satisfies never;
  }
}

export function errorText(error: ErrorOutput): string {
  return error.traceback.map((line) => `    ${line}`).join('\n');
}

/**
 * An output as `--log-output` copies it to stderr, each line prefixed with its cell; null for
 * errors (printed when the cell ends, as without the option).
 */
export function loggedOutput(cellNumber: number, output: Output): string | null {
  const prefix = `[cell ${cellNumber}] `;
  const text = ((): string | null => {
    switch (output.output_type) {
      case 'stream':
        return output.text;
      case 'display_data':
      case 'execute_result': {
        const plain = output.data[MIME.text];
        return typeof plain === 'string' ? plain : `(${Object.keys(output.data).join(', ')})`;
      }
      case 'error':
        return null;
      default:
        return output satisfies never;
    }
  })();
  if (text === null) return null;
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  return lines.map((line) => `${prefix}${line}`).join('\n');
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}
