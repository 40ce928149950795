/**
 * A reflection as the database stores it: the reflection plus fields derived from it for
 * indexes. Pure, so db-store.ts, db-bulk-store.ts and test seeders that write rows straight
 * into IndexedDB all make rows the one same way. Rows are made only by `toStoredRow` and read
 * back only through `fromStoredRow`, so no caller, export or share ever sees a derived field.
 */
import { firstOpenCheckAt } from '../follow-through/follow-up';
import type { Reflection } from './reflection';

/** A stored row, from schema version 3 on. */
export interface StoredReflection extends Reflection {
  /**
   * `firstOpenCheckAt`: present only while a live reflection has an unanswered check, so
   * "which follow-ups are due" is the index range up to now, and closed, answered or deleted
   * ones are not in the `by-nextFollowUpAt` index at all.
   */
  nextFollowUpAt?: number;
}

/**
 * The row to store for `reflection`: every write goes through here, so no path can forget a
 * derived field. A `nextFollowUpAt` that came in (an import file) is replaced, never trusted.
 */
export function toStoredRow(reflection: Reflection): StoredReflection {
  const { nextFollowUpAt: _, ...rest } = reflection as StoredReflection;
  const due = firstOpenCheckAt(rest);
  return due === null ? rest : { ...rest, nextFollowUpAt: due };
}

/** The reflection in a stored row, without derived fields (rows without any pass as they are). */
export function fromStoredRow(row: StoredReflection): Reflection {
  // Most rows have no open check: hand those out as read, with no copy, when lists are long.
  if (!Object.hasOwn(row, 'nextFollowUpAt')) return row;
  const { nextFollowUpAt: _, ...reflection } = row;
  return reflection;
}
