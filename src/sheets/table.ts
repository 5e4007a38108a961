/**
 * Header-mapped access to a sheet: read once, write once.
 *
 * Officers rearrange sheets, add their own columns and sort rows, so columns
 * are found by header text and only the add-on's own columns are ever
 * written: an officer's extra column (even one holding formulas) is never
 * rewritten. A read is one `getValues()` of the data range, or of the
 * add-on's columns by name (ByName); a write is one `setValues` per
 * contiguous run of the add-on's columns, whatever the row count.
 */
import { headerKey, type ColumnSpec } from '../domain/schema';
import { NUMBER_FORMAT, toCell } from './cells';
import { coverGrownLog } from './flagFormatting';
import { sheetByName } from './workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
export type Cell = string | number | boolean | Date;

export interface Table {
  sheet: Sheet;
  /** Header texts as found in row 1. */
  headers: string[];
  /** headerKey -> 0-based column index (first occurrence wins). */
  index: Map<string, number>;
  /** Data rows; `rows[i]` is sheet row `i + 2`. */
  rows: Cell[][];
  /** Set when the table was read by name: its ranges are then had by name too (rangeOf), not through `sheet`. */
  byName?: { ss: GoogleAppsScript.Spreadsheet.Spreadsheet; name: string };
}

/** What `SheetLayoutError.missing` holds when the sheet itself is gone (renamed or deleted). */
export const WHOLE_SHEET = '(the whole sheet)';

/** Raised when a sheet is missing a header the add-on needs, or is missing itself; the message names it. */
export class SheetLayoutError extends Error {
  constructor(
    readonly sheetName: string,
    readonly missing: string[],
  ) {
    super(
      missing.length === 1 && missing[0] === WHOLE_SHEET
        ? `There is no "${sheetName}" sheet: it has been renamed or deleted. ` +
            `Give it back its name (or run Set up sheets) and try again; nothing was changed.`
        : `The "${sheetName}" sheet has no ${missing.map((h) => `"${h}"`).join(', ')} column. ` +
            `Restore the header${missing.length > 1 ? 's' : ''} in row 1 (or run Set up sheets) and try again; nothing was changed.`,
    );
    this.name = 'SheetLayoutError';
  }
}

/** Settings, Services and Templates are read by name, columns A to Z (a new sheet's 26). */
const SMALL_SHEET_COLUMNS = 26;

/**
 * A sheet read by name, without its handle: one `getRange(A1).getValues()` on the spreadsheet
 * instead of handle, data range and values. For a sheet this call only reads (Settings, Services,
 * Templates, a log the dashboard counts), since a write needs the handle anyway.
 */
export interface ByName {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  name: string;
  /** How many columns are read, from A: every header the add-on needs must lie within them. */
  columns: number;
  /** Headers that must be within those columns for this read to serve; else the sheet is read by its handle. */
  required: readonly { header: string }[];
  /** The sheet's handle (throwing when it is missing), fetched only for that fallback or for `table.sheet`. */
  sheet: () => Sheet;
}

/** A sheet's name in A1 notation: always quoted, a quote in it doubled ("Officer's notes" → 'Officer''s notes'). */
export function quotedSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** 1 → A, 26 → Z, 27 → AA. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * The sheet's rows, once: by its handle (`getDataRange().getValues()`), or by name (see ByName).
 * Read by name, trailing blank rows and columns are dropped, so the rows are those the data range
 * would give whenever every non-blank cell lies within the columns read (the columns beyond them,
 * an officer's own, are not part of the table: a table read by name is for reading).
 */
export function readTable(source: Sheet | ByName): Table {
  if (!isByName(source)) return tableOf(source, source.getDataRange().getValues() as Cell[][]);
  const values = valuesByName(source);
  if (values === null) return readTable(source.sheet());
  let rows = values.length;
  while (rows > 1 && values[rows - 1].every((c) => c === '')) rows--;
  let width = values[0]?.length ?? 0;
  while (width > 1 && values.slice(0, rows).every((r) => r[width - 1] === '')) width--;
  const table = tableOf(
    null,
    values.slice(0, rows).map((r) => r.slice(0, width)),
  );
  // A header the add-on needs was moved past the columns read: the read by handle sees the whole sheet.
  if (missingHeaders(table, source.required).length > 0) return readTable(source.sheet());
  Object.defineProperty(table, 'sheet', { get: source.sheet });
  table.byName = { ss: source.ss, name: source.name };
  return table;
}

/**
 * One of the officer's small sheets (Settings, Services, Templates), read by name, columns A to Z;
 * a sheet that is gone stops the call with the message that names it.
 */
export function readOfficerSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
  required: readonly { header: string }[],
): Table {
  const sheet = (): Sheet => {
    const found = sheetByName(ss, name);
    if (!found) throw new SheetLayoutError(name, [WHOLE_SHEET]);
    return found;
  };
  return readTable({ ss, name, columns: SMALL_SHEET_COLUMNS, required, sheet });
}

