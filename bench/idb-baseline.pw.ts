/** What the browser itself costs here, so the import/export numbers can be read against it. */
import { expect, test } from '../tests/e2e/fixtures';

test('raw IndexedDB baseline on this machine: 10,000 puts, 20,000 getAll, 10,000 gets', async ({
  openPage,
}) => {
  const page = await openPage('options.html#/data');
  await expect
    .poll(() =>
      page.evaluate(
        async () => (await indexedDB.databases()).find((d) => d.name === 'fail-well')?.version ?? 0,
      ),
    )
    .toBeGreaterThanOrEqual(2);
  const r = await page.evaluate(async () => {
    const out: Record<string, number> = {};
    const db = await new Promise<IDBDatabase>((res) => {
      const o = indexedDB.open('fail-well');
      o.onsuccess = () => res(o.result);
    });
    const rec = (n: number) => ({
      id: `p-${n}`,
      createdAt: n,
      updatedAt: n,
      template: 'quick',
      answers: { happened: 'x'.repeat(80), learned: 'y'.repeat(60) },
      tags: ['a', `b${n % 7}`],
      sting: 3,
      trigger: 'manual',
      context: null,
      followUps: [],
      share: null,
      pinned: false,
      review: { count: 0, nextDueAt: n, retired: false },
      deletedAt: null,
    });
    for (const [label, dur, size] of [
      ['relaxed-1tx', 'relaxed', 10000],
      ['strict-1tx', 'strict', 10000],
    ] as const) {
      const t = performance.now();
      await new Promise<void>((res) => {
        const tx = db.transaction('reflections', 'readwrite', { durability: dur });
        const s = tx.objectStore('reflections');
        for (let i = 0; i < size; i++) s.put(rec(i + (label === 'strict-1tx' ? 20000 : 0)));
        tx.oncomplete = () => res();
      });
      out[label] = performance.now() - t;
    }
    let t = performance.now();
    await new Promise<void>((res) => {
      const tx = db.transaction('reflections');
      const rq = tx.objectStore('reflections').getAll();
      rq.onsuccess = () => res();
    });
    out.getAll20k = performance.now() - t;
    t = performance.now();
    await new Promise<void>((res) => {
      const tx = db.transaction('reflections');
      let n = 0;
      const s = tx.objectStore('reflections');
      for (let i = 0; i < 10000; i++) {
        const rq = s.get(`p-${i}`);
        rq.onsuccess = () => {
          if (++n === 10000) res();
        };
      }
    });
    out.get10k = performance.now() - t;
    return out;
  });
  console.log(JSON.stringify(r));
});
