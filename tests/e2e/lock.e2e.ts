/**
 * The lock in Chromium: switched on from Preferences, capture without the passphrase, the
 * review page locked and unlocked, and what is stored while locked.
 */
import type { Page } from '@playwright/test';
import { expect, storedReflections, test } from './fixtures';

const PASSPHRASE = 'river stones at dawn';

/** Go to a section of the review page by its tab. */
function section(options: Page, name: string): Promise<void> {
  return options
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name, exact: true })
    .click();
}

/** Preferences → "Lock my journal with a passphrase", through the form; returns the recovery key. */
async function switchLockOn(options: Page): Promise<string> {
  await section(options, 'Preferences');
  const card = options.getByRole('region', { name: 'Lock my journal' });
  await expect(card.getByText('nobody can read the journal again')).toBeVisible();
  await card.getByRole('button', { name: 'Lock my journal with a passphrase' }).click();
  await card.getByLabel('Passphrase', { exact: true }).fill('short');
  await card.getByLabel('Passphrase again').fill('short');
  await card.getByRole('button', { name: 'Lock my journal with a passphrase' }).click();
  await expect(card.getByRole('alert')).toHaveText('Please use at least 8 characters.');
  await card.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await card.getByLabel('Passphrase again').fill(PASSPHRASE);
  await card.getByRole('button', { name: 'Lock my journal with a passphrase' }).click();
  await expect(card.getByRole('alert')).toHaveText('Please tick the box to say you understand.');
  await card.getByRole('checkbox', { name: /I understand/ }).check();
  await card.getByRole('button', { name: 'Lock my journal with a passphrase' }).click();
  const sheet = card.getByRole('region', { name: 'Your recovery key' });
  await expect(sheet).toBeVisible({ timeout: 15_000 });
  const key = (await sheet.locator('code').textContent()) ?? '';
  expect(key).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
  await sheet.getByRole('button', { name: "I've kept it safe" }).click();
  await expect(card.getByText('Your journal is locked with a passphrase.')).toBeVisible();
  return key;
}

async function captureFromPopup(popup: Page, marker: string): Promise<void> {
  await expect(popup.getByRole('textbox', { name: 'What happened?' })).toBeFocused();
  await popup.getByRole('textbox', { name: 'What happened?' }).fill(`${marker} happened`);
  await popup.getByRole('textbox', { name: 'What did I learn?' }).fill(`${marker} learned`);
  await popup.getByRole('combobox', { name: 'Tags' }).fill(`${marker.toLowerCase()}-tag`);
  await popup.keyboard.press('Control+Enter');
  await expect(popup.getByRole('heading', { name: 'Saved. Lesson kept.' })).toBeVisible();
}

test('lock on: the popup saves without the passphrase, the review page opens only with it', async ({
  openPage,
}) => {
  const options = await openPage('options.html');
  const recoveryKey = await switchLockOn(options);
  await options.getByRole('button', { name: 'Lock now' }).first().click();
  // The page reloads into its locked form.
  await expect(options.getByRole('heading', { name: 'Your journal is locked' })).toBeVisible();

  const popup = await openPage('popup.html');
  await captureFromPopup(popup, 'ZEBRA7Q');
  const [row] = await storedReflections(popup);
  expect(JSON.stringify(row)).not.toContain('ZEBRA7Q');
  expect(JSON.stringify(row)).not.toContain('zebra7q');
  expect(row).toMatchObject({ answers: {}, tags: [], sealed: { v: 1, f: 'pk' } });

  await section(options, 'Lessons');
  const unlock = options.getByRole('region', { name: 'Your journal is locked' });
  await unlock.getByLabel('Passphrase').fill('river stones at dusk');
  await unlock.getByRole('button', { name: 'Unlock' }).click();
  await expect(unlock.getByRole('alert')).toContainText("doesn't open the journal");
  await expect(options.getByRole('article')).toHaveCount(0);
  await unlock.getByLabel('Passphrase').fill(PASSPHRASE);
  await unlock.getByRole('button', { name: 'Unlock' }).click();
  const card = options.getByRole('article');
  await expect(card).toHaveCount(1);
  await expect(card.getByText('ZEBRA7Q learned')).toBeVisible();
  await options.getByRole('searchbox').fill('zebra7q');
  await expect(options.getByRole('article')).toHaveCount(1);

  // Lock now: the list is gone, and so is the key from every storage area.
  await options.getByRole('button', { name: 'Lock now' }).first().click();
  await expect(options.getByRole('heading', { name: 'Your journal is locked' })).toBeVisible();
  await expect(options.getByText('ZEBRA7Q learned')).toHaveCount(0);
  const session = await options.evaluate(() => chrome.storage.session.get(null));
  expect(session).toEqual({});

  // The recovery key opens it, and asks for a new passphrase.
  await options.getByRole('button', { name: 'Use the recovery key instead' }).click();
  await options.getByLabel('Recovery key').fill(recoveryKey.toLowerCase().replace(/-/g, ' '));
  await options.getByRole('button', { name: 'Unlock' }).click();
  await expect(options.getByText('Opened with your recovery key.')).toBeVisible();
  await options.getByLabel('Passphrase', { exact: true }).fill('a brand new passphrase');
  await options.getByLabel('Passphrase again').fill('a brand new passphrase');
  await options.getByRole('button', { name: 'Save new passphrase' }).click();
  await expect(options.getByText('ZEBRA7Q learned')).toBeVisible();
});

declare const chrome: typeof import('wxt/browser').browser;
