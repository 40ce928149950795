/**
 * Follow-ups in the database: which reflections have one due, and storing an answer. Apart
 * from db.ts so the popup, which loads db.ts to save, does not carry the follow-through code.
 * The background's follow-up nudge can use `reflectionsWithDueFollowUp` as it is.
 */
import { readReflectionsAfter, updateReflection } from '../reflections/db-store';
import type { FollowUpOutcome, Reflection } from '../reflections/reflection';
import { answerFollowUp, dueFollowUps } from './follow-up';
import type { FollowUpSettings } from './follow-up-plan';

/** Reflections per read: one `getAll` each, so memory stays flat however many there are. */
const BATCH = 2000;

/**
 * Reflections whose follow-up is due at `now`, most overdue first (deleted ones left out).
 * There is no index on follow-up dates: this reads key-ordered batches and keeps the due ones.
 */
export async function reflectionsWithDueFollowUp(now: number): Promise<Reflection[]> {
  const due: Reflection[] = [];
  let after: string | null = null;
  for (;;) {
    const batch = await readReflectionsAfter(after, BATCH);
    due.push(...dueFollowUps(batch, now));
    if (batch.length < BATCH) break;
    after = (batch[batch.length - 1] as Reflection).id;
  }
  return dueFollowUps(due, now);
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
