/**
 * Creates and repairs the add-on's sheets. Idempotent: a second run changes
 * nothing, and a sheet that lost a header gets it back without any data row
 * being touched. Seeds are written only where nothing is there yet, so an
 * officer's edits are never overwritten.
 */
import { forgetCallCache } from './callCache';
import { headerKey, SHEET, SHEET_COLUMNS, type ColumnSpec } from '../domain/schema';
import { levelsText } from '../domain/levels';
import { requestedByNames, serviceNamesFor } from '../domain/logCells';
import { SEED_SERVICES } from '../domain/seedServices';
import { SETTING_DEFINITIONS } from '../domain/settings';
import { SEED_TEMPLATES } from '../domain/seedTemplates';
import { PAID_VALUES, type LogName } from '../domain/types';
import { NUMBER_FORMAT } from './cells';
import { setUpDashboard } from './dashboardSetup';
import { applyFlagFormatting } from './flagFormatting';
import { cellAt, isBlankRow, readTable, writeRecords, type Cell } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SetUpReport {
  created: string[];
  repaired: string[];
}

const HEADER_BACKGROUND = '#e8f0fe';

export function setUpSheets(ss: Spreadsheet, timeZone: string): SetUpReport {
  const report: SetUpReport = { created: [], repaired: [] };
  const sheets = new Map<string, Sheet>();
  for (const [name, specs] of Object.entries(SHEET_COLUMNS)) {
    sheets.set(name, ensureTableSheet(ss, name, specs, report));
  }
  if (!ss.getSheetByName(SHEET.dashboard)) {
    const dash = ss.insertSheet(SHEET.dashboard);
    dash.getRange(1, 1).setValue('SLT dashboard: refreshed by the daily check and by "Refresh SLT view".');
    report.created.push(SHEET.dashboard);
  }

  seedServices(sheets.get(SHEET.services) as Sheet, timeZone);
  seedSettings(sheets.get(SHEET.settings) as Sheet, timeZone);
  seedTemplates(sheets.get(SHEET.templates) as Sheet, timeZone);
  // What was seeded must be what the rest of this call reads (the dashboard reads Settings).
  forgetCallCache();
  applyLogValidation(sheets.get(SHEET.requests) as Sheet, ss, timeZone);
  applyLogValidation(sheets.get(SHEET.scripts) as Sheet, ss, timeZone);
  applyFlagFormatting(sheets.get(SHEET.requests) as Sheet);
  applyFlagFormatting(sheets.get(SHEET.scripts) as Sheet);
  setUpDashboard(ss, timeZone, report);
  return report;
}

function ensureTableSheet(ss: Spreadsheet, name: string, specs: readonly ColumnSpec[], report: SetUpReport): Sheet {
  const existing = ss.getSheetByName(name);
  if (!existing) {
    const sheet = ss.insertSheet(name);
    if (sheet.getMaxColumns() < specs.length) {
      sheet.insertColumnsAfter(sheet.getMaxColumns(), specs.length - sheet.getMaxColumns());
    }
    writeHeaderRow(
      sheet,
      specs.map((s) => s.header),
    );
    sheet.setFrozenRows(1);
    setWidths(
      sheet,
      specs.map((s, i) => ({ col: i + 1, width: s.width })),
    );
    const dataRows = sheet.getMaxRows() - 1;
    sheet
      .getRange(2, 1, dataRows, specs.length)
      .setNumberFormats(Array.from({ length: dataRows }, () => specs.map((s) => NUMBER_FORMAT[s.kind])));
    report.created.push(name);
    return sheet;
  }
  repairHeaders(existing, specs, report);
  if (existing.getFrozenRows() < 1) existing.setFrozenRows(1);
  return existing;
}

function writeHeaderRow(sheet: Sheet, headers: string[]): void {
  const range = sheet.getRange(1, 1, 1, headers.length);
  range.setNumberFormat('@');
  range.setValues([headers]);
  range.setFontWeight('bold');
  range.setBackground(HEADER_BACKGROUND);
}

function setWidths(sheet: Sheet, cols: { col: number; width: number }[]): void {
  // One call per run of equal widths rather than one per column.
  let i = 0;
  while (i < cols.length) {
    let j = i;
    while (j + 1 < cols.length && cols[j + 1].width === cols[i].width && cols[j + 1].col === cols[j].col + 1) j++;
    sheet.setColumnWidths(cols[i].col, j - i + 1, cols[i].width);
    i = j + 1;
  }
}

/**
 * Puts back every missing header. A header whose text was cleared is restored
 * in its blank cell when its neighbours show that is where it stood;
 * otherwise (the column was deleted) it comes back as a new column at the end.
 * Only row 1 is written.
 */
