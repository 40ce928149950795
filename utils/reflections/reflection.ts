/**
 * The stored record — a reflection — and the pure rules about it: limits, tag
 * normalisation, validation and creation. No browser APIs here.
 */

import { formatNumber, plural, t } from '../i18n/i18n';
import type { Envelope } from '../lock/envelope';
import { isTemplateId, type TemplateId, type Wording } from './templates';

export const TRIGGERS = [
  'manual',
  'schedule',
  'idle',
  'startup',
  'site',
  'navigation-error',
  'download-error',
  'context-menu',
  'follow-up',
  // Brought in from another journal (utils/data/importers/): never nudged, only labelled.
  'import',
] as const;
/** What prompted a reflection. */
export type Trigger = (typeof TRIGGERS)[number];

export const LIMITS = {
  answerChars: 5000,
  tags: 20,
  tagChars: 40,
  /** Show the character counter once an answer is this close to the limit. */
  counterFrom: 4500,
} as const;

/** How much it hurt, 1 (barely) to 5 (a lot). */
export type Sting = 1 | 2 | 3 | 4 | 5;

export interface ReflectionContext {
  title?: string;
  url?: string;
  selection?: string;
}

export type FollowUpOutcome = 'applied' | 'partly' | 'not-yet' | 'no-longer-relevant';

/** One planned check on the "next time" commitment. */
export interface FollowUp {
  dueAt: number;
  answeredAt: number | null;
  outcome: FollowUpOutcome | null;
  note: string;
}

/** Who was affected, and whether they were told / it was made right. */
export interface ShareRecord {
  affected: string;
  told: boolean;
  toldAt: number | null;
}

/** Resurfacing state: each lesson comes back less often every time it is seen. */
export interface ReviewState {
  count: number;
  nextDueAt: number;
  retired: boolean;
}

export interface Reflection {
  id: string;
  /** Epoch ms. */
  createdAt: number;
  /** Epoch ms; changes on every edit. */
  updatedAt: number;
  template: TemplateId;
  /** The "One question" prompt that was asked, so it can be shown again. */
  prompt?: string;
  /**
   * An own template's name and questions as they were when this was written (a snapshot):
   * the template can change or go, this reflection keeps showing what it was asked.
   */
  wording?: Wording;
  /** Answer text per question key; canonical keys are `happened`, `learned`, `nextTime`. */
  answers: Record<string, string>;
  /** Normalised: trimmed, lower-case, unique. */
  tags: string[];
  sting: Sting | null;
  trigger: Trigger;
  context: ReflectionContext | null;
  followUps: FollowUp[];
  share: ShareRecord | null;
  pinned: boolean;
  /** Null only in records written before schema version 2 (the upgrade fills it in). */
  review: ReviewState | null;
  /** Soft delete: set when deleted (undo clears it); purged later. Absent from the index when null. */
  deletedAt: number | null;
  /**
   * Present when the journal's lock sealed the words (utils/lock/sealed-reflection.ts): the
   * prompt, answers, tags, context, who was affected and follow-up notes are then blank here
   * and live, encrypted, in this envelope.
   */
  sealed?: Envelope;
  /**
   * Sync only: answers two devices changed differently, both versions kept until the person
   * chooses one ("edited on two devices — keep which?"). Sealed with the words under the lock.
   */
  conflicts?: FieldConflict[];
}

/** The same answer changed on two devices: both versions, in a fixed (sorted) order. */
export interface FieldConflict {
  /** `answers.<key>`. */
  field: string;
  versions: [string, string];
}

/** Whether `value` is a well-formed `FieldConflict` (read back from an envelope or a server). */
export function isConflict(value: unknown): value is FieldConflict {
  const c = value as Partial<FieldConflict> | null;
  return (
    typeof c?.field === 'string' &&
    c.field.startsWith('answers.') &&
    Array.isArray(c.versions) &&
    c.versions.length === 2 &&
    c.versions.every((v) => typeof v === 'string')
  );
}

