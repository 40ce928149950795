/** Steps the lock's end-to-end tests share: switching it on through Preferences, capturing. */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export const PASSPHRASE = 'river stones at dawn';

/** Go to a section of the review page by its tab. */
export function section(options: Page, name: string): Promise<void> {
  return options
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name, exact: true })
    .click();
}

/** Preferences → "Lock my journal with a passphrase", through the form; returns the recovery key. */
export async function switchLockOn(options: Page): Promise<string> {
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

export async function captureFromPopup(popup: Page, marker: string): Promise<void> {
  await expect(popup.getByRole('textbox', { name: 'What happened?' })).toBeFocused();
  await popup.getByRole('textbox', { name: 'What happened?' }).fill(`${marker} happened`);
  await popup.getByRole('textbox', { name: 'What did I learn?' }).fill(`${marker} learned`);
  await popup.getByRole('combobox', { name: 'Tags' }).fill(`${marker.toLowerCase()}-tag`);
  await popup.keyboard.press('Control+Enter');
  await expect(popup.getByRole('heading', { name: 'Saved. Lesson kept.' })).toBeVisible();
}
