/**
 * Import: from choosing a JSON export in the Data section (the input's change event) to its
 * "Imported …" status painted, into an empty store; against a raw put of the same records in
 * one transaction in the blank page. The file is the app's own export (bench/metrics/export.ts),
 * so this follows whatever format the data feature writes.
 */
import type { Page } from '@playwright/test';
import { writeReflections } from '../../tests/e2e/seed';
import type { Reflection } from '../../utils/reflections/reflection';
import {
  appearedAt,
  type BenchBrowser,
  clearReflections,
  pageEvent,
  pageNow,
  present,
} from '../harness';
import { type MetricResult, type Target, timingRow } from '../report';

/** The Data section's file input for imports (a file input has no role: found by label). */
export const importInput = (page: Page) =>
  page
    .getByLabel(/import|json/i)
    .and(page.locator('input[type="file"]'))
    .first();

/** PRODUCT.md: import of 10,000 under 1 s. */
export function importTarget(count: number): Target | undefined {
  return count === 10_000 ? { max: 1_000, on: 'value' } : undefined;
}

/** The baseline: every staged record put in one transaction, on an open connection. */
function rawImport(): Promise<number> {
  const records = (window as unknown as { __records: unknown[] }).__records;
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('fail-well');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const start = performance.now();
      const tx = db.transaction('reflections', 'readwrite');
      const store = tx.objectStore('reflections');
      for (const record of records) store.put(record);
      tx.oncomplete = () => {
        const ms = performance.now() - start;
        db.close();
        resolve(ms);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** Stage `records` in the page (as one JSON string: much faster than objects). */
async function stage(page: Page, records: readonly Reflection[]): Promise<void> {
  await page.evaluate((json) => {
    (window as unknown as { __records: unknown[] }).__records = JSON.parse(json);
  }, JSON.stringify(records));
}

/**
 * Import `file` (an export of `records`) `reps` times into an emptied store, paired with the
 * raw baseline. Leaves the records stored, as they were before.
 */
export async function importFile(
  browser: BenchBrowser,
  file: string | null,
  records: readonly Reflection[],
  reps: number,
): Promise<MetricResult> {
  const count = records.length;
  const goal = importTarget(count);
  const base = timingRow(
    `import-${count}`,
    `Import JSON, ${count.toLocaleString('en-US')} reflections`,
    goal,
  );
  if (!file) return { ...base, unavailable: 'needs the Data section’s export to make its file' };
  const probe = await browser.open('options.html#/data');
  const available = await present(importInput(probe));
  await probe.close();
  if (!available) return { ...base, unavailable: 'the Data section has no import file input' };
  const samples: number[] = [];
  const baseline: number[] = [];
  const blank = await browser.open('blank.html');
  try {
    await stage(blank, records);
    for (let i = 0; i < reps; i++) {
      await clearReflections(blank);
      baseline.push(await blank.evaluate(rawImport));
      await clearReflections(blank);
      const page = await browser.open('options.html#/data');
      try {
        const since = await pageNow(page);
        await importInput(page).setInputFiles(file);
        const done = await appearedAt(page.getByRole('status').getByText(/imported/i), {
          timeout: 120_000,
        });
        const change = await pageEvent(page, 'change', { since });
        samples.push(done - change.time);
      } finally {
        await page.close();
      }
    }
  } finally {
    // Leave exactly the records that were there before, whatever the import did.
    await clearReflections(blank);
    await writeReflections(blank, records);
    await blank.close();
  }
  return { ...base, samples, baseline: { label: 'raw put', samples: baseline } };
}
