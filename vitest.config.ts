import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { workerMessages } from './scripts/worker-messages-plugin';

export default defineConfig({
  // workerMessages: the worker's fallback catalogues, as the build makes them.
  plugins: [WxtVitest(), workerMessages()],
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    // End-to-end specs are *.e2e.ts (Playwright); tests/e2e/*.test.ts are unit tests of helpers.
    exclude: ['tests/e2e/**/*.e2e.ts'],
    setupFiles: ['tests/shifted-clock.ts', 'fake-indexeddb/auto', 'tests/setup.ts'],
    restoreMocks: true,
    // A test's time limit is for a hang, not a speed check (that is `npm run bench`): on a
    // loaded two-core CI machine a test that takes 1 s alone can take 6.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The JSON report feeds CI's one-line summary (.ci/summary.mjs); the runs in other zones
    // (scripts/test-clocks.mjs) write theirs beside it.
    reporters: [
      'default',
      ['json', { outputFile: process.env.FAIL_WELL_UNIT_REPORT ?? 'test-results/unit.json' }],
    ],
  },
});
