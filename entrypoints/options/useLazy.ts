import { useEffect, useState } from 'preact/hooks';

/**
 * A module loaded after the page's first paint: the options page's start budget is full, so
 * cards that few people use on a visit (automatic backups, the rescue offer) arrive in their
 * own chunks. Null until loaded (or when it failed: the card is then simply not shown).
 */
export function useLazy<T>(load: () => Promise<T>): T | null {
  const [loaded, setLoaded] = useState<T | null>(null);
  // Loaded once: each caller passes one fixed loader, and loading again would loop.
  useEffect(() => {
    let live = true;
    load().then(
      (module) => live && setLoaded(() => module),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return loaded;
}
