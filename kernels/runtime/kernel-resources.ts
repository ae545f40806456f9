/**
 * What the kernel starts after it is ready instead of before (docs/kernel.md, "Start-up"): its
 * DuckDB-WASM database, the TypeScript compiler, danfo.js and TF.js. A cell waits only for what
 * its code needs (cell-needs.ts), and one whose need failed to start fails with the reason.
 *
 * Everything loads on one thread (the worker's, the kernel thread's), so loading two things at
 * once only makes both late: what the first cell needs starts first, and the rest (the database
 * and the compiler; with `preload`, danfo.js and TF.js too) once it has started, or after a
 * moment when no cell comes.
 */
import type { KernelInfo } from '../../core/protocol';
import type { ArrowModule, KernelPlatform } from '../platform';
import { SqlEngine } from '../sql/sql-engine';
import type { CellNeeds } from './cell-needs';
import type { CellError } from './error-output';
import { LazyLibraries } from './kernel-libraries';

export type Compiler = typeof import('../compile/compile-cell');

/** The kernel's database did not open; SQL fails with this until the kernel restarts. */
export class DatabaseStartError extends Error {
  override readonly name = 'DatabaseStartError';
}

/** How long a kernel no cell was sent to waits before it loads the rest. */
const IDLE_START_MS = 50;

export class KernelResources {
  readonly libs: LazyLibraries;
  private engine: SqlEngine | null = null;
  private engineStart: Promise<SqlEngine> | null = null;
  private compilerStart: Promise<Compiler> | null = null;
  private warmedUp = false;
  private readonly idleStart: ReturnType<typeof setTimeout>;
  private closed = false;

  /**
   * @param onChange called when `info()` may have changed (the database started, TF.js loaded).
   * @param preload whether warming up loads danfo.js and TF.js too.
   */
  constructor(
    private readonly platform: KernelPlatform,
    arrow: ArrowModule,
    private readonly onChange: () => void,
    private readonly preload: boolean,
  ) {
    this.libs = new LazyLibraries(arrow, platform, onChange);
    this.idleStart = setTimeout(() => this.warmUp(), IDLE_START_MS);
  }

  /** Resolves once the kernel can take cells: only Arrow is waited for (a tenth of a second). */
  static async start(
    platform: KernelPlatform,
    onChange: () => void,
    preload: boolean,
  ): Promise<KernelResources> {
    return new KernelResources(platform, await platform.loadArrow(), onChange, preload);
  }

  /** The SQL engine once its database is open, else null. */
  get sql(): SqlEngine | null {
    return this.engine;
  }

  /** The SQL engine, once its database is open; rejects with DatabaseStartError. */
  startedSql(): Promise<SqlEngine> {
    this.engineStart ??= this.openEngine();
    return this.engineStart;
  }

  /** Waits for what a cell needs (starting it first); resolves with the compiler when needed. */
  async prepare(needs: CellNeeds): Promise<Compiler | null> {
    const libraries = needs.libraries.map((library) => this.libs.load(library));
    const waits = Promise.all([
      needs.compiler ? this.compiler() : null,
      needs.database ? this.startedSql() : null,
      ...libraries,
    ]);
    // The rest loads once this cell's needs have (also when they failed: the cell reports that).
    void waits.then(
      () => this.warmUp(),
      () => this.warmUp(),
    );
    const [compiler] = await waits;
    return compiler;
  }

  info(): KernelInfo {
    return {
      sqlEngine: this.engine?.description ?? null,
      tfBackend: this.libs.loaded('tf')?.getBackend() ?? null,
    };
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.idleStart);
    // A database still opening is closed as soon as it opens (openEngine).
    this.engine?.close();
  }

  /** Starts what no cell has asked for yet, one after the other. */
  private warmUp(): void {
    clearTimeout(this.idleStart);
    if (this.warmedUp || this.closed) return;
    this.warmedUp = true;
    const settled = (work: Promise<unknown>) =>
      work.then(
        () => undefined,
        () => undefined,
      );
    void settled(this.startedSql())
      .then(() => settled(this.compiler()))
      .then(() => this.preload && !this.closed && settled(this.libs.load('dfd')));
  }

  private compiler(): Promise<Compiler> {
    this.compilerStart ??= import('../compile/compile-cell');
    return this.compilerStart;
  }

  private async openEngine(): Promise<SqlEngine> {
    let engine: SqlEngine;
    try {
      engine = new SqlEngine(await this.platform.openDatabase(), this.platform, this.libs);
    } catch (cause) {
      throw new DatabaseStartError(
        `DuckDB-WASM could not start: ${messageOf(cause)}. Restart the kernel to try again.`,
        { cause },
      );
    }
    if (this.closed) engine.close();
    else this.engine = engine;
    this.onChange();
    return engine;
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
