/**
 * The user's site patterns ("meet.google.com", "*.zoom.us", "ci.example.com/builds/*")
 * matched against page addresses. Pure; the patterns were checked by `sitePatternProblem`.
 */

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 'i');
}

/** Whether `url` (http or https) matches `pattern`: a host, optionally with a path; `*` is a wildcard. */
export function matchesSitePattern(url: string, pattern: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  const text = pattern.trim().replace(/^https?:\/\//i, '');
  const slash = text.indexOf('/');
  const hostPattern = (slash === -1 ? text : text.slice(0, slash)).toLowerCase();
  const pathPattern = slash === -1 ? null : text.slice(slash);
  const host = parsed.port ? `${parsed.hostname}:${parsed.port}` : parsed.hostname;
  const hostOk = hostPattern.startsWith('*.')
    ? host === hostPattern.slice(2) || globToRegExp(hostPattern).test(host)
    : globToRegExp(hostPattern).test(host);
  if (!hostOk) return false;
  if (pathPattern === null || pathPattern === '/' || pathPattern === '/*') return true;
  const path = parsed.pathname + parsed.search;
  // "ci.example.com/builds" also covers "ci.example.com/builds/123".
  return (
    globToRegExp(pathPattern).test(path) ||
    globToRegExp(`${pathPattern.replace(/\/$/, '')}/*`).test(path)
  );
}

/** The first pattern `url` matches, or null. */
export function matchingPattern(
  url: string | undefined,
  patterns: readonly string[],
): string | null {
  if (!url) return null;
  return patterns.find((pattern) => matchesSitePattern(url, pattern)) ?? null;
}
