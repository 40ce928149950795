/**
 * Page ready: from navigation to the page's first useful element painted, against the blank
 * extension page's input in the same browser, interleaved run by run. Used for the popup and
 * the dashboard.
 */
import type { Locator, Page } from '@playwright/test';
import { appearedAt, type BenchBrowser } from '../harness';

/** Open `path`, return when `find(page)` was painted (ms after navigation start). */
export async function timeToElement(
  browser: BenchBrowser,
  path: string,
  find: (page: Page) => Locator,
): Promise<number> {
  const page = await browser.open(path);
  try {
    return await appearedAt(find(page).first());
  } finally {
    await page.close();
  }
}

/** The blank page's input: the baseline for every "ready" timing. */
export const blankInput = (page: Page) => page.getByRole('textbox', { name: 'Blank' });

/**
 * `reps` interleaved pairs (alternating which goes first) after one discarded warm-up pair,
 * so the first load's cold caches count for neither.
 */
export async function pairedReady(
  browser: BenchBrowser,
  reps: number,
  path: string,
  find: (page: Page) => Locator,
): Promise<{ target: number[]; blank: number[] }> {
  await timeToElement(browser, 'blank.html', blankInput);
  await timeToElement(browser, path, find);
  const target: number[] = [];
  const blank: number[] = [];
  for (let i = 0; i < reps; i++) {
    if (i % 2 === 0) {
      blank.push(await timeToElement(browser, 'blank.html', blankInput));
      target.push(await timeToElement(browser, path, find));
    } else {
      target.push(await timeToElement(browser, path, find));
      blank.push(await timeToElement(browser, 'blank.html', blankInput));
    }
  }
  return { target, blank };
}
