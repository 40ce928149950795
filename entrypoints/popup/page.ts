/**
 * The page the user is on, as the popup's context: read when "attach" is ticked, and right
 * after the first paint when the draft starts ticked ("attach the page I'm on by default").
 * Loaded then, off the popup's start-up path.
 */
import { currentPageContext, inPromptWindow } from '../../utils/capture/page-context-browser';
import type { PopupState } from './state';

/** Attach the active tab's title and URL, unless a page is attached or none can be. */
export async function attachPage(state: PopupState): Promise<void> {
  if (state.get().draft.context || state.get().noPage) return;
  const context = await currentPageContext().catch(() => null);
  // Unticked while the tab was read: attach nothing.
  if (context && state.get().draft.attachPage) state.update({ context });
}

/**
 * At start: in the prompt window (no `activeTab` grant there) note that no page can be
 * attached, so the popup says so; elsewhere attach the page if the draft asks for it.
 */
export async function checkPage(state: PopupState): Promise<void> {
  if (await inPromptWindow().catch(() => false)) state.set({ noPage: true });
  else if (state.get().draft.attachPage) await attachPage(state);
}
