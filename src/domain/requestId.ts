/**
 * Request IDs: `R-2026-0042` in the Requests log, `S-2026-0007` in Access to
 * scripts. The year is the season's (the year the request was received); the
 * counter starts again at 0001 each season, is four digits while it fits and
 * simply grows (R-2026-10000) rather than wrap, because an ID must never
 * name two requests: it is on the board's portal, in emails and on paper.
 */
import type { IsoDate, ServiceInfo } from './types';

export type IdPrefix = ServiceInfo['idPrefix'];

export interface RequestIdParts {
  prefix: IdPrefix;
  year: number;
  counter: number;
}

// Four digits, or more without a leading zero: exactly what formatRequestId writes.
const REQUEST_ID = /^([RS])-(\d{4})-(\d{4}|[1-9]\d{4,})$/;

export function formatRequestId(prefix: IdPrefix, year: number, counter: number): string {
  if (prefix !== 'R' && prefix !== 'S') throw new RangeError(`Unknown request ID prefix: ${String(prefix)}`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Not a season year: ${year}`);
  if (!Number.isSafeInteger(counter) || counter < 1) throw new RangeError(`Not a request counter: ${counter}`);
  return `${prefix}-${year}-${String(counter).padStart(4, '0')}`;
}

/**
 * The parts of an ID, or null when it is not one. Surrounding spaces and a
 * lower-case letter are forgiven because officers type IDs into searches.
 */
export function parseRequestId(id: unknown): RequestIdParts | null {
  if (typeof id !== 'string') return null;
  const m = REQUEST_ID.exec(id.trim().toUpperCase());
  if (m === null) return null;
  const counter = Number(m[3]);
  if (counter < 1 || !Number.isSafeInteger(counter) || Number(m[2]) < 1000) return null;
  return { prefix: m[1] as IdPrefix, year: Number(m[2]), counter };
}

/** True only for an ID exactly as the add-on writes it. */
export function isRequestId(s: unknown): s is string {
  const parts = parseRequestId(s);
  return parts !== null && formatRequestId(parts.prefix, parts.year, parts.counter) === s;
}

/** The season a request belongs to: the year of the day it was received. */
export function seasonYear(received: IsoDate): number {
  return Number(String(received).slice(0, 4));
}

/**
 * The next ID for a log and season: one more than the highest counter in use
 * or ever issued. `lastIssued` (kept outside the sheet) is what stops an ID
 * being issued twice after the officer deletes the last rows.
 */
export function nextRequestId(
  prefix: IdPrefix,
  year: number,
  existingIds: readonly unknown[],
  lastIssued?: number,
): string {
  let highest = typeof lastIssued === 'number' && Number.isSafeInteger(lastIssued) && lastIssued > 0 ? lastIssued : 0;
  for (const id of existingIds) {
    const parts = parseRequestId(id);
    if (parts !== null && parts.prefix === prefix && parts.year === year && parts.counter > highest) {
      highest = parts.counter;
    }
  }
  return formatRequestId(prefix, year, highest + 1);
}
