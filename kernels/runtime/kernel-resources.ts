/**
 * What the kernel starts in the background instead of before it is ready (docs/kernel.md,
 * "Start-up"): its DuckDB-WASM database and the TypeScript compiler begin loading at once,
 * danfo.js and TF.js on first use (or right after, with `preload`). Starting the first cell's
 * needs first and the rest after it was measured slower on the sample notebook (9.3–12.1 s
 * against 8.2–10.3 s): the two loads overlap their file reads and the thread's idle waits. A cell waits only for what
 * its code needs (cell-needs.ts), and one whose need failed to start fails with the reason.
 */
import type { KernelInfo } from '../../core/protocol';
import type { KernelPlatform } from '../platform';
import { SqlEngine } from '../sql/sql-engine';
import type { CellNeeds } from './cell-needs';
import type { CellError } from './error-output';
import { LazyLibraries } from './kernel-libraries';

export type Compiler = typeof import('../compile/compile-cell');

/** The kernel's database did not open; SQL fails with this until the kernel restarts. */
export class DatabaseStartError extends Error {
  override readonly name = 'DatabaseStartError';
}

export class KernelResources {
  private engine: SqlEngine | null = null;
  private readonly engineStart: Promise<SqlEngine>;
  private readonly compilerStart: Promise<Compiler>;
  private closed = false;

  private constructor(
    platform: KernelPlatform,
    database: ReturnType<KernelPlatform['openDatabase']>,
    readonly libs: LazyLibraries,
    onChange: () => void,
  ) {
    this.engineStart = database.then(
      (opened) => {
        const engine = new SqlEngine(opened, platform, libs);
        if (this.closed) engine.close();
        else this.engine = engine;
        onChange();
        return engine;
      },
      (cause: unknown) => {
        throw new DatabaseStartError(
          `DuckDB-WASM could not start: ${messageOf(cause)}. Restart the kernel to try again.`,
          { cause },
        );
      },
    );
    // The TypeScript compiler weighs ~9 MB: its import starts now, with the database's.
    this.compilerStart = import('../compile/compile-cell');
    // Whoever needs one reports its failure (a cell's error); none must go unhandled meanwhile.
    this.engineStart.catch(() => undefined);
    this.compilerStart.catch(() => undefined);
  }

  /**
   * Starts everything and resolves once the kernel can take cells: only Arrow is waited for (the
   * kernel's values are checked against its classes), which takes a tenth of a second.
   * @param onChange called when `info()` may have changed (the database started, TF.js loaded).
   */
  static async start(platform: KernelPlatform, onChange: () => void): Promise<KernelResources> {
    const database = platform.openDatabase();
    // Until the kernel exists the failure has no cell to go to; it is kept for the first one.
    database.catch(() => undefined);
    const arrow = await platform.loadArrow();
    const libs = new LazyLibraries(arrow, platform, onChange);
    return new KernelResources(platform, database, libs, onChange);
  }

  /** The SQL engine once its database is open, else null. */
  get sql(): SqlEngine | null {
    return this.engine;
  }

  /** The SQL engine, once its database is open; rejects with DatabaseStartError. */
  startedSql(): Promise<SqlEngine> {
    return this.engineStart;
  }

  /** The TypeScript compiler, once loaded. */
  compiler(): Promise<Compiler> {
    return this.compilerStart;
  }

  /** Waits for what a cell needs; resolves with the compiler when it needs one. */
  async prepare(needs: CellNeeds): Promise<Compiler | null> {
    const libraries = needs.libraries.map((library) => this.libs.load(library));
    const [compiler] = await Promise.all([
      needs.compiler ? this.compilerStart : null,
      needs.database ? this.engineStart : null,
      ...libraries,
    ]);
    return compiler;
  }

  /** Loads danfo.js and TF.js in the background once the database and compiler are in. */
  preload(): void {
    void Promise.allSettled([this.engineStart, this.compilerStart])
      .then(() => this.libs.load('dfd'))
      .catch(() => undefined);
  }

  info(): KernelInfo {
    return {
      sqlEngine: this.engine?.description ?? null,
      tfBackend: this.libs.loaded('tf')?.getBackend() ?? null,
    };
  }

  close(): void {
    this.closed = true;
    // A database still opening is closed as soon as it opens (the constructor's handler).
    this.engine?.close();
  }
}

/** A cell whose need did not start ends with the reason, not a stack of the kernel's code. */
export function startFailureError(thrown: unknown): CellError {
  const name = thrown instanceof Error ? thrown.name : 'Error';
  const message = messageOf(thrown);
  return { ename: name, evalue: message, traceback: [`${name}: ${message}`], location: null };
}

function messageOf(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown);
}
