/**
 * The review page's in-memory copy of the reflections, without signals: every reflection read
 * so far (soft-deleted ones too, for "Undo"), the newest rows shown while the rest are read,
 * and once the read is complete the live ones newest first, kept in order as changes arrive.
 * Its own file so its bookkeeping is unit-tested as plain data; state.ts adds the signals,
 * the search index, the database reads and the edits.
 */
import type { Reflection } from '../../utils/reflections/reflection';

/** The copy and the few ways it changes. */
export interface ReviewCopy {
  /** Whether every reflection has been read; until then the first page stands in. */
  isComplete(): boolean;
  /** The newest rows, shown while the rest are read (a new array after each change). */
  firstPage(): Reflection[];
  setFirstPage(items: Reflection[]): void;
  /** A bulk change (an import, a wipe): serve the first page again until the re-read ends. */
  reopen(): void;
  /** Forget what was read, to read everything again. */
  beginRead(): void;
  /** One reflection of the full read. */
  add(r: Reflection): void;
  /** Every reflection is read: order the live ones newest first. */
  finishRead(): void;
  /** Put a reflection (new, edited, deleted or restored) into the copy. */
  apply(r: Reflection): void;
  /** Live reflections newest first: all of them when complete, the first page before. */
  newestFirst(): readonly Reflection[];
  /** A reflection of the full read, soft-deleted ones included. */
  get(id: string): Reflection | undefined;
  /** A reflection of the full read or, before it is complete, of the first page. */
  lookup(id: string): Reflection | undefined;
  /** Every tag in use, most used first (suggestions and the tag filter). */
  tags(): string[];
}

/** An empty copy: nothing read, the first page empty. */
export function createReviewCopy(): ReviewCopy {
  /** Every reflection read so far, soft-deleted ones included (for "Undo"). */
  const all = new Map<string, Reflection>();
  /** The live ones, newest first; valid once complete. */
  let newest: Reflection[] = [];
  let page: Reflection[] = [];
  let complete = false;

  const newestFirst = () => (complete ? newest : page);

  return {
    isComplete: () => complete,
    firstPage: () => page,
    setFirstPage(items) {
      page = items;
    },
    reopen() {
      complete = false;
    },
    beginRead() {
      all.clear();
      complete = false;
    },
    add(r) {
      all.set(r.id, r);
    },
    finishRead() {
      newest = [...all.values()]
        .filter((r) => r.deletedAt === null)
        .sort((a, b) => b.createdAt - a.createdAt);
      complete = true;
    },
    apply(r) {
      const before = all.get(r.id);
      all.set(r.id, r);
      if (complete) {
        if (before && before.deletedAt === null) {
          const at = newest.indexOf(before);
          if (at !== -1) newest.splice(at, 1);
        }
        if (r.deletedAt === null) newest.splice(insertionPoint(newest, r), 0, r);
      } else {
        const next = page.filter((x) => x.id !== r.id);
        if (r.deletedAt === null) next.splice(insertionPoint(next, r), 0, r);
        page = next;
      }
    },
    newestFirst,
    get: (id) => all.get(id),
    lookup: (id) => all.get(id) ?? page.find((r) => r.id === id),
    tags() {
      const counts = new Map<string, number>();
      for (const r of newestFirst()) {
        for (const tag of r.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
      }
      return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t);
    },
  };
}

/** Where `r` goes in a newest-first list (binary search on `createdAt`). */
function insertionPoint(list: readonly Reflection[], r: Reflection): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as Reflection).createdAt > r.createdAt) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
