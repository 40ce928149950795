/** Dashboard ready: navigation → the first reflection row painted, with `count` stored. */
import type { Page } from '@playwright/test';
import type { BenchBrowser } from '../harness';
import type { MetricResult, Target } from '../report';
import { pairedReady } from './page-ready';

/** The first reflection in the list. */
export const firstRow = (page: Page) => page.getByRole('article').first();

/** PRODUCT.md: under 300 ms at 10,000 and under 1 s at 100,000. */
export function dashboardTarget(count: number): Target | undefined {
  if (count === 10_000) return { max: 300, on: 'value' };
  if (count === 100_000) return { max: 1_000, on: 'value' };
  return undefined;
}

/** Options page ready with `count` reflections stored, `reps` pairs with the blank page. */
export async function dashboardReady(
  browser: BenchBrowser,
  count: number,
  reps: number,
): Promise<MetricResult> {
  const { target, blank } = await pairedReady(browser, reps, 'options.html', firstRow);
  const result: MetricResult = {
    id: `dashboard-ready-${count}`,
    label: `Dashboard ready, ${count.toLocaleString('en-US')} reflections`,
    unit: 'ms',
    samples: target,
    baseline: { label: 'blank', samples: blank },
  };
  const goal = dashboardTarget(count);
  return goal ? { ...result, target: goal } : result;
}
