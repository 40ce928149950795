/**
 * How the review page reads the whole journal. Unlocked, a reader worker reads and opens
 * every record (journal-worker.ts): at 100,000 the decryption and its decoding were most of
 * the main thread's 7 s, and the page kept only the cloning of opened rows. With the lock
 * off or locked there is nothing to open: the page reads the rows itself, as it does when no
 * worker starts, or when one fails part way (from the last row it sent).
 */
import type { OpeningKeys } from '../../utils/lock/envelope';
import {
  type JournalReply,
  type JournalRequest,
  parseJournalReply,
} from '../../utils/lock/journal-read-protocol';
import { readOpeningKeys } from '../../utils/lock/lock-read-store';
import { type ReadReport, reflectionsInKeyOrder } from '../../utils/reflections/db-store';
import type { Reflection } from '../../utils/reflections/reflection';

/** The part of a `Worker` the reader uses. */
export interface JournalWorker {
  postMessage(message: JournalRequest): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

/** The options page's own module worker (Vite bundles the file this URL names). */
const spawnJournalWorker = (): JournalWorker =>
  new Worker(new URL('./journal-worker.ts', import.meta.url), { type: 'module' });

interface Options {
  /** Start the worker; may throw (no Worker, a blocked script): the page then reads. */
  spawn?: () => JournalWorker;
  /** The keys, while unlocked (tests hand their own). */
  keys?: () => Promise<OpeningKeys | null>;
}

/**
 * Every reflection in key order, in batches of `batch`, opened where the journal is
 * unlocked; `report` gathers the ids of rows sealed to the public key. Stopping early (the
 * caller's loop ends) stops the worker.
 */
export async function* readJournal(
  batch: number,
  report: ReadReport,
  { spawn = spawnJournalWorker, keys = readOpeningKeys }: Options = {},
): AsyncGenerator<Reflection[], void, undefined> {
  const opening = await keys();
  let worker: JournalWorker | null = null;
  try {
    if (opening) worker = spawn();
  } catch {
    worker = null;
  }
  if (!opening || !worker) {
    yield* reflectionsInKeyOrder(batch, report);
    return;
  }
  const replies: JournalReply[] = [];
  let wake: (() => void) | null = null;
  const hear = (reply: JournalReply) => {
    replies.push(reply);
    wake?.();
    wake = null;
  };
  worker.onmessage = (event) => hear(parseJournalReply(event.data) ?? { type: 'failed' });
  worker.onerror = (event) => {
    event.preventDefault(); // handled: the page reads the rest itself
    hear({ type: 'failed' });
  };
  let after: string | null = null;
  try {
    worker.postMessage({ type: 'read', batch, keys: opening });
    for (;;) {
      if (replies.length === 0) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
      const reply = replies.shift() as JournalReply;
      if (reply.type === 'done') return;
      if (reply.type === 'failed') break;
      report.sealedToPublicKey.push(...reply.sealedToPublicKey);
      after = reply.rows.at(-1)?.id ?? after;
      yield reply.rows;
    }
  } finally {
    worker.terminate();
  }
  // The worker failed part way (a closed connection, a refused clone): carry on in the page.
  yield* reflectionsInKeyOrder(batch, report, { after });
}
