/**
 * The review page's reader worker (a module Worker journal-reader.ts starts while the journal
 * is unlocked): reads every reflection and opens it with the keys the page sends, off the
 * page's main thread. Wiring only: utils/lock/opened-journal-store.ts does the work.
 */
import { type JournalReply, parseJournalRequest } from '../../utils/lock/journal-read-protocol';
import { openedJournal } from '../../utils/lock/opened-journal-store';

// The worker's global scope, typed by hand: the project's lib is the DOM's, not "webworker".
const scope = self as unknown as {
  postMessage(message: JournalReply): void;
  onmessage: ((event: MessageEvent) => void) | null;
};

scope.onmessage = async (event) => {
  const request = parseJournalRequest(event.data);
  if (!request) {
    scope.postMessage({ type: 'failed' });
    return;
  }
  try {
    for await (const batch of openedJournal(request.batch, request.keys)) {
      scope.postMessage({ type: 'rows', ...batch });
    }
    scope.postMessage({ type: 'done' });
  } catch {
    scope.postMessage({ type: 'failed' });
  }
};
