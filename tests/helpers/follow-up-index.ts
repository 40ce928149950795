/** Reads for tests that check the follow-up index the way another page would: raw IndexedDB. */
import { openDB } from 'idb';
import { DB_NAME } from '../../utils/reflections/db-connection-store';
import { createReflection, type Reflection } from '../../utils/reflections/reflection';

const DAY = 86_400_000;

/**
 * What the `by-nextFollowUpAt` index holds, id → key, read through a connection of its own.
 * The app must have opened the database first (this never creates it).
 */
export async function followUpIndex(): Promise<Record<string, number>> {
  const db = await openDB(DB_NAME);
  const held: Record<string, number> = {};
  let cursor = await db.transaction('reflections').store.index('by-nextFollowUpAt').openKeyCursor();
  while (cursor) {
    held[String(cursor.primaryKey)] = cursor.key as number;
    cursor = await cursor.continue();
  }
  db.close();
  return held;
}

/** Every stored row as IndexedDB holds it (derived fields included), by id. */
export async function storedRows(): Promise<Record<string, Record<string, unknown>>> {
  const db = await openDB(DB_NAME);
  const rows = (await db.getAll('reflections')) as Array<Record<string, unknown>>;
  db.close();
  return Object.fromEntries(rows.map((row) => [String(row.id), row]));
}

/** A reflection written at `createdAt` with unanswered checks `days` days after it. */
export function withChecks(id: string, createdAt: number, days: readonly number[]): Reflection {
  return {
    ...createReflection(
      { template: 'quick', answers: { nextTime: `commit ${id}` }, tags: [], sting: null },
      id,
      createdAt,
    ),
    followUps: days.map((d) => ({
      dueAt: createdAt + d * DAY,
      answeredAt: null,
      outcome: null,
      note: '',
    })),
  };
}
