/**
 * Own templates end to end: made in Preferences → Templates (keyboard-only reordering), chosen
 * for the context menu, used by the popup it opens, then edited — and the saved reflection
 * still shows the words it was answered with. axe on the new screen, light and dark.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { WxtBrowser } from 'wxt/browser';
import { expect, serviceWorker, storedReflections, test } from './fixtures';

// The extension page's own `chrome`, used inside page.evaluate.
declare const chrome: WxtBrowser;

async function violations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations.map((v) => ({
    id: v.id,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
  }));
}

async function openPreferences(options: Page) {
  await options
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Preferences' })
    .click();
  const card = options.getByRole('region', { name: 'Templates' });
  await expect(card).toBeVisible();
  return card;
}

/** Wait for the popup the background opened, then open it as a page (as nudges.e2e.ts does). */
async function promptOpened(page: Page, openPage: (path: string) => Promise<Page>) {
  await expect
    .poll(() =>
      page.evaluate(async () =>
        (await chrome.runtime.getContexts({}))
          .filter((c) => c.documentUrl?.includes('/popup.html'))
          .map((c) => c.contextType),
      ),
    )
    .toEqual([expect.stringMatching(/^(POPUP|TAB)$/)]);
  return openPage('popup.html');
}

test('an own template with a reworded question, default for the context menu, keeps its words in the saved reflection after an edit', async ({
  context,
  openPage,
}) => {
  // Many steps on a shared two-core machine: room for them, no timing asserted.
  test.setTimeout(180_000);
  const options = await openPage('options.html');
  const card = await openPreferences(options);
  await card.getByRole('combobox', { name: 'Built-in template to copy' }).selectOption('quick');
  await card.getByRole('button', { name: 'Duplicate' }).click();
  await expect(options.getByRole('form', { name: 'Edit template Quick (copy)' })).toBeVisible();
  // The form is named after the template, so it follows the name as it is typed.
  const editor = options.getByRole('form', { name: /^Edit template/ });
  await editor.getByRole('textbox', { name: 'Name' }).fill('Team retro');
  await editor
    .getByRole('textbox', { name: 'Question 1', exact: true })
    .fill('What broke for the customer?');
  await editor.getByRole('textbox', { name: 'Hint for question 1 (one line)' }).fill('Facts first');

  // Keyboard only: "Move down" twice takes question 1 to the bottom, the focus following it.
  await editor.getByRole('button', { name: 'Move down: question 1' }).focus();
  await options.keyboard.press('Enter');
  await expect(editor.getByRole('button', { name: 'Move down: question 2' })).toBeFocused();
  await options.keyboard.press('Space');
  await expect(editor.getByRole('textbox', { name: 'Question 3', exact: true })).toHaveValue(
    'What broke for the customer?',
  );
  // …and "Move up" twice brings it back to the top.
  await expect(editor.getByRole('button', { name: 'Move up: question 3' })).toBeFocused();
  await options.keyboard.press('Enter');
  await options.keyboard.press('Enter');
  await expect(editor.getByRole('textbox', { name: 'Question 1', exact: true })).toHaveValue(
    'What broke for the customer?',
  );

  for (const scheme of ['light', 'dark'] as const) {
    await options.emulateMedia({ colorScheme: scheme });
    expect({ scheme, violations: await violations(options) }).toEqual({ scheme, violations: [] });
  }
  await options.emulateMedia({ colorScheme: 'light' });

  await editor.getByRole('button', { name: 'Save template' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Template saved.' })).toBeVisible();
  await card
    .getByRole('group', { name: 'Start with this template after' })
    .getByRole('combobox', { name: 'From a page' })
    .selectOption({ label: 'Team retro' });
  await expect
    .poll(() =>
      options.evaluate(
        async () =>
          Object.values(
            (
              (await chrome.storage.local.get('templates')).templates as {
                byTrigger: Record<string, string>;
              }
            ).byTrigger,
          ).length,
      ),
    )
    .toBe(1);
  for (const scheme of ['light', 'dark'] as const) {
    await options.emulateMedia({ colorScheme: scheme });
    expect({ scheme, violations: await violations(options) }).toEqual({ scheme, violations: [] });
  }

  // The context menu opens the popup with the template chosen for it.
  const worker = await serviceWorker(context);
  await worker.evaluate(() => {
    (
      chrome.contextMenus.onClicked as unknown as {
        dispatch: (info: object, tab: object) => void;
      }
    ).dispatch(
      {
        menuItemId: 'fail-well-reflect-page',
        pageUrl: 'https://status.example.com/incident/42',
        editable: false,
      },
      { title: 'Incident 42', url: 'https://status.example.com/incident/42', id: 1 },
    );
  });
  const popup = await promptOpened(options, openPage);
  await expect(popup.getByRole('combobox', { name: 'Template' })).toHaveValue(/^own-/);
  const asked = popup.getByRole('textbox', { name: 'What broke for the customer?' });
  await expect(asked).toHaveAttribute('placeholder', 'Facts first');
  await asked.fill('Checkout returned 500s for an hour');
  await popup.getByRole('textbox', { name: 'What did I learn?' }).fill('Canary every deploy');
  await popup.keyboard.press('Control+Enter');
  await expect(popup.getByRole('heading', { name: 'Saved. Lesson kept.' })).toBeVisible();
  const [stored] = await storedReflections(options);
  expect(stored).toMatchObject({
    template: expect.stringMatching(/^own-/),
    trigger: 'context-menu',
    answers: { happened: 'Checkout returned 500s for an hour', learned: 'Canary every deploy' },
    wording: { name: 'Team retro' },
  });

  // Edit the template: the question is reworded…
  await options.getByRole('button', { name: 'Edit: Team retro' }).click();
  const again = options.getByRole('form', { name: /^Edit template/ });
  await expect(again).toHaveAccessibleName('Edit template Team retro');
  await again
    .getByRole('textbox', { name: 'Question 1', exact: true })
    .fill('What happened, in one line?');
  await again.getByRole('button', { name: 'Save template' }).click();
  await expect(options.getByRole('button', { name: 'Edit: Team retro' })).toBeVisible();

  // …and the saved reflection still shows the words it was answered with.
  await options
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Lessons' })
    .click();
  const article = options.getByRole('list', { name: 'Reflections' }).getByRole('article').first();
  await expect(article).toContainText('Canary every deploy');
  await article.getByRole('button', { name: 'Read all answers' }).click();
  await expect(article).toContainText('What broke for the customer?');
  await expect(article).not.toContainText('What happened, in one line?');
  await article.getByRole('button', { name: /^Edit reflection/ }).click();
  await expect(
    options
      .getByRole('form', { name: /^Edit reflection/ })
      .getByRole('textbox', { name: 'What broke for the customer?' }),
  ).toHaveValue('Checkout returned 500s for an hour');
});

test('an own template as the toolbar default: the next popup’s static field asks its question, set as text', async ({
  openPage,
}) => {
  const options = await openPage('options.html');
  const card = await openPreferences(options);
  await card.getByRole('button', { name: 'Start an empty template' }).click();
  const editor = options.getByRole('form', { name: /^Edit template/ });
  await editor.getByRole('textbox', { name: 'Name' }).fill('Standup check');
  await editor
    .getByRole('textbox', { name: 'Question 1', exact: true })
    .fill('What slipped <b>today</b>?');
  await editor.getByRole('button', { name: 'Save template' }).click();
  await card
    .getByRole('group', { name: 'Start with this template after' })
    .getByRole('combobox', { name: 'The toolbar button and shortcut' })
    .selectOption({ label: 'Standup check' });
  await expect(options.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();

  // The first popup opens with it and remembers what the next one asks.
  const first = await openPage('popup.html');
  await expect(first.getByRole('textbox', { name: 'What slipped <b>today</b>?' })).toBeVisible();
  await expect
    .poll(() => first.evaluate(() => localStorage.getItem('fail-well:popup-start')))
    .toContain('"text":"What slipped <b>today</b>?"');
  await first.close();
  const next = await openPage('popup.html');
  const field = next.getByRole('textbox', { name: 'What slipped <b>today</b>?' });
  await expect(field).toBeFocused();
  // Words as text: no markup reached the page.
  await expect(next.locator('#app label b')).toHaveCount(0);
});
