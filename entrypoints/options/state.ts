/**
 * The review page's state. First rows come straight from a cursor (fast, whatever the
 * number of reflections); then every reflection is read in batches in the background, the
 * search index built as they arrive, and from then on the list, search, filters, insights
 * and look-back work on that in-memory copy, kept live through the database's change channel.
 */

import { batch, signal } from '@preact/signals';
import { loadCheckins } from '../../utils/capture/checkin-store';
import { localZone, type TimeZone } from '../../utils/core/calendar';
import { replanFollowUps } from '../../utils/follow-through/follow-up-plan';
import { storeFollowUpAnswer } from '../../utils/follow-through/follow-up-store';
import { t } from '../../utils/i18n/i18n';
import {
  type DbEvent,
  deleteReflection,
  describeDbError,
  getReflections,
  listReflections,
  onReflectionsChanged,
  purgeDeleted,
  type ReflectionsChange,
  readReflectionsAfter,
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
import { type ReviewAction, reviewAfter } from '../../utils/review/resurface';
import {
  createSearchClient,
  type SearchHits,
  type SearchWorker,
} from '../../utils/review/search-client';
import { getSettings } from '../../utils/settings/settings-store';

/** Rows shown before the full read is done. */
const FIRST_PAGE = 50;
/** Reflections per background read; each batch is indexed in slices of `SLICE`. */
const BATCH = 2000;
const SLICE = 500;
/** Soft-deleted reflections are kept this long for "Undo", then purged on page load. */
export const PURGE_AFTER_MS = 30 * 86_400_000;

/** What an edit can change. */
export interface ReflectionEdit {
  answers: Record<string, string>;
  tags: string[];
  sting: Sting | null;
  /** Who was affected and whether they were told; left out = unchanged. */
  share?: ShareRecord | null;
}

export type LoadPhase = 'loading' | 'reading' | 'ready';

interface Options {
  zone?: TimeZone;
  now?: () => number;
  /** Yield to the page between slices of work, so typing and scrolling stay smooth. */
  yieldToPage?: () => Promise<void>;
  /** Start the search worker; tests leave it out (no Worker in Node: search runs in-page). */
  spawnSearch?: () => SearchWorker;
}

/** The options page's own module worker (Vite bundles the file this URL names). */
const spawnSearchWorker = (): SearchWorker =>
  new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });

/**
 * Let the page handle input and paint between slices of work. `scheduler.yield` where there
 * is one; otherwise a message, which (unlike a zero timeout) is neither clamped to 4 ms nor
 * throttled to once a second when the tab is in the background.
 */
const defaultYield = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
};

