import { useEffect, useState } from 'preact/hooks';
import { formatRoute, parseRoute, type Route } from '../../utils/core/route';
import { DEFAULT_SECTION, isSectionId } from './sections';

/** Parameters kept out of the address (the search query while the journal has a lock). */
let hidden: readonly string[] = [];
/** Their values for the route shown now: in this page's memory only. */
let held: { section: string; params: Record<string, string> } = { section: '', params: {} };

/**
 * Keep these parameters out of the address: the browser writes the address to its session
 * restore and history on disk, and a search query says what the journal is about.
 */
export function keepOutOfAddress(keys: readonly string[]): void {
  hidden = keys;
}

/** The address form of a route, remembering what it leaves out. */
function address(route: Route): string {
  if (hidden.length === 0) return formatRoute(route);
  const params: Record<string, string> = {};
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(route.params)) {
    if (hidden.includes(key)) kept[key] = value;
    else params[key] = value;
  }
  held = { section: route.section, params: kept };
  return formatRoute({ section: route.section, params });
}

function current(): Route {
  const route = parseRoute(location.hash, DEFAULT_SECTION);
  if (!isSectionId(route.section)) return { section: DEFAULT_SECTION, params: {} };
  // What was kept out of the address comes back while the section stays the same.
  return held.section === route.section
    ? { ...route, params: { ...route.params, ...held.params } }
    : route;
}

/** A URL written by `replace` but not yet put into the history entry. */
let pendingUrl: string | null = null;
let pendingTimer: ReturnType<typeof setTimeout> | undefined;
/** Typing pauses at least this long before the address bar catches up. */
const WRITE_AFTER_MS = 250;
/** Route users mounted in this page. */
let mounted = 0;

function writePending(): void {
  clearTimeout(pendingTimer);
  if (pendingUrl !== null) history.replaceState(null, '', pendingUrl);
  pendingUrl = null;
}

/**
 * The route in the URL hash, kept in sync both ways. `navigate` pushes a history entry (a new
 * section); `replace` does not (typing in a search box should not fill the back button).
 */
export function useRoute() {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const onHashChange = () => setRoute(current());
    window.addEventListener('hashchange', onHashChange);
    window.addEventListener('pagehide', writePending);
    mounted++;
    return () => {
      // The page's last route user is gone (tests, teardown): nothing should write after it.
      if (--mounted === 0) {
        clearTimeout(pendingTimer);
        pendingUrl = null;
      }
      window.removeEventListener('hashchange', onHashChange);
      window.removeEventListener('pagehide', writePending);
    };
  }, []);
  return {
    route,
    navigate(next: Route) {
      // A newer route wins over one still waiting to be written.
      clearTimeout(pendingTimer);
      pendingUrl = null;
      location.hash = address(next);
    },
    replace(next: Route) {
      setRoute(next);
      // history.replaceState costs several milliseconds in an extension page (the browser
      // process hears of every URL change): write it once typing pauses, not per keystroke.
      pendingUrl = address(next);
      clearTimeout(pendingTimer);
      pendingTimer = setTimeout(writePending, WRITE_AFTER_MS);
    },
  };
}
