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

export function withDocumentLock<T>(work: () => T, waitMs = LOCK_WAIT_MS): T {
  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(waitMs)) throw new LockBusyError();
  try {
    const result = work();
    // Make the writes visible before another caller takes the lock.
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}