function isByName(source: Sheet | ByName): source is ByName {
  return typeof (source as ByName).sheet === 'function' && typeof (source as ByName).name === 'string';
}

/**
 * Null when the range is not on the spreadsheet: no sheet of that name ("Range not found"), or one
 * with fewer columns than are read (the range lies outside it). Any other failure is the service
 * failing and must stop the run before it writes.
 */
function valuesByName(source: ByName): Cell[][] | null {
  const a1 = `${quotedSheetName(source.name)}!A:${columnLetters(source.columns)}`;
  try {
    return source.ss.getRange(a1).getValues() as Cell[][];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/Range not found|outside the dimensions of the sheet/i.test(message)) return null;
    throw error;
  }
}

function tableOf(sheet: Sheet | null, values: Cell[][]): Table {
  const headers = (values[0] ?? []).map((h) => String(h ?? '').trim());
  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = headerKey(h);
    if (key !== '' && !index.has(key)) index.set(key, i);
  });
  return { sheet: sheet as Sheet, headers, index, rows: values.slice(1) };
}

/**
 * The table's cells from (row, column), 1-based, as `sheet.getRange` would give them. A table read by
 * name gets them by name on the spreadsheet (one call), so its sheet's handle is never fetched for them.
 */
export function rangeOf(
  table: Table,
  row: number,
  column: number,
  rows: number,
  columns: number,
): GoogleAppsScript.Spreadsheet.Range {
  if (table.byName === undefined) return table.sheet.getRange(row, column, rows, columns);
  const a1 = `${columnLetters(column)}${row}:${columnLetters(column + columns - 1)}${row + rows - 1}`;
  return table.byName.ss.getRange(`${quotedSheetName(table.byName.name)}!${a1}`);
}

export function missingHeaders(table: Pick<Table, 'index'>, specs: readonly { header: string }[]): string[] {
  return specs.filter((s) => !table.index.has(headerKey(s.header))).map((s) => s.header);
}

/** Throws a SheetLayoutError naming every missing header, before anything is written. */
export function requireHeaders(table: Table, specs: readonly { header: string }[]): void {
  const missing = missingHeaders(table, specs);
  if (missing.length > 0) throw new SheetLayoutError(table.sheet.getName(), missing);
}

/** The add-on asks for the same few headers on every row of a long log: normalise each once. */
const headerKeys = new Map<string, string>();

function keyOf(header: string): string {
  let key = headerKeys.get(header);
  if (key === undefined) {
    key = headerKey(header);
    headerKeys.set(header, key);
  }
  return key;
}

export function columnOf(table: Pick<Table, 'index'>, header: string): number {
  const i = table.index.get(keyOf(header));
  return i === undefined ? -1 : i;
}

/** The cell under `header` in a data row ('' when the column or cell is absent). */
export function cellAt(table: Pick<Table, 'index'>, row: readonly Cell[], header: string): Cell {
  const i = columnOf(table, header);
  return i < 0 ? '' : (row[i] ?? '');
}

export function isBlankRow(row: readonly Cell[]): boolean {
  return row.every((c) => c === '' || c === null || c === undefined);
}

/** Contiguous runs of the add-on's columns, so a row is written in as few calls as the layout allows. */
function runsOf<S extends ColumnSpec>(table: Table, specs: readonly S[]): { start: number; specs: (S | null)[] }[] {
  const byCol = new Map<number, S>();
  for (const s of specs) {
    const c = columnOf(table, s.header);
    if (c >= 0) byCol.set(c, s);
  }
  const cols = [...byCol.keys()].sort((a, b) => a - b);
  const runs: { start: number; specs: (S | null)[] }[] = [];
  for (const c of cols) {
    const last = runs[runs.length - 1];
    if (last && last.start + last.specs.length === c) last.specs.push(byCol.get(c) ?? null);
    else runs.push({ start: c, specs: [byCol.get(c) ?? null] });
  }
  return runs;
}

/** One run of columns as writeRecords wrote it: its range, first column (0-based) and the cells. */
export interface WrittenRun {
  range: GoogleAppsScript.Spreadsheet.Range;
  start: number;
  values: Cell[][];
}

