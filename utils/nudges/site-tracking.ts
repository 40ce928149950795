/**
 * "Leaving a listed site": which open tabs show a matching page, and when one stops. Pure;
 * the tracked tabs live in `session:` storage because the worker sleeps between tab events.
 */
import { matchingPattern } from '../core/url-pattern';

/** A tab that shows a page matching one of the user's patterns. */
export interface TrackedTab {
  url: string;
  title: string;
}

/**
 * A tab changed (navigated or was retitled): the new tracking entry (null when it no longer
 * matches) and the page it left, if it left a matching one for an unrelated page.
 */
export function tabChanged(
  tracked: TrackedTab | undefined,
  url: string | undefined,
  title: string | undefined,
  patterns: readonly string[],
): { track: TrackedTab | null; left: TrackedTab | null } {
  const currentUrl = url ?? tracked?.url;
  const matches = matchingPattern(currentUrl, patterns) !== null;
  if (matches && currentUrl) {
    // A retitle or a move inside the site keeps tracking; the latest title is the context.
    return { track: { url: currentUrl, title: title ?? tracked?.title ?? '' }, left: null };
  }
  return { track: null, left: tracked ?? null };
}
