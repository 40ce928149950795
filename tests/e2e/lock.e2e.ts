/**
 * The lock in Chromium: switched on from Preferences, capture without the passphrase, the
 * review page locked and unlocked, and what is stored while locked.
 */
import type { WxtBrowser } from 'wxt/browser';
import { expect, storedReflections, test } from './fixtures';
import { captureFromPopup, PASSPHRASE, section, switchLockOn } from './lock-helpers';

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
  // The query stays out of the address, which the browser keeps in its session restore.
  await options.waitForTimeout(400);
  expect(options.url()).not.toContain('zebra7q');

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

// The extension page's own `chrome`, used inside page.evaluate.
declare const chrome: WxtBrowser;
