/**
 * Calendar dates without time zones.
 *
 * A post-results deadline is a day, not an instant: "24 September" means the
 * same to the officer in Manchester, to the Apps Script server in the US and
 * to a test runner in UTC. So dates are `YYYY-MM-DD` strings and all
 * arithmetic is done on whole day numbers (days since 1970-01-01) via
 * Date.UTC, which has no daylight-saving jumps. Nothing here reads the clock:
 * "today" is always passed in.
 *
 * Bank holidays are never a constant here: the officer keeps the list in the
 * `Settings` sheet (`Bank holidays`) and every function that needs it takes it.
 */
import type { IsoDate } from './types';

const MS_PER_DAY = 86_400_000;
const ISO_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UK_SHAPE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** The days of the week as a UK date writes them, Sunday first (weekdayOf's numbering). */
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
/** The months as a UK date writes them, January first. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * Years before 1000 are refused: they cannot be written in four digits
 * without padding, and Date.UTC reads years 0-99 as 1900-1999.
 */
function fromParts(y: number, m: number, d: number): IsoDate | null {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** True for a `YYYY-MM-DD` string naming a real calendar day (2026-02-30 is not one). */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = ISO_SHAPE.exec(s);
  return m !== null && fromParts(+m[1], +m[2], +m[3]) === s;
}

function dayNumber(date: IsoDate): number {
  const m = ISO_SHAPE.exec(date);
  if (m === null || !isIsoDate(date)) throw new RangeError(`Not a calendar date: ${JSON.stringify(date)}`);
  return Date.UTC(+m[1], +m[2] - 1, +m[3]) / MS_PER_DAY;
}

function fromDayNumber(n: number): IsoDate {
  const t = new Date(n * MS_PER_DAY);
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1, 2)}-${pad(t.getUTCDate(), 2)}`;
}

/** 0 = Sunday … 6 = Saturday. Day 0 (1970-01-01) was a Thursday. */
export function weekdayOf(date: IsoDate): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

/** The date `days` calendar days after `date` (before it when negative). Throws on a non-date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  return fromDayNumber(dayNumber(date) + days);
}

/** Calendar days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** -1, 0 or 1, for sorting; throws on a non-date rather than sorting it somewhere arbitrary. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return Math.sign(dayNumber(a) - dayNumber(b));
}

export function isWeekend(date: IsoDate): boolean {
  const d = weekdayOf(date);
  return d === 0 || d === 6;
}

/** Monday to Friday and not one of the officer's bank holidays. */
export function isWorkingDay(date: IsoDate, bankHolidays: readonly IsoDate[]): boolean {
  return !isWeekend(date) && !bankHolidays.includes(date);
}

/**
 * The `n`th working day after `date` (before it when `n` is negative).
 * `date` itself never counts, so a request received on a Saturday with a
 * two-working-day acknowledgement is due on Tuesday. `n = 0` gives `date`.
 */
export function addWorkingDays(date: IsoDate, n: number, bankHolidays: readonly IsoDate[]): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of working days: ${n}`);
  const holidays = new Set(bankHolidays);
  const step = n < 0 ? -1 : 1;
  let day = dayNumber(date);
  let left = Math.abs(n);
  while (left > 0) {
    day += step;
    const iso = fromDayNumber(day);
    if (!isWeekend(iso) && !holidays.has(iso)) left--;
  }
  return fromDayNumber(day);
}

/**
 * Working days in the span after `from` up to and including `to`, so that
 * `workingDaysBetween(d, addWorkingDays(d, n, h), h) === n`. Negative when
 * `to` is earlier.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, bankHolidays: readonly IsoDate[]): number {
  const holidays = new Set(bankHolidays);
  const a = dayNumber(from);
  const b = dayNumber(to);
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let day = lo + 1; day <= hi; day++) {
    const iso = fromDayNumber(day);
    if (!isWeekend(iso) && !holidays.has(iso)) count++;
  }
  return sign * count;
}

/**
 * What an officer types: '2025-08-21', '21/08/2025' or '21/8/2025' (always
 * day first: this is a UK school). Anything else, or a day that does not
 * exist, gives null.
 */
export function parseUkOrIsoDate(s: unknown): IsoDate | null {
  if (typeof s !== 'string') return null;
  const text = s.trim();
  let m = ISO_SHAPE.exec(text);
  if (m) return fromParts(+m[1], +m[2], +m[3]);
  m = UK_SHAPE.exec(text);
  if (m) return fromParts(+m[3], +m[2], +m[1]);
  return null;
}

/** `date` itself when it is a working day, otherwise the last working day before it. */
export function lastWorkingDayOnOrBefore(date: IsoDate, bankHolidays: readonly IsoDate[]): IsoDate {
  return isWorkingDay(date, bankHolidays) ? date : addWorkingDays(date, -1, bankHolidays);
}
