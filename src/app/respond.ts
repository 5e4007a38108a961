/**
 * Entry points never throw at their caller: google.script.run would show the
 * officer a bare stack trace. Every failure becomes `{ ok: false, errors }`
 * with a message a person can act on; the log gets the request-free detail.
 */
import { withCallCache } from '../sheets/callCache';
import { LockBusyError } from '../sheets/lock';
import { SheetLayoutError } from '../sheets/table';
import type { Answer } from '../shared/answers';

export type { Answer };

export function answer<T extends object>(work: () => Answer<T>): Answer<T> {
  try {
    // Every entry point answers through here, so each server call reads the sheets afresh (callCache.ts).
    return withCallCache(work);
  } catch (err) {
    if (err instanceof LockBusyError || err instanceof SheetLayoutError) {
      return { ok: false, errors: [{ field: 'form', message: err.message }] };
    }
    // Only the error's kind and message go to the log: never the request's personal data.
    console.error(`Post-Results Tracker: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
    return {
      ok: false,
      errors: [
        {
          field: 'form',
          message: `Something went wrong and nothing was saved (${err instanceof Error ? err.message : String(err)}). Please try again; if it happens again, tell whoever looks after the add-on.`,
        },
      ],
    };
  }
}
