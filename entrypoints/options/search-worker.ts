/**
 * The options page's search worker (a module Worker the review state starts; the popup never
 * loads it): runs utils/review/search-service.ts off the page's main thread. Wiring only.
 */
import type { SearchReply } from '../../utils/review/search-protocol';
import { createSearchService } from '../../utils/review/search-service';

// The worker's global scope, typed by hand: the project's lib is the DOM's, not "webworker".
const scope = self as unknown as {
  postMessage(message: SearchReply, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
};

// Slices of indexing run as message tasks: a zero timeout would be clamped to 4 ms once
// nested, leaving the worker idle for a third of a 100,000-reflection build.
const channel = new MessageChannel();
const queue: (() => void)[] = [];
channel.port1.onmessage = () => queue.shift()?.();

const service = createSearchService({
  // The keys' buffer moves to the page instead of being copied.
  answer: (reply) =>
    reply.type === 'hits'
      ? scope.postMessage(reply, [reply.keys.buffer])
      : scope.postMessage(reply),
  later(work) {
    queue.push(work);
    channel.port2.postMessage(null);
  },
  clock: () => performance.now(),
});

scope.onmessage = (event) => service.handle(event.data);
