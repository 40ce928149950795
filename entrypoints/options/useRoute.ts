import { useEffect, useState } from 'preact/hooks';
import { formatRoute, parseRoute, type Route } from '../../utils/route';
import { DEFAULT_SECTION, isSectionId } from './sections';

function current(): Route {
  const route = parseRoute(location.hash, DEFAULT_SECTION);
  return isSectionId(route.section) ? route : { section: DEFAULT_SECTION, params: {} };
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
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return {
    route,
    navigate(next: Route) {
      location.hash = formatRoute(next);
    },
    replace(next: Route) {
      history.replaceState(null, '', formatRoute(next));
      setRoute(next);
    },
  };
}
