import type { Page } from '@playwright/test';
import { expect, storedReflections, test } from './fixtures';
import { reflection, seedReflections } from './seed';

const HOUR = 3_600_000;

/** Open the dashboard and seed it; resolves when the full list is read. */
async function seeded(openPage: (path: string) => Promise<Page>, count: number) {
  const page = await openPage('options.html');
  await expect(page.getByRole('heading', { name: 'Turn setbacks into lessons' })).toBeVisible();
  const now = Date.now();
  await seedReflections(page, count, now - 2 * HOUR, [
    reflection('aaaaaaaa-0000-4000-8000-000000000001', now - HOUR, {
      learned: 'Zebra crossings need patience before deploying on Friday',
      tags: ['zebra-tag'],
      sting: 4,
    }),
    reflection('aaaaaaaa-0000-4000-8000-000000000002', now - 30 * 60_000, {
      learned: 'Ask for the rollback plan before the release',
      happened: 'The zebra migration stalled halfway',
    }),
  ]);
  await expect(
    page.getByText(`${(count + 2).toLocaleString('en-US')} reflections, newest first`),
  ).toBeVisible({
    timeout: 30_000,
  });
  return page;
}

test('thousands of reflections: newest first, a small DOM, and search narrows the list', async ({
  openPage,
}) => {
  const page = await seeded(openPage, 5000);
  const list = page.getByRole('list', { name: 'Reflections' });
  const articles = list.getByRole('article');
  await expect(articles.first()).toContainText('Ask for the rollback plan');
  expect(await list.locator('> li').count()).toBeLessThan(60);

  // Scrolling to the bottom renders the oldest rows, still only a window of them.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(list.locator('> li').last()).toHaveAttribute('aria-posinset', '5002');
  expect(await list.locator('> li').count()).toBeLessThan(60);
  await page.evaluate(() => window.scrollTo(0, 0));

  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search reflections' })).toBeFocused();
  await page.keyboard.type('zeb');
  await expect(page.getByText('2 reflections match')).toBeVisible();
  // The lesson that matches ranks first (the lesson weighs more); the match is marked.
  await expect(articles.first()).toContainText('Zebra crossings');
  await expect(articles.first().locator('mark').first()).toHaveText('Zebra');
  await expect(articles.nth(1)).toContainText('The zebra migration stalled');
  // The view is in the URL: a reload keeps it.
  await expect(page).toHaveURL(/#\/lessons\?q=zeb$/);
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search reflections' })).toHaveValue('zeb');
  await expect(page.getByText('2 reflections match')).toBeVisible({ timeout: 30_000 });
});

test('filters combine with search, live in the URL, and back/forward restores them', async ({
  openPage,
}) => {
  const page = await seeded(openPage, 2000);
  await page.getByRole('combobox', { name: 'Tag' }).selectOption('zebra-tag');
  await expect(page.getByText('1 reflection matches')).toBeVisible();
  await expect(page).toHaveURL(/tags=zebra-tag/);
  await page.getByRole('combobox', { name: 'Sting' }).selectOption('5');
  await expect(page.getByText('Nothing matches.')).toBeVisible();
  await page.goBack();
  await expect(page.getByText('1 reflection matches')).toBeVisible();
  await page.goBack();
  await expect(page.getByText('2,002 reflections, newest first')).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('button', { name: 'Remove tag filter zebra-tag' })).toBeVisible();
});

test('an edit persists across reload; delete and undo restore the reflection', async ({
  openPage,
}) => {
  const page = await seeded(openPage, 1000);
  const first = page.getByRole('list', { name: 'Reflections' }).getByRole('article').first();
  await first.getByRole('button', { name: /^Edit reflection/ }).click();
  const editor = page.getByRole('form', { name: /^Edit reflection/ });
  const learned = editor.getByRole('textbox', { name: 'What did I learn?' });
  await learned.fill('Ask for the rollback plan before every release, written down');
  await editor.getByRole('combobox', { name: 'Tags' }).fill('releases,');
  await editor.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeAttached();
  await page.reload();
  const again = page.getByRole('list', { name: 'Reflections' }).getByRole('article').first();
  await expect(again).toContainText('written down');
  await expect(again).toContainText('releases');
  const stored = (await storedReflections(page)).find(
    (r) => r.id === 'aaaaaaaa-0000-4000-8000-000000000002',
  );
  expect(stored?.updatedAt).toBeGreaterThan(stored?.createdAt as number);

  await again.getByRole('button', { name: /^Delete reflection/ }).click();
  await expect(page.getByText('Reflection deleted.', { exact: true })).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Reflections' }).getByRole('article').first(),
  ).toContainText('Zebra crossings');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(
    page.getByRole('list', { name: 'Reflections' }).getByRole('article').first(),
  ).toContainText('written down');
  const restored = (await storedReflections(page)).find(
    (r) => r.id === 'aaaaaaaa-0000-4000-8000-000000000002',
  );
  expect(restored?.deletedAt).toBeNull();
});