export function createReviewState(options: Options = {}) {
  const zone = options.zone ?? localZone;
  const now = options.now ?? Date.now;
  const yieldToPage = options.yieldToPage ?? defaultYield;

  /** Every reflection read so far, soft-deleted ones included (for "Undo"). */
  const store = new Map<string, Reflection>();
  /** The live ones, newest first; valid once `phase` is ready. */
  let newestFirst: Reflection[] = [];
  /** The latest search's hits (keys into `search`), or null before the first answer. */
  const searchHits = signal<SearchHits | null>(null);
  const search = createSearchClient({
    spawn: options.spawnSearch ?? spawnSearchWorker,
    onHits: (hits) => {
      searchHits.value = hits;
    },
  });

  const phase = signal<LoadPhase>('loading');
  /** The newest reflections, shown while the rest are read. */
  const firstPage = signal<Reflection[]>([]);
  const readCount = signal(0);
  /** Bumped on every change to the in-memory copy, so views recompute. */
  const version = signal(0);
  const error = signal<string | null>(null);
  const notice = signal<DbEvent | null>(null);
  /** Polite announcements for screen readers (saves, deletes, undo). */
  const announcement = signal('');
  /** The last deleted reflection, while its "Undo" is offered. */
  const undoable = signal<Reflection | null>(null);
  /** Calm-day check-ins ("YYYY-MM-DD"), which count for the weekly consistency figure. */
  const checkins = signal<string[]>([]);
  let generation = 0;
  /** Whether anything has asked for the reflections yet (the Data section never does). */
  let started = false;
  /** Changes that arrived while reading; applied again once the read is complete. */
  const changedWhileReading = new Set<string>();

  function say(message: string) {
    // Same text twice in a row would not be re-announced: clear first.
    announcement.value = '';
    queueMicrotask(() => {
      announcement.value = message;
    });
  }

  /** Put a reflection (new, edited, deleted or restored) into the in-memory copy and index. */
  function apply(r: Reflection) {
    const before = store.get(r.id);
    store.set(r.id, r);
    search.add([r]); // removes it from the index when deleted
    if (phase.value === 'ready') {
      if (before && before.deletedAt === null) {
        const at = newestFirst.indexOf(before);
        if (at !== -1) newestFirst.splice(at, 1);
      }
      if (r.deletedAt === null) newestFirst.splice(insertionPoint(newestFirst, r), 0, r);
    } else {
      const page = firstPage.value.filter((x) => x.id !== r.id);
      if (r.deletedAt === null) page.splice(insertionPoint(page, r), 0, r);
      firstPage.value = page;
    }
    version.value++;
  }

  /** Stops listening for changes (see `start`). */
  let stopListening: (() => void) | null = null;

  /**
   * Read the newest rows, purge old soft-deletes, then read everything in the background.
   * The first start listens for changes before it reads anything: a save announced while the
   * page was still loading (before any view mounted) is applied, never missed.
   */
  async function start(): Promise<void> {
    started = true;
    stopListening ??= onReflectionsChanged((change) => void onChange(change));
    const mine = ++generation;
    try {
      const page = await listReflections({ limit: FIRST_PAGE });
      if (mine !== generation) return;
      batch(() => {
        firstPage.value = page.items;
        phase.value = 'reading';
        error.value = null;
      });
      // Purging is housekeeping: it must never stand between the person and the list.
      void purgeDeleted(now() - PURGE_AFTER_MS).catch(() => {});
      // Check-ins only add to a figure: without them the page still works.
      void loadCheckins()
        .then((days) => {
          checkins.value = days;
        })
        .catch(() => {});
      await readAll(mine);
    } catch (e) {
      if (mine === generation) error.value = describeLoadError(e);
    }
  }

  async function readAll(mine: number): Promise<void> {
    store.clear();
    search.reset();
    readCount.value = 0;
    let after: string | null = null;
    for (;;) {
      const found = await readReflectionsAfter(after, BATCH);
      if (mine !== generation) return;
      for (let i = 0; i < found.length; i += SLICE) {
        const slice = found.slice(i, i + SLICE);
        for (const r of slice) store.set(r.id, r);
        search.add(slice);
        await yieldToPage();
        if (mine !== generation) return;
      }
      readCount.value += found.length;
      if (found.length < BATCH) break;
      after = (found[found.length - 1] as Reflection).id;
    }
    newestFirst = [...store.values()]
      .filter((r) => r.deletedAt === null)
      .sort((a, b) => b.createdAt - a.createdAt);
    search.done();
    batch(() => {
      phase.value = 'ready';
      version.value++;
    });
    if (changedWhileReading.size > 0) {
      const ids = [...changedWhileReading];
      changedWhileReading.clear();
      for (const r of await getReflections(ids)) apply(r);
    }
  }

  /** React to a change announced by any page (this one included). */
  async function onChange(change: ReflectionsChange): Promise<void> {
    // Nothing read yet (the Data section alone is open): the first reader will see it all.
    if (!started) return;
    if (change.type === 'bulk') {
      // An import or a wipe: re-read everything rather than guess what changed.
      phase.value = 'loading';
      return start();
    }
    if (phase.value !== 'ready') for (const id of change.ids) changedWhileReading.add(id);
    try {
      for (const r of await getReflections(change.ids)) apply(r);
    } catch (e) {
      error.value = describeLoadError(e);
    }
  }

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
        // A "next time" written or emptied by this edit plans or drops its follow-ups.
        (r) => ({
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
    const current = store.get(id);
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

  return {
    zone,
    now,
    phase,
    firstPage,
    readCount,
    version,
    error,
    notice,
    announcement,
    undoable,
    checkins,
    start,
    /**
     * Start reading unless something already did: the page calls it as early as it can (in
     * parallel with loading settings and messages) and again from each section that needs
     * the reflections; the Data section never does, so an export does not compete with it.
     */
    ensureStarted(): void {
      if (!started) void start();
    },
    /** Stop listening for other pages' changes (a test, or a page that goes away). */
    stop(): void {
      stopListening?.();
      stopListening = null;
    },
    answerFollowUp,
    setTold,
    onChange,
    saveEdit,
    togglePin,
    remove,
    undoDelete,
    review,
    /** Live reflections newest first: all of them when ready, the first page before. */
    newestFirst(): readonly Reflection[] {
      return phase.value === 'ready' ? newestFirst : firstPage.value;
    },
    /** The latest search's hits; `searchRow` turns a key into its reflection. */
    searchHits,
    /** Ask for a query's hits (answered into `searchHits`, only the latest query's). */
    search(query: string): void {
      search.search(query);
    },
    searchRow: (key: number) => search.row(key),
    /** Whether the search worker answers (false: the page searches by itself). */
    searchInWorker: () => search.inWorker,
    lookup(id: string): Reflection | undefined {
      return store.get(id) ?? firstPage.value.find((r) => r.id === id);
    },
    /** Every tag in use, most used first (suggestions and the tag filter). */
    tags(): string[] {
      const counts = new Map<string, number>();
      for (const r of phase.value === 'ready' ? newestFirst : firstPage.value) {
        for (const tag of r.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
      }
      return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t);
    },
  };
}

export type ReviewState = ReturnType<typeof createReviewState>;

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

/** A plain-words message for a failure to read (not save) reflections. */
function describeLoadError(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError') {
    return t('loadErrorQuota');
  }
  if (name === 'SecurityError' || name === 'NotFoundError') {
    return t('loadErrorUnavailable');
  }
  return t('loadErrorOther');
}
