/**
 * The page and selection menu entries: kept in step with the settings, and opening the prompt
 * pre-filled when one is chosen. Separate because menus never touch the nudge state.
 */

import { browser } from 'wxt/browser';
import { hasSidePanel, openSidePanel } from '../../capture/side-panel-browser';
import { withLock } from '../../core/cross-context-lock-browser';
import { ensureMessages, t } from '../../i18n/i18n';
import type { ReflectionContext } from '../../reflections/reflection';
import { getSettings } from '../../settings/settings-store';
import { openPrompt, stagePrompt } from './nudge-delivery';

/** The menu entry for the whole page. */
export const MENU_PAGE = 'fail-well-reflect-page';
/** The menu entry for selected text. */
export const MENU_SELECTION = 'fail-well-reflect-selection';
/** The menu entry that opens the side panel, pre-filled like the others. */
export const MENU_PANEL = 'fail-well-reflect-panel';

/** Create (or remove) the page and selection menu entries to match the settings. */
export function syncContextMenus(): Promise<void> {
  // Two quick settings changes would interleave remove-all and create: "duplicate id".
  return withLock('fail-well:context-menus', async () => {
    await ensureMessages();
    const { nudges } = await getSettings();
    await browser.contextMenus.removeAll();
    if (!nudges.contextMenu.enabled) return;
    browser.contextMenus.create({ id: MENU_PAGE, title: t('menuReflectPage'), contexts: ['page'] });
    browser.contextMenus.create({
      id: MENU_SELECTION,
      title: t('menuReflectSelection'),
      contexts: ['selection'],
    });
    if (hasSidePanel()) {
      browser.contextMenus.create({
        id: MENU_PANEL,
        title: t('menuReflectPanel'),
        contexts: ['page', 'selection'],
      });
    }
  });
}

/**
 * A menu entry was chosen: open the prompt (or the side panel) pre-filled with the page and
 * any selection.
 */
export async function handleContextMenu(
  info: { menuItemId: string | number; pageUrl?: string; selectionText?: string },
  tab: { id?: number; title?: string; url?: string; windowId?: number } | undefined,
  now = Date.now(),
): Promise<boolean> {
  const ours = [MENU_PAGE, MENU_SELECTION, MENU_PANEL];
  if (!ours.includes(String(info.menuItemId))) return false;
  // First, inside the click: the browser opens a side panel only from the user's gesture. The
  // panel takes the staged draft in as it arrives (the draft is synced between its writers).
  const panel =
    info.menuItemId === MENU_PANEL
      ? openSidePanel({ tabId: tab?.id, windowId: tab?.windowId }).then(
          () => true,
          () => false,
        )
      : null;
  const url = info.pageUrl ?? tab?.url;
  const context: ReflectionContext = {
    ...(tab?.title ? { title: tab.title } : {}),
    ...(url ? { url } : {}),
    ...(info.menuItemId !== MENU_PAGE && info.selectionText
      ? { selection: info.selectionText }
      : {}),
  };
  await stagePrompt('context-menu', context, now);
  // No side panel after all (an old browser, a window without one): the prompt, as always.
  if (!(await panel)) await openPrompt();
  return true;
}
