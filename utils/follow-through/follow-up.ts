/**
 * Follow-through: each "next time" commitment comes back after a few days — "did you apply
 * it?" — until it is applied or no longer relevant. Pure functions; time is a parameter.
 */

import { DAY_MS } from '../core/time-units';
import type { FollowUp, FollowUpOutcome, Reflection } from '../reflections/reflection';
import type { FollowUpSettings } from './follow-up-plan';

/** Whether the commitment is settled: applied, or no longer relevant. */
export function isClosed(reflection: Pick<Reflection, 'followUps'>): boolean {
  return reflection.followUps.some(
    (f) => f.outcome === 'applied' || f.outcome === 'no-longer-relevant',
  );
}

/** Whether the commitment still has a check to answer (open, with one unanswered). */
export function isOpen(reflection: Pick<Reflection, 'followUps'>): boolean {
  return !isClosed(reflection) && reflection.followUps.some((f) => f.outcome === null);
}

/**
 * The check to ask about at `now`: the LATEST unanswered one already due, or, when none is
 * due yet, the earliest unanswered one (the next to come). Null once closed. The latest, not
 * the earliest: a day-1 check that was ignored must not hide the day-7 and day-30 ones (each
 * newly due check is a new reminder, see due-reminders.ts); the ignored ones are folded into
 * it and settled by its answer (`answerFollowUp`).
 */
export function nextFollowUp(
  reflection: Pick<Reflection, 'followUps'>,
  now: number,
): FollowUp | null {
  if (isClosed(reflection)) return null;
  let latestDue: FollowUp | null = null;
  let earliest: FollowUp | null = null;
  for (const f of reflection.followUps) {
    if (f.outcome !== null) continue;
    if (f.dueAt <= now && (latestDue === null || f.dueAt > latestDue.dueAt)) latestDue = f;
    if (earliest === null || f.dueAt < earliest.dueAt) earliest = f;
  }
  return latestDue ?? earliest;
}

/** When the check asked about at `now` is (or comes) due — see `nextFollowUp` — or null. */
export function followUpDueAt(
  reflection: Pick<Reflection, 'followUps'>,
  now: number,
): number | null {
  return nextFollowUp(reflection, now)?.dueAt ?? null;
}

/**
 * From when a live reflection has a check to answer: the earliest `dueAt` of an unanswered
 * check of an open commitment, or null (closed, nothing unanswered, or soft-deleted). It is
 * the key of the database's follow-up index: `dueFollowUps(…, now)` holds a reflection exactly
 * when this is ≤ `now` (some unanswered check is due; `nextFollowUp` then picks the latest).
 */
export function firstOpenCheckAt(
  reflection: Pick<Reflection, 'followUps' | 'deletedAt'>,
): number | null {
  if (reflection.deletedAt !== null || isClosed(reflection)) return null;
  let earliest: number | null = null;
  for (const f of reflection.followUps) {
    if (f.outcome === null && (earliest === null || f.dueAt < earliest)) earliest = f.dueAt;
  }
  return earliest;
}

/** Reflections whose follow-up is due at `now`, most overdue first (deleted ones left out). */
export function dueFollowUps(reflections: readonly Reflection[], now: number): Reflection[] {
  const dueAt = (r: Reflection) => followUpDueAt(r, now) ?? Number.POSITIVE_INFINITY;
  return reflections
    .filter((r) => r.deletedAt === null && dueAt(r) <= now)
    .sort((a, b) => dueAt(a) - dueAt(b));
}

/**
 * Record the answer to the check asked about at `now` (`nextFollowUp`). Earlier checks that
 * were due and left unanswered are folded into it: they are dropped, not given the same
 * outcome, so one answer counts once in the applied rate (copying it onto two ignored checks
 * would count a single "applied" three times), and no outcome is invented for a check the
 * person never saw through. Answered checks stay as history. "Applied" and "no longer
 * relevant" close the commitment (later checks are dropped); "not yet" asks again
 * `retryDays` later, unless a planned check already comes sooner; "partly" keeps the
 * remaining plan.
 */
export function answerFollowUp(
  reflection: Reflection,
  outcome: FollowUpOutcome,
  note: string,
  now: number,
  settings: Pick<FollowUpSettings, 'retryDays'>,
): Reflection {
  const due = nextFollowUp(reflection, now);
  if (!due) return reflection;
  const answered: FollowUp = { ...due, answeredAt: now, outcome, note: note.trim() };
  let followUps = reflection.followUps
    .filter((f) => f === due || f.outcome !== null || f.dueAt > due.dueAt)
    .map((f) => (f === due ? answered : f));
  if (outcome === 'applied' || outcome === 'no-longer-relevant') {
    followUps = followUps.filter((f) => f.outcome !== null);
  } else if (outcome === 'not-yet') {
    const retryAt = now + settings.retryDays * DAY_MS;
    const sooner = followUps.some((f) => f.outcome === null && f.dueAt <= retryAt);
    if (!sooner) followUps.push({ dueAt: retryAt, answeredAt: null, outcome: null, note: '' });
  }
  return { ...reflection, followUps };
}

/** Commitments still open (a "next time" with an unanswered check), soonest due first. */
export function openCommitments(reflections: readonly Reflection[], now: number): Reflection[] {
  return reflections
    .filter((r) => r.deletedAt === null && isOpen(r))
    .sort((a, b) => (followUpDueAt(a, now) ?? 0) - (followUpDueAt(b, now) ?? 0));
}

export interface AppliedRate {
  applied: number;
  /** Answered follow-ups that count: applied, partly, not yet ("no longer relevant" does not). */
  answered: number;
  /** applied ÷ answered, or null when nothing was answered. */
  rate: number | null;
}

/**
 * The applied-lesson rate of follow-ups answered in [from, to). "No longer relevant" is left
 * out of the count: a commitment that stopped mattering was not a lesson left unapplied.
 */
export function appliedRate(
  reflections: readonly Reflection[],
  from = Number.NEGATIVE_INFINITY,
  to = Number.POSITIVE_INFINITY,
): AppliedRate {
  let applied = 0;
  let answered = 0;
  for (const r of reflections) {
    if (r.deletedAt !== null) continue;
    for (const f of r.followUps) {
      if (f.answeredAt === null || f.answeredAt < from || f.answeredAt >= to) continue;
      if (f.outcome === null || f.outcome === 'no-longer-relevant') continue;
      answered++;
      if (f.outcome === 'applied') applied++;
    }
  }
  return { applied, answered, rate: answered === 0 ? null : applied / answered };
}
