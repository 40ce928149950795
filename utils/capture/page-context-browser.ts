/**
 * The current tab as context for a reflection. `activeTab` (granted when the user opens the
 * popup from the toolbar or the shortcut) is enough to read its title and URL: no host
 * permission, and nothing is read until the user ticks "attach this page".
 */
import { browser } from 'wxt/browser';
import type { ReflectionContext } from '../reflections/reflection';

/** Title and URL of the active tab, or null when the browser does not share them. */
export async function currentPageContext(): Promise<ReflectionContext | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab?.url && !tab?.title) return null;
  // Our own pages are not useful context ("Fail Well" reflecting on itself).
  if (tab.url?.startsWith(browser.runtime.getURL('/'))) return null;
  return {
    ...(tab.title ? { title: tab.title } : {}),
    ...(tab.url ? { url: tab.url } : {}),
  };
}

/**
 * Whether this page is the prompt window the background opens when the toolbar popup cannot
 * open: no `activeTab` grant reaches it, so no page can be attached from there. The toolbar
 * popup is in no tab; a prompt opened in an ordinary tab is not that window either.
 */
export async function inPromptWindow(): Promise<boolean> {
  const tab = await browser.tabs.getCurrent();
  if (tab?.windowId === undefined) return false;
  return (await browser.windows.get(tab.windowId)).type === 'popup';
}
