import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**'],
    setupFiles: ['fake-indexeddb/auto', 'tests/setup.ts'],
    restoreMocks: true,
    // The JSON report feeds CI's one-line summary (.ci/summary.mjs).
    reporters: ['default', ['json', { outputFile: 'test-results/unit.json' }]],
  },
});
