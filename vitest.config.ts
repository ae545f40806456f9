import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      '{core,kernels,host,cli,samples,renderer,electron}/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
