/**
 * Screenshots of the finished pages in both colour schemes. They land in test-results/
 * on every run (look at them); `npm run screenshots` refreshes the committed ones in docs/.
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const dir = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'test-results/screenshots';

async function fillExample(popup: Page) {
  await popup
    .getByRole('textbox', { name: 'What happened?' })
    .fill('I approved a pull request without running it, and the release broke the sign-up form.');
  await popup
    .getByRole('textbox', { name: 'What did I learn?' })
    .fill('A quick look is not a review. When I am rushed, I skip the step that matters most.');
  await popup
    .getByRole('textbox', { name: 'What will I do next time?' })
    .fill('Check out the branch and click through the changed flow before approving.');
  await popup.getByRole('combobox', { name: 'Tags' }).fill('code-review, rushed,');
  await popup.getByRole('radio', { name: '3 — some' }).check();
}

for (const scheme of ['light', 'dark'] as const) {
  test(`popup and review page look finished in ${scheme} mode`, async ({ openPage }) => {
    const popup = await openPage('popup.html');
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.setViewportSize({ width: 380, height: 600 });
    await fillExample(popup);
    const height = await popup.evaluate(() => document.body.scrollHeight);
    await popup.setViewportSize({ width: 380, height });
    await popup.screenshot({ path: join(dir, `popup-${scheme}.png`) });

    await popup.keyboard.press('Control+Enter');
    await expect(popup.getByRole('heading', { name: 'Saved. Lesson kept.' })).toBeVisible();

    const options = await openPage('options.html');
    await options.emulateMedia({ colorScheme: scheme });
    await options.setViewportSize({ width: 900, height: 600 });
    await expect(options.getByRole('article')).toHaveCount(1);
    await options.getByRole('button', { name: 'Read all answers' }).click();
    await options.screenshot({ path: join(dir, `options-${scheme}.png`) });
  });
}
