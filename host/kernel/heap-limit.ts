/**
 * How much V8 heap the kernel of a `quarry run` may use (its worker thread's
 * `maxOldGenerationSizeMb`). The default is half of the machine's memory (or of the container's
 * limit, where there is one): room for large frames, while a runaway cell still ends with a
 * message long before the machine starts to swap. Data held by DuckDB-WASM and TF.js's WASM
 * backend lives in WebAssembly memory, outside this limit.
 */
import os from 'node:os';

const MIB = 1024 * 1024;

export function defaultKernelHeapMb(): number {
  // 0 without a container limit; without one, some systems answer a huge number instead.
  const constrained = process.constrainedMemory();
  const memory = constrained > 0 ? Math.min(constrained, os.totalmem()) : os.totalmem();
  return Math.max(512, Math.floor(memory / 2 / MIB));
}
