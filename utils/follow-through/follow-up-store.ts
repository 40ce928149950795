/**
 * Follow-ups in the database: which reflections have one due, and storing an answer. Apart
 * from db.ts so the popup, which loads db.ts to save, does not carry the follow-through code.
 * The background's follow-up nudge can use `reflectionsWithDueFollowUp` as it is.
 */
import { reflectionsWithCheckDueBy, updateReflection } from '../reflections/db-store';
import type { FollowUpOutcome, Reflection } from '../reflections/reflection';
import { answerFollowUp, dueFollowUps } from './follow-up';
import type { FollowUpSettings } from './follow-up-plan';

/**
 * Reflections whose follow-up is due at `now`, most overdue first (deleted ones left out).
 * Reads only the rows the follow-up index holds up to `now` (the hourly reminder check runs
 * this in a waking service worker, whatever the size of the journal); `dueFollowUps` then
 * applies the rule itself and orders them by the check each reminder is about.
 */
export async function reflectionsWithDueFollowUp(now: number): Promise<Reflection[]> {
  const candidates = await reflectionsWithCheckDueBy(now);
  // Equally overdue ones keep id order (code units, as IndexedDB orders keys), as when every
  // row was read in key order: the same reminder comes first as before.
  candidates.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return dueFollowUps(candidates, now);
}

/**
 * Store the answer to a reflection's due follow-up (read and write in one transaction, so
 * two pages answering at once cannot lose one). Returns the stored record, or undefined.
 */
export async function storeFollowUpAnswer(
  id: string,
  outcome: FollowUpOutcome,
  note: string,
  now: number,
  settings: Pick<FollowUpSettings, 'retryDays'>,
): Promise<Reflection | undefined> {
  return updateReflection(id, (r) => answerFollowUp(r, outcome, note, now, settings), now);
}
