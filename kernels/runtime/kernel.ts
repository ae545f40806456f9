/**
 * The notebook kernel: runs TypeScript and `%%sql` cells one at a time against a shared scope,
 * with DuckDB-WASM, danfo.js and TF.js available as globals. It runs the same in Node (headless)
 * and in a Web Worker (the app); everything platform-specific comes through `KernelPlatform`.
 * It is ready before its database, compiler and libraries are (kernel-resources.ts): each cell
 * waits for what it needs.
 */
import type { JobEvent } from '../../core/jobs';
import type { DisplayDataOutput, Output } from '../../core/outputs';
import { parseSqlCell } from '../../core/notebook/sql-cell';
import type { SeedUse } from '../../core/notebook/run-record';
import type { TrainingRunRecord } from '../../core/notebook/training-runs';
import type {
  CellDependencies,
  CellEngine,
  CellLocation,
  KernelInfo,
  TablePage,
  TableRowsQuery,
  VariableInfo,
} from '../../core/protocol';
import { StackMapper } from '../compile/stack-trace';
import { createChartHelpers } from '../charts/plotly-charts';
import { displayBundle, resultBundle, type KeepTable } from '../display/format-value';
import { createMl } from '../ml/ml-global';
import type { MlHost } from '../ml/ml-host';
import type { KernelPlatform } from '../platform';
import { cellNeeds } from './cell-needs';
import { createCellConsole } from './cell-console';
import { createCellTimers } from './cell-timers';
import { sqlCellDependencies } from '../sql/sql-dependencies';
import { sqlCellError, typescriptCellError, type CellError } from './error-output';
import { DisplayHandles, type DisplayHandle } from './display-handles';
import { ExecutionContext } from './execution-context';
import { JobRunner, type JobHandle, type JobOptions } from './jobs';
import { LIBRARY_MODULES, type LazyLibrary } from './kernel-libraries';
import { KernelResources, startFailureError, type Compiler } from './kernel-resources';
import { KeptTables } from './kept-tables';
import { MlHostBinding } from './ml-host-binding';
import { OutputCollector } from './output-collector';
import { describeVariables } from './variables';

export type KernelOptions = {
  /**
   * Keep the tables cells show, so that a view can page through and sort a whole result
   * (`tableRows`). The app's kernel does; a headless run has no views and keeps nothing.
   */
  keepTables?: boolean;
  /**
   * Load danfo.js and TF.js in the background once the database and compiler have started,
   * rather than when a cell first needs them: the app's kernel does, while its user types.
   */
  preloadLibraries?: boolean;
  /** Called when `info` changed: the database started, or TF.js loaded and chose a backend. */
  onInfo?: (info: KernelInfo) => void;
};

export type ExecuteOptions = {
  /** Shown as `In[N]` in stack traces and stored with the result. */
  executionCount: number;
  /**
   * The cell the code comes from: when it runs again its earlier outputs are replaced, so the
   * tables they showed are let go.
   */
  cellId?: string;
  /**
   * Called with each output as it happens (stream text arrives in pieces), also after the
   * execution ended: a timer it left behind still writes to it (execution-context.ts).
   */
  onOutput?: (output: Output) => void;
  /** Called with the events of the jobs this execution starts (core/jobs.ts), also after it ended. */
  onJob?: (event: JobEvent) => void;
  /**
   * Called when a display this execution showed is replaced through its handle (the update may
   * come from another cell). The execution's own `outputs` already hold the new version.
   */
  onDisplayUpdate?: (displayId: string, output: DisplayDataOutput) => void;
  /**
   * Interrupts the cell: the kernel stops waiting for it as soon as this is aborted, so a cell
   * stuck on a pending `await` ends at once and the scope survives. JavaScript cannot be stopped
   * from outside, so work the cell already started (a timer, a fetch) may still finish later.
   */
  signal?: AbortSignal;
};

