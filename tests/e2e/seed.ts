/**
 * Seed many reflections straight into IndexedDB from an extension page, in batched
 * transactions, then tell open pages to re-read (the same `bulk` message an import sends).
 */
import type { Page } from '@playwright/test';
import { syntheticReflections } from '../../bench/synthetic';

/** Write `count` synthetic reflections (plus `extra` hand-made ones); the page must have opened the database. */
export async function seedReflections(
  page: Page,
  count: number,
  now: number,
  extra: readonly Record<string, unknown>[] = [],
): Promise<void> {
  // Passed as source text: the generator runs in the page, so 100,000 records never cross
  // the DevTools protocol. (DevTools evaluation is not subject to the page's CSP.)
  await page.evaluate(`(async () => {
    const generate = ${syntheticReflections.toString()};
    const extra = ${JSON.stringify(extra)};
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('fail-well');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const write = (records) => new Promise((resolve, reject) => {
      const tx = db.transaction('reflections', 'readwrite');
      for (const r of records) tx.objectStore('reflections').put(r);
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    for (let from = 0; from < ${count}; from += 5000) {
      await write(generate(from, Math.min(5000, ${count} - from), ${now}));
    }
    await write(extra);
    db.close();
    new BroadcastChannel('fail-well:reflections').postMessage({ type: 'bulk' });
  })()`);
}

/** A hand-made reflection for tests that look for particular words. */
export function reflection(
  id: string,
  createdAt: number,
  fields: { learned: string; happened?: string; tags?: string[]; sting?: number | null },
): Record<string, unknown> {
  return {
    id,
    createdAt,
    updatedAt: createdAt,
    template: 'quick',
    answers: {
      happened: fields.happened ?? 'Something did not go to plan.',
      learned: fields.learned,
      nextTime: 'Try the small change.',
    },
    tags: fields.tags ?? [],
    sting: fields.sting ?? null,
    trigger: 'manual',
    context: null,
    followUps: [],
    share: null,
    pinned: false,
    review: { count: 0, nextDueAt: createdAt + 7 * 86_400_000, retired: false },
    deletedAt: null,
  };
}
