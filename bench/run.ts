/**
 * `npm run bench [-- --quick]`: measures Fail Well's speed in a real Chromium against
 * PRODUCT.md's numbers. Every timing is paired with a baseline from the same run; the table
 * goes to stdout, every sample to bench/results.json. A missed target is reported, never an
 * error: the exit code is non-zero only when a measurement itself broke.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, release, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WxtBrowser } from 'wxt/browser';
import { switchLockOn } from '../tests/e2e/lock-helpers';
import { generateReflections, writeReflections } from '../tests/e2e/seed';
import { startCouchServer } from '../tests/helpers/couch-server';
import { ensureFreshBuild } from './build';
import { type BenchBrowser, clearReflections, startBrowser } from './harness';
import { dashboardReady } from './metrics/dashboard-ready';
import { exportAll } from './metrics/export';
import { importFile } from './metrics/import';
import { importers } from './metrics/importers';
import { resetLock, switchOnRow, switchOnTimed, unlockRows } from './metrics/lock';
import { memory } from './metrics/memory';
import { popupReady } from './metrics/popup-ready';
import { save } from './metrics/save';
import { search, searchWhileBuilding } from './metrics/search';
import { sizes } from './metrics/sizes';
import { firstPull, firstPush, type SyncedJournal } from './metrics/sync';
import { type MetricResult, ratioSummary, table, verdict } from './report';
import { summarize } from './stats';

const quick = process.argv.includes('--quick');
/**
 * `--only search,memory`: run just the metrics whose id starts with one of these (seeding
 * still runs), to re-measure one area without the whole run.
 */
const only = process.argv.includes('--only')
  ? (process.argv[process.argv.indexOf('--only') + 1] ?? '').split(',')
  : null;
const plan = quick
  ? {
      counts: [1_000],
      importCount: 1_000,
      pageReps: 3,
      saveReps: 3,
      searchReps: 1,
      dataReps: 2,
      lockCounts: [1_000],
      unlockReps: 2,
      syncCount: 1_000,
    }
  : {
      counts: [1_000, 10_000, 100_000],
      importCount: 10_000,
      pageReps: 15,
      saveReps: 15,
      searchReps: 3,
      dataReps: 5,
      lockCounts: [10_000, 100_000],
      unlockReps: 5,
      syncCount: 100_000,
    };
/** Whether any metric of an area (ids starting with `prefix`) is to run. */
const wanted = (prefix: string) =>
  only === null || only.some((p) => p.startsWith(prefix) || prefix.startsWith(p));

const results: MetricResult[] = [];
let broken = 0;
const log = (message: string) =>
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

/** Run one measurement; a crash becomes an "error" row and a non-zero exit, not an abort. */
async function step(
  id: string,
  label: string,
  measure: () => Promise<MetricResult | MetricResult[]>,
) {
  if (only !== null && !only.some((prefix) => id.startsWith(prefix))) return;
  log(label);
  try {
    const measured = await measure();
    results.push(...(Array.isArray(measured) ? measured : [measured]));
  } catch (error) {
    broken++;
    console.error(error);
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    results.push({ id, label, unit: 'ms', samples: [], error: message ?? 'failed' });
  }
}

