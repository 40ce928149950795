/**
 * popup.html's static first field: it takes typing before the app's JavaScript has run, and
 * nothing typed there is lost. "Before" is made deterministic: the document turns
 * "interactive" after the classic popup-start.js ran and before any module script runs.
 */
import type { Page } from '@playwright/test';
import type { WxtBrowser } from 'wxt/browser';
import { expect, storedReflections, test } from './fixtures';

// Evaluated in extension pages, where the raw `chrome` API is the global.
declare const chrome: WxtBrowser;

/** Open the popup and, before the app mounts, type `text` (and press Ctrl+Enter if asked). */
async function openTypingEarly(
  page: Page,
  extensionId: string,
  text: string,
  options: { ctrlEnter?: boolean } = {},
): Promise<void> {
  await page.addInitScript(
    ([words, ctrlEnter]) => {
      document.addEventListener('readystatechange', () => {
        if (document.readyState !== 'interactive') return;
        const field = document.querySelector<HTMLTextAreaElement>('#app textarea');
        const label = field && document.querySelector(`label[for="${field.id}"]`);
        Object.assign(window, {
          __early: {
            appMounted: document.querySelector('#app [type=submit]') !== null,
            label: label?.textContent ?? null,
            theme: document.documentElement.dataset.theme ?? null,
          },
        });
        if (!field) return;
        field.value += words as string;
        field.dispatchEvent(new InputEvent('input', { bubbles: true }));
        if (ctrlEnter) {
          field.dispatchEvent(
            new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }),
          );
        }
      });
    },
    [text, options.ctrlEnter === true] as const,
  );
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
}

interface Early {
  appMounted: boolean;
  label: string | null;
  theme: string | null;
}
const early = (page: Page) => page.evaluate(() => (window as { __early?: Early }).__early);
const storedDraft = (page: Page) =>
  page.evaluate(async () => {
    const { draft } = await chrome.storage.local.get('draft');
    return draft as { template: string; answers: Record<string, string> } | undefined;
  });

test('text typed into the static field before the app mounts stays in the field and the draft', async ({
  context,
  extensionId,
}) => {
  const popup = await context.newPage();
  await openTypingEarly(popup, extensionId, 'Typed before the script ran');
  expect(await early(popup)).toMatchObject({ appMounted: false, label: 'What happened?' });

  const field = popup.getByRole('textbox', { name: 'What happened?' });
  await expect(popup.getByRole('button', { name: 'Save reflection' })).toBeVisible();
  await expect(field).toHaveValue('Typed before the script ran');
  await expect(field).toBeFocused();
  await expect
    .poll(async () => (await storedDraft(popup))?.answers)
    .toEqual({
      happened: 'Typed before the script ran',
    });

  // Typing on after the app took over goes on in the same field.
  await popup.keyboard.type(', and after.');
  await expect(field).toHaveValue('Typed before the script ran, and after.');
  await popup.close({ runBeforeUnload: true });

  // A restored draft keeps its words; what is typed early comes after them.
  const again = await context.newPage();
  await openTypingEarly(again, extensionId, 'More');
  await expect(again.getByRole('textbox', { name: 'What happened?' })).toHaveValue(
    'Typed before the script ran, and after.\nMore',
  );
});

test('Ctrl+Enter pressed before the app mounts saves once it is there', async ({
  context,
  extensionId,
}) => {
  const popup = await context.newPage();
  await openTypingEarly(popup, extensionId, 'Saved in a hurry', { ctrlEnter: true });
  expect(await early(popup)).toMatchObject({ appMounted: false });
  await expect(popup.getByRole('heading', { name: 'Saved. Lesson kept.' })).toBeVisible();
  const [stored] = await storedReflections(popup);
  expect(stored).toMatchObject({ answers: { happened: 'Saved in a hurry' } });
});

test('the static field asks the question and wears the theme the next popup opens with', async ({
  context,
  extensionId,
}) => {
  const first = await context.newPage();
  await first.goto(`chrome-extension://${extensionId}/popup.html`);
  await first.getByRole('combobox', { name: 'Template' }).selectOption('aar');
  await expect(first.getByRole('textbox', { name: 'What was supposed to happen?' })).toBeVisible();
  await first.evaluate(async () => {
    const { settings } = await chrome.storage.sync.get('settings');
    await chrome.storage.sync.set({ settings: { ...(settings ?? {}), theme: 'dark' } });
  });
  await first.close({ runBeforeUnload: true });

  // The draft is in AAR and the theme is now dark: the second popup remembers the first's
  // template, and takes the theme from the settings it read.
  const second = await context.newPage();
  await openTypingEarly(second, extensionId, 'Expected a quiet deploy');
  expect(await early(second)).toMatchObject({
    appMounted: false,
    label: 'What was supposed to happen?',
  });
  await expect(second.getByRole('textbox', { name: 'What was supposed to happen?' })).toHaveValue(
    'Expected a quiet deploy',
  );
  await expect(second.locator('html')).toHaveAttribute('data-theme', 'dark');
  // The hint is written by a chunk loaded after the mount: wait for it, as a person's popup
  // open for more than an instant would (CI once closed this one first, under load).
  await expect
    .poll(() => second.evaluate(() => localStorage.getItem('fail-well:popup-start')))
    .toContain('"theme":"dark"');
  await second.close({ runBeforeUnload: true });

  // The theme the second popup read is remembered for the third's first paint.
  const third = await context.newPage();
  await openTypingEarly(third, extensionId, '');
  expect(await early(third)).toMatchObject({ appMounted: false, theme: 'dark' });
});
