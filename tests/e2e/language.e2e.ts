/**
 * One UI language everywhere, in a real Chromium: the catalogue the browser picks decides the
 * words, Intl's dates and `<html lang>` alike. A French browser gets the English catalogue
 * (there is no French one), so English weekdays and `lang="en"`, not French ones.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeFirstRunTab, expect, launchWithExtension, serviceWorker, test } from './fixtures';

const CASES = [
  { browser: 'fr', lang: 'en', save: 'Save reflection', monday: 'Monday' },
  { browser: 'de', lang: 'de', save: 'Reflexion speichern', monday: 'Montag' },
] as const;

for (const { browser, lang, save, monday } of CASES) {
  test(`a browser in "${browser}" gets lang="${lang}" and its dates on every page`, async () => {
    const profile = mkdtempSync(join(tmpdir(), 'fail-well-e2e-lang-'));
    const context = await launchWithExtension(profile, undefined, browser);
    try {
      const id = new URL((await serviceWorker(context)).url()).host;
      await closeFirstRunTab(context);

      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${id}/popup.html`);
      await expect(popup.getByRole('button', { name: save })).toBeVisible();
      await expect(popup.locator('html')).toHaveAttribute('lang', lang);

      const options = await context.newPage();
      await options.goto(`chrome-extension://${id}/options.html#/nudges`);
      // Weekday names come from Intl in the UI language, beside the catalogue's words.
      await expect(options.getByRole('checkbox', { name: monday, exact: true })).toBeVisible();
      await expect(options.locator('html')).toHaveAttribute('lang', lang);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
}
