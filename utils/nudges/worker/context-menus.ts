/**
 * The page and selection menu entries: kept in step with the settings, and opening the prompt
 * pre-filled when one is chosen. Separate because menus never touch the nudge state.
 */

import { browser } from 'wxt/browser';
import { withLock } from '../../core/cross-context-lock-browser';
import { ensureMessages, t } from '../../i18n/i18n';
import type { ReflectionContext } from '../../reflections/reflection';
import { getSettings } from '../../settings/settings-store';
import { openPrompt, stagePrompt } from './nudge-delivery';

/** The menu entry for the whole page. */
export const MENU_PAGE = 'fail-well-reflect-page';
/** The menu entry for selected text. */
export const MENU_SELECTION = 'fail-well-reflect-selection';

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
  });
}

/** A menu entry was chosen: open the prompt pre-filled with the page (and selection). */
export async function handleContextMenu(
  info: { menuItemId: string | number; pageUrl?: string; selectionText?: string },
  tab: { title?: string; url?: string } | undefined,
  now = Date.now(),
): Promise<boolean> {
  if (info.menuItemId !== MENU_PAGE && info.menuItemId !== MENU_SELECTION) return false;
  const url = info.pageUrl ?? tab?.url;
  const context: ReflectionContext = {
    ...(tab?.title ? { title: tab.title } : {}),
    ...(url ? { url } : {}),
    ...(info.menuItemId === MENU_SELECTION && info.selectionText
      ? { selection: info.selectionText }
      : {}),
  };
  await stagePrompt('context-menu', context, now);
  await openPrompt();
  return true;
}
