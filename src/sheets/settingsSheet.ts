/**
 * Reads the officer's research (`Services`) and the centre's settings
 * (`Settings`) into typed values. Fees, deadlines and windows live only in
 * these sheets, never in code.
 */
import { SHEET, SERVICES_COLUMNS, SETTINGS_COLUMNS } from '../domain/schema';
import { parseServices } from '../domain/services';
import { parseSettings } from '../domain/settings';
import type { ServiceRow, Settings } from '../domain/types';
import { cached } from './callCache';
import { cellToIsoDate, isDateValue } from './cells';
import { cellAt, isBlankRow, readOfficerSheet, requireHeaders, type Cell } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function plain(v: Cell, timeZone: string): unknown {
  return isDateValue(v) ? cellToIsoDate(v, timeZone) : v;
}

/** Services and Settings are read once per call (callCache.ts): a Save and its email both need them. */
export function readServices(ss: Spreadsheet, timeZone: string): ReturnType<typeof parseServices> {
  return cached(`services:${timeZone}`, () => readServicesNow(ss, timeZone));
}

function readServicesNow(ss: Spreadsheet, timeZone: string): ReturnType<typeof parseServices> {
  // Level is optional: a Services sheet from before levels reads as every row serving every level.
  const required = SERVICES_COLUMNS.filter(
    (c) => c.header !== 'Level' && c.header !== 'Turnaround days' && c.header !== 'Notes',
  );
  const table = readOfficerSheet(ss, SHEET.services, SERVICES_COLUMNS);
  requireHeaders(table, required);
  const rows = table.rows
    .filter((r) => !isBlankRow(r))
    .map((r) => ({
      board: cellAt(table, r, 'Board'),
      series: cellAt(table, r, 'Series'),
      service: cellAt(table, r, 'Service'),
      level: cellAt(table, r, 'Level'),
      fee: cellAt(table, r, 'Fee'),
      deadline: plain(cellAt(table, r, 'Deadline'), timeZone),
      turnaroundDays: cellAt(table, r, 'Turnaround days'),
      notes: cellAt(table, r, 'Notes'),
    }));
  return parseServices(rows);
}

export function readSettings(ss: Spreadsheet, timeZone: string): ReturnType<typeof parseSettings> {
  return cached(`settings:${timeZone}`, () => readSettingsNow(ss, timeZone));
}

function readSettingsNow(ss: Spreadsheet, timeZone: string): ReturnType<typeof parseSettings> {
  const table = readOfficerSheet(ss, SHEET.settings, SETTINGS_COLUMNS);
  requireHeaders(table, SETTINGS_COLUMNS.slice(0, 2));
  const pairs: Array<[unknown, unknown]> = table.rows
    .filter((r) => !isBlankRow(r))
    .map((r) => [cellAt(table, r, 'Setting'), plain(cellAt(table, r, 'Value'), timeZone)]);
  return parseSettings(pairs);
}

export type { ServiceRow, Settings };
