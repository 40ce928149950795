/**
 * The review page's edits: save, pin, delete and undo, the look-back's answers, follow-up
 * answers, "told them" and which of two devices' versions to keep. Each writes to the
 * database, then puts what was stored into the in-memory copy and says so to screen readers.
 * Apart from state.ts, which reads and keeps the copy, because these only write and hand the
 * result back.
 */
import type { Signal } from '@preact/signals';
import { replanFollowUps } from '../../utils/follow-through/follow-up-plan';
import { storeFollowUpAnswer } from '../../utils/follow-through/follow-up-store';
import { t } from '../../utils/i18n/i18n';
import {
  deleteReflection,
  describeDbError,
  getReflections,
  restoreReflection,
  setReviewState,
  updateReflection,
} from '../../utils/reflections/db-store';
import {
  type FollowUpOutcome,
  firstReview,
  type Reflection,
  type ShareRecord,
  type Sting,
} from '../../utils/reflections/reflection';
import { settledByEdit, withVersionKept } from '../../utils/reflections/two-versions';
import { type ReviewAction, reviewAfter } from '../../utils/review/resurface';
import { getSettings } from '../../utils/settings/settings-store';

/** What an edit can change. */
export interface ReflectionEdit {
  answers: Record<string, string>;
  tags: string[];
  sting: Sting | null;
  /** Who was affected and whether they were told; left out = unchanged. */
  share?: ShareRecord | null;
}

/** What the edits need from the review state. */
export interface EditContext {
  now: () => number;
  /** A reflection of the in-memory copy. */
  get: (id: string) => Reflection | undefined;
  /** Put a stored reflection into the copy and the index. */
  apply: (r: Reflection) => void;
  /** Announce to screen readers. */
  say: (message: string) => void;
  error: Signal<string | null>;
  undoable: Signal<Reflection | null>;
}

/** The edits, bound to one review state. */
export function createReviewEdits({ now, get, apply, say, error, undoable }: EditContext) {
  /** Save an edit; returns an error message, or null when saved. */
  async function saveEdit(id: string, edit: ReflectionEdit): Promise<string | null> {
    try {
      const share = edit.share;
      // Ticked "told them" just now: remember when.
      const stamped =
        share?.told && share.toldAt === null
          ? { ...edit, share: { ...share, toldAt: now() } }
          : edit;
      // Read before the transaction (nothing but IndexedDB may be awaited inside it).
      const plan = (await getSettings()).followUps;
      const at = now();
      const saved = await updateReflection(
        id,
        // A "next time" written or emptied by this edit plans or drops its follow-ups; an
        // answer rewritten here settles its two devices' versions.
        (r) =>
          settledByEdit(r, {
            ...r,
            ...stamped,
            followUps: replanFollowUps(r, stamped.answers.nextTime, at, plan),
          }),
        at,
      );
      if (!saved) return t('editGone');
      apply(saved);
      say(t('saidSaved'));
      return null;
    } catch (e) {
      return describeDbError(e);
    }
  }

  async function togglePin(id: string): Promise<void> {
    try {
      const saved = await updateReflection(id, (r) => ({ ...r, pinned: !r.pinned }), now());
      if (saved) {
        apply(saved);
        say(saved.pinned ? t('saidPinned') : t('saidUnpinned'));
      }
    } catch (e) {
      error.value = describeDbError(e);
    }
  }

  async function remove(id: string): Promise<void> {
    try {
      await deleteReflection(id, now());
      const [deleted] = await getReflections([id]);
      if (!deleted) return;
      apply(deleted);
      undoable.value = deleted;
      say(t('saidDeleted'));
    } catch (e) {
      error.value = describeDbError(e);
    }
  }

  async function undoDelete(): Promise<void> {
    const deleted = undoable.value;
    if (!deleted) return;
    try {
      await restoreReflection(deleted.id, now());
      const [restored] = await getReflections([deleted.id]);
      undoable.value = null;
      if (restored) apply(restored);
      say(t('saidRestored'));
    } catch (e) {
      error.value = describeDbError(e);
    }
  }

  /** Record what the person said about a resurfaced lesson. */
  async function review(id: string, action: ReviewAction): Promise<void> {
    const current = get(id);
    if (!current) return;
    try {
      const next = reviewAfter(current.review ?? firstReview(current.createdAt), action, now());
      const saved = await setReviewState(id, next);
      if (saved) apply(saved);
      say(action === 'retire' ? t('saidRetired') : t('saidNoted'));
    } catch (e) {
      error.value = describeDbError(e);
    }
  }

  /** Record the answer to a reflection's due follow-up; returns an error message or null. */
  async function answerFollowUp(
    id: string,
    outcome: FollowUpOutcome,
    note: string,
    retryDays: number,
  ): Promise<string | null> {
    try {
      const saved = await storeFollowUpAnswer(id, outcome, note, now(), { retryDays });
      if (!saved) return t('followMissing');
      apply(saved);
      say(t('followAnswered'));
      return null;
    } catch (e) {
      return describeDbError(e);
    }
  }

  /** Tick (or untick) "I have told them / made it right". */
  async function setTold(id: string, told: boolean): Promise<void> {
    try {
      const saved = await updateReflection(
        id,
        (r) => ({
          ...r,
          share: { affected: r.share?.affected ?? '', told, toldAt: told ? now() : null },
        }),
        now(),
      );
      if (saved) {
        apply(saved);
        say(told ? t('tellThemDone') : t('tellThemReopened'));
      }
    } catch (e) {
      error.value = describeDbError(e);
    }
  }

  /** Keep one of the two versions sync kept of an answer (`field`: `answers.<key>`). */
  async function keepVersion(id: string, field: string, text: string): Promise<void> {
    try {
      const saved = await updateReflection(id, (r) => withVersionKept(r, field, text), now());
      if (saved) {
        apply(saved);
        say(t('twoVersionsKept'));
      }
    } catch (e) {
      error.value = describeDbError(e);
    }
  }

  return {
    saveEdit,
    togglePin,
    remove,
    undoDelete,
    review,
    answerFollowUp,
    setTold,
    keepVersion,
  };
}
