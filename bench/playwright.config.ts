import { defineConfig } from '@playwright/test';

// Real-browser benchmarks: `npm run build && npx playwright test -c bench/playwright.config.ts`.
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.pw.ts',
  workers: 1,
  timeout: 600_000,
  expect: { timeout: 120_000 },
  reporter: 'list',
  outputDir: '../test-results/bench',
});