async function measureInBrowser(browser: BenchBrowser, scratch: string): Promise<void> {
  await step('popup-ready', 'Popup ready to type', () => popupReady(browser, plan.pageReps));
  await step('save', 'Save', () => save(browser, plan.saveReps));

  // From here on the store holds exactly the seeded reflections.
  // The seeder is a blank page (the saves above created the database), so it holds no app
  // state that would count towards the options page's memory.
  const seeder = await browser.open('blank.html');
  await clearReflections(seeder);
  const largest = Math.max(...plan.counts);
  const records = generateReflections(largest);
  let stored = 0;
  for (const count of plan.counts) {
    log(`Seeding ${count.toLocaleString('en-US')} reflections`);
    const started = Date.now();
    await writeReflections(seeder, records.slice(stored, count));
    stored = count;
    log(`  seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const n = count.toLocaleString('en-US');
    await step(`dashboard-ready-${count}`, `Dashboard ready, ${n}`, () =>
      dashboardReady(browser, count, plan.pageReps),
    );
    await step(`search-building-${count}`, `Search while indexing, ${n}`, () =>
      searchWhileBuilding(browser, count, plan.searchReps),
    );
    await step(`search-${count}`, `Search, ${n}`, () => search(browser, count, plan.searchReps));
    if (count === plan.importCount) {
      const file = join(scratch, `export-${count}.json`);
      let made = false;
      await step(`export-${count}`, `Export, ${n}`, async () => {
        const result = await exportAll(browser, count, plan.dataReps, file);
        made = !result.unavailable;
        return result;
      });
      await step(`import-${count}`, `Import, ${n}`, () =>
        importFile(browser, made ? file : null, records.slice(0, count), plan.dataReps),
      );
    } else if (count === largest) {
      await step(`export-${count}`, `Export, ${n}`, () => exportAll(browser, count, plan.dataReps));
    }
    if (count === largest) {
      await step(`memory-${count}`, `Memory, ${n}`, () => memory(browser, count, 3));
    }
  }
  await seeder.close();
}

/**
 * The lock's area, in a browser of its own (a lock switched on would change every other
 * row): save with the lock on and locked, then at each size the journal sealed through
 * Preferences and unlocked on the review page.
 */
async function measureLock(browser: BenchBrowser): Promise<void> {
  // Resets and locks go through a blank page: a review page reloads when the journal locks.
  const control = await browser.open('blank.html');
  await step('lock-save', 'Save with the lock on', async () => {
    const options = await browser.open('options.html');
    await switchLockOn(options);
    await options.close();
    // Locked, as after a restart or an auto-lock: the popup seals to the public key.
    await control.evaluate(() => chrome.storage.session.clear());
    return save(browser, plan.saveReps, {
      id: 'lock-save',
      label: 'Save with the lock on, locked (Ctrl+Enter → committed)',
    });
  });
  const largest = Math.max(...plan.lockCounts);
  const records = generateReflections(largest);
  for (const count of plan.lockCounts) {
    const n = count.toLocaleString('en-US');
    await resetLock(control);
    log(`Seeding ${n} plain reflections`);
    await writeReflections(control, records.slice(0, count));
    let sealed = false;
    await step(`lock-on-${count}`, `Lock on, ${n}`, async () => {
      const row = switchOnRow(count, await switchOnTimed(browser, count));
      sealed = true;
      return row;
    });
    if (!sealed) continue;
    await step(`lock-unlock-${count}`, `Unlock, ${n}`, () =>
      unlockRows(browser, count, count === largest ? 3 : plan.unlockReps, count === largest),
    );
  }
  await resetLock(control);
  await control.close();
}

/**
 * Sync's first run (bench/metrics/sync.ts), last, with a pouchdb-server of its own and a
 * browser for each profile: a locked journal's push, then a second profile's pull of it. One
 * timed run each: a first sync happens once per journal.
 */
async function measureSync(): Promise<void> {
  const count = plan.syncCount;
  const n = count.toLocaleString('en-US');
  const server = await startCouchServer();
  try {
    let journal: SyncedJournal | null = null;
    await step(`sync-push-${count}`, `First sync, push ${n}`, async () => {
      const pushed = await firstPush(server, count, log);
      journal = pushed.journal;
      return pushed.rows;
    });
    await step(`sync-pull-${count}`, `First sync, pull ${n} into a second profile`, async () => {
      if (!journal) {
        return {
          id: `sync-pull-${count}`,
          label: `Second profile joins, first pull ${n}`,
          unit: 'ms',
          samples: [],
          unavailable: 'needs a complete push in the same run',
        };
      }
      return firstPull(server, journal, log);
    });
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  log(`${quick ? 'Quick' : 'Full'} run. Build: ${ensureFreshBuild()}`);
  await step('sizes', 'Sizes', async () => sizes());
  const scratch = mkdtempSync(join(tmpdir(), 'fail-well-bench-'));
  let browserVersion = 'unknown';
  let browser: BenchBrowser | null = null;
  try {
    browser = await startBrowser();
    browserVersion = browser.version;
    log(`Browser: ${browserVersion}`);
    const ownBrowser = ['lock', 'importers', 'sync'];
    if (only === null || only.some((p) => !ownBrowser.some((area) => p.startsWith(area)))) {
      await measureInBrowser(browser, scratch);
    }
    if (wanted('importers')) {
      // A browser of its own: an empty store, as when someone moves in from another app.
      await browser.close();
      browser = await startBrowser();
      const live = browser;
      await step(`importers-dayone-${plan.importCount}`, 'Import from Day One', () =>
        importers(live, scratch, plan.importCount, plan.dataReps),
      );
    }
    if (wanted('lock')) {
      await browser.close();
      browser = await startBrowser();
      await measureLock(browser);
    }
    if (wanted('sync')) {
      // Browsers of their own, with the host permission for the local server.
      await browser.close();
      browser = null;
      await measureSync();
    }
  } catch (error) {
    broken++;
    console.error(error);
  } finally {
    await browser?.close();
    rmSync(scratch, { recursive: true, force: true });
  }

  console.log(`\n${table(results)}\n`);
  const cpu = cpus();
  const report = {
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    durationSeconds: Math.round((Date.now() - started) / 1000),
    machine: {
      cpu: cpu[0]?.model ?? 'unknown',
      cores: cpu.length,
      os: `${process.platform} ${release()}`,
      node: process.version,
      browser: browserVersion,
    },
    plan,
    results: results.map((result) => ({
      ...result,
      verdict: verdict(result),
      summary: result.samples.length ? summarize(result.samples) : null,
      baselineSummary: result.baseline?.samples.length ? summarize(result.baseline.samples) : null,
      ratio: ratioSummary(result),
    })),
  };
  writeFileSync('bench/results.json', `${JSON.stringify(report, null, 2)}\n`);
  const misses = results.filter((r) => verdict(r) === 'miss').length;
  console.log(
    `${results.length} metrics, ${misses} missed their target${broken ? `, ${broken} broke` : ''}; ` +
      `every sample in bench/results.json (${report.durationSeconds} s).`,
  );
  // Timings on a shared machine never fail a build; a broken measurement does.
  process.exitCode = broken > 0 ? 1 : 0;
}

// The extension page's own `chrome`, used inside page.evaluate.
declare const chrome: WxtBrowser;

void main();
