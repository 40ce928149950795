import type { Page } from '@playwright/test';
import type { WxtBrowser } from 'wxt/browser';
import { expect, test } from './fixtures';

// The extension page's own `chrome`, used inside page.evaluate.
declare const chrome: WxtBrowser;

/** The page background, as the browser paints it. */
const background = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test('a dark theme, a default template and "attach this page" chosen in options shape the popup', async ({
  openPage,
}) => {
  const options = await openPage('options.html');
  // The system says light: whatever is dark below comes from the user's choice.
  await options.emulateMedia({ colorScheme: 'light' });
  const lightBackground = await background(options);
  await options
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Preferences' })
    .click();
  await expect(options.getByRole('heading', { name: 'Preferences', level: 2 })).toBeVisible();
  // The live region is there, empty, before anything is said: one that appears together with
  // its first message is not announced.
  const preferences = options.getByRole('region', { name: 'Preferences' });
  await expect(preferences.getByRole('status')).toHaveCount(1);
  await expect(preferences.getByRole('status')).toHaveText('');

  // Keyboard only: arrow keys move through the colour schemes, Space ticks the box.
  await options.getByRole('radio', { name: 'Same as my system' }).focus();
  await options.keyboard.press('ArrowDown');
  await options.keyboard.press('ArrowDown');
  await expect(options.getByRole('radio', { name: 'Dark' })).toBeChecked();
  // The open page turns dark at once, and says the choice was saved.
  await expect(options.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(() => background(options)).not.toBe(lightBackground);
  await expect(options.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();

  await options.getByRole('radio', { name: 'Gibbs cycle' }).check();
  await options.getByRole('checkbox', { name: 'Attach the page I’m on by default' }).focus();
  await options.keyboard.press('Space');
  await expect(
    options.getByRole('checkbox', { name: 'Attach the page I’m on by default' }),
  ).toBeChecked();
  await expect
    .poll(() =>
      options.evaluate(async () => {
        const stored = await chrome.storage.sync.get('settings');
        const { theme, defaultTemplate, attachPageByDefault } = (stored.settings ?? {}) as Record<
          string,
          unknown
        >;
        return { theme, defaultTemplate, attachPageByDefault };
      }),
    )
    .toEqual({ theme: 'dark', defaultTemplate: 'gibbs', attachPageByDefault: true });

  const popup = await openPage('popup.html');
  await popup.emulateMedia({ colorScheme: 'light' });
  await expect(popup.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background(popup)).toBe(await background(options));
  await expect(popup.getByRole('combobox', { name: 'Template' })).toHaveValue('gibbs');
  await expect(popup.getByRole('textbox', { name: 'How did I feel?' })).toBeVisible();
  await expect(popup.getByRole('checkbox', { name: /^Attach this page/ })).toBeChecked();
});
