/** Memory: the options page's JS heap with `count` reflections stored, vs the blank page. */
import { type BenchBrowser, heapMB } from '../harness';
import type { MetricResult } from '../report';
import { firstRow } from './dashboard-ready';
import { blankInput } from './page-ready';

/**
 * JS heap in use after a forced GC, `reps` interleaved pairs. Extension pages share one
 * renderer (one heap), so each page is measured alone: the blank page's number is the
 * renderer's floor, the options page's is that plus what the dashboard holds. No target.
 */
export async function memory(
  browser: BenchBrowser,
  count: number,
  reps: number,
): Promise<MetricResult> {
  const samples: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < reps; i++) {
    const blank = await browser.open('blank.html');
    try {
      await blankInput(blank).waitFor();
      baseline.push(await heapMB(blank));
    } finally {
      await blank.close();
    }
    const page = await browser.open('options.html');
    try {
      await firstRow(page).waitFor({ timeout: 60_000 });
      // Whatever the page reads in the background after the first rows counts too.
      await page.waitForTimeout(1_000);
      samples.push(await heapMB(page));
    } finally {
      await page.close();
    }
  }
  return {
    id: `memory-${count}`,
    label: `Options page JS heap, ${count.toLocaleString('en-US')} reflections`,
    unit: 'MB',
    samples,
    baseline: { label: 'blank', samples: baseline },
  };
}
