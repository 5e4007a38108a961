/**
 * The spreadsheet the add-on is bound to, its time zone and "today".
 * Dates in the season are UK calendar days in the spreadsheet's time zone,
 * whatever the time zone of the server that runs the script.
 */
import type { IsoDate } from '../domain/types';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function activeSpreadsheet(): Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

export function timeZoneOf(ss: Spreadsheet): string {
  return ss.getSpreadsheetTimeZone() || 'Europe/London';
}

export function todayIn(timeZone: string): IsoDate {
  return Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd');
}
