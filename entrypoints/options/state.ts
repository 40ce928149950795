/**
 * The review page's state: the list of reflections read page by page (never all of them
 * into the DOM), kept live through the database's change channel.
 */
import { signal } from '@preact/signals';
import { type DbEvent, describeDbError, listReflections } from '../../utils/db';
import type { Reflection } from '../../utils/reflection';

const PAGE_SIZE = 50;

export function createReviewState() {
  const items = signal<Reflection[]>([]);
  const next = signal<number | null>(null);
  const loaded = signal(false);
  const error = signal<string | null>(null);
  const notice = signal<DbEvent | null>(null);

  /** Read the newest page again, as many rows as are shown now (after a change elsewhere). */
  async function refresh(): Promise<void> {
    try {
      const page = await listReflections({ limit: Math.max(PAGE_SIZE, items.value.length) });
      items.value = page.items;
      next.value = page.next;
      error.value = null;
    } catch (e) {
      error.value = describeDbError(e);
    } finally {
      loaded.value = true;
    }
  }

  /** Append the next page. */
  async function loadMore(): Promise<void> {
    if (next.value === null) return;
    try {
      const page = await listReflections({ before: next.value, limit: PAGE_SIZE });
      items.value = [...items.value, ...page.items];
      next.value = page.next;
    } catch (e) {
      error.value = describeDbError(e);
    }
  }

  return { items, next, loaded, error, notice, refresh, loadMore };
}

export type ReviewState = ReturnType<typeof createReviewState>;
