/**
 * Screenshots of the dashboard and insights with a few hundred reflections, in both colour
 * schemes. They land in test-results/ (look at them); `npm run screenshots` refreshes docs/.
 */
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { reflection, seedReflections } from './seed';

const dir = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'test-results/screenshots';

for (const scheme of ['light', 'dark'] as const) {
  test(`dashboard and insights look finished in ${scheme} mode`, async ({ openPage }) => {
    const page = await openPage('options.html');
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 900, height: 1100 });
    await expect(page.getByRole('heading', { name: 'Turn setbacks into lessons' })).toBeVisible();
    await page.screenshot({ path: join(dir, `dashboard-empty-${scheme}.png`) });
    const now = Date.now();
    await seedReflections(page, 400, now - 3_600_000, [
      reflection('aaaaaaaa-0000-4000-8000-000000000001', now - 60_000, {
        learned:
          'A quick look is not a review. When I am rushed, I skip the step that matters most.',
        happened: 'I approved a pull request without running it, and the release broke sign-up.',
        tags: ['code-review', 'rushed'],
        sting: 3,
      }),
    ]);
    await expect(page.getByText('401 reflections, newest first')).toBeVisible();
    await page.screenshot({ path: join(dir, `dashboard-${scheme}.png`) });

    await page.getByRole('searchbox', { name: 'Search reflections' }).fill('review rush');
    await page.getByRole('button', { name: 'Read all answers' }).first().click();
    await page.screenshot({ path: join(dir, `dashboard-search-${scheme}.png`) });
    await page
      .getByRole('button', { name: /^Edit reflection/ })
      .first()
      .click();
    await page.screenshot({ path: join(dir, `dashboard-edit-${scheme}.png`) });

    await page.getByRole('link', { name: 'Insights' }).click();
    await expect(page.getByRole('heading', { name: 'Reflections per week' })).toBeVisible();
    await page.screenshot({ path: join(dir, `insights-${scheme}.png`), fullPage: true });
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`"edited on two devices" looks finished in ${scheme} mode`, async ({ openPage }) => {
    const page = await openPage('options.html');
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 900, height: 900 });
    await expect(page.getByRole('heading', { name: 'Turn setbacks into lessons' })).toBeVisible();
    const laptop = 'Ask for the deploy window before the release, not after.';
    const home = 'Check the calendar with ops on Monday, and write the window into the ticket.';
    await seedReflections(page, 20, Date.now() - 3_600_000, [
      {
        ...reflection('aaaaaaaa-0000-4000-8000-000000000002', Date.now() - 60_000, {
          learned: laptop,
        }),
        conflicts: [{ field: 'answers.learned', versions: [laptop, home] }],
      },
    ]);
    const ask = page.getByRole('region', { name: 'Edited on two devices — keep which?' });
    await expect(
      ask.getByRole('button', { name: `Keep this one: ${home.slice(0, 60).trimEnd()}…` }),
    ).toBeVisible();
    await ask.screenshot({ path: join(dir, `two-versions-${scheme}.png`) });
  });
}
