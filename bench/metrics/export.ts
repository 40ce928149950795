/**
 * Export: from the click on the dashboard's JSON export button to its "Exported …" status
 * painted (the file has been handed to the browser then), against reading every record
 * raw and serialising it to a JSON Blob in the blank page. "Not available yet" until the
 * Data section has an export button.
 */
import type { Page } from '@playwright/test';
import { appearedAt, type BenchBrowser, pageEvent, pageNow, present } from '../harness';
import { type MetricResult, type Target, timingRow } from '../report';

/** The Data section's export button, by role and name. */
export const exportButton = (page: Page) =>
  page.getByRole('button', { name: /^export( json)?$/i }).first();

/** PRODUCT.md: export of 100,000 under 2 s. */
export function exportTarget(count: number): Target | undefined {
  return count === 100_000 ? { max: 2_000, on: 'value' } : undefined;
}

/** The baseline: getAll + JSON.stringify + Blob, on a connection opened beforehand. */
function rawExport(): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('fail-well');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const start = performance.now();
      const all = db.transaction('reflections').objectStore('reflections').getAll();
      all.onsuccess = () => {
        const blob = new Blob([JSON.stringify({ reflections: all.result })], {
          type: 'application/json',
        });
        const ms = performance.now() - start;
        db.close();
        resolve(blob.size > 0 ? ms : Number.NaN);
      };
      all.onerror = () => reject(all.error);
    };
  });
}

/**
 * Export everything `reps` times with `count` stored, paired with the raw baseline; the last
 * exported file is saved to `keepAs` (the import benchmark reads it back).
 */
export async function exportAll(
  browser: BenchBrowser,
  count: number,
  reps: number,
  keepAs?: string,
): Promise<MetricResult> {
  const goal = exportTarget(count);
  const base = timingRow(
    `export-${count}`,
    `Export JSON, ${count.toLocaleString('en-US')} reflections`,
    goal,
  );
  const samples: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < reps; i++) {
    const page = await browser.open('options.html#/data');
    try {
      if (!(await present(exportButton(page)))) {
        return { ...base, unavailable: 'the Data section has no Export button' };
      }
      const json = page.getByRole('radio', { name: /json/i });
      if (await present(json, 500)) await json.first().check();
      const since = await pageNow(page);
      const download = page.waitForEvent('download', { timeout: 120_000 });
      await exportButton(page).click();
      const done = await appearedAt(page.getByRole('status').getByText(/exported/i), {
        timeout: 120_000,
      });
      const click = await pageEvent(page, 'click', { since });
      samples.push(done - click.time);
      const file = await download;
      if (keepAs && i === reps - 1) await file.saveAs(keepAs);
    } finally {
      await page.close();
    }
    const blank = await browser.open('blank.html');
    try {
      baseline.push(await blank.evaluate(rawExport));
    } finally {
      await blank.close();
    }
  }
  return { ...base, samples, baseline: { label: 'raw getAll+JSON', samples: baseline } };
}
