/**
 * Converting between what a sheet cell holds and the domain's plain values.
 *
 * Reading: an officer may type a date as text, a candidate number as a number
 * (losing its zeros) or a fee as "£8.70"; each reader accepts what a person
 * would mean. Writing: every value is written with the number format of its
 * column kind, so a text value is stored in a plain-text (`@`) cell and can
 * never be parsed into a number, a date or a formula.
 */
import { parseUkOrIsoDate } from '../domain/calendar';
import type { ColumnKind } from '../domain/schema';
import type { IsoDate } from '../domain/types';

/** Number format that goes with each kind of column. */
export const NUMBER_FORMAT: Readonly<Record<ColumnKind, string>> = {
  text: '@',
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
  money: '£#,##0.00',
  number: '0',
  boolean: 'General',
};

export function isDateValue(v: unknown): v is Date {
  // Values cross realms in tests and in the V8 runtime's bridge: no instanceof.
  return Object.prototype.toString.call(v) === '[object Date]' && !isNaN((v as Date).getTime());
}

type DayOf = (d: Date) => IsoDate;
const dayFormatters = new Map<string, DayOf>();

/**
 * Turns instants into calendar days in `timeZone` without a service call per
 * cell: reading a 50,000-row log must not cost 50,000 Utilities calls. The
 * runtime's Intl does it in plain JavaScript; it is checked once against
 * Utilities.formatDate (across a clock change), and if it disagrees or is
 * missing, Utilities is used with one call per distinct instant.
 */
function dayFormatter(timeZone: string): DayOf {
  const cached = dayFormatters.get(timeZone);
  if (cached) return cached;
  const viaUtilities = (d: Date) => Utilities.formatDate(d, timeZone, 'yyyy-MM-dd');
  let chosen: DayOf;
  try {
    const intl = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    const viaIntl: DayOf = (d) => {
      const parts: Record<string, string> = {};
      for (const p of intl.formatToParts(d)) parts[p.type] = p.value;
      return `${parts.year}-${parts.month}-${parts.day}`;
    };
    // 23:30 UTC either side of the spring and autumn changes: a wrong offset shows as a wrong day.
    const probes = [Date.UTC(2026, 2, 28, 23, 30), Date.UTC(2026, 2, 29, 23, 30), Date.UTC(2026, 9, 24, 23, 30)];
    const agrees = probes.every((t) => viaIntl(new Date(t)) === viaUtilities(new Date(t)));
    // A season has a few hundred distinct dates, so remembering each saves most of the work on a long log.
    chosen = memoised(agrees ? viaIntl : viaUtilities);
  } catch {
    chosen = memoised(viaUtilities);
  }
  dayFormatters.set(timeZone, chosen);
  return chosen;
}

function memoised(f: DayOf): DayOf {
  const seen = new Map<number, IsoDate>();
  return (d) => {
    const t = d.getTime();
    let day = seen.get(t);
    if (day === undefined) {
      day = f(d);
      seen.set(t, day);
    }
    return day;
  };
}

/** A cell as a calendar date in the spreadsheet's time zone, or '' when it holds none. */
export function cellToIsoDate(v: unknown, timeZone: string): IsoDate | '' {
  if (isDateValue(v)) return dayFormatter(timeZone)(v);
  return parseUkOrIsoDate(v) ?? '';
}

/** A cell as text; numbers are written without Sheets' float noise. */
export function cellToText(v: unknown, timeZone: string): string {
  if (v === null || v === undefined) return '';
  if (isDateValue(v)) return cellToIsoDate(v, timeZone);
  if (typeof v === 'number') return String(Math.round(v * 1e9) / 1e9);
  return String(v).trim();
}

/** A candidate number typed into a General cell loses its leading zeros: put them back. */
export function cellToCandidateNumber(v: unknown): string {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 10000) return String(v).padStart(4, '0');
  return v === null || v === undefined ? '' : String(v).trim();
}

/** A money cell as GBP, `null` when blank (blank is "not researched", not £0). */
export function cellToMoney(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  const s = v.replace(/[£,\s]/g, '');
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

export function cellToBoolean(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  return /^(true|yes|y|✓|x)$/i.test(String(v ?? '').trim());
}

/**
 * A domain value as the cell value to write for a column kind. Dates become
 * Date objects at midnight in the spreadsheet's time zone, so Sheets stores a
 * real date whatever the locale; text stays a string for an `@` cell.
 */
export function toCell(value: unknown, kind: ColumnKind, timeZone: string): string | number | boolean | Date {
  if (value === null || value === undefined || value === '') return '';
  switch (kind) {
    case 'date': {
      const iso = typeof value === 'string' ? cellToIsoDate(value, timeZone) : isDateValue(value) ? value : '';
      // Not a date: keep what was given, as text, so nothing is lost or parsed.
      if (iso === '') return typeof value === 'string' ? asText(value) : '';
      return isDateValue(iso) ? iso : midnightIn(iso, timeZone);
    }
    case 'datetime':
      return isDateValue(value) ? value : asText(String(value));
    case 'money':
    case 'number': {
      const n = typeof value === 'number' ? value : cellToMoney(value);
      return n === null ? asText(String(value)) : n;
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : cellToBoolean(value);
    default:
      return typeof value === 'string' ? value : String(value);
  }
}

/**
 * A string for a cell that is not plain-text formatted: the apostrophe makes
 * Sheets keep it as typed (it is not part of the stored value).
 */
function asText(s: string): string {
  return `'${s}`;
}

const midnights = new Map<string, Date>();

/** Midnight of a calendar day in `timeZone`; one Utilities call per distinct day written, not per cell. */
function midnightIn(iso: IsoDate, timeZone: string): Date {
  const key = `${timeZone} ${iso}`;
  let d = midnights.get(key);
  if (!d) {
    d = Utilities.parseDate(iso, timeZone, 'yyyy-MM-dd');
    midnights.set(key, d);
  }
  return new Date(d.getTime());
}
