/**
 * New sheet tabs the add-on writes on request: a list for the MIS, a board or
 * finance, and the season archive. A list tab is a copy of personal data, so
 * the add-on keeps the names of the tabs it made (in the document's
 * properties): subject access searches them, and closing the season removes
 * them.
 */
import type { ColumnSpec } from '../domain/schema';
import { headerKey } from '../domain/schema';
import { forgetStoredListTabs, setStoredListTabs, storedListTabs } from './properties';
import { isBlankRow, readTable, requireHeaders, writeRecords, type Table } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const HEADER_BACKGROUND = '#e8f0fe';

/** Names of the list tabs the add-on made and that still exist under that name. */
export function listTabNames(): string[] {
  return storedListTabs();
}

export function forgetListTabs(): void {
  forgetStoredListTabs();
}

function uniqueName(ss: Spreadsheet, title: string): string {
  // Sheet names are at most 100 characters.
  const base = title.slice(0, 90);
  if (!ss.getSheetByName(base)) return base;
  for (let n = 2; ; n++) {
    const name = `${base} (${n})`;
    if (!ss.getSheetByName(name)) return name;
  }
}

function tableOn(sheet: Sheet, specs: readonly ColumnSpec[]): Table {
  const headers = specs.map((s) => s.header);
  return { sheet, headers, index: new Map(headers.map((h, i) => [headerKey(h), i])), rows: [] };
}

function writeHeader(sheet: Sheet, headers: readonly string[]): void {
  const range = sheet.getRange(1, 1, 1, headers.length);
  range.setNumberFormat('@');
  range.setValues([[...headers]]);
  range.setFontWeight('bold');
  range.setBackground(HEADER_BACKGROUND);
  sheet.setFrozenRows(1);
}

function ensureSize(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/** A new tab holding the list, header first; returns its name. */
export function writeListTab(
  ss: Spreadsheet,
  title: string,
  specs: readonly ColumnSpec[],
  rows: readonly Record<string, unknown>[],
  timeZone: string,
): string {
  const name = uniqueName(ss, title);
  const sheet = ss.insertSheet(name);
  ensureSize(sheet, rows.length + 1, specs.length);
  writeHeader(
    sheet,
    specs.map((s) => s.header),
  );
  writeRecords(tableOn(sheet, specs), 2, rows, specs, timeZone);
  setStoredListTabs([...listTabNames(), name]);
  return name;
}

/** Appends rows to a table sheet, creating it with its header the first time. */
export function appendToSheet(
  ss: Spreadsheet,
  name: string,
  specs: readonly ColumnSpec[],
  rows: readonly Record<string, unknown>[],
  timeZone: string,
): void {
  if (rows.length === 0) return;
  let sheet = ss.getSheetByName(name);
  if (!sheet) {
    sheet = ss.insertSheet(name);
    ensureSize(sheet, rows.length + 1, specs.length);
    writeHeader(
      sheet,
      specs.map((s) => s.header),
    );
    writeRecords(tableOn(sheet, specs), 2, rows, specs, timeZone);
    return;
  }
  const table = readTable(sheet);
  requireHeaders(table, specs);
  let last = table.rows.length;
  while (last > 0 && isBlankRow(table.rows[last - 1])) last--;
  const first = last + 2;
  ensureSize(sheet, first + rows.length - 1, 1);
  writeRecords(table, first, rows, specs, timeZone);
}