/**
 * Writes rows of values (keyed by header) into consecutive sheet rows starting
 * at `firstRow`, one setNumberFormats and one setValues per run of columns.
 * Returns what it wrote, so a write straight after to the same cells can reuse the range.
 */
export function writeRecords(
  table: Table,
  firstRow: number,
  records: readonly Record<string, unknown>[],
  specs: readonly ColumnSpec[],
  timeZone: string,
): WrittenRun[] {
  if (records.length === 0) return [];
  const written: WrittenRun[] = [];
  for (const run of runsOf(table, specs)) {
    const formats = records.map(() => run.specs.map((s) => (s ? NUMBER_FORMAT[s.kind] : 'General')));
    const values = records.map((r) => run.specs.map((s) => (s ? toCell(r[s.header], s.kind, timeZone) : '')));
    const range = rangeOf(table, firstRow, run.start + 1, records.length, run.specs.length);
    range.setNumberFormats(formats);
    range.setValues(values);
    written.push({ range, start: run.start, values });
  }
  return written;
}

/**
 * Writes one column for every data row at once (e.g. Flags after a daily check).
 * `values[i]` goes to sheet row `i + 2`.
 */
export function writeColumn(table: Table, spec: ColumnSpec, values: readonly unknown[], timeZone: string): void {
  if (values.length === 0) return;
  const c = columnOf(table, spec.header);
  if (c < 0) throw new SheetLayoutError(table.sheet.getName(), [spec.header]);
  const range = table.sheet.getRange(2, c + 1, values.length, 1);
  range.setNumberFormat(NUMBER_FORMAT[spec.kind]);
  range.setValues(values.map((v) => [toCell(v, spec.kind, timeZone)]));
}

/**
 * Two whole columns at once (the daily check's Status and Flags): one write
 * when the sheet keeps them side by side, otherwise one each.
 */
export function writeTwoColumns(
  table: Table,
  a: { spec: ColumnSpec; values: readonly unknown[] },
  b: { spec: ColumnSpec; values: readonly unknown[] },
  timeZone: string,
): void {
  const ca = columnOf(table, a.spec.header);
  const cb = columnOf(table, b.spec.header);
  const height = Math.min(a.values.length, b.values.length);
  if (ca < 0 || cb < 0 || Math.abs(ca - cb) !== 1 || height !== a.values.length || height !== b.values.length) {
    writeColumn(table, a.spec, a.values, timeZone);
    writeColumn(table, b.spec, b.values, timeZone);
    return;
  }
  if (height === 0) return;
  const [left, right] = ca < cb ? [a, b] : [b, a];
  const range = table.sheet.getRange(2, Math.min(ca, cb) + 1, height, 2);
  const formats = [NUMBER_FORMAT[left.spec.kind], NUMBER_FORMAT[right.spec.kind]];
  range.setNumberFormats(Array.from({ length: height }, () => formats));
  range.setValues(
    Array.from({ length: height }, (_, i) => [
      toCell(left.values[i], left.spec.kind, timeZone),
      toCell(right.values[i], right.spec.kind, timeZone),
    ]),
  );
}

/**
 * `make()` (which gets a range reaching row `rows` and column `columns`), growing the sheet first
 * when it does not reach them. The sheet's size is asked only when `make` fails, since that
 * question is a round trip and the range nearly always fits; nothing may be written before
 * `make` has its range, so a retry after growing writes everything once.
 */
export function withRoom<T>(sheetOf: () => Sheet, rows: number, columns: number, make: () => T): T {
  try {
    return make();
  } catch (err) {
    const sheet = sheetOf();
    const short = rows - sheet.getMaxRows();
    const narrow = columns - sheet.getMaxColumns();
    if (short <= 0 && narrow <= 0) throw err;
    if (short > 0) sheet.insertRowsAfter(sheet.getMaxRows(), short);
    if (narrow > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), narrow);
    return make();
  }
}

/**
 * Makes room for a new row at sheet row `at` (2-based data area) and returns
 * it. Inserting moves the officer's formatting and notes with their rows.
 */
export function insertRowAt(table: Table, at: number): number {
  const sheet = table.sheet;
  const lastDataRow = table.rows.length + 1;
  if (at <= lastDataRow) {
    sheet.insertRowsBefore(at, 1);
  } else if (at > sheet.getMaxRows()) {
    sheet.insertRowsAfter(sheet.getMaxRows(), at - sheet.getMaxRows());
    // Rows added below the last are outside the colour rules until they are applied again.
    coverGrownLog(table);
  }
  return at;
}
