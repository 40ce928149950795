/**
 * Import and export at scale in Chromium, through the Data section as a user drives it:
 * import 10,000 reflections from a file, export 100,000 to a JSON download. Prints timings.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from '../tests/e2e/fixtures';

function reflection(n: number) {
  const createdAt = Date.UTC(2020, 0, 1) + n * 600_000;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    createdAt,
    updatedAt: createdAt,
    template: 'quick',
    answers: {
      happened: `The deploy on day ${n} went out without the migration; the site was down ten minutes.`,
      learned: 'Check the migration list before pressing the button, every time.',
      nextTime: 'Run the pre-deploy checklist.',
    },
    tags: ['deploys', `team-${n % 7}`],
    sting: ((n % 5) + 1) as number,
    trigger: 'manual',
    context: null,
    followUps: [],
    share: null,
    pinned: false,
    review: { count: 0, nextDueAt: createdAt + 7 * 86_400_000, retired: false },
    deletedAt: null,
  };
}

async function seed(page: Page, count: number) {
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const found = (await indexedDB.databases()).find((d) => d.name === 'fail-well');
        return found?.version ?? 0;
      }),
    )
    .toBeGreaterThanOrEqual(2);
  const template = reflection(0);
  await page.evaluate(
    ({ count, template }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('fail-well');
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('reflections', 'readwrite');
          const store = tx.objectStore('reflections');
          for (let n = 0; n < count; n++) {
            const createdAt = template.createdAt + n * 600_000;
            store.put({
              ...template,
              id: `seed-${n}`,
              createdAt,
              updatedAt: createdAt,
              review: { ...template.review, nextDueAt: createdAt + 7 * 86_400_000 },
            });
          }
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { count, template },
  );
}

test('import 10,000 reflections from a file', async ({ openPage }) => {
  const page = await openPage('options.html#/data');
  const text = JSON.stringify({
    format: 'fail-well',
    version: 2,
    exportedAt: Date.now(),
    settings: {},
    reflections: Array.from({ length: 10_000 }, (_, n) => reflection(n)),
  });
  const input = page.getByLabel('Choose a JSON export');
  // Time inside the page, from the file being chosen to the report: Playwright's own transfer
  // of the file into the browser is not part of what a user waits for.
  await page.evaluate(() => {
    const w = window as { __t0?: number; __t1?: number };
    document.addEventListener('change', () => (w.__t0 = performance.now()), { capture: true });
    new MutationObserver(() => {
      if (!w.__t1 && /new reflections? added/.test(document.body.textContent ?? '')) {
        w.__t1 = performance.now();
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await input.setInputFiles({
    name: 'ten-thousand.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await expect(page.getByText(/10,000 new reflections added/)).toBeVisible({ timeout: 120_000 });
  const ms = Math.round(
    await page.evaluate(() => {
      const w = window as { __t0?: number; __t1?: number };
      return (w.__t1 ?? 0) - (w.__t0 ?? 0);
    }),
  );
  console.log(
    `import 10,000 (${(text.length / 1e6).toFixed(1)} MB): ${ms} ms from choosing the file to the report`,
  );
});

test('export 100,000 reflections to JSON', async ({ openPage }) => {
  const page = await openPage('options.html#/data');
  await seed(page, 100_000);
  // The page stays responsive while exporting: measure the longest gap between animation frames.
  await page.evaluate(() => {
    const w = window as { __longest?: number };
    w.__longest = 0;
    let last = performance.now();
    const tick = (t: number) => {
      w.__longest = Math.max(w.__longest ?? 0, t - last);
      last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const started = Date.now();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  const ms = Date.now() - started;
  const longest = await page.evaluate(() => (window as { __longest?: number }).__longest);
  const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(file.reflections).toHaveLength(100_000);
  console.log(
    `export 100,000: ${ms} ms from click to download; longest frame gap ${Math.round(longest ?? 0)} ms`,
  );
});