test('a reflection saved in the popup appears on the open dashboard without reload', async ({
  openPage,
}) => {
  const dashboard = await seeded(openPage, 1000);
  const popup = await openPage('popup.html');
  await popup.getByRole('textbox', { name: 'What did I learn?' }).fill('Live lessons travel fast');
  await popup.keyboard.press('Control+Enter');
  await expect(popup.getByRole('heading', { name: 'Saved. Lesson kept.' })).toBeVisible();
  const first = dashboard.getByRole('list', { name: 'Reflections' }).getByRole('article').first();
  await expect(first).toContainText('Live lessons travel fast');
  await expect(dashboard.getByText('1,003 reflections, newest first')).toBeVisible();
  // …and the search index knows it too.
  await dashboard.getByRole('searchbox', { name: 'Search reflections' }).fill('travel');
  await expect(dashboard.getByText('1 reflection matches')).toBeVisible();
});

test('keyboard: j/k move, e edits, p pins, Delete deletes with undo', async ({ openPage }) => {
  const page = await seeded(openPage, 500);
  const articles = page.getByRole('list', { name: 'Reflections' }).getByRole('article');
  await page.keyboard.press('j');
  await expect(articles.first()).toBeFocused();
  await page.keyboard.press('j');
  await expect(articles.nth(1)).toBeFocused();
  await page.keyboard.press('k');
  await expect(articles.first()).toBeFocused();
  for (let i = 0; i < 30; i++) await page.keyboard.press('j');
  await expect(page.locator('li:has(article:focus)')).toHaveAttribute('aria-posinset', '31');
  for (let i = 0; i < 30; i++) await page.keyboard.press('k');
  await expect(articles.first()).toBeFocused();

  await page.keyboard.press('p');
  await expect(articles.first()).toHaveAccessibleName(/, pinned$/);
  await page.keyboard.press('e');
  const editor = page.getByRole('form', { name: /^Edit reflection/ });
  await expect(editor.getByRole('textbox').first()).toBeFocused();
  // Shortcuts stay out of the way while typing.
  await page.keyboard.type(' jkp');
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);

  await page.keyboard.press('Delete');
  await expect(page.getByText('Reflection deleted.', { exact: true })).toBeVisible();
  await expect(articles.first()).toContainText('Zebra crossings');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(articles.first()).toContainText('Ask for the rollback plan');
  await expect(articles.first()).toHaveAccessibleName(/, pinned$/);
});

test('insights and look-back show for seeded reflections', async ({ openPage }) => {
  const page = await seeded(openPage, 3000);
  // Seeded lessons are weeks old, so one is due to come back.
  const card = page.getByRole('region', { name: 'A lesson to revisit' });
  await expect(card).toBeVisible();
  const before = await card.locator('blockquote').textContent();
  await card.getByRole('button', { name: 'Seen it' }).click();
  await expect(card.locator('blockquote')).not.toHaveText(before ?? '');

  await page.getByRole('link', { name: 'Insights' }).click();
  await expect(page.getByRole('heading', { name: 'Reflections per week' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Reflections per week' })).toBeAttached();
  await expect(page.getByRole('table', { name: 'Top tags' })).toBeAttached();
  await expect(page.getByText('12 of the last 12')).toBeVisible();
});

test('a day of the year calendar opens the list of that day, by mouse or keyboard', async ({
  openPage,
}) => {
  const page = await openPage('options.html');
  await expect(page.getByRole('heading', { name: 'Turn setbacks into lessons' })).toBeVisible();
  // Local noon ten days ago and the day before it, in the browser's own zone.
  const days = await page.evaluate(() =>
    [10, 11].map((back) => {
      const d = new Date();
      d.setDate(d.getDate() - back);
      d.setHours(12, 0, 0, 0);
      const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      return { at: d.getTime(), iso };
    }),
  );
  const [day, before] = days as [{ at: number; iso: string }, { at: number; iso: string }];
  await seedReflections(page, 0, Date.now(), [
    reflection('bbbbbbbb-0000-4000-8000-000000000001', day.at, {
      learned: 'Calendar day lesson one',
      sting: 2,
    }),
    reflection('bbbbbbbb-0000-4000-8000-000000000002', day.at + 60_000, {
      learned: 'Calendar day lesson two',
      sting: 5,
    }),
    reflection('bbbbbbbb-0000-4000-8000-000000000003', before.at, {
      learned: 'The day before',
    }),
  ]);
  await page.reload();
  await page.getByRole('link', { name: 'Insights' }).click();
  const grid = page.getByRole('grid', { name: 'Your year' });
  await grid.getByRole('link', { name: /: 2 reflections, sting 5$/ }).click();
  await expect(page).toHaveURL(new RegExp(`#/lessons\\?from=${day.iso}&to=${day.iso}$`));
  const articles = page.getByRole('list', { name: 'Reflections' }).getByRole('article');
  await expect(articles).toHaveCount(2);
  await expect(articles.first()).toContainText('Calendar day lesson two');

  // From the keyboard: back to the calendar, one day up from that day, Enter.
  await page.goBack();
  await grid.getByRole('link', { name: /: 2 reflections, sting 5$/ }).focus();
  await page.keyboard.press('ArrowUp');
  await expect(grid.getByRole('link', { name: /: 1 reflection$/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`from=${before.iso}&to=${before.iso}$`));
  await expect(articles).toHaveCount(1);
  await expect(articles.first()).toContainText('The day before');
});
