/**
 * The options page's view lives in the URL hash (`#/lessons?q=deploy&tag=ops`), so reload
 * and back/forward keep it. Pure parsing and formatting; the page owns `location`.
 */

export interface Route {
  /** The section shown, e.g. "lessons". */
  section: string;
  /** View state of that section (search, filters), as plain strings. */
  params: Record<string, string>;
}

/** Read a hash such as `#/lessons?q=x`; an empty or odd hash gives `fallback`. */
export function parseRoute(hash: string, fallback: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = body.split('?', 2);
  const params: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(query)) {
    if (value !== '' && !(key in params)) params[key] = value;
  }
  return { section: path.split('/')[0] || fallback, params };
}

/** Write a route back as a hash; empty params are left out, keys sorted for stable URLs. */
export function formatRoute(route: Route): string {
  const query = new URLSearchParams(
    Object.entries(route.params)
      .filter(([, value]) => value !== '')
      .sort(([a], [b]) => a.localeCompare(b)),
  ).toString();
  return `#/${route.section}${query ? `?${query}` : ''}`;
}
