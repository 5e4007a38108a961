/** The emulator's clock in the spreadsheet's terms: calendar days in its zone, and a trigger's event. */

/** The fields Apps Script gives a time-driven trigger's handler. */
export function timeDrivenEvent(now: Date, authMode: unknown): Record<string, unknown> {
  return {
    authMode,
    triggerUid: 'emulator',
    year: now.getUTCFullYear(),
    month: now.getUTCMonth() + 1,
    'day-of-month': now.getUTCDate(),
    'day-of-week': now.getUTCDay() || 7,
    hour: now.getUTCHours(),
    minute: now.getUTCMinutes(),
    second: now.getUTCSeconds(),
    timezone: 'UTC',
    'week-of-year': isoWeek(now),
  };
}

export function formatDate(d: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(d);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function dayAfter(isoDay: string): string {
  return new Date(Date.parse(`${isoDay}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * 09:00 on that day in the spreadsheet's zone: the officer's working morning,
 * after the 07:00 daily trigger, so an email "sent today" carries a plausible time.
 */
export function morningOf(isoDay: string, timeZone: string): Date {
  // The zone's offset is at most 14 hours either way: find the UTC hour that reads 09:00 there on that day.
  for (let hour = -5; hour <= 23; hour++) {
    const at = new Date(Date.parse(`${isoDay}T00:00:00Z`) + hour * 3_600_000);
    const local = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(at);
    if (formatDate(at, timeZone) === isoDay && Number(local) === 9) return at;
  }
  // A zone with no 09:00 that day (none in practice): midday UTC is at least the right calendar day nearby.
  return new Date(`${isoDay}T12:00:00Z`);
}

function isoWeek(d: Date): number {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  t.setUTCDate(t.getUTCDate() + 4 - (t.getUTCDay() || 7));
  return Math.ceil(((t.getTime() - Date.UTC(t.getUTCFullYear(), 0, 1)) / 86400000 + 1) / 7);
}
