import { useEffect, useState } from 'preact/hooks';
import { formatRoute, parseRoute, type Route } from '../../utils/core/route';
import { DEFAULT_SECTION, isSectionId } from './sections';

function current(): Route {
  const route = parseRoute(location.hash, DEFAULT_SECTION);
  return isSectionId(route.section) ? route : { section: DEFAULT_SECTION, params: {} };
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
      location.hash = formatRoute(next);
    },
    replace(next: Route) {
      setRoute(next);
      // history.replaceState costs several milliseconds in an extension page (the browser
      // process hears of every URL change): write it once typing pauses, not per keystroke.
      pendingUrl = formatRoute(next);
      clearTimeout(pendingTimer);
      pendingTimer = setTimeout(writePending, WRITE_AFTER_MS);
    },
  };
}
