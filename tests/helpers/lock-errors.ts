import { LockError } from '../../utils/lock/envelope';

/** How a lock operation ended: 'opened', or the LockError's code (anything else is a bug). */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'opened';
  } catch (error) {
    return error instanceof LockError ? error.code : `other: ${String(error)}`;
  }
}
