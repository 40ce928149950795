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
  expect(Object.keys(session)).not.toContain('lock:session');
  expect(Object.keys(session)).not.toContain('lock:draft-key');
  expect(JSON.stringify(session)).not.toContain('ZEBRA7Q');

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

test('a new passphrase is instant and the old one stops working; turning the lock off opens every record', async ({
  openPage,
}) => {
  const options = await openPage('options.html');
  await switchLockOn(options);
  await captureFromPopup(await openPage('popup.html'), 'HERON12');
  const card = options.getByRole('region', { name: 'Lock my journal' });
  await card.getByRole('button', { name: 'Change passphrase' }).click();
  await card.getByLabel('Passphrase', { exact: true }).fill('a second passphrase');
  await card.getByLabel('Passphrase again').fill('a second passphrase');
  await card.getByRole('button', { name: 'Change passphrase' }).last().click();
  await expect(card.getByText('Passphrase changed.')).toBeVisible();

  await options.getByRole('button', { name: 'Lock now' }).first().click();
  await section(options, 'Lessons');
  const unlock = options.getByRole('region', { name: 'Your journal is locked' });
  await unlock.getByLabel('Passphrase').fill(PASSPHRASE);
  await unlock.getByRole('button', { name: 'Unlock' }).click();
  await expect(unlock.getByRole('alert')).toContainText("doesn't open the journal");
  await unlock.getByLabel('Passphrase').fill('a second passphrase');
  await unlock.getByRole('button', { name: 'Unlock' }).click();
  await expect(options.getByText('HERON12 learned')).toBeVisible();

  await section(options, 'Preferences');
  await card.getByRole('button', { name: 'Turn the lock off' }).click();
  await card.getByLabel('Current passphrase').fill('a second passphrase');
  await card.getByRole('button', { name: 'Decrypt and turn off' }).click();
  await expect(
    card
      .getByText('The lock is off', { exact: false })
      .or(card.getByRole('button', { name: 'Lock my journal with a passphrase' })),
  ).toBeVisible({ timeout: 15_000 });
  const [row] = await storedReflections(options);
  expect(row).toMatchObject({ answers: { learned: 'HERON12 learned' } });
  expect(row?.sealed).toBeUndefined();
  const local = await options.evaluate(() => chrome.storage.local.get('lock:keyring'));
  expect(local).toEqual({});
});
