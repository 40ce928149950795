/**
 * One lock for state that several contexts change: the service worker, the popup, the review
 * page and the prompt window share the extension's origin, and the Web Locks API
 * (`navigator.locks`) is shared by all of them — a module-level queue would only order the
 * one context it lives in. Where the API is missing (Node in unit tests) a queue per name
 * in this context stands in: there is only one context there.
 */

/** The state each lock guards; one name per piece of shared state. */
export type LockName =
  | 'fail-well:nudge-state'
  | 'fail-well:settings'
  | 'fail-well:templates'
  | 'fail-well:site-tabs'
  | 'fail-well:context-menus'
  | 'fail-well:draft'
  | 'fail-well:lock'
  | 'fail-well:lock-migration'
  | 'fail-well:auto-backup'
  | 'fail-well:heartbeat'
  | 'fail-well:sync';

const queues = new Map<LockName, Promise<unknown>>();

/** The Web Locks API of this context, or null where there is none. */
function webLocks(): LockManager | null {
  return typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null;
}

/**
 * Run `task` holding the lock `name` in every context of the extension at once; tasks wait
 * their turn in the order they asked. A task that throws releases the lock and rejects.
 */
export function withLock<T>(name: LockName, task: () => Promise<T>): Promise<T> {
  const locks = webLocks();
  if (locks) return locks.request(name, task) as Promise<T>;
  const previous = queues.get(name) ?? Promise.resolve();
  const run = previous.then(task, task);
  queues.set(
    name,
    run.catch(() => undefined),
  );
  return run;
}
