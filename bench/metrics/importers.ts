/**
 * Importers: a 10,000-entry Day One Journal.json, from choosing it in the Data section (the
 * input's change event) to the preview shown, plus from the click on "Import …" to the
 * "… new reflections added" status: parsing, planning and the one-transaction write, without
 * the person's reading time in between. Baseline: a raw put of the same reflections (read
 * back from the first import) in one transaction in the blank page, in the same run.
 * PRODUCT.md: a 10,000-entry import from another app ≤ 2 s.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { appearedAt, type BenchBrowser, clearReflections, pageEvent, pageNow } from '../harness';
import { type MetricResult, type Target, timingRow } from '../report';

export const IMPORTERS_TARGET: Target = { max: 2_000, on: 'value' };

const WORDS = ['deploy', 'review', 'standup', 'estimate', 'incident', 'handover', 'retro', 'scope'];

/**
 * A Day One export of `count` entries, deterministic: Markdown with Day One's escapes, a
 * photo in every tenth entry, a few tags, entries spread over four years in several zones.
 */
export function dayOneJournal(count: number): string {
  const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Pacific/Auckland'];
  const start = Date.UTC(2021, 0, 1);
  const entries = Array.from({ length: count }, (_, i) => {
    const word = WORDS[i % WORDS.length] as string;
    const photo =
      i % 10 === 0 ? `\n\n![](dayone-moment://${i.toString(16).padStart(32, '0')})` : '';
    return {
      uuid: `${i.toString(16).padStart(8, '0')}${'A'.repeat(24)}`,
      creationDate: new Date(start + i * 3 * 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
      timeZone: zones[i % zones.length],
      starred: i % 50 === 0,
      tags: [word, ...(i % 3 === 0 ? ['work'] : [])],
      text: `# Entry ${i}\n\nThe ${word} went sideways at step ${i % 7}\\. Next time: ask first\\!${photo}\n\n1\\. Write it down\n2\\. Share the lesson`,
    };
  });
  return JSON.stringify({ metadata: { version: '1.0' }, entries }, null, 2);
}

/** Every stored reflection into `window.__records` of the blank page, for the baseline. */
function captureRecords(): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('fail-well');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const request = db.transaction('reflections').objectStore('reflections').getAll();
      request.onsuccess = () => {
        (window as unknown as { __records: unknown[] }).__records = request.result;
        db.close();
        resolve(request.result.length);
      };
      request.onerror = () => reject(request.error);
    };
  });
}

/** The baseline: the captured records put in one transaction, on an open connection. */
function rawPut(): Promise<number> {
  const records = (window as unknown as { __records: unknown[] }).__records;
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('fail-well');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const start = performance.now();
      const tx = db.transaction('reflections', 'readwrite');
      for (const record of records) tx.objectStore('reflections').put(record);
      tx.oncomplete = () => {
        db.close();
        resolve(performance.now() - start);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** One import through the page: ms of work from the change event to the status, reading time left out. */
async function importOnce(page: Page, file: string, count: number): Promise<number> {
  await page.getByRole('radio', { name: /^Day One/ }).check();
  const since = await pageNow(page);
  await page.getByLabel('Choose the file').setInputFiles(file);
  const previewed = await appearedAt(
    page.getByRole('button', { name: `Import ${count.toLocaleString('en-US')} entries` }),
    { timeout: 120_000 },
  );
  const change = await pageEvent(page, 'change', { since });
  const beforeClick = await pageNow(page);
  await page.getByRole('button', { name: /^Import \d/ }).click();
  const done = await appearedAt(page.getByRole('status').getByText(/new reflections added/), {
    timeout: 120_000,
  });
  const click = await pageEvent(page, 'click', { since: beforeClick });
  return previewed - change.time + (done - click.time);
}

/** Import a synthetic Day One file of `count` entries `reps` times into an emptied store. */
export async function importers(
  browser: BenchBrowser,
  scratch: string,
  count: number,
  reps: number,
): Promise<MetricResult> {
  const n = count.toLocaleString('en-US');
  const base = timingRow(
    `importers-dayone-${count}`,
    `Import from Day One, ${n} entries (parse + write)`,
    count === 10_000 ? IMPORTERS_TARGET : undefined,
  );
  const file = join(scratch, `dayone-${count}.json`);
  writeFileSync(file, dayOneJournal(count));
  const blank = await browser.open('blank.html');
  const samples: number[] = [];
  const baseline: number[] = [];
  try {
    // A first, untimed import gives the baseline its records: what the importer really writes.
    await clearReflections(blank);
    const warm = await browser.open('options.html#/data');
    await importOnce(warm, file, count);
    await warm.close();
    const stored = await blank.evaluate(captureRecords);
    if (stored !== count) throw new Error(`The import stored ${stored} of ${count} entries.`);
    for (let i = 0; i < reps; i++) {
      await clearReflections(blank);
      baseline.push(await blank.evaluate(rawPut));
      await clearReflections(blank);
      const page = await browser.open('options.html#/data');
      try {
        samples.push(await importOnce(page, file, count));
      } finally {
        await page.close();
      }
    }
  } finally {
    await clearReflections(blank);
    await blank.close();
  }
  return { ...base, samples, baseline: { label: 'raw put', samples: baseline } };
}
