/**
 * The key of a flag kept in the extension origin's page storage while the journal has a lock
 * (lock-store.ts sets and clears it): the one thing a closing popup can know without waiting
 * (utils/capture/draft-store.ts). Not a secret, only "seal drafts or not".
 */
export const LOCK_HINT_KEY = 'fw:lock';