function repairHeaders(sheet: Sheet, specs: readonly ColumnSpec[], report: SetUpReport): void {
  const lastCol = Math.max(sheet.getLastColumn(), 1);
  const row = sheet
    .getRange(1, 1, 1, lastCol)
    .getValues()[0]
    .map((h) => String(h ?? '').trim());
  const present = new Set(row.map(headerKey).filter((k) => k !== ''));
  const missing = specs.filter((s) => !present.has(headerKey(s.header)));
  if (missing.length === 0) return;

  const headers = [...row];
  const added: { col: number; spec: ColumnSpec }[] = [];
  for (const spec of missing) {
    const i = specs.indexOf(spec);
    const before = i > 0 ? headerKey(specs[i - 1].header) : null;
    const after = i + 1 < specs.length ? headerKey(specs[i + 1].header) : null;
    let slot = -1;
    for (let c = 0; c < headers.length && slot < 0; c++) {
      if (headers[c] !== '') continue;
      const left = c > 0 ? headerKey(headers[c - 1]) : null;
      const right = c + 1 < headers.length ? headerKey(headers[c + 1]) : null;
      if ((before !== null && left === before) || (after !== null && right === after) || (i === 0 && c === 0)) {
        slot = c;
      }
    }
    if (slot < 0) {
      slot = headers.length;
      headers.push('');
    }
    headers[slot] = spec.header;
    added.push({ col: slot + 1, spec });
  }
  if (headers.length > sheet.getMaxColumns()) {
    sheet.insertColumnsAfter(sheet.getMaxColumns(), headers.length - sheet.getMaxColumns());
  }
  writeHeaderRow(sheet, headers);
  for (const { col, spec } of added) {
    if (col > lastCol) {
      // A brand-new column: give its data area the right format (a rare, one-off call per column).
      sheet.getRange(2, col, sheet.getMaxRows() - 1, 1).setNumberFormat(NUMBER_FORMAT[spec.kind]);
      sheet.setColumnWidth(col, spec.width);
    }
    report.repaired.push(`${sheet.getName()}: ${spec.header}`);
  }
}

function seedServices(sheet: Sheet, timeZone: string): void {
  const table = readTable(sheet);
  if (table.rows.some((r) => !isBlankRow(r))) return;
  const specs = SHEET_COLUMNS[SHEET.services];
  const records = SEED_SERVICES.map((s) => ({
    Board: s.board,
    Series: s.series,
    Service: s.service,
    Level: levelsText(s.levels),
    Fee: s.fee,
    Deadline: s.deadline,
    'Turnaround days': s.turnaroundDays,
    Notes: s.notes,
  }));
  writeRecords(table, 2, records, specs, timeZone);
}

/** Adds each setting that is missing, below what is there; never changes a value the officer set. */
function seedSettings(sheet: Sheet, timeZone: string): void {
  const table = readTable(sheet);
  const have = new Set(table.rows.map((r) => headerKey(cellAt(table, r, 'Setting'))));
  const records = SETTING_DEFINITIONS.filter((d) => !have.has(headerKey(d.key))).map((d) => ({
    Setting: d.key,
    Value: d.default,
    About: d.about,
  }));
  writeRecords(table, lastUsedRow(table.rows) + 1, records, SHEET_COLUMNS[SHEET.settings], timeZone);
}

function seedTemplates(sheet: Sheet, timeZone: string): void {
  const table = readTable(sheet);
  const have = new Set(table.rows.map((r) => headerKey(cellAt(table, r, 'Name'))));
  const records = SEED_TEMPLATES.filter((t) => !have.has(headerKey(t.name))).map((t) => ({
    Name: t.name,
    Subject: t.subject,
    Body: t.body,
  }));
  writeRecords(table, lastUsedRow(table.rows) + 1, records, SHEET_COLUMNS[SHEET.templates], timeZone);
}

function lastUsedRow(rows: Cell[][]): number {
  for (let i = rows.length - 1; i >= 0; i--) if (!isBlankRow(rows[i])) return i + 2;
  return 1;
}

/** Drop-downs on the log columns an officer may edit by hand; re-applied on every run. */
function applyLogValidation(sheet: Sheet, ss: Spreadsheet, timeZone: string): void {
  const table = readTable(sheet);
  const rows = sheet.getMaxRows() - 1;
  const boards = boardsFromServices(ss, timeZone);
  // Service and Requested by offer the names the add-on writes, but accept other text: a row written before
  // the names (or typed by hand) holds a code, which still reads, and a refused cell would stop every write
  // that spans it. Text that is neither name nor code is flagged by the daily check.
  const lists: [string, string[], boolean][] = [
    ['Board', boards, true],
    ['Service', serviceNamesFor(sheet.getName() as LogName), true],
    ['Paid', [...PAID_VALUES], false],
    ['Requested by', requestedByNames(), true],
  ];
  for (const [header, values, allowInvalid] of lists) {
    const c = table.index.get(headerKey(header));
    if (c === undefined || values.length === 0) continue;
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList(values, true)
      .setAllowInvalid(allowInvalid)
      .setHelpText(`Choose one of: ${values.join(', ')}`)
      .build();
    sheet.getRange(2, c + 1, rows, 1).setDataValidation(rule);
  }
  const consent = table.index.get(headerKey('Consent'));
  if (consent !== undefined) {
    sheet
      .getRange(2, consent + 1, rows, 1)
      .setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
  }
}

function boardsFromServices(ss: Spreadsheet, _timeZone: string): string[] {
  const sheet = ss.getSheetByName(SHEET.services);
  if (!sheet) return [];
  const table = readTable(sheet);
  const seen = new Set<string>();
  for (const r of table.rows) {
    const b = String(cellAt(table, r, 'Board')).trim();
    if (b !== '') seen.add(b);
  }
  return [...seen];
}
