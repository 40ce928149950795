/**
 * The dashboard with 10,000 and 100,000 seeded reflections in Chromium: time to first rows,
 * time until search and filters cover everything, per-keystroke search time, DOM size while
 * scrolling, and JS heap. Prints numbers; asserts only that the page works.
 */
import { expect, test } from '../tests/e2e/fixtures';
import { seedReflections } from '../tests/e2e/seed';

for (const size of [10_000, 100_000]) {
  test(`dashboard with ${size.toLocaleString('en-US')} reflections`, async ({ openPage }) => {
    // On install the extension opens its options page itself; that can interrupt our first
    // navigation, so try once more.
    const page = await openPage('options.html').catch(() => openPage('options.html'));
    // Background tabs get throttled timers: measure the tab a person would be looking at.
    await page.bringToFront();
    await expect(page.getByRole('heading', { name: 'Turn setbacks into lessons' })).toBeVisible();
    await seedReflections(page, size, Date.now());
    const label = `${size.toLocaleString('en-US')} reflections, newest first`;
    await expect(page.getByText(label)).toBeVisible();

    const loads: { firstRows: number; ready: number }[] = [];
    for (let run = 0; run < 3; run++) {
      const start = Date.now();
      await page.reload({ waitUntil: 'commit' });
      await page.getByRole('article').first().waitFor();
      const firstRows = Date.now() - start;
      await page.getByText(label).waitFor();
      loads.push({ firstRows, ready: Date.now() - start });
    }

    // Per keystroke: from the input event to the list re-rendered (the next task).
    const keystrokes = await page.evaluate(async () => {
      const box = document.querySelector<HTMLInputElement>(
        'input[type="search"]',
      ) as HTMLInputElement;
      const results: { q: string; ms: number; status: string }[] = [];
      for (const q of [
        'd',
        'de',
        'dep',
        'depl',
        'deplo',
        'deploy',
        'deploy r',
        'deploy ru',
        'deploy rushed',
        'kalomi',
      ]) {
        const t = performance.now();
        box.value = q;
        box.dispatchEvent(new Event('input', { bubbles: true }));
        // Preact renders in a microtask or task after the input event: wait one message task.
        await new Promise((resolve) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = resolve;
          channel.port2.postMessage(null);
        });
        const ms = performance.now() - t;
        results.push({
          q,
          ms: Math.round(ms * 10) / 10,
          status: document.querySelector('.list-status')?.firstChild?.textContent ?? '',
        });
      }
      box.value = '';
      box.dispatchEvent(new Event('input', { bubbles: true }));
      return results;
    });
    await expect(page.getByText(label)).toBeVisible();

    const scroll = await page.evaluate(async () => {
      const out: { at: string; rows: number; nodes: number }[] = [];
      for (const f of [0, 0.25, 0.5, 0.75, 1]) {
        window.scrollTo(0, (document.body.scrollHeight - innerHeight) * f);
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        out.push({
          at: `${f * 100}%`,
          rows: document.querySelectorAll('.virtual-list > li').length,
          nodes: document.getElementsByTagName('*').length,
        });
      }
      return out;
    });
    const heapMb = await page.evaluate(() =>
      Math.round(
        ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory
          ?.usedJSHeapSize ?? 0) / 1_048_576,
      ),
    );
    console.log(JSON.stringify({ size, loads, keystrokes, scroll, heapMb }, null, 1));
  });
}