/** What the popup (or an edit form) collects before it becomes a reflection. */
export interface ReflectionInput {
  template: TemplateId;
  prompt?: string;
  wording?: Wording;
  answers: Record<string, string>;
  tags: string[];
  sting: Sting | null;
  trigger?: Trigger;
  context?: ReflectionContext | null;
}

/** A lesson first comes back for review this long after it was written. */
export const FIRST_REVIEW_AFTER_MS = 7 * 86_400_000;

/** The review state of a reflection written at `createdAt` and never seen since. */
export function firstReview(createdAt: number): ReviewState {
  return { count: 0, nextDueAt: createdAt + FIRST_REVIEW_AFTER_MS, retired: false };
}

/** Normalise one tag: trimmed, lower-case, inner whitespace as single hyphens. */
export function normalizeTag(raw: string): string {
  return raw.trim().toLowerCase().replace(/\s+/g, '-');
}

/** Normalise a tag list: drop empties and duplicates, keep the first-seen order. */
export function normalizeTags(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const tag of raw.map(normalizeTag)) if (tag) seen.add(tag);
  return [...seen];
}

/** Split what the user typed in the tag field ("a, b c") into normalised tags. */
export function parseTagText(text: string): string[] {
  return normalizeTags(text.split(','));
}

export function isSting(value: unknown): value is Sting {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

export function isTrigger(value: unknown): value is Trigger {
  return typeof value === 'string' && (TRIGGERS as readonly string[]).includes(value);
}

export type ValidationErrors = {
  /** Per answer key. */
  answers: Record<string, string>;
  tags?: string;
  form?: string;
};

/** Validate input; returns null when it can be saved. Messages are plain and kind. */
export function validateReflection(input: ReflectionInput): ValidationErrors | null {
  const errors: ValidationErrors = { answers: {} };
  let hasError = false;
  for (const [key, text] of Object.entries(input.answers)) {
    if (text.length > LIMITS.answerChars) {
      errors.answers[key] = t(
        plural(
          text.length - LIMITS.answerChars,
          'errorAnswerTooLongOne',
          'errorAnswerTooLongOther',
        ),
        formatNumber(text.length - LIMITS.answerChars),
        formatNumber(LIMITS.answerChars),
      );
      hasError = true;
    }
  }
  if (!Object.values(input.answers).some((text) => text.trim() !== '')) {
    errors.form = t('errorEmpty');
    hasError = true;
  }
  const tooLong = input.tags.filter((tag) => tag.length > LIMITS.tagChars);
  if (input.tags.length > LIMITS.tags) {
    errors.tags = t('errorTooManyTags', LIMITS.tags, input.tags.length - LIMITS.tags);
    hasError = true;
  } else if (tooLong.length > 0) {
    errors.tags = t('errorTagTooLong', LIMITS.tagChars, tooLong[0]?.slice(0, 20) ?? '');
    hasError = true;
  }
  if (input.sting !== null && !isSting(input.sting)) {
    errors.form = t('errorSting');
    hasError = true;
  }
  return hasError ? errors : null;
}

/** Build a new reflection from valid input. `id` and `now` are parameters so this stays pure. */
export function createReflection(input: ReflectionInput, id: string, now: number): Reflection {
  const answers: Record<string, string> = {};
  for (const [key, text] of Object.entries(input.answers)) {
    // Keep what the user typed (including inner whitespace); drop only blank answers.
    if (text.trim() !== '') answers[key] = text;
  }
  return {
    id,
    createdAt: now,
    updatedAt: now,
    template: isTemplateId(input.template) ? input.template : 'quick',
    ...(input.prompt ? { prompt: input.prompt } : {}),
    ...(input.wording ? { wording: input.wording } : {}),
    answers,
    tags: normalizeTags(input.tags),
    sting: input.sting,
    trigger: input.trigger ?? 'manual',
    context: input.context ?? null,
    followUps: [],
    share: null,
    pinned: false,
    review: firstReview(now),
    deletedAt: null,
  };
}
