/**
 * Set in this origin's `localStorage` while the journal has a lock (lock-store.ts writes it):
 * the one thing a closing popup can know without waiting (utils/capture/draft-store.ts). Not
 * a secret, only "sealed or not".
 */
export const LOCK_HINT_KEY = 'fail-well:lock-on';
