/**
 * What every importer shares: an entry read from another app becomes a reflection through
 * the journal's own rules (validateReflection, createReflection), or is counted as skipped
 * with its reason. The result is a plan, shown as a preview before anything is written and
 * then handed as it is to the one-transaction import (db-bulk-store.ts).
 */

import {
  createReflection,
  firstReview,
  type Reflection,
  type Sting,
  validateReflection,
} from '../../reflections/reflection';
import { FUTURE_TOLERANCE_MS } from '../import';
import { importedId } from './source-id';

/** The apps and formats an import can come from. */
export type ImportFormat = 'dayone' | 'daylio' | 'markdown' | 'csv';

/** Why an entry of the source was not made into a reflection (counted in the preview). */
export type SkipReason =
  /** No words at all (a Daylio mood without a note, an empty note). */
  | 'empty'
  /** An answer longer than the journal's limit. */
  | 'tooLong'
  /** More tags, or longer ones, than the journal keeps. */
  | 'tags'
  /** No date, or one that cannot be read. */
  | 'noDate'
  /** Dated after tomorrow. */
  | 'future'
  /** The same entry twice in what was chosen. */
  | 'duplicate'
  /** Not an entry of the format (a Day One entry without uuid, a row with too few cells). */
  | 'broken'
  /** A file in a folder or zip that is not a note (pictures, settings, hidden folders). */
  | 'notNote';

export const SKIP_REASONS: readonly SkipReason[] = [
  'empty',
  'tooLong',
  'tags',
  'noDate',
  'future',
  'duplicate',
  'broken',
  'notNote',
];

/** What the preview says about how fields were read (counted per entry). */
export type ImportNote =
  /** Day One photos (and other media) replaced by a marker in the text. */
  | 'photos'
  /** Day One entries whose Markdown escapes (`\.`, `\!`) were removed. */
  | 'unescaped'
  /** Notes whose headings were matched to the questions. */
  | 'headings'
  /** Notes taken whole as "what happened" (no heading matched). */
  | 'wholeBody'
  /** Entries given a sting from their mood. */
  | 'stings';

/** One entry read from a source, before the journal's rules judge it. */
export interface SourceEntry {
  /** Stable within the source: Day One's uuid, a note's path, a row's date and time. */
  sourceId: string;
  /** Epoch ms, or null when the entry has no readable date. */
  createdAt: number | null;
  happened: string;
  learned?: string;
  nextTime?: string;
  tags: readonly string[];
  sting?: Sting | null;
  pinned?: boolean;
}

/** A checked import, ready to preview and write. */
export interface ImportPlan {
  format: ImportFormat;
  /** Entries looked at (files, rows, journal entries), imported or not. */
  seen: number;
  reflections: Reflection[];
  skipped: Partial<Record<SkipReason, number>>;
  notes: Partial<Record<ImportNote, number>>;
  /** Oldest and newest `createdAt` among the reflections; null when there are none. */
  first: number | null;
  last: number | null;
}

/** A source that could not be read at all: nothing is written, and this says why. */
export interface ImportRefusal {
  ok: false;
  message: string;
}

/** Collects entries into a plan; `now` judges future dates and starts the review clock. */
export class PlanBuilder {
  readonly plan: ImportPlan;
  private readonly ids = new Set<string>();
  private readonly latest: number;

  constructor(
    format: ImportFormat,
    private readonly now: number,
  ) {
    this.plan = {
      format,
      seen: 0,
      reflections: [],
      skipped: {},
      notes: {},
      first: null,
      last: null,
    };
    this.latest = now + FUTURE_TOLERANCE_MS;
  }

  /** Count an entry that was looked at and left out. */
  skip(reason: SkipReason): void {
    this.plan.seen++;
    this.plan.skipped[reason] = (this.plan.skipped[reason] ?? 0) + 1;
  }

  private skipped(reason: SkipReason): false {
    this.skip(reason);
    return false;
  }

  /** Count something the preview tells about how an entry was read. */
  note(note: ImportNote): void {
    this.plan.notes[note] = (this.plan.notes[note] ?? 0) + 1;
  }

  /** Judge one entry by the journal's rules: add it as a reflection (true), or count why not. */
  add(entry: SourceEntry): boolean {
    if (entry.createdAt === null || !Number.isFinite(entry.createdAt))
      return this.skipped('noDate');
    if (entry.createdAt > this.latest) return this.skipped('future');
    const answers: Record<string, string> = { happened: entry.happened.trim() };
    if (entry.learned?.trim()) answers.learned = entry.learned.trim();
    if (entry.nextTime?.trim()) answers.nextTime = entry.nextTime.trim();
    const input = {
      template: 'quick' as const,
      answers,
      tags: [...entry.tags],
      sting: entry.sting ?? null,
      trigger: 'import' as const,
    };
    // Normalised first, as the capture form does, so "Work" and "work" count once.
    const reflection = createReflection(input, importedId(this.plan.format, entry.sourceId), 0);
    const errors = validateReflection({ ...input, tags: reflection.tags });
    if (errors) {
      if (errors.form && Object.keys(reflection.answers).length === 0) return this.skipped('empty');
      if (Object.keys(errors.answers).length > 0) return this.skipped('tooLong');
      if (errors.tags) return this.skipped('tags');
      return this.skipped('broken');
    }
    if (this.ids.has(reflection.id)) return this.skipped('duplicate');
    this.ids.add(reflection.id);
    const at = Math.round(entry.createdAt);
    // updatedAt is the source's date, not the import's: the same file read again carries the
    // same updatedAt, so a stored copy (edited here or not) is never replaced by it.
    reflection.createdAt = at;
    reflection.updatedAt = at;
    reflection.pinned = entry.pinned === true;
    // Years of old entries would all be due for review at once: each starts its clock now.
    reflection.review = firstReview(Math.max(at, this.now));
    this.plan.seen++;
    this.plan.reflections.push(reflection);
    if (this.plan.first === null || at < this.plan.first) this.plan.first = at;
    if (this.plan.last === null || at > this.plan.last) this.plan.last = at;
    return true;
  }
}

/** How many entries were skipped, in total. */
export function skippedCount(plan: ImportPlan): number {
  return Object.values(plan.skipped).reduce((sum, n) => sum + (n ?? 0), 0);
}