export type ExecuteReply = {
  status: 'done' | 'error';
  durationMs: number;
  /** The cell's outputs as a notebook stores them (stream pieces merged). */
  outputs: Output[];
  errorLocation: CellLocation | null;
  /** The cell was stopped through `signal` (its status is then `error`, with a note saying so). */
  interrupted: boolean;
  /** Where the cell's SQL ran (docs/kernel.md, "Where a query runs"); null when it ran none. */
  engine: CellEngine | null;
  /** What the cell's code reads and defines (core/protocol.ts, stale cells). */
  dependencies: CellDependencies;
  /** Seeds the cell's sampling, SQL and training used. */
  seeds: SeedUse[];
  /** The training runs the cell recorded through `ml` (their `cell` is null). */
  trainingRuns: TrainingRunRecord[];
};

type CompiledFunction = (
  scope: Record<string, unknown>,
  importModule: (specifier: string) => Promise<unknown>,
  interop: (module: unknown) => unknown,
  console: unknown,
  display: (value: unknown) => DisplayHandle,
  job: <T>(
    title: string,
    options: JobOptions,
    work: (job: JobHandle) => T | Promise<T>,
  ) => Promise<T>,
) => Promise<unknown[] | undefined>;

/** The callbacks of one execution, for events that are not outputs of the running cell. */
type ExecutionSinks = Pick<ExecuteOptions, 'onJob' | 'onDisplayUpdate'>;

export class Kernel {
  private readonly scope: Record<string, unknown> = Object.create(null);
  /**
   * The names cells declared (or bound with `%%sql NAME`): the user's variables, as opposed to
   * the kernel's own globals in the same scope (`sql`, `dfd`, `chart`, the timers, …).
   */
  private readonly declared = new Set<string>();
  private readonly stacks = new StackMapper();
  /** Which execution `console` and `display` write to at any moment. */
  private readonly context = new ExecutionContext((execution, thrown) =>
    this.writeUncaught(execution, thrown),
  );
  /** The execution that started last: a rejection noticed after its cell ended is its own. */
  private latest: OutputCollector | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly tables: KeptTables | null;
  /** Which cell each execution belongs to, for the tables its outputs show. */
  private readonly owners = new WeakMap<OutputCollector, string>();
  private readonly sinks = new WeakMap<OutputCollector, ExecutionSinks>();
  private readonly displays = new DisplayHandles(
    (value, execution) => displayBundle(value, this.libs, this.keeper(execution)),
    (execution, id, output) => this.sinks.get(execution)?.onDisplayUpdate?.(id, output),
    (execution) => this.owners.get(execution),
  );
  readonly jobs = new JobRunner();
  /** What `ml` gets from the kernel (mlHost()), routed to the current execution. */
  private readonly mlBinding = new MlHostBinding({
    libs: () => this.libs,
    current: () => this.context.current() ?? this.latest,
    display: (execution, value) => this.displays.show(execution, value),
    job: (execution, title, options, work) => this.startJob(execution, title, options, work),
  });
  private runs = 0;
  private disposed = false;

  private constructor(
    private readonly platform: KernelPlatform,
    private readonly resources: KernelResources,
    options: KernelOptions,
  ) {
    this.tables = options.keepTables ? new KeptTables() : null;
    const libs = resources.libs;
    Object.assign(this.scope, {
      // Awaited here so that a failing query's stack reaches back to the cell's line.
      sql: async (strings: TemplateStringsArray, ...values: unknown[]) =>
        await (await this.startedSql()).template(strings, values),
      register: (name: string, data: unknown) => this.startedSqlNow().register(name, data),
      sample: async (name: string) => await (await this.startedSql()).sample(name),
      arrow: libs.arrow,
      chart: createChartHelpers(libs),
      // Cheap to create: what it trains on, TF.js, loads before a cell naming `ml` runs.
      ml: createMl(this.mlBinding, platform),
      ...createCellTimers(this.context),
    });
    for (const library of ['dfd', 'tf'] as const) this.defineLibraryGlobal(library);
  }

