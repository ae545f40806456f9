/**
 * Instantiated DuckDB-WASM modules, kept for the next kernel once one kernel's database closes
 * (a restart in the app, the many kernels of tests and benchmarks). Instantiating costs about a
 * second, nearly all of it Emscripten linking the module's exports in JavaScript, which happens
 * for every instance; compiling is a fifth of it (measured in docs/kernel.md, "Start-up"). A
 * closed database's bindings are reset (`reset()`: a new empty database, no settings, no
 * connections), so the next kernel opens a fresh database in them and sees nothing of the last.
 */
import type { DuckDBBindings } from '@duckdb/duckdb-wasm/blocking';
import { DuckDbWasmDatabase, openKernelDatabase, type SqlDatabase } from './sql-database';

/**
 * WebAssembly memory never shrinks: an instance whose database grew past this is let go rather
 * than kept, so a restart after a large query gives the memory back.
 */
const KEEP_UP_TO_BYTES = 256 * 1024 * 1024;

type Instance = { bindings: DuckDBBindings; version: string };

export class DuckDbInstances {
  private readonly idle: Instance[] = [];

  /** @param instantiate a new, instantiated DuckDB-WASM module with its package version. */
  constructor(private readonly instantiate: () => Promise<Instance>) {}

  /** A fresh database, in a kept instance when one is free, else in a new one. */
  async open(): Promise<SqlDatabase> {
    const instance = this.idle.pop() ?? (await this.instantiate());
    openKernelDatabase(instance.bindings);
    return new DuckDbWasmDatabase(instance.bindings, instance.version, () => this.keep(instance));
  }

  private keep(instance: Instance): void {
    if (this.idle.length === 0 && memoryBytes(instance.bindings) <= KEEP_UP_TO_BYTES) {
      this.idle.push(instance);
    }
  }
}

/** The instance's WebAssembly memory (its Emscripten module's heap; unknown: infinite). */
function memoryBytes(bindings: DuckDBBindings): number {
  const { mod } = bindings as { mod?: { HEAPU8?: Uint8Array } };
  return mod?.HEAPU8?.byteLength ?? Infinity;
}
