/**
 * Helpers for walking requests through their lives in the built bundle: a
 * centre with its Settings filled in (the shipped emails sign off with the
 * officer's name), a clock set to a morning of the season, and readers for
 * one request's row, its emails and the officer's digests.
 */
import { SHEET } from '../../src/domain/schema';
import { reviewForm, setUpAddOn, sheetRecords, type AddOn } from './harness';

export const OFFICER = 'exams@hilltop.example.org';

/** Sets Settings values by their Setting text, as the officer types them. */
export function setSettings(addOn: AddOn, values: Record<string, string>): void {
  const sheet = addOn.env.spreadsheet.getSheetByName(SHEET.settings)!;
  const rows = sheet.getDataRange().getValues();
  for (const [key, value] of Object.entries(values)) {
    const i = rows.findIndex((r) => String(r[0]).trim() === key);
    if (i < 0) throw new Error(`No setting ${key}`);
    sheet.getRange(i + 1, 2).setValue(value);
  }
}

/** A set-up workbook whose Settings name the centre, the officer and the enquiries contact. */
export function centre(): AddOn {
  const addOn = setUpAddOn();
  setSettings(addOn, {
    'Centre name': 'Hilltop Academy',
    'Exams officer name': 'Sam Jones',
    'Exams officer email': OFFICER,
    'Enquiries contact': 'Mrs Khan (exams@hilltop.example.org)',
    'SLT contact on results day': 'Mr Ali',
  });
  return addOn;
}

/** 09:00 in London on an ISO day (British Summer Time in the season). */
export function morning(addOn: AddOn, day: string): void {
  addOn.env.clock.set(`${day}T08:00:00Z`);
}

/**
 * Logs a request (today, by the clock) and returns its ID. The outbox is
 * emptied after it: the "request received" email is intake's to test, and
 * these tests look at what came after.
 */
export function logRequest(addOn: AddOn, overrides: Record<string, unknown> = {}): string {
  const result = addOn.run('submitRequest', reviewForm(overrides));
  if (!result.ok) throw new Error(`submitRequest failed: ${JSON.stringify(result.errors)}`);
  addOn.env.mail.clear();
  return result.requestId;
}

/** One request's row, by header. */
export function row(addOn: AddOn, requestId: string): Record<string, unknown> {
  const sheet = requestId.startsWith('S-') ? SHEET.scripts : SHEET.requests;
  const found = sheetRecords(addOn.env, sheet).find((r) => r['Request ID'] === requestId);
  if (!found) throw new Error(`No row for ${requestId}`);
  return found;
}

/** A date cell as the officer sees it. */
export function shownDate(addOn: AddOn, requestId: string, header: string): string {
  const sheet = addOn.env.spreadsheet.getSheetByName(requestId.startsWith('S-') ? SHEET.scripts : SHEET.requests)!;
  const values = sheet.getDataRange().getValues();
  const col = values[0].indexOf(header);
  const r = values.findIndex((v) => v[0] === requestId || v.includes(requestId));
  return sheet.getRange(r + 1, col + 1).getDisplayValue();
}

export function digests(addOn: AddOn) {
  return addOn.env.mail.outbox.filter((m) => m.subject.startsWith('Post-results: what needs doing'));
}

export function mailTo(addOn: AddOn, to: string) {
  return addOn.env.mail.outbox.filter((m) => m.to === to);
}

/** runDailyCheck as the trigger runs it: no UI. */
export function dailyRun(addOn: AddOn) {
  const before = addOn.env.ui.available;
  addOn.env.ui.available = false;
  try {
    return addOn.run('runDailyCheck');
  } finally {
    addOn.env.ui.available = before;
  }
}

/** The flags the daily check reported for one request. */
export function flagsOf(result: { flagged: { requestId: string; flag: string }[] }, requestId: string): string[] {
  return result.flagged.filter((f) => f.requestId === requestId).map((f) => f.flag);
}
