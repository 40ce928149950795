// The unit suite again in far-off zones at awkward moments (`npm run test:clocks`; `.ci/run`
// runs it after `npm test`). Each run sets the machine's zone with TZ and starts the clock at
// a local wall-clock time (tests/shifted-clock.ts), so a test that only passes on quiet dates
// near UTC fails here instead of on the 1st of next month. Three runs, chosen to catch the
// most in little time (each is one full unit run, ~45 s on two cores):
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const RUNS = [
  // +13:45: the 1st of a month and a year just after midnight, still the 31st in UTC.
  { zone: 'Pacific/Chatham', now: '2027-01-01T00:10', why: "New Year's first minutes, UTC+13:45" },
  // −05:00: New Year's Eve, 23:30, when UTC is already in next year.
  { zone: 'America/New_York', now: '2026-12-31T23:30', why: "New Year's Eve, 23:30, UTC−5" },
  // Chile springs forward at midnight: 5 September 2027 has no 00:00, and is 23 hours long.
  { zone: 'America/Santiago', now: '2027-09-05T01:10', why: 'a day without a midnight (DST)' },
];

let failedRuns = 0;
for (const [i, run] of RUNS.entries()) {
  const report = `test-results/unit-clock-${i + 1}.json`;
  const started = Date.now();
  const result = spawnSync('npx', ['vitest', 'run'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      TZ: run.zone,
      FAIL_WELL_TEST_NOW: run.now,
      FAIL_WELL_UNIT_REPORT: report,
      // Vite's notice about its future config loader, once per run, is noise here.
      VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true',
    },
  });
  let line;
  let broke = false;
  try {
    const { numPassedTests, numFailedTests, testResults } = JSON.parse(
      readFileSync(report, 'utf8'),
    );
    const failures = testResults
      .flatMap((file) => file.assertionResults)
      .filter((test) => test.status === 'failed')
      .map((test) => `\n    ✗ ${test.fullName}`);
    line = `${numPassedTests} passed, ${numFailedTests} failed${failures.join('')}`;
  } catch {
    line = 'no report (the run broke)';
    broke = true;
  }
  if (result.status !== 0 || broke) failedRuns++;
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`TZ=${run.zone} at ${run.now} (${run.why}): ${line} [${seconds} s]`);
}
process.exit(failedRuns === 0 ? 0 : 1);