  static async start(platform: KernelPlatform, options: KernelOptions = {}): Promise<Kernel> {
    let kernel: Kernel | null = null;
    const resources = await KernelResources.start(platform, () => {
      if (kernel && !kernel.disposed) options.onInfo?.(kernel.info);
    });
    raiseStackTraceLimit(STACK_TRACE_LIMIT);
    kernel = new Kernel(platform, resources, options);
    if (options.preloadLibraries) resources.preload();
    return kernel;
  }

  /**
   * What the kernel runs on: null for what has not started yet (the database opens in the
   * background, TF.js loads on first use), `onInfo` tells when that changes.
   */
  get info(): KernelInfo {
    return this.resources.info();
  }

  /** Runs one cell. Calls are queued: a cell never starts before the previous one ended. */
  execute(code: string, options: ExecuteOptions): Promise<ExecuteReply> {
    const run = this.queue.then(() => this.run(code, options));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * The user's variables now. Reads the scope only, so it answers at once, between cells or while
   * one waits: it is not queued behind them as `execute` is.
   */
  variables(): VariableInfo[] {
    return describeVariables(this.scope, this.declared, this.libs);
  }

  /**
   * Rows of a table a cell showed, or null when the kernel does not keep it (any more). Like
   * `variables()`, answered at once, not queued behind cells; sorting a big result the first
   * time takes a while (a million numbers: about half a second).
   */
  tableRows(query: TableRowsQuery): TablePage | null {
    return this.tables?.page(query) ?? null;
  }

  /**
   * Writes an error nothing caught (a promise rejected with no handler, an exception the
   * platform reports) as an `error` output of the execution it most likely belongs to: the one
   * a followed callback runs for, else the running cell, else the cell that ran last (a
   * rejection is noticed only once the work of its turn is done, often just after its cell
   * ended). False when no cell has run yet, so there is no execution to give it to.
   */
  reportUncaught(thrown: unknown): boolean {
    const execution = this.context.current() ?? this.latest;
    if (!execution) return false;
    this.writeUncaught(execution, thrown);
    return true;
  }

  /**
   * The host of the `ml` global (kernels/ml/ml-host.ts): `createMl(kernel.mlHost())`. Its display,
   * job, runs and seeds go to the execution running when it is called.
   */
  mlHost(): MlHost {
    return this.mlBinding;
  }

  /** Cancels (or stops, for a Stop job) a running job (`cancel-job`); false when none has that id. */
  cancelJob(jobId: string): boolean {
    return this.jobs.cancel(jobId);
  }

  /** Cancels every running job: the kernel is interrupted (Ctrl+C) or going away. */
  cancelJobs(): void {
    this.jobs.cancelAll();
  }

  dispose(): void {
    this.disposed = true;
    this.jobs.cancelAll();
    this.displays.clear();
    this.tables?.clear();
    this.resources.close();
    // The platform's host engine (Node) holds a native DuckDB and its temporary folder.
    void this.platform.close?.().catch(() => undefined);
  }

  private async run(code: string, options: ExecuteOptions): Promise<ExecuteReply> {
    const started = performance.now();
    const outputs = new OutputCollector(options.onOutput ?? (() => undefined));
    const owner = options.cellId ?? `run ${++this.runs}`;
    this.owners.set(outputs, owner);
    this.latest = outputs;
    this.sinks.set(outputs, { onJob: options.onJob, onDisplayUpdate: options.onDisplayUpdate });
    this.tables?.release(owner);
    this.displays.release(owner);
    // An interrupt stops the jobs too: the cell's, and any a timer of an earlier one started.
    options.signal?.addEventListener('abort', () => this.jobs.cancelAll(), { once: true });
    let error: CellError | null = null;
    let interrupted = false;
    try {
      // The cell is the running one until it ends or is interrupted, not while it works on.
      const outcome = await this.context.whileRunning(outputs, () => {
        const work: Promise<CellError | null | typeof INTERRUPTED> = options.signal?.aborted
          ? Promise.resolve(INTERRUPTED)
          : this.runCell(code, outputs, options);
        return untilAborted(work, options.signal);
      });
      interrupted = outcome === INTERRUPTED;
      error = outcome === INTERRUPTED ? INTERRUPTED_ERROR : outcome;
    } catch (thrown) {
      error = typescriptCellError(thrown, this.stacks, code);
    }
    if (error) outputs.error(error.ename, error.evalue, error.traceback);
    outputs.finish();
    return {
      status: error ? 'error' : 'done',
      durationMs: performance.now() - started,
      outputs: outputs.outputs,
      errorLocation: error?.location ?? null,
      interrupted,
      engine: this.resources.sql?.engineOfRun() ?? null,
      dependencies: await this.dependenciesOf(code),
      seeds: [
        ...(this.resources.sql?.seedsOfRun(owner) ?? []),
        ...this.mlBinding.seedsOf(outputs, owner),
      ],
      trainingRuns: this.mlBinding.runsOf(outputs),
    };
  }

  /** What the cell's code defines and reads; nothing when the compiler could not load. */
  private async dependenciesOf(code: string): Promise<CellDependencies> {
    const sql = sqlCellDependencies(code);
    if (sql) return sql;
    try {
      return (await this.resources.compiler()).typeScriptDependencies(code);
    } catch {
      // The cell failed for the same reason, with the error that says so.
      return { defines: [], reads: [] };
    }
  }

  private async runCell(
    code: string,
    outputs: OutputCollector,
    { executionCount, signal }: ExecuteOptions,
  ): Promise<CellError | null> {
    const sqlCell = parseSqlCell(code);
    let compiler: Compiler | null;
    try {
      compiler = await this.resources.prepare(cellNeeds(code, sqlCell ? 'sql' : 'typescript'));
    } catch (thrown) {
      return startFailureError(thrown);
    }
    this.resources.sql?.startRun(signal ?? null);
    if (sqlCell) return this.runSql(sqlCell.query, sqlCell.bindTo, outputs, executionCount);
    if (!compiler) throw new Error('a TypeScript cell runs with the compiler');
    return this.runTypeScript(compiler, code, outputs, executionCount);
  }

  private async runSql(
    query: string,
    bindTo: string | null,
    outputs: OutputCollector,
    executionCount: number,
  ): Promise<CellError | null> {
    if (query.trim() === '') return null;
    let result;
    try {
      result = await (await this.startedSql()).run(query);
    } catch (thrown) {
      return sqlCellError(thrown, 2);
    }
    if (bindTo) {
      this.scope[bindTo] = result;
      this.declared.add(bindTo);
    }
    const bundle = resultBundle(result, this.libs, this.keeper(outputs));
    if (bundle) outputs.result(bundle, executionCount);
    return null;
  }

  private async runTypeScript(
    { compileCell }: Compiler,
    code: string,
    outputs: OutputCollector,
    executionCount: number,
  ): Promise<CellError | null> {
    const compiled = compileCell(code, `In[${executionCount}]`);
    this.stacks.register(compiled, code);
    for (const name of compiled.declared) {
      if (!(name in this.scope)) this.scope[name] = undefined;
      this.declared.add(name);
    }
    const fn = (0, eval)(compiled.script) as CompiledFunction;
    // Outputs go to the current execution, which is this one unless the sinks outlive it.
    const sink = () => this.context.current() ?? outputs;
    const display = (value: unknown): DisplayHandle => {
      return this.displays.show(sink(), value);
    };
    const job = <T>(
      title: string,
      jobOptions: JobOptions,
      work: (job: JobHandle) => T | Promise<T>,
    ) => this.startJob(sink(), title, jobOptions, work);
    const console = createCellConsole(sink, () => performance.now());
    try {
      const returned = await fn(
        this.scope,
        (specifier) => this.importModule(specifier),
        interop,
        console,
        display,
        job,
      );
      if (compiled.returnsValue && returned && !this.displays.isHandle(returned[0])) {
        const bundle = resultBundle(returned[0], this.libs, this.keeper(outputs));
        if (bundle) outputs.result(bundle, executionCount);
      }
      return null;
    } catch (thrown) {
      return typescriptCellError(thrown, this.stacks, code, compiled.scriptUrl);
    }
  }

  /** Runs `work` as a job of `execution`, which gets all its events, wherever they happen later. */
  private startJob<T>(
    execution: OutputCollector,
    title: string,
    options: JobOptions,
    work: (job: JobHandle) => T | Promise<T>,
  ): Promise<T> {
    const listener = this.sinks.get(execution)?.onJob;
    return this.jobs.run(title, options ?? {}, work, (event) => listener?.(event));
  }

  /** In the cell's own lines, like an error the cell threw while it ran. */
  private writeUncaught(execution: OutputCollector, thrown: unknown): void {
    const error = typescriptCellError(thrown, this.stacks, '');
    execution.error(error.ename, error.evalue, error.traceback);
  }

  /** How a table that `execution` shows is kept: as that execution's cell's. */
  private keeper(execution: OutputCollector): KeepTable {
    const { tables } = this;
    const owner = this.owners.get(execution);
    return tables && owner !== undefined ? (source) => tables.keep(source, owner) : null;
  }

  private get libs() {
    return this.resources.libs;
  }

  private startedSql() {
    return this.resources.startedSql();
  }

  /** For `register`, which is synchronous: a cell naming it waited for the database. */
  private startedSqlNow() {
    const engine = this.resources.sql;
    if (!engine) throw new Error('the database has not started yet: run the cell again');
    return engine;
  }

  /**
   * `dfd` and `tf` read the libraries when a cell uses them, not when the kernel starts; a cell
   * that declares its own `tf` replaces the kernel's.
   */
  private defineLibraryGlobal(library: LazyLibrary): void {
    Object.defineProperty(this.scope, library, {
      configurable: true,
      enumerable: true,
      get: () => this.libs[library],
      set: (value: unknown) =>
        Object.defineProperty(this.scope, library, {
          value,
          writable: true,
          enumerable: true,
          configurable: true,
        }),
    });
  }

  private async importModule(specifier: string): Promise<unknown> {
    if (specifier === 'apache-arrow') return this.libs.arrow;
    const library = Object.hasOwn(LIBRARY_MODULES, specifier) ? LIBRARY_MODULES[specifier] : null;
    if (!library) return this.platform.importModule(specifier);
    await this.libs.load(library);
    return this.libs[library];
  }
}

/**
 * V8 keeps 10 frames by default: an error deep inside TF.js or danfo.js used all of them on library
 * frames, so the trace lost the cell's own line. The kernel owns its worker (or headless process).
 */
const STACK_TRACE_LIMIT = 100;

function raiseStackTraceLimit(limit: number): void {
  const v8Error = Error as { stackTraceLimit?: unknown };
  if (typeof v8Error.stackTraceLimit === 'number' && v8Error.stackTraceLimit < limit) {
    v8Error.stackTraceLimit = limit;
  }
}

const INTERRUPTED = Symbol('interrupted');

/** Shown like IPython's KeyboardInterrupt, so the cell says why it ended. */
const INTERRUPTED_ERROR: CellError = {
  ename: 'Interrupted',
  evalue: 'the cell was interrupted',
  traceback: ['Interrupted: the cell was interrupted'],
  location: null,
};

/** `work`'s result, or INTERRUPTED as soon as `signal` is aborted. */
function untilAborted<T>(
  work: Promise<T>,
  signal: AbortSignal | undefined,
): Promise<T | typeof INTERRUPTED> {
  if (!signal) return work;
  return new Promise((resolve, reject) => {
    const stop = () => resolve(INTERRUPTED);
    signal.addEventListener('abort', stop, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

/** What `import x from "m"` binds: a module's default export, or the module itself (CommonJS). */
function interop(module: unknown): unknown {
  if (typeof module === 'object' && module !== null && 'default' in module) return module;
  return { ...(module as object), default: module };
}
