/**
 * Follow-through: each "next time" commitment comes back after a few days — "did you apply
 * it?" — until it is applied or no longer relevant. Pure functions; time is a parameter.
 */
import type { FollowUpSettings } from './follow-up-plan';
import type { FollowUp, FollowUpOutcome, Reflection } from './reflection';

const DAY_MS = 86_400_000;

/** Whether the commitment is settled: applied, or no longer relevant. */
export function isClosed(reflection: Pick<Reflection, 'followUps'>): boolean {
  return reflection.followUps.some(
    (f) => f.outcome === 'applied' || f.outcome === 'no-longer-relevant',
  );
}

/** The earliest unanswered follow-up of an open commitment, or null. */
export function nextFollowUp(reflection: Pick<Reflection, 'followUps'>): FollowUp | null {
  if (isClosed(reflection)) return null;
  let next: FollowUp | null = null;
  for (const f of reflection.followUps) {
    if (f.outcome === null && (next === null || f.dueAt < next.dueAt)) next = f;
  }
  return next;
}

/** When the commitment should next come back (for the index and the nudge), or null. */
export function followUpDueAt(reflection: Pick<Reflection, 'followUps'>): number | null {
  return nextFollowUp(reflection)?.dueAt ?? null;
}

/** Reflections whose follow-up is due at `now`, most overdue first (deleted ones left out). */
export function dueFollowUps(reflections: readonly Reflection[], now: number): Reflection[] {
  return reflections
    .filter((r) => r.deletedAt === null && (followUpDueAt(r) ?? Number.POSITIVE_INFINITY) <= now)
    .sort((a, b) => (followUpDueAt(a) ?? 0) - (followUpDueAt(b) ?? 0));
}

/**
 * Record the answer to the due follow-up. "Applied" and "no longer relevant" close the
 * commitment (later checks are dropped); "not yet" asks again `retryDays` later, unless a
 * planned check already comes sooner; "partly" keeps the remaining plan.
 */
export function answerFollowUp(
  reflection: Reflection,
  outcome: FollowUpOutcome,
  note: string,
  now: number,
  settings: Pick<FollowUpSettings, 'retryDays'>,
): Reflection {
  const due = nextFollowUp(reflection);
  if (!due) return reflection;
  const answered: FollowUp = { ...due, answeredAt: now, outcome, note: note.trim() };
  let followUps = reflection.followUps.map((f) => (f === due ? answered : f));
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
export function openCommitments(reflections: readonly Reflection[]): Reflection[] {
  return reflections
    .filter((r) => r.deletedAt === null && followUpDueAt(r) !== null)
    .sort((a, b) => (followUpDueAt(a) ?? 0) - (followUpDueAt(b) ?? 0));
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
