/**
 * The side panel (Chrome's `sidePanel`, Firefox's sidebar): the popup page itself, shown beside
 * the page, for a reflection longer than a popup survives (it closes on the first click away).
 * Both browsers open it only from the user's click, so `openSidePanel` must be called at once
 * in the click handler, with nothing awaited before it.
 */
import { browser } from 'wxt/browser';

type Sidebar = { open(): Promise<void> };
const sidebar = () => (browser as unknown as { sidebarAction?: Sidebar }).sidebarAction;

/** Whether this browser has a side panel the extension can open. */
export function hasSidePanel(): boolean {
  return Boolean(sidebar() ?? browser.sidePanel?.open);
}

/** Open the side panel beside `where` (Chrome needs the window or tab; Firefox opens its own). */
export function openSidePanel(where: { windowId?: number; tabId?: number }): Promise<void> {
  const firefox = sidebar();
  if (firefox) return firefox.open();
  if (where.tabId !== undefined) return browser.sidePanel.open({ tabId: where.tabId });
  if (where.windowId !== undefined) return browser.sidePanel.open({ windowId: where.windowId });
  return Promise.reject(new Error('No window to open the side panel in.'));
}
