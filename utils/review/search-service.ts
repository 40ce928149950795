/**
 * What the search worker does with each message, as a plain object: documents go into a
 * backlog that is indexed in short slices, so a query that arrives while 100,000 are being
 * indexed is answered at once from what is indexed so far (marked incomplete) instead of
 * waiting behind the build; only the latest query is answered when several wait; once every
 * document is in, the last query is answered again, complete, without the page asking.
 * Pure (the host gives it a clock, a way to post and a way to run later), so tests run it
 * in-process and the page runs the same code when it cannot start a Worker.
 */
import { SearchIndex } from './search-index';
import { parseRequest, type SearchDoc, type SearchReply } from './search-protocol';

/** How long one slice of indexing may run before messages that arrived meanwhile go first. */
const SLICE_MS = 6;
/** Documents indexed between two looks at the clock. */
const STEP = 64;

/** What the service needs from where it runs. */
export interface SearchHost {
  /** Send an answer (or a batch's receipt) to the page. */
  answer(reply: SearchReply): void;
  /** Run `work` soon as its own task, after the messages already waiting. */
  later(work: () => void): void;
  /** Milliseconds, monotonic (`performance.now`). */
  clock(): number;
}

/** A search service: give it every message from the page. */
export interface SearchService {
  handle(message: unknown): void;
}

/** A search service answering through `host`. */
export function createSearchService(host: SearchHost): SearchService {
  let index = new SearchIndex<number>();
  /** Documents sent but not indexed yet, in the order they came. */
  let backlog: SearchDoc[][] = [];
  let at = 0;
  let done = false;
  let latest: { id: number; query: string } | null = null;
  /** Whether the index changed since the last answer, or that answer was incomplete. */
  let stale = false;
  let searchQueued = false;
  let drainQueued = false;

  const pending = () => backlog.length > 0;

  function answer(): void {
    searchQueued = false;
    if (latest === null) return;
    const { ids, terms } = index.search(latest.query);
    const complete = done && !pending();
    stale = !complete;
    host.answer({ type: 'hits', id: latest.id, terms, keys: Int32Array.from(ids), complete });
  }

  function queueAnswer(): void {
    if (searchQueued) return;
    searchQueued = true;
    host.later(answer);
  }

  function drain(): void {
    drainQueued = false;
    const until = host.clock() + SLICE_MS;
    while (pending() && host.clock() < until) {
      const docs = backlog[0] as SearchDoc[];
      const end = Math.min(docs.length, at + STEP);
      for (; at < end; at++) index.add(docs[at] as SearchDoc);
      stale = true;
      if (at === docs.length) {
        backlog.shift();
        at = 0;
        host.answer({ type: 'indexed' });
      }
    }
    if (pending()) {
      queueDrain();
    } else if (done) {
      // Sort words and dates now, not on the next keystroke; then correct the last answer.
      index.prepare();
      if (stale && latest !== null) queueAnswer();
    }
  }

  function queueDrain(): void {
    if (drainQueued) return;
    drainQueued = true;
    host.later(drain);
  }

  return {
    handle(message: unknown): void {
      const request = parseRequest(message);
      if (request === null) return;
      switch (request.type) {
        case 'reset':
          index = new SearchIndex<number>();
          backlog = [];
          at = 0;
          done = false;
          stale = true;
          return;
        case 'add':
          // Every batch gets its receipt, an empty one too: the page counts them.
          backlog.push(request.docs);
          queueDrain();
          return;
        case 'done':
          done = true;
          queueDrain();
          return;
        case 'search':
          latest = { id: request.id, query: request.query };
          queueAnswer();
          return;
      }
    },
  };
}
