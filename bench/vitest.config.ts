import { defineConfig } from 'vitest/config';

// Benchmarks are not tests: run on demand with `npx vitest run -c bench/vitest.config.ts`.
export default defineConfig({
  test: {
    include: ['bench/**/*.bench.ts'],
    testTimeout: 600_000,
    pool: 'forks',
    execArgv: ['--expose-gc', '--max-old-space-size=4096'],
  },
});
