/**
 * The growth packet in a real Chromium: for a seeded period the printed page holds exactly the
 * lessons written in it (and nothing from before or after), and its print media looks finished
 * in English and German (screenshots in test-results, looked at).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { closeFirstRunTab, expect, launchWithExtension, serviceWorker, test } from './fixtures';
import { reflection, seedReflections } from './seed';

const CASES = [
  { language: 'en', nav: 'Growth packet', from: 'First day', to: 'Last day' },
  { language: 'de', nav: 'Lernbericht', from: 'Erster Tag', to: 'Letzter Tag' },
] as const;

/** Local noon `back` days ago and its `YYYY-MM-DD`, in the browser's own zone. */
function daysAgo(page: Page, backs: number[]) {
  return page.evaluate(
    (list) =>
      list.map((back) => {
        const d = new Date();
        d.setDate(d.getDate() - back);
        d.setHours(12, 0, 0, 0);
        const pad = (n: number) => String(n).padStart(2, '0');
        return {
          at: d.getTime(),
          iso: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
        };
      }),
    backs,
  );
}

for (const { language, nav, from, to } of CASES) {
  test(`the printed growth packet holds exactly the period's lessons (${language})`, async () => {
    const profile = mkdtempSync(join(tmpdir(), 'fail-well-e2e-packet-'));
    const context = await launchWithExtension(profile, undefined, language);
    try {
      const id = new URL((await serviceWorker(context)).url()).host;
      await closeFirstRunTab(context);
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/options.html`);
      const [before, first, second, last, after] = await daysAgo(page, [40, 30, 20, 10, 5]);
      if (!before || !first || !second || !last || !after) throw new Error('no days');
      const lesson = (n: number, day: { at: number }, learned: string, extra = {}) =>
        reflection(`cccccccc-0000-4000-8000-00000000000${n}`, day.at, { learned, ...extra });
      await seedReflections(page, 0, Date.now(), [
        lesson(1, before, 'BEFORE-MARKER lesson'),
        { ...lesson(2, first, 'Ask for the rollback plan first', { tags: ['release'] }), sting: 5 },
        {
          ...lesson(3, second, 'Say no to the fourth project', { tags: ['focus'] }),
          share: { affected: 'My manager', told: true, toldAt: second.at + 3_600_000 },
        },
        lesson(4, last, 'Pair on the risky migration'),
        lesson(5, after, 'AFTER-MARKER lesson'),
      ]);
      await page.reload();
      await page.getByRole('link', { name: nav }).click();
      await page.getByLabel(from).fill(first.iso);
      await page.getByLabel(to).fill(last.iso);

      const sheet = page.getByRole('article');
      await expect(sheet.locator('.packet-lessons > li')).toHaveCount(3);
      await page.emulateMedia({ media: 'print' });
      // On paper there is only the packet: nothing of the page around it, no marker outside the
      // period, the lessons in order, and the sting left out by default.
      // innerText, not textContent: it leaves out what the print stylesheet hides.
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point.
      const printed = await page.evaluate(() => document.body.innerText);
      expect(printed).not.toMatch(/BEFORE-MARKER|AFTER-MARKER/);
      await expect(sheet.locator('.packet-learned')).toHaveText([
        'Ask for the rollback plan first',
        'Say no to the fourth project',
        'Pair on the risky migration',
      ]);
      expect(printed).toContain('My manager');
      expect(printed).not.toMatch(/\b5 (of|von) 5\b/);
      await expect(page.getByRole('navigation')).toBeHidden();
      await expect(page.getByRole('button', { name: /PDF/ })).toBeHidden();
      await page.screenshot({
        path: `test-results/screenshots/packet-print-${language}.png`,
        fullPage: true,
      });
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
}
