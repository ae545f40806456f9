/**
 * What the kernel needs from the platform it runs on. The kernel itself touches neither the DOM
 * nor Node (DESIGN.md): a Node adapter (host/) serves headless runs and tests, a Web Worker
 * adapter serves the app. Everything platform-specific goes through this interface.
 */
import type * as Danfo from 'danfojs';
import type * as Tf from '@tensorflow/tfjs';
import type * as Arrow from 'apache-arrow';
import type { HostQueries } from '../core/query/host-query';
import type { BackendName } from './ml/ml-types';
import type { SqlDatabase } from './sql/sql-database';

export type DanfoModule = typeof Danfo;
export type TfModule = typeof Tf;
export type ArrowModule = typeof Arrow;

/**
 * The libraries cells use. `arrow` must be the very module instance DuckDB-WASM uses on this
 * platform (in Node its CommonJS build, in the browser the ES module): Arrow checks classes with
 * `instanceof`, so tables from a second copy would not be recognised.
 *
 * danfo.js and TF.js load on first use (docs/kernel.md, "Start-up"): before they have, reading
 * `dfd` or `tf` throws an error that says so (kernels/runtime/kernel-libraries.ts).
 */
export interface KernelLibraries {
  readonly arrow: ArrowModule;
  readonly dfd: DanfoModule;
  readonly tf: TfModule;
  /** Whether `value` is a TF.js tensor: never before TF.js has loaded, so it does not load it. */
  isTensor(value: unknown): value is Tf.Tensor;
}

/** A data file matched by a path or glob, with a version that changes when the file does. */
export type DataFileVersion = { name: string; version: string };

export interface KernelPlatform {
  /** Opens a fresh DuckDB-WASM database for one kernel. */
  openDatabase(): Promise<SqlDatabase>;
  /**
   * The files a relative path or glob matches, each with its version: the samples, and the
   * files whose scans the kernel keeps (sql/scanned-files.ts). Names are relative, with `/`.
   */
  listDataFiles(pattern: string): Promise<DataFileVersion[]>;
  /** `import x from "specifier"` in a cell, for modules that are not kernel built-ins. */
  importModule(specifier: string): Promise<unknown>;
  /** Arrow: the copy DuckDB-WASM uses. Loaded once per process (or worker). */
  loadArrow(): Promise<ArrowModule>;
  /**
   * TF.js with the best backend the platform has selected. Loaded once per process (or worker):
   * TF.js keeps global backend state, so kernels share it.
   */
  loadTf(): Promise<TfModule>;
  /** danfo.js, on the TF.js `loadTf` gives (which it loads first). Once per process (or worker). */
  loadDanfo(): Promise<DanfoModule>;
  /**
   * Registers TF.js's `name` backend (imports its module, and for WASM tells it where its
   * binaries are) so that `tf.setBackend(name)` can start it: `ml.useBackend` (kernels/ml/
   * backend.ts). Throws, saying why, where this platform cannot have that backend at all.
   */
  loadTfBackend?(name: BackendName): Promise<void>;
  /**
   * Native DuckDB in the host, where statements over files run (docs/kernel.md, "Where a query
   * runs"): in Node the engine itself, in the app's worker the page's relay to the host.
   */
  hostQueries: HostQueries;
  /** Releases what the platform opened for its kernel (Node: the host engine); after dispose. */
  close?(): Promise<void>;
}
