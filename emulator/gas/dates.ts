/**
 * Time-zone arithmetic. The host process may run in UTC while Apps Script and
 * the spreadsheet run in Europe/London, so every wall-clock conversion goes
 * through Intl with an explicit zone, never through the host's local time.
 */

const RealDate = Date;
const DAY_MS = 86_400_000;
/** Offsets only change on quarter-hour boundaries in every zone we care about. */
const BUCKET_MS = 15 * 60_000;

export interface WallTime {
  year: number;
  /** 0-based, as in Date. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  /** 0 = Sunday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();

function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(tz, f);
  }
  return f;
}

export function isValidTimeZone(tz: unknown): tz is string {
  if (typeof tz !== 'string' || tz === '') return false;
  try {
    formatterFor(tz);
    return true;
  } catch {
    return false;
  }
}

function computeOffset(ms: number, tz: string): number {
  const parts = formatterFor(tz).formatToParts(new RealDate(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  let year = get('year');
  if (parts.find((p) => p.type === 'era')?.value === 'BC') year = 1 - year;
  const asUtc = RealDate.UTC(year, get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const d = new RealDate(asUtc);
  // Date.UTC maps years 0..99 to 1900s; put the real year back.
  if (year >= 0 && year < 100) d.setUTCFullYear(year);
  return d.getTime() - (ms - (((ms % 1000) + 1000) % 1000));
}

/** Milliseconds to add to an instant to get the wall clock of `tz`. */
export function offsetAt(ms: number, tz: string): number {
  let cache = offsetCache.get(tz);
  if (!cache) {
    cache = new Map();
    offsetCache.set(tz, cache);
  }
  const bucket = Math.floor(ms / BUCKET_MS);
  let off = cache.get(bucket);
  if (off === undefined) {
    if (cache.size > 50_000) cache.clear();
    off = computeOffset(bucket * BUCKET_MS, tz);
    cache.set(bucket, off);
  }
  return off;
}

export function wallTime(ms: number, tz: string): WallTime {
  const d = new RealDate(ms + offsetAt(ms, tz));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth(),
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}

/** A wall-clock reading in `tz` to an instant. Fields may overflow (month 13, day 0) like Date's. */
export function wallToInstant(
  year: number,
  month: number,
  day = 1,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
  tz: string,
): number {
  let local = RealDate.UTC(year, month, day, hour, minute, second, ms);
  if (year >= 0 && year < 100) {
    // Date.UTC reads years 0..99 as 1900..1999; the Gregorian calendar repeats every 400 years.
    const d = new RealDate(RealDate.UTC(year + 400, month, day, hour, minute, second, ms));
    d.setUTCFullYear(d.getUTCFullYear() - 400);
    local = d.getTime();
  }
  if (!Number.isFinite(local)) return NaN;
  const guess = offsetAt(local, tz);
  let t = local - guess;
  const actual = offsetAt(t, tz);
  // A wall time that falls in the spring-forward gap moves forward, as Date does.
  if (actual !== guess) t = local - actual;
  // A wall time that occurs twice (autumn) means the earlier instant, as Date does.
  const alt = local - offsetAt(t - 6 * 3_600_000, tz);
  if (alt < t && offsetAt(alt, tz) === local - alt) t = alt;
  return t;
}

export function startOfDay(ms: number, tz: string): number {
  const w = wallTime(ms, tz);
  return wallToInstant(w.year, w.month, w.day, 0, 0, 0, 0, tz);
}

/** Calendar days in `tz`, so 09:00 stays 09:00 across a clock change. */
export function addCalendarDays(ms: number, days: number, tz: string): number {
  const w = wallTime(ms, tz);
  return wallToInstant(w.year, w.month, w.day + days, w.hour, w.minute, w.second, w.ms, tz);
}

/** True when the three numbers name a real calendar date (month 1-based). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Shifted 400 years (one Gregorian cycle) so Date.UTC does not remap years 0..99.
  const d = new RealDate(RealDate.UTC(year + 400, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

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
];
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
}

/** "+0100" style offset. */
export function offsetText(offsetMs: number, colon = false): string {
  const mins = Math.round(offsetMs / 60_000);
  const sign = mins < 0 ? '-' : '+';
  const abs = Math.abs(mins);
  return `${sign}${pad(Math.floor(abs / 60), 2)}${colon ? ':' : ''}${pad(abs % 60, 2)}`;
}

export function zoneName(ms: number, tz: string, style: 'short' | 'long'): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: tz, timeZoneName: style }).formatToParts(new RealDate(ms));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? tz;
}

/** Sheets' date serial number (days since 30 Dec 1899, wall clock of `tz`). */
export function toSerial(ms: number, tz: string): number {
  return (ms + offsetAt(ms, tz) - RealDate.UTC(1899, 11, 30)) / DAY_MS;
}

export function fromSerial(serial: number, tz: string): number {
  const local = RealDate.UTC(1899, 11, 30) + Math.round(serial * DAY_MS);
  const d = new RealDate(local);
  return wallToInstant(
    d.getUTCFullYear(),
    d.getUTCMonth(),
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
    tz,
  );
}

export { DAY_MS, RealDate };
