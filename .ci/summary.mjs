// Sums the unit (vitest, also its runs in other zones and at other moments), end-to-end
// (Playwright) and Firefox smoke JSON reports into CI's last line:
// "N passed, N failed[, N skipped]". A failed step that ran no tests (typecheck, lint, build,
// size budget) counts as one failure, so a red run never prints "0 failed".
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const status = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
let skipped = 0;

const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);

const unitReports = existsSync('test-results')
  ? readdirSync('test-results').filter((name) => /^unit(-clock-\d+)?\.json$/.test(name))
  : [];
for (const name of unitReports) {
  const unit = read(`test-results/${name}`);
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += unit.numPendingTests + unit.numTodoTests;
}
const e2e = read('test-results/e2e.json');
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
  skipped += e2e.stats.skipped;
}
const firefox = read('test-results/firefox.json');
if (firefox) {
  passed += firefox.passed;
  failed += firefox.failed;
}
if (status !== 0 && failed === 0) failed = 1;

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(status !== 0 || failed > 0 ? 1 : 0);
