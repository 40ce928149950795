/**
 * The review page's state. First rows come straight from a cursor (fast, whatever the
 * number of reflections); then every reflection is read in batches in the background and
 * sent to the search worker as they arrive, and from then on the list, search, filters, insights
 * and look-back work on that in-memory copy, kept live through the database's change channel.
 * This file holds the signals, the search client and the reads; the copy itself is
 * review-copy.ts (plain data, tested without signals) and the edits are review-edits.ts.
 */

import { batch, signal } from '@preact/signals';
import { loadCheckins } from '../../utils/capture/checkin-store';
import { localZone, type TimeZone } from '../../utils/core/calendar';
import { DAY_MS } from '../../utils/core/time-units';
import { yieldToPage as yieldToPageNow } from '../../utils/core/yield-to-page';
import { t } from '../../utils/i18n/i18n';
import {
  type DbEvent,
  onReflectionsChanged,
  type ReflectionsChange,
} from '../../utils/reflections/db-connection-store';
import {
  getReflections,
  listReflections,
  purgeDeleted,
  type ReadReport,
} from '../../utils/reflections/db-store';
import type { Reflection } from '../../utils/reflections/reflection';
import {
  createSearchClient,
  type SearchHits,
  type SearchWorker,
} from '../../utils/review/search-client';
import { readJournal } from './journal-reader';
import { createReviewCopy } from './review-copy';
import { createReviewEdits } from './review-edits';

// The edit's shape is the edits' own; named here too because the views know only state.ts.
export type { ReflectionEdit } from './review-edits';

/** Rows shown before the full read is done. */
const FIRST_PAGE = 50;
/** Reflections per background read; each batch is indexed in slices of `SLICE`. */
const BATCH = 2000;
const SLICE = 500;
/** Soft-deleted reflections are kept this long for "Undo", then purged on page load. */
export const PURGE_AFTER_MS = 30 * DAY_MS;

export type LoadPhase = 'loading' | 'reading' | 'ready';

interface Options {
  zone?: TimeZone;
  now?: () => number;
  /** Yield to the page between slices of work, so typing and scrolling stay smooth. */
  yieldToPage?: () => Promise<void>;
  /** Start the search worker; tests leave it out (no Worker in Node: search runs in-page). */
  spawnSearch?: () => SearchWorker;
  /**
   * Told once every reflection has been read and handed to the search: housekeeping the read
   * found (records to compact) starts only then, never competing with the first rows.
   */
  afterRead?: (report: ReadReport) => void;
  /** Every reflection in batches (default: journal-reader.ts, a worker while unlocked). */
  readAll?: (batch: number, report: ReadReport) => AsyncIterable<Reflection[]>;
}

/** The options page's own module worker (Vite bundles the file this URL names). */
const spawnSearchWorker = (): SearchWorker =>
  new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });

/** The review page's state: signals over the in-memory copy, the reads that fill it, the edits. */
export function createReviewState(options: Options = {}) {
  const zone = options.zone ?? localZone;
  const now = options.now ?? Date.now;
  const yieldToPage = options.yieldToPage ?? yieldToPageNow;
  const readAllReflections = options.readAll ?? readJournal;

  /** The reflections in memory, without signals (review-copy.ts); ready when `phase` is. */
  const copy = createReviewCopy();
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

  /**
   * Read the copy as a view would read signals: a view that asks before the full read is
   * done depends on the first page and the phase, and re-renders when either changes.
   */
  function tracked<T>(read: () => T): T {
    if (phase.value !== 'ready') void firstPage.value;
    return read();
  }

  /** Put a reflection (new, edited, deleted or restored) into the in-memory copy and index. */
  function apply(r: Reflection) {
    copy.apply(r);
    search.add([r]); // removes it from the index when deleted
    if (!copy.isComplete()) firstPage.value = copy.firstPage();
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
      copy.setFirstPage(page.items);
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
    copy.beginRead();
    search.reset();
    readCount.value = 0;
    const report: ReadReport = { sealedToPublicKey: [] };
    for await (const found of readAllReflections(BATCH, report)) {
      if (mine !== generation) return;
      for (let i = 0; i < found.length; i += SLICE) {
        const slice = found.slice(i, i + SLICE);
        for (const r of slice) copy.add(r);
        search.add(slice);
        await yieldToPage();
        if (mine !== generation) return;
      }
      readCount.value += found.length;
    }
    search.done();
    copy.finishRead();
    batch(() => {
      phase.value = 'ready';
      version.value++;
    });
    options.afterRead?.(report);
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
      copy.reopen();
      return start();
    }
    if (phase.value !== 'ready') for (const id of change.ids) changedWhileReading.add(id);
    try {
      for (const r of await getReflections(change.ids)) apply(r);
    } catch (e) {
      error.value = describeLoadError(e);
    }
  }

  const edits = createReviewEdits({ now, get: copy.get, apply, say, error, undoable });

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
    onChange,
    ...edits,
    /** Live reflections newest first: all of them when ready, the first page before. */
    newestFirst: () => tracked(copy.newestFirst),
    /** The latest search's hits; `searchRow` turns a key into its reflection. */
    searchHits,
    /** Ask for a query's hits (answered into `searchHits`, only the latest query's). */
    search(query: string): void {
      search.search(query);
    },
    searchRow: (key: number) => search.row(key),
    /** Whether the search worker answers (false: the page searches by itself). */
    searchInWorker: () => search.inWorker,
    /** A reflection read so far, or one of the first page. */
    lookup: (id: string) => tracked(() => copy.lookup(id)),
    /** Every tag in use, most used first (suggestions and the tag filter). */
    tags: () => tracked(copy.tags),
  };
}

export type ReviewState = ReturnType<typeof createReviewState>;

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
