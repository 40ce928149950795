/**
 * The side panel is the popup page (popup.html?panel) beside the page: the same draft, the same
 * save, a layout that fills the panel. Playwright cannot click the browser's own panel button,
 * so the panel's page is opened as a tab — the page the browser loads into the panel, as the
 * manifest says.
 */
import type { WxtBrowser } from 'wxt/browser';
import { expect, serviceWorker, storedReflections, test } from './fixtures';

// The extension's own API, inside its pages and worker.
declare const chrome: WxtBrowser;

test('the side panel is the popup page, and what was typed in the popup is there', async ({
  openPage,
}) => {
  const popup = await openPage('popup.html');
  // What Chrome loads into its side panel.
  expect(await popup.evaluate(() => chrome.sidePanel.getOptions({}))).toMatchObject({
    enabled: true,
    path: 'popup.html?panel',
  });
  await popup
    .getByRole('textbox', { name: 'What happened?' })
    .pressSequentially('Rushed the review');
  await popup.close({ runBeforeUnload: true });

  const panel = await openPage('popup.html?panel');
  await panel.setViewportSize({ width: 640, height: 800 });
  await expect(panel.getByRole('textbox', { name: 'What happened?' })).toHaveValue(
    'Rushed the review',
  );
  // It fills the panel instead of a popup's fixed 380 pixels.
  expect(await panel.evaluate(() => document.body.getBoundingClientRect().width)).toBe(640);
  // Inside the panel there is no "open in side panel".
  await expect(panel.getByRole('button', { name: 'Open in side panel' })).toHaveCount(0);
  await panel.getByRole('textbox', { name: 'What did I learn?' }).fill('Read the whole diff first');
  await panel.keyboard.press('Control+Enter');
  await expect(panel.getByRole('heading', { name: 'Saved. Lesson kept.' })).toBeVisible();

  const options = await openPage('options.html');
  await expect(options.getByRole('article')).toHaveCount(1);
  await expect(options.getByRole('article')).toContainText('Read the whole diff first');
  const [stored] = await storedReflections(options);
  expect(stored?.answers).toMatchObject({
    happened: 'Rushed the review',
    learned: 'Read the whole diff first',
  });
});

test('"Reflect in the side panel" pre-fills the panel with the page; without a gesture it falls back to the prompt', async ({
  context,
  openPage,
}) => {
  const panel = await openPage('popup.html?panel');
  await expect(panel.getByRole('textbox', { name: 'What happened?' })).toBeVisible();
  const worker = await serviceWorker(context);
  // A dispatched click is no user gesture: the panel cannot open, so the prompt opens as well.
  await worker.evaluate(() => {
    (
      chrome.contextMenus.onClicked as unknown as {
        dispatch: (info: object, tab: object) => void;
      }
    ).dispatch(
      {
        menuItemId: 'fail-well-reflect-panel',
        pageUrl: 'https://example.com/incident/7',
        editable: false,
      },
      { title: 'Incident 7', url: 'https://example.com/incident/7', id: 1, windowId: 1 },
    );
  });
  // The open panel takes the staged page in as it arrives.
  await expect(panel.getByRole('checkbox', { name: 'Attach this page: Incident 7' })).toBeChecked();
  await expect
    .poll(() =>
      panel.evaluate(
        async () =>
          (await chrome.runtime.getContexts({})).filter(
            (c) => c.documentUrl?.endsWith('/popup.html') && c.contextType !== 'SIDE_PANEL',
          ).length,
      ),
    )
    .toBeGreaterThan(0);
});
