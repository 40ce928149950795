/**
 * The mass-delete failsafe: a sync that would delete more than a set share of the journal on
 * this device stops and asks first (floccus added the same after its users lost bookmarks to a
 * server that came back empty or a device that synced a wiped journal). Pure: the engine
 * counts, this decides.
 */

/** More than this share of the live reflections deleted by one sync asks first. */
export const MASS_DELETE_SHARE = 0.25;
/** Small journals are not guarded by share alone: deleting 3 of 5 is an ordinary week. */
export const MASS_DELETE_MIN = 20;

export type DeleteDecision =
  | { kind: 'go' }
  | { kind: 'ask'; deleting: number; of: number; share: number };

/**
 * Whether deleting `deleting` of `live` reflections in one sync may go ahead without asking.
 * Counted per sync run, not per batch, so splitting a wipe into pages of 500 cannot slip by.
 */
export function checkDeletes(
  deleting: number,
  live: number,
  share = MASS_DELETE_SHARE,
  atLeast = MASS_DELETE_MIN,
): DeleteDecision {
  if (deleting <= 0 || live <= 0) return { kind: 'go' };
  const part = Math.min(1, deleting / live);
  if (deleting >= atLeast && part > share) {
    return { kind: 'ask', deleting, of: live, share: part };
  }
  return { kind: 'go' };
}
