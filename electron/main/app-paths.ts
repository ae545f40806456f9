/**
 * Where the app's files are, found from the main bundle's own folder (dist/electron/), which is
 * the same relative place in the repository and inside a packaged app.asar: `app.getAppPath()`
 * is not, because `electron dist/electron/main.cjs` makes it dist/electron itself.
 */
import path from 'node:path';

export type AppPaths = {
  /** The built renderer. */
  staticDir: string;
  /** The sandboxed preload bundle. */
  preload: string;
  /** The query utility process's bundle (electron/query-process/main.ts). */
  queryProcess: string;
  /** The notebook `npm start` opens in development. */
  sampleNotebook: string;
};

/** `bundleDir`: the folder of main.cjs (its `__dirname`). */
export function appPaths(bundleDir: string): AppPaths {
  const root = path.resolve(bundleDir, '..', '..');
  return {
    staticDir: path.join(root, 'dist', 'renderer'),
    preload: path.join(bundleDir, 'preload.cjs'),
    queryProcess: path.join(bundleDir, 'query-process.cjs'),
    sampleNotebook: path.join(root, 'samples', 'churn.ipynb'),
  };
}
