/**
 * Export and import with the lock on, in Chromium: the JSON download is an encrypted backup
 * that holds no word in the clear, and it comes back into an emptied profile only with its
 * passphrase — a wrong one imports nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, storedReflections, test } from './fixtures';

const PASSPHRASE = 'river stones at dawn';
const MARKER = 'PANGOLIN5X';

function section(options: Page, name: string): Promise<void> {
  return options
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name, exact: true })
    .click();
}

/** Preferences → "Lock my journal with a passphrase" (tests/e2e/lock.e2e.ts checks the form). */
async function switchLockOn(options: Page): Promise<void> {
  await section(options, 'Preferences');
  const card = options.getByRole('region', { name: 'Lock my journal' });
  await card.getByRole('button', { name: 'Lock my journal with a passphrase' }).click();
  await card.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await card.getByLabel('Passphrase again').fill(PASSPHRASE);
  await card.getByRole('checkbox', { name: /I understand/ }).check();
  await card.getByRole('button', { name: 'Lock my journal with a passphrase' }).click();
  const sheet = card.getByRole('region', { name: 'Your recovery key' });
  await expect(sheet).toBeVisible({ timeout: 15_000 });
  await sheet.getByRole('button', { name: "I've kept it safe" }).click();
  await expect(card.getByText('Your journal is locked with a passphrase.')).toBeVisible();
}

test('lock on: JSON export is an encrypted backup that imports back only with its passphrase', async ({
  openPage,
}) => {
  const options = await openPage('options.html');
  await switchLockOn(options);

  const popup = await openPage('popup.html');
  await expect(popup.getByRole('textbox', { name: 'What happened?' })).toBeFocused();
  await popup.getByRole('textbox', { name: 'What happened?' }).fill(`${MARKER} happened`);
  await popup.getByRole('combobox', { name: 'Tags' }).fill(`${MARKER.toLowerCase()}-tag`);
  await popup.keyboard.press('Control+Enter');
  await expect(popup.getByRole('heading', { name: 'Saved. Lesson kept.' })).toBeVisible();
  await popup.close();

  await section(options, 'Data');
  await expect(options.getByRole('checkbox', { name: /Encrypt this backup/ })).toBeChecked();
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^fail-well-\d{4}-\d{2}-\d{2}\.encrypted\.json$/);
  const path = join(test.info().outputDir, download.suggestedFilename());
  await download.saveAs(path);
  const text = readFileSync(path, 'utf8');
  expect(text).not.toContain(MARKER);
  expect(text).not.toContain(MARKER.toLowerCase());
  expect(JSON.parse(text)).toMatchObject({ format: 'fail-well-encrypted-backup', version: 2 });
  await expect(options.getByText('Last backup on this device')).toBeVisible();
  // Markdown is readable by anyone with the file: said before the button.
  await options
    .getByRole('region', { name: 'Export', exact: true })
    .getByRole('radio', { name: /Markdown/ })
    .check();
  await expect(options.getByText(/won't be encrypted: anyone who has it/)).toBeVisible();

  await options.getByRole('button', { name: 'Delete everything…' }).click();
  await options.getByRole('textbox', { name: 'Type “delete” to confirm' }).fill('delete');
  await options.getByRole('button', { name: 'Yes, delete it all' }).click();
  await expect(options.getByText('Deleted 1 reflection', { exact: false })).toBeVisible();
  expect(await storedReflections(options)).toEqual([]);

  await options.getByLabel('Choose a JSON export').setInputFiles(path);
  await expect(options.getByText('This backup is encrypted.', { exact: false })).toBeVisible();
  await options.getByLabel('Passphrase', { exact: true }).fill('river stones at dusk');
  await options.getByRole('button', { name: 'Open and import' }).click();
  await expect(
    options.getByRole('alert').filter({ hasText: /doesn't open this backup/ }),
  ).toBeVisible();
  expect(await storedReflections(options)).toEqual([]);

  await options.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await options.getByRole('button', { name: 'Open and import' }).click();
  await expect(options.getByText(/1 new reflection added/)).toBeVisible();
  await section(options, 'Lessons');
  await expect(options.getByRole('article')).toHaveCount(1);
  await expect(options.getByText(`${MARKER} happened`)).toBeVisible();
});
