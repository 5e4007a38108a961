/**
 * The spreadsheet the add-on is bound to, its time zone and "today".
 * Dates in the season are UK calendar days in the spreadsheet's time zone,
 * whatever the time zone of the server that runs the script.
 */
import type { IsoDate } from '../domain/types';
import { cached } from './callCache';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function activeSpreadsheet(): Spreadsheet {
  return cached('spreadsheet', () => SpreadsheetApp.getActiveSpreadsheet());
}

/** The sheet of that name, its handle fetched once per call (see callCache.ts). */
export function sheetByName(ss: Spreadsheet, name: string): GoogleAppsScript.Spreadsheet.Sheet | null {
  return cached(`sheet:${name}`, () => ss.getSheetByName(name));
}

export function timeZoneOf(ss: Spreadsheet): string {
  return cached('timeZone', () => ss.getSpreadsheetTimeZone() || 'Europe/London');
}

export function todayIn(timeZone: string): IsoDate {
  return Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd');
}
