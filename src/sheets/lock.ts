/**
 * Every write to a log happens under the document lock, so two officers (or
 * an officer and the daily trigger) never interleave a read and a write.
 */

/** The lock could not be had in time; the caller tells the officer to try again. */
export class LockBusyError extends Error {
  constructor() {
    super('Another change to this spreadsheet is being saved. Please try again in a moment; nothing was written.');
    this.name = 'LockBusyError';
  }
}

export const LOCK_WAIT_MS = 10000;

/** How deep this execution is inside withDocumentLock (globals are per execution on Apps Script). */
let held = 0;

/**
 * Runs `work` holding the document lock, and flushes its writes before letting go. Inside a hold
 * this execution already has (a Save sending its confirmation in the hold that saved it), `work`
 * simply runs: releasing there would let another writer in before the outer hold is done, and
 * the outer hold flushes once for both. `flush: false` is for a hold that only reads.
 */
export function withDocumentLock<T>(work: () => T, waitMs = LOCK_WAIT_MS, options: { flush?: boolean } = {}): T {
  if (held > 0) return work();
  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(waitMs)) throw new LockBusyError();
  held++;
  try {
    const result = work();
    // Make the writes visible before another caller takes the lock.
    if (options.flush !== false) SpreadsheetApp.flush();
    return result;
  } finally {
    held--;
    lock.releaseLock();
  }
}
