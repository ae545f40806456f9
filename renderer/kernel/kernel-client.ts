/**
 * What the UI holds to run cells (DESIGN.md: a worker implementation, and a fake for tests).
 * Events are the kernel protocol's (core/protocol.ts) plus the client's own: loading progress,
 * a restart that lost the kernel's state (after an interrupt that needed it, or on request), and
 * a kernel that died.
 */
import type {
  KernelEvent,
  KernelInfo,
  TablePage,
  TableRowsQuery,
  VariableInfo,
} from '../../core/protocol';

export type KernelClientEvent =
  | KernelEvent
  | { type: 'loading'; message: string }
  | { type: 'restarted'; reason: 'interrupt' | 'request'; message: string }
  /** The kernel died (its process is gone): nothing runs until `restart()`. */
  | { type: 'stopped'; message: string };

export type ExecuteRequest = {
  requestId: string;
  cellId: string;
  code: string;
  executionCount: number;
};

export interface KernelClient {
  /** Resolves once the kernel can run cells (DuckDB-WASM, danfo.js and TF.js loaded). */
  readonly ready: Promise<KernelInfo>;
  /**
   * Queues a cell; its `status`, `output` and `done` events follow through `subscribe`, each
   * with the request's `requestId`, and so do the `job` events of the jobs it starts and the
   * `display-update`s of the displays it shows. `output` events may still come after `done`: a callback the
   * cell left behind writes to it (docs/kernel.md, "Which execution an output belongs to").
   */
  execute(request: ExecuteRequest): void;
  subscribe(listener: (event: KernelClientEvent) => void): () => void;
  /**
   * Stops the running cell: gently when the cell is waiting (a pending await), otherwise by
   * restarting the kernel within 2 s, which loses its state (a `restarted` event says so).
   * The cells queued now are dropped (`done` with status `interrupted`): as in Jupyter, an
   * interrupt clears the queue. Cells executed after it are not: they run, on the restarted
   * kernel once it is ready if the interrupt needed one.
   */
  interrupt(): void;
  /**
   * A fresh kernel: all state is lost, and the cells running or queued now end as
   * `interrupted`. Cells executed after it run on the new kernel.
   */
  restart(): Promise<KernelInfo>;
  /** Cancels a running job (a `job` event's `jobId`); its `finished` event says `cancelled`. */
  cancelJob(jobId: string): void;
  /**
   * The variables the user's cells declared, by name. Answered while no cell runs and while one
   * waits on an `await`; a cell busy in synchronous code delays the answer until it ends. A
   * kernel that is starting, restarting or failed has none (the list is empty).
   */
  inspectVariables(): Promise<VariableInfo[]>;
  /**
   * Rows of a table output the kernel keeps (its bundle's `quarry.result_id`), in the result's
   * order or sorted over the whole result; null when the kernel does not keep it (any more: it
   * restarted, or let it go). Answered like `inspectVariables`.
   */
  tableRows(query: TableRowsQuery): Promise<TablePage | null>;
  dispose(): void;
}
