/**
 * The kernel's libraries, danfo.js and TF.js loaded on first use (docs/kernel.md, "Start-up"):
 * together they take about a second to import, which a notebook that never uses them should not
 * wait for. Cell code is synchronous where it reads `dfd`, `tf` or `toDataFrame()`, so a library
 * cannot load at the moment it is touched: the kernel loads what a cell's code names before the
 * cell runs (cell-needs.ts), and reading one that has not loaded throws an error that says so.
 */
import type * as Tf from '@tensorflow/tfjs';
import type {
  ArrowModule,
  DanfoModule,
  KernelLibraries,
  KernelPlatform,
  TfModule,
} from '../platform';

/** A library that loads on first use: `dfd` (danfo.js, on TF.js) or `tf` (TF.js). */
export type LazyLibrary = 'dfd' | 'tf';

/** The kernel's built-in modules that are these libraries (`import * as tf from '…'`). */
export const LIBRARY_MODULES: Record<string, LazyLibrary> = {
  danfojs: 'dfd',
  '@tensorflow/tfjs': 'tf',
};

const TITLES: Record<LazyLibrary, string> = { dfd: 'danfo.js', tf: 'TF.js' };

/** Read before it loaded: the cell's code did not name it (say, a name built from strings). */
export class LibraryNotLoadedError extends Error {
  override readonly name = 'LibraryNotLoadedError';
  constructor(library: LazyLibrary) {
    super(
      `${TITLES[library]} has not loaded yet: the kernel loads it before a cell whose code ` +
        `names it (${NAMED_BY[library]}). Name one of these in this cell, e.g. \`${library};\``,
    );
  }
}

/** It could not be imported or initialised; the cell that needed it fails with this. */
export class LibraryLoadError extends Error {
  override readonly name = 'LibraryLoadError';
  constructor(library: LazyLibrary, cause: unknown) {
    super(
      `${TITLES[library]} could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
}

/** What in a cell's code makes the kernel load the library first (cell-needs.ts). */
const NAMED_BY: Record<LazyLibrary, string> = {
  dfd: '`dfd`, `toDataFrame` or `danfojs`',
  tf: '`tf`, `ml` or `@tensorflow/tfjs`',
};

type LoadedModules = { dfd: DanfoModule | null; tf: TfModule | null };

export class LazyLibraries implements KernelLibraries {
  private readonly modules: LoadedModules = { dfd: null, tf: null };
  private readonly loading = new Map<LazyLibrary, Promise<void>>();

  /** @param onLoad called after a library has loaded (TF.js's backend is then known). */
  constructor(
    readonly arrow: ArrowModule,
    private readonly platform: Pick<KernelPlatform, 'loadTf' | 'loadDanfo'>,
    private readonly onLoad: () => void = () => undefined,
  ) {}

  get dfd(): DanfoModule {
    return this.modules.dfd ?? notLoaded('dfd');
  }

  get tf(): TfModule {
    return this.modules.tf ?? notLoaded('tf');
  }

  /** The library if it has loaded, else null (never loads it). */
  loaded<L extends LazyLibrary>(library: L): LoadedModules[L] {
    return this.modules[library];
  }

  isTensor(value: unknown): value is Tf.Tensor {
    const tf = this.modules.tf;
    return tf !== null && value instanceof tf.Tensor;
  }

  /**
   * Loads `library` (danfo.js brings TF.js with it: it computes on TF.js, whose backend must be
   * chosen before it does). Rejects with LibraryLoadError; a later call tries again.
   */
  load(library: LazyLibrary): Promise<void> {
    const pending = this.loading.get(library);
    if (pending) return pending;
    const load = this.importLibrary(library).then(this.onLoad, (cause: unknown) => {
      this.loading.delete(library);
      throw new LibraryLoadError(library, cause);
    });
    this.loading.set(library, load);
    return load;
  }

  private async importLibrary(library: LazyLibrary): Promise<void> {
    if (library === 'tf') {
      this.modules.tf = await this.platform.loadTf();
      return;
    }
    const [tf, dfd] = await Promise.all([this.platform.loadTf(), this.platform.loadDanfo()]);
    this.modules.tf = tf;
    this.modules.dfd = dfd;
  }
}

function notLoaded(library: LazyLibrary): never {
  throw new LibraryNotLoadedError(library);
}

/** Every library loaded, for code that uses them outside a kernel (tests, benchmarks). */
export async function loadAllLibraries(platform: KernelPlatform): Promise<LazyLibraries> {
  const libraries = new LazyLibraries(await platform.loadArrow(), platform);
  await libraries.load('dfd');
  return libraries;
}

/**
 * `load` run once, its promise shared by every caller, for a platform's loaders (a library is
 * loaded once per process or worker); a failure is forgotten, so a later call tries again.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
}
