/**
 * A stored value as the officer reads it on a page: '£48.65' not 48.65,
 * '20/08/2026' not '2026-08-20', 'Review of marking' not 'review-of-marking',
 * 'Yes' not true. The JSON export and the API keep the stored values; only
 * what is shown to a person goes through here.
 */
import { isIsoDate } from './calendar';
import { isServiceCode, serviceName } from './catalogue';
import { formatMoney, formatUkDate, formatUkDateTime } from './formats';

const MONEY_HEADERS = new Set(['fee', 'amount', 'refund']);

export function readableValue(header: string, value: unknown): string {
  const key = String(header ?? '')
    .trim()
    .toLowerCase();
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return MONEY_HEADERS.has(key) ? formatMoney(value) : String(value);
  const text = String(value ?? '');
  if (isIsoDate(text)) return formatUkDate(text);
  const stamp = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(text);
  if (stamp !== null && isIsoDate(stamp[1])) return formatUkDateTime(stamp[1], stamp[2]);
  if (key === 'service' && isServiceCode(text)) return serviceName(text);
  if (key === 'requested by' && (text === 'candidate' || text === 'teacher')) {
    return text === 'candidate' ? 'Candidate' : 'Teacher';
  }
  return text;
}
