/**
 * The review page's side of search: gives every reflection a small key, sends the searchable
 * text to the search worker, asks it queries and turns its answers back into reflections.
 * Only the latest query's answer is passed on (an answer to an older keystroke is dropped).
 * When no worker can be started, or the one started fails, the same service runs in the page
 * (fed again with everything sent so far), so search keeps working, only on the main thread;
 * its code is loaded only then.
 * Pure: the page hands it the function that starts the Worker.
 */
import type { Reflection } from '../reflections/reflection';
import { parseReply, type SearchDoc, type SearchRequest } from './search-protocol';
import type { SearchHost, SearchService } from './search-service';

/** The part of a `Worker` the client uses. */
export interface SearchWorker {
  postMessage(message: SearchRequest): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

/** The latest query's hits, best first, as keys; `row(key)` gives the reflection. */
export interface SearchHits {
  query: string;
  terms: string[];
  keys: Int32Array;
  /** False while the index may be missing reflections (still being built). */
  complete: boolean;
}

/** The review page's search. */
export interface SearchClient {
  /** Index (or re-index) these reflections; deleted ones drop out of the results. */
  add(reflections: readonly Reflection[]): void;
  /** Forget every reflection (everything is about to be read again). */
  reset(): void;
  /** Every reflection has been added: the next answers are complete. */
  done(): void;
  /** Ask for `query`'s hits (once: asking again for the same text does nothing); they arrive through `onHits`. */
  search(query: string): void;
  /** The reflection a key stands for, as last added. */
  row(key: number): Reflection | undefined;
  /** Whether a Worker does the work (false: the page does, in slices). */
  readonly inWorker: boolean;
}

interface Options {
  /** Start the worker; may throw (no Worker, a blocked script): the page then does the work. */
  spawn: () => SearchWorker;
  onHits: (hits: SearchHits) => void;
  /** Where the in-page fallback runs its slices; tests give a manual one. */
  host?: Omit<SearchHost, 'answer'>;
}

/**
 * Batches sent to the worker and not yet indexed, at most. A query jumps the page's queue but
 * not the worker's: it waits for at most these (a few ms each), not for every batch read.
 */
const IN_FLIGHT = 2;

const pageHost: Omit<SearchHost, 'answer'> = {
  later: (work) => void setTimeout(work, 0),
  clock: () => performance.now(),
};

/** The searchable part of a reflection under its key: nothing else is copied to the worker. */
function toDoc(r: Reflection, key: number): SearchDoc {
  return {
    id: key,
    createdAt: r.createdAt,
    answers: r.answers,
    tags: r.tags,
    deletedAt: r.deletedAt,
  };
}

/** A search client over a worker from `spawn`, or over the page itself when that fails. */
export function createSearchClient({ spawn, onHits, host = pageHost }: Options): SearchClient {
  const keys = new Map<string, number>();
  let rows: (Reflection | undefined)[] = [];
  let latest = 0;
  let query = '';
  let allSent = false;
  let inWorker = false;
  /** Batches (and the final `done`) waiting for room in the worker's queue. */
  let outbox: SearchRequest[] = [];
  let inFlight = 0;

  function receive(raw: unknown): void {
    const reply = parseReply(raw);
    if (reply === null) return;
    if (reply.type === 'indexed') {
      inFlight = Math.max(0, inFlight - 1);
      flush();
      return;
    }
    if (reply.id !== latest) return;
    onHits({ query, terms: reply.terms, keys: reply.keys, complete: reply.complete });
  }

  function flush(): void {
    while (outbox.length > 0 && inFlight < IN_FLIGHT) {
      const message = outbox.shift() as SearchRequest;
      if (message.type === 'add') inFlight++;
      send(message);
    }
  }

  function enqueue(message: SearchRequest): void {
    outbox.push(message);
    flush();
  }

  function inPage(): (message: SearchRequest) => void {
    inWorker = false;
    // Loaded only here: with a worker, the page never loads the index's code at all.
    let service: SearchService | null = null;
    const waiting: SearchRequest[] = [];
    void import('./search-service').then(({ createSearchService }) => {
      service = createSearchService({ ...host, answer: receive });
      for (const message of waiting.splice(0)) service.handle(message);
    });
    return (message) => {
      if (service) service.handle(message);
      else waiting.push(message);
    };
  }

  function connect(): (message: SearchRequest) => void {
    let worker: SearchWorker;
    try {
      worker = spawn();
    } catch {
      return inPage();
    }
    inWorker = true;
    worker.onmessage = (event) => receive(event.data);
    worker.onerror = () => {
      // The worker could not load or broke: carry on in the page with what it was sent.
      worker.terminate();
      send = inPage();
      outbox = [];
      inFlight = 0;
      send({ type: 'reset' });
      const docs: SearchDoc[] = [];
      rows.forEach((r, key) => {
        if (r) docs.push(toDoc(r, key));
      });
      send({ type: 'add', docs });
      if (allSent) send({ type: 'done' });
      if (latest > 0) send({ type: 'search', id: latest, query });
    };
    return (message) => worker.postMessage(message);
  }

  let send = connect();

  return {
    add(reflections) {
      const docs = reflections.map((r) => {
        let key = keys.get(r.id);
        if (key === undefined) {
          key = keys.size;
          keys.set(r.id, key);
        }
        rows[key] = r;
        return toDoc(r, key);
      });
      enqueue({ type: 'add', docs });
    },
    reset() {
      // Keys stay (the same id keeps its key); an answer still on its way finds no rows.
      rows = [];
      allSent = false;
      // Batches not sent yet are moot; receipts for those sent may still come (counted down
      // to no less than zero).
      outbox = [];
      inFlight = 0;
      send({ type: 'reset' });
    },
    done() {
      allSent = true;
      enqueue({ type: 'done' });
    },
    search(text) {
      // Asked again for what was last asked (the input handler, then the render): the answer
      // on its way, and every later correction, serve both.
      if (latest > 0 && text === query) return;
      query = text;
      send({ type: 'search', id: ++latest, query: text });
    },
    row: (key) => rows[key],
    get inWorker() {
      return inWorker;
    },
  };
}
