import { useEffect, useState } from 'preact/hooks';

type ImportersModule = typeof import('./importers/Importers');

let loaded: ImportersModule | null = null;

/**
 * The importers from other apps, loaded as their own chunk once the Data section is shown:
 * the options page's start path carries none of them (nor the unzipper behind them).
 */
export function MoveIn() {
  const [module, setModule] = useState<ImportersModule | null>(loaded);
  useEffect(() => {
    if (module) return;
    let live = true;
    void import('./importers/Importers').then((m) => {
      loaded = m;
      if (live) setModule(m);
    });
    return () => {
      live = false;
    };
  }, [module]);
  return module ? <module.Importers /> : null;
}
