/**
 * What one server call has read, kept for the length of that call only.
 *
 * Every Spreadsheet call is a round trip (docs/performance.md), and one Save
 * used to fetch the same sheet handles, time zone, Settings and Templates
 * several times over. Within one call they do not change under us, except by
 * our own writes, which invalidate them (forgetCallCache). Between calls the
 * officer edits the sheet, so nothing survives the call that read it: an
 * entry point opens a fresh cache and drops it on return, and outside an
 * entry point (unit tests calling helpers directly) nothing is cached.
 *
 * The logs' rows are never kept here: what decides a write is read again
 * under the document lock, where another execution cannot change it.
 */
let current: Map<string, unknown> | null = null;

/** Runs one entry point with its own cache; a nested entry point gets its own too, as a separate call would. */
export function withCallCache<T>(work: () => T): T {
  const outer = current;
  current = new Map();
  try {
    return work();
  } finally {
    current = outer;
  }
}

/** `read()` once per call under `key`; uncached outside an entry point. Null and undefined are not kept. */
export function cached<T>(key: string, read: () => T): T {
  const memo = current;
  if (memo === null) return read();
  if (memo.has(key)) return memo.get(key) as T;
  const value = read();
  if (value !== null && value !== undefined) memo.set(key, value);
  return value;
}

/** After the call itself changed a sheet's layout or a cached sheet's contents: read it again. */
export function forgetCallCache(): void {
  if (current !== null) current.clear();
}
