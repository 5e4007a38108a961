/**
 * Everything a person reads, formatted one way: money '£1,048.65', a fee
 * '£48.65' or 'Free', a count '2,000', a date '21/08/2026' or 'Thursday 21
 * August 2026', a deadline as a family reads it. Every email, letter, list,
 * sidebar and dashboard comes here, so a fee never shows as '48.65' in one
 * place and '£48.65' in another. Built by hand because the server's lib is
 * ES2020 without Intl guarantees.
 */
import { isIsoDate, isWeekend, lastWorkingDayOnOrBefore, MONTHS, WEEKDAYS, weekdayOf } from './calendar';
import type { IsoDate, ServiceInfo } from './types';

/** '2,000', '100,000': a whole number with its thousands marked. */
export function formatCount(n: number | string): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** '£48.65', '£1,048.00', '£0.00'; '' for no amount. */
export function formatMoney(amount: number | null | undefined): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return '';
  const negative = amount < 0;
  const [whole, pence] = Math.abs(amount).toFixed(2).split('.');
  return `${negative ? '-' : ''}£${formatCount(whole)}.${pence}`;
}

/**
 * A fee: '£48.65'; nothing to pay (0 or no fee) is 'Free'. Told how the
 * service charges, a paid service whose fee is still blank says so instead:
 * blank is not free.
 */
export function formatFee(fee: number | null | undefined, charging?: ServiceInfo['charging']): string {
  if (fee === null && charging === 'paid') return 'Fee not yet in the Services sheet';
  if (fee === null || fee === undefined || !Number.isFinite(fee) || fee <= 0) return 'Free';
  return formatMoney(fee);
}

/** '21/08/2025': the form officers and candidates read. A non-date is returned unchanged. */
export function formatUkDate(date: IsoDate): string {
  if (!isIsoDate(date)) return String(date);
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** '21/08/2025 14:05': a moment on file, its date the UK way and its time as given. */
export function formatUkDateTime(date: IsoDate, time: string): string {
  return `${formatUkDate(date)} ${time}`;
}

/**
 * 'Thursday 21 August 2025', as a UK letter writes it. A non-date is returned
 * unchanged so a message never throws while reporting a bad value.
 */
export function formatLongDate(date: IsoDate): string {
  if (!isIsoDate(date)) return String(date);
  const [y, m, d] = date.split('-').map(Number);
  return `${WEEKDAYS[weekdayOf(date)]} ${d} ${MONTHS[m - 1]} ${y}`;
}

/**
 * A deadline as a family reads it: "Friday 25 September 2026". A board's
 * deadline on a weekend or bank holiday, when the school is closed, also
 * gives the school's own last working day before it: "Saturday 26 September
 * 2026 (a Saturday, when school is closed: please tell us by Friday 25
 * September 2026)".
 */
export function familyDeadline(date: IsoDate, bankHolidays: readonly IsoDate[]): string {
  if (!isIsoDate(date)) return String(date);
  const day = lastWorkingDayOnOrBefore(date, bankHolidays);
  if (day === date) return formatLongDate(date);
  const what = isWeekend(date) ? `a ${WEEKDAYS[weekdayOf(date)]}` : 'a bank holiday';
  return `${formatLongDate(date)} (${what}, when school is closed: please tell us by ${formatLongDate(day)})`;
}
