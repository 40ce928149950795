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
import { parseAnswer, type SearchDoc, type SearchRequest } from './search-protocol';
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
  /** Ask for `query`'s hits; they arrive through `onHits`. */
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

  function receive(raw: unknown): void {
    const answer = parseAnswer(raw);
    if (answer === null || answer.id !== latest) return;
    onHits({ query, terms: answer.terms, keys: answer.keys, complete: answer.complete });
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
      send({ type: 'add', docs });
    },
    reset() {
      // Keys stay (the same id keeps its key); an answer still on its way finds no rows.
      rows = [];
      allSent = false;
      send({ type: 'reset' });
    },
    done() {
      allSent = true;
      send({ type: 'done' });
    },
    search(text) {
      query = text;
      send({ type: 'search', id: ++latest, query: text });
    },
    row: (key) => rows[key],
    get inWorker() {
      return inWorker;
    },
  };
}
