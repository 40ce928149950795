/**
 * Save: from the Ctrl+Enter keydown (the event's own timestamp) to the popup's
 * `fail-well:saved` mark, set right after the write's transaction committed; against a raw
 * IndexedDB put of the same record in the same page.
 */
import { type BenchBrowser, pageEvent } from '../harness';
import type { MetricResult } from '../report';
import { firstAnswer } from './popup-ready';

/** Time one raw put of a copy of the newest stored record, in its own transaction. */
function rawPut(): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('fail-well');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const read = db
        .transaction('reflections')
        .objectStore('reflections')
        .index('by-createdAt')
        .openCursor(null, 'prev');
      read.onsuccess = () => {
        const record = { ...read.result?.value, id: crypto.randomUUID() };
        const start = performance.now();
        const tx = db.transaction('reflections', 'readwrite');
        tx.objectStore('reflections').put(record);
        tx.oncomplete = () => {
          const ms = performance.now() - start;
          db.close();
          resolve(ms);
        };
        tx.onerror = () => reject(tx.error);
      };
      read.onerror = () => reject(read.error);
    };
  });
}

/**
 * `reps` saves from the popup, each paired with a raw put. Target: ≤ 10 ms, with the lock off
 * and (`row` for the lock's own row) with it on.
 */
export async function save(
  browser: BenchBrowser,
  reps: number,
  row: { id: string; label: string } = { id: 'save', label: 'Save (Ctrl+Enter → committed)' },
): Promise<MetricResult> {
  const samples: number[] = [];
  const baseline: number[] = [];
  // One discarded warm-up: the first write also creates the database.
  for (let i = -1; i < reps; i++) {
    const page = await browser.open('popup.html');
    try {
      // The first field is static HTML that takes typing before the app mounts; a save is
      // timed on the mounted app (its Save button is there), as before that field existed.
      await page.getByRole('button', { name: 'Save reflection' }).waitFor();
      await firstAnswer(page).fill(`Benchmark save ${i}: the deploy went out without the tests.`);
      await page.keyboard.press('Control+Enter');
      await page.getByRole('heading', { name: 'Saved. Lesson kept.' }).waitFor();
      const keydown = await pageEvent(page, 'keydown', { key: 'Control+Enter', last: true });
      const saved = await page.evaluate(
        () => performance.getEntriesByName('fail-well:saved').at(-1)?.startTime ?? null,
      );
      if (saved === null) {
        throw new Error('The popup set no "fail-well:saved" mark after committing the save.');
      }
      const raw = await page.evaluate(rawPut);
      if (i >= 0) {
        samples.push(saved - keydown.time);
        baseline.push(raw);
      }
    } finally {
      await page.close();
    }
  }
  return {
    ...row,
    unit: 'ms',
    samples,
    baseline: { label: 'raw put', samples: baseline },
    target: { max: 10, on: 'value' },
  };
}
