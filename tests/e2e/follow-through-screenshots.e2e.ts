/**
 * Screenshots of the Follow-through section and the share dialog, in both colour schemes,
 * with due follow-ups and open items on screen, each also checked with axe-core.
 * They land in test-results/screenshots (look at them).
 */
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { reflection, seedReflections } from './seed';

const dir = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'test-results/screenshots';
const DAY = 86_400_000;
// The page's clock is pinned to ten past midnight on the 1st of a month (in the machine's
// zone): themes, due follow-ups and "last week" must all hold on the least friendly day.
const FIRST_OF_MONTH = new Date(2027, 0, 1, 0, 10).getTime();

async function violations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target) }));
}

function seedRecords(now: number): Record<string, unknown>[] {
  const records: Record<string, unknown>[] = [];
  const outcomes = ['applied', 'partly', 'not-yet', 'applied', 'applied', 'not-yet'];
  for (let i = 0; i < 18; i++) {
    const created = now - (i * 9 + 3) * DAY;
    const answeredAt = created + 7 * DAY;
    records.push({
      ...reflection(`dddddddd-0000-4000-8000-0000000000${String(i).padStart(2, '0')}`, created, {
        learned: `Lesson ${i + 1}: small batches are easier to review`,
        tags: i % 3 === 0 ? ['rushed-review'] : ['planning'],
        sting: (i % 5) + 1,
      }),
      followUps:
        answeredAt < now
          ? [{ dueAt: answeredAt, answeredAt, outcome: outcomes[i % 6], note: '' }]
          : [{ dueAt: answeredAt, answeredAt: null, outcome: null, note: '' }],
    });
  }
  records.push({
    ...reflection('eeeeeeee-0000-4000-8000-000000000001', now - 7 * DAY, {
      learned: 'Estimates need a buffer for review',
      tags: ['planning'],
      sting: 3,
    }),
    answers: {
      happened: 'The release slipped a day because review took longer than planned.',
      learned: 'Estimates need a buffer for review',
      nextTime: 'Add half a day for review to every estimate',
    },
    followUps: [
      { dueAt: now - 2 * 3_600_000, answeredAt: null, outcome: null, note: '' },
      { dueAt: now + 23 * DAY, answeredAt: null, outcome: null, note: '' },
    ],
    share: { affected: 'Priya (QA)', told: false, toldAt: null },
  });
  return records;
}

for (const scheme of ['light', 'dark'] as const) {
  test(`follow-through and the share dialog look finished in ${scheme} mode`, async ({
    context,
    openPage,
  }) => {
    await context.clock.install({ time: FIRST_OF_MONTH });
    const page = await openPage('options.html#/follow-through');
    expect(await page.evaluate(() => Date.now())).toBeGreaterThanOrEqual(FIRST_OF_MONTH);
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 900, height: 1100 });
    await expect(page.getByRole('heading', { name: 'Follow-through', level: 2 })).toBeVisible();
    const now = await page.evaluate(() => Date.now());
    await seedReflections(page, 0, now, seedRecords(now));
    await expect(page.getByRole('article', { name: 'Did you apply it?' })).toBeVisible();
    await page.screenshot({ path: join(dir, `follow-through-${scheme}.png`), fullPage: true });
    expect(await violations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Lessons' }).click();
    await page
      .getByRole('button', { name: /^Share reflection from/ })
      .first()
      .click();
    await expect(page.getByRole('dialog', { name: 'Share this lesson' })).toBeVisible();
    await page.screenshot({ path: join(dir, `share-dialog-${scheme}.png`) });
    expect(await violations(page)).toEqual([]);

    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: 'Insights' }).click();
    await expect(page.getByRole('heading', { name: 'Recurring themes' })).toBeVisible();
    await page.screenshot({ path: join(dir, `insights-themes-${scheme}.png`), fullPage: true });
  });
}
