import { useLazy } from '../useLazy';

/** The automatic-backups card, loaded after the Data section's first paint. */
export function LazyAutoBackups() {
  const loaded = useLazy(() => import('./AutoBackups'));
  return loaded ? <loaded.AutoBackups /> : null;
}

/** The rescue offer (and the heartbeat it keeps current), loaded after the page's first paint. */
export function LazyRescueOffer() {
  const loaded = useLazy(() => import('./RescueOffer'));
  return loaded ? <loaded.RescueOffer /> : null;
}

/** Data → Sync, loaded after the Data section's first paint (the client and its words). */
export function LazySyncCard() {
  const loaded = useLazy(() => import('./sync/SyncCard'));
  return loaded ? <loaded.SyncCard /> : null;
}
