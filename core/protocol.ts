/**
 * Messages between whoever drives a kernel (the UI, the CLI) and the kernel itself. The app
 * sends them to a Web Worker; headless runs call the kernel directly with the same shapes.
 * Types only: DESIGN.md keeps core/ free of runtime dependencies.
 */
import type { Output } from './outputs';

/** Cell lifecycle (DESIGN.md, "Processes and how they talk"). */
export type CellRunStatus = 'queued' | 'running' | 'done' | 'error' | 'interrupted';

/** Where an error happened, in the cell's own coordinates (1-based line and column). */
export type CellLocation = { line: number; column: number };

export type KernelRequest =
  | { type: 'execute'; requestId: string; cellId: string; code: string; executionCount: number }
  | { type: 'interrupt' }
  | { type: 'restart' };

export type KernelEvent =
  | { type: 'ready'; info: KernelInfo }
  | { type: 'status'; requestId: string; cellId: string; status: CellRunStatus }
  | { type: 'output'; requestId: string; cellId: string; output: Output }
  | {
      type: 'done';
      requestId: string;
      cellId: string;
      status: Extract<CellRunStatus, 'done' | 'error' | 'interrupted'>;
      durationMs: number;
      errorLocation: CellLocation | null;
    };

export type KernelInfo = {
  /** e.g. "duckdb-wasm 1.32.0 (DuckDB v1.4.3)". */
  sqlEngine: string;
  /** The TF.js backend in use: "webgpu", "webgl", "wasm" or "cpu". */
  tfBackend: string;
};
