/** Popup ready: navigation → the first answer field painted (it has focus), vs blank page. */
import type { Page } from '@playwright/test';
import type { BenchBrowser } from '../harness';
import type { MetricResult } from '../report';
import { pairedReady } from './page-ready';

/** The popup's first answer field, as a person sees it. */
export const firstAnswer = (page: Page) => page.getByRole('textbox', { name: 'What happened?' });

/** Popup ready to type, `reps` pairs with the blank page. Target: ≤ 1.15× blank. */
export async function popupReady(browser: BenchBrowser, reps: number): Promise<MetricResult> {
  const { target, blank } = await pairedReady(browser, reps, 'popup.html', firstAnswer);
  return {
    id: 'popup-ready',
    label: 'Popup ready to type',
    unit: 'ms',
    samples: target,
    baseline: { label: 'blank', samples: blank },
    target: { max: 1.15, on: 'ratio' },
  };
}
