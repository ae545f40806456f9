import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The renderer's components (tested in happy-dom) use React's automatic JSX runtime.
  esbuild: { jsx: 'automatic' },
  test: {
    include: [
      '{core,kernels,host,cli,samples,renderer,electron}/**/*.test.{ts,tsx}',
      'test/**/*.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
