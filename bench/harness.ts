/**
 * The benchmarks' browser: the e2e launcher with a copy of the build that adds `blank.html`
 * (an empty extension page with one input, the baseline for "ready"), and an in-page recorder
 * that timestamps, on the page's own clock (0 = navigation start), when each node was inserted
 * and the frame that painted it, and the last keydown / click / change events.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import {
  closeFirstRunTab,
  EXTENSION_PATH,
  launchWithExtension,
  serviceWorker,
} from '../tests/e2e/fixtures';
import { grantLoopbackHost } from '../tests/e2e/sync-helpers';

/** The baseline page: only an input, no script, same extension origin. Never shipped. */
export const BLANK_HTML = `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8"><title>Blank</title></head>
<body><input aria-label="Blank" autofocus></body></html>
`;

/** Page-side recorder, installed before any page script runs. Self-contained: it is serialised. */
function recorder(): void {
  interface Stamp {
    inserted: number;
    painted?: number;
  }
  interface Event {
    type: string;
    key?: string;
    time: number;
    painted?: number;
  }
  const stamps = new WeakMap<Node, Stamp>();
  const batches: Stamp[] = [];
  const events: Event[] = [];
  const afterFrame = (stamp: { painted?: number }) =>
    requestAnimationFrame(() => {
      // rAF runs just before the frame is painted: the first moment the change is on screen.
      stamp.painted = performance.now();
    });
  new MutationObserver((records) => {
    const stamp: Stamp = { inserted: performance.now() };
    for (const record of records) {
      for (const node of record.addedNodes) if (!stamps.has(node)) stamps.set(node, stamp);
    }
    batches.push(stamp);
    afterFrame(stamp);
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  for (const type of ['keydown', 'click', 'change']) {
    window.addEventListener(
      type,
      (e) => {
        const event: Event = { type, time: e.timeStamp };
        if (e instanceof KeyboardEvent) event.key = `${e.ctrlKey ? 'Control+' : ''}${e.key}`;
        events.push(event);
        // A shortcut (Ctrl/Meta held) is stamped without asking for a frame: the request would
        // itself hold the page's next tasks — the save's IndexedDB completion — behind a frame
        // that a real shortcut, changing nothing on screen, does not cause (measured on the
        // popup's Ctrl+Enter: 10–12 ms to the commit with the request, 4 ms without).
        if (e instanceof KeyboardEvent && (e.ctrlKey || e.metaKey)) event.painted = event.time;
        else afterFrame(event);
      },
      true,
    );
  }
  const nextFrame = () =>
    new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  Object.assign(window, {
    __bench: {
      /** When `el` (or the nearest ancestor inserted with it) was inserted, or first painted. */
      async appeared(el: Node, moment: 'inserted' | 'painted'): Promise<number | null> {
        for (let node: Node | null = el; node; node = node.parentNode) {
          const stamp = stamps.get(node);
          if (stamp) {
            if (moment === 'inserted') return stamp.inserted;
            while (stamp.painted === undefined) await nextFrame();
            return stamp.painted;
          }
        }
        return null;
      },
      /** The first (or last) event of `type` and `key` at or after `since`, with the frame after it. */
      async event(
        type: string,
        key: string | null,
        since: number,
        which: 'first' | 'last',
      ): Promise<{ time: number; painted: number } | null> {
        const matching = events.filter(
          (e) => e.type === type && (key === null || e.key === key) && e.time >= since,
        );
        const found = which === 'first' ? matching[0] : matching.at(-1);
        if (!found) return null;
        while (found.painted === undefined) await nextFrame();
        return { time: found.time, painted: found.painted };
      },
      /**
       * Wait until the DOM has been quiet for `quietMs` (or `maxMs` passed), then return the
       * frame that painted the last change after `since`, or null when nothing changed.
       */
      async settled(since: number, quietMs: number, maxMs: number): Promise<number | null> {
        const start = performance.now();
        for (;;) {
          const last = batches.at(-1);
          const quietFor = performance.now() - (last?.inserted ?? 0);
          if (quietFor >= quietMs || performance.now() - start > maxMs) break;
          await new Promise((r) => setTimeout(r, 20));
        }
        const after = batches.filter((b) => b.inserted >= since).at(-1);
        if (!after) return null;
        while (after.painted === undefined) await nextFrame();
        return after.painted;
      },
    },
  });
}

interface PageBench {
  appeared(el: Node, moment: 'inserted' | 'painted'): Promise<number | null>;
  event(
    type: string,
    key: string | null,
    since: number,
    which: 'first' | 'last',
  ): Promise<{ time: number; painted: number } | null>;
  settled(since: number, quietMs: number, maxMs: number): Promise<number | null>;
}

/** A running browser with the benchmark copy of the extension. */
export interface BenchBrowser {
  context: BrowserContext;
  extensionId: string;
  version: string;
  /** Open an extension page (e.g. "options.html#/data") in a new tab, recorder installed. */
  open(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Copy the build, add blank.html, launch Chromium with it through the e2e launcher. With
 * `loopbackHost`, the copy holds the host permission for 127.0.0.1 (a sync server run here)
 * from install, as the sync e2e's does: a test browser cannot click a permission prompt.
 */
export async function startBrowser(
  options: { loopbackHost?: boolean } = {},
): Promise<BenchBrowser> {
  const extension = mkdtempSync(join(tmpdir(), 'fail-well-bench-ext-'));
  const profile = mkdtempSync(join(tmpdir(), 'fail-well-bench-profile-'));
  cpSync(EXTENSION_PATH, extension, { recursive: true });
  writeFileSync(join(extension, 'blank.html'), BLANK_HTML);
  if (options.loopbackHost) grantLoopbackHost(extension);
  const context = await launchWithExtension(profile, extension);
  await context.addInitScript(recorder);
  const worker = await serviceWorker(context);
  const extensionId = new URL(worker.url()).host;
  // The first-run review tab would share the pages' renderer and skew every timing.
  await closeFirstRunTab(context);
  const open = async (path: string) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/${path}`, { waitUntil: 'commit' });
    return page;
  };
  // The browser's version, from the DevTools protocol of a throwaway page.
  const probe = await open('blank.html');
  const cdp = await context.newCDPSession(probe);
  const { product } = (await cdp.send('Browser.getVersion')) as { product: string };
  await probe.close();
  return {
    context,
    extensionId,
    version: product,
    open,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(extension, { recursive: true, force: true });
    },
  };
}

/**
 * When the element `locator` finds entered the document (from then on it can take focus and
 * input), in ms after its page's navigation started; with `painted`, the frame that showed it.
 * Ready timings use the insertion: the headless compositor's first frame after a navigation
 * wanders by ~100 ms on a loaded machine, even for the blank page.
 */
export async function appearedAt(
  locator: Locator,
  options: { timeout?: number; moment?: 'inserted' | 'painted' } = {},
): Promise<number> {
  await locator.waitFor({ state: 'visible', timeout: options.timeout ?? 60_000 });
  const at = await locator.evaluate(
    (el, moment) => (window as unknown as { __bench: PageBench }).__bench.appeared(el, moment),
    options.moment ?? 'inserted',
  );
  if (at === null) throw new Error('The element was not seen being inserted.');
  return at;
}

/** The page's clock now (ms since its navigation started), to find events after it. */
export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/**
 * An event of `type` in the page at or after `since` (the first, or with `last` the last one),
 * optionally only for `key` ("Control+Enter", "d"), with the frame painted after it (for a
 * shortcut, its own time: no frame is requested for one).
 */
export async function pageEvent(
  page: Page,
  type: string,
  options: { key?: string; since?: number; last?: boolean } = {},
): Promise<{ time: number; painted: number }> {
  const found = await page.evaluate(
    ([t, k, s, w]) => (window as unknown as { __bench: PageBench }).__bench.event(t, k, s, w),
    [type, options.key ?? null, options.since ?? 0, options.last ? 'last' : 'first'] as const,
  );
  if (!found) throw new Error(`No ${type}${options.key ? ` ${options.key}` : ''} event was seen.`);
  return found;
}

/** After the DOM goes quiet: the frame that painted the last change since `since`, or null. */
export function settledSince(page: Page, since: number, quietMs = 300, maxMs = 10_000) {
  return page.evaluate(
    ([s, q, m]) => (window as unknown as { __bench: PageBench }).__bench.settled(s, q, m),
    [since, quietMs, maxMs] as const,
  );
}

/** Whether `locator` finds something within `timeout` ms (a feature that may not have landed). */
export async function present(locator: Locator, timeout = 3_000): Promise<boolean> {
  try {
    await locator.first().waitFor({ state: 'attached', timeout });
    return true;
  } catch {
    return false;
  }
}

/** Empty the reflections store from an extension page (between seeding steps). */
export function clearReflections(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('fail-well');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('reflections', 'readwrite');
          tx.objectStore('reflections').clear();
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** JS heap in use (MB) after a forced garbage collection, read over the DevTools protocol. */
export async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: Array<{ name: string; value: number }>;
  };
  await cdp.detach();
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize');
  if (!used) throw new Error('The browser did not report JSHeapUsedSize.');
  return used.value / 1_048_576;
}

/** The extension's service worker, watched over the DevTools protocol from one of its pages. */
export interface WorkerProbe {
  /** V8 heap in use (MB) now, after a full GC with `collect`; null while no worker runs. */
  heapMB(options?: { collect?: boolean }): Promise<number | null>;
  /** Stop the worker as Chrome does (idle, or one event running too long); a due alarm wakes it. */
  stop(): Promise<void>;
  /** How many times the worker was seen stopping since the probe started. */
  stops(): number;
  close(): Promise<void>;
}

/**
 * Watch the service worker of `page`'s extension. Its heap is read through a DevTools session
 * of its own on the worker's target (Playwright hands out CDP sessions for pages only: the
 * worker's is attached with `Target.attachToTarget` and its messages relayed through the
 * page's session). The session outlives a stop and a restart of the worker; a command sent
 * while it is stopped waits, unanswered, until something else wakes it (seen here: it does not
 * wake it), so the heap is asked for only while the ServiceWorker domain says it runs.
 * `Runtime.getHeapUsage` gives the worker's `JSHeapUsedSize` (a worker has no `Performance`).
 */
export async function probeWorker(page: Page): Promise<WorkerProbe> {
  // `URL.origin` is "null" for chrome-extension: URLs; the host is the extension's id.
  const origin = `chrome-extension://${new URL(page.url()).host}/`;
  const cdp = await page.context().newCDPSession(page);
  let stops = 0;
  let status = 'running';
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) {
      if (!version.scriptURL.startsWith(origin)) continue;
      if (version.runningStatus === 'stopped' && status !== 'stopped') stops++;
      status = version.runningStatus;
    }
  });
  await cdp.send('ServiceWorker.enable');
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(origin));
  if (!target) throw new Error('The extension has no service worker running.');
  const { sessionId } = await cdp.send('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: false,
  });

  let nextId = 0;
  const pending = new Map<number, (result: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown };
    const answer = message.id === undefined ? undefined : pending.get(message.id);
    if (message.id === undefined || !answer) return;
    pending.delete(message.id);
    answer(message.result ?? null);
  });

  /** One command to the worker; null when it is not answered within 5 s (stopped meanwhile). */
  function call<T>(method: string): Promise<T | null> {
    const id = ++nextId;
    return new Promise<T | null>((resolve) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve(null);
      }, 5_000);
      pending.set(id, (result) => {
        clearTimeout(timer);
        resolve(result as T);
      });
      cdp
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) })
        .catch(() => {
          clearTimeout(timer);
          pending.delete(id);
          resolve(null);
        });
    });
  }

  return {
    async heapMB(options = {}) {
      if (status !== 'running') return null;
      if (options.collect) await call('HeapProfiler.collectGarbage');
      const usage = await call<{ usedSize: number }>('Runtime.getHeapUsage');
      return usage ? usage.usedSize / 1_048_576 : null;
    },
    async stop() {
      await cdp.send('ServiceWorker.stopAllWorkers');
    },
    stops: () => stops,
    async close() {
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      await cdp.detach().catch(() => undefined);
    },
  };
}
