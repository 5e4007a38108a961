/**
 * Header-mapped access to a sheet: read once, write once.
 *
 * Officers rearrange sheets, add their own columns and sort rows, so columns
 * are found by header text and only the add-on's own columns are ever
 * written: an officer's extra column (even one holding formulas) is never
 * rewritten. A read is one `getDataRange().getValues()`; a write is one
 * `setValues` per contiguous run of the add-on's columns, whatever the row count.
 */
import { headerKey, type ColumnSpec } from '../domain/schema';
import { NUMBER_FORMAT, toCell } from './cells';
import { coverGrownLog } from './flagFormatting';

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
}

/** Raised when a sheet is missing a header the add-on needs; the message names it. */
export class SheetLayoutError extends Error {
  constructor(
    readonly sheetName: string,
    readonly missing: string[],
  ) {
    super(
      `The "${sheetName}" sheet has no ${missing.map((h) => `"${h}"`).join(', ')} column. ` +
        `Restore the header${missing.length > 1 ? 's' : ''} in row 1 (or run Set up sheets) and try again; nothing was changed.`,
    );
    this.name = 'SheetLayoutError';
  }
}

export function readTable(sheet: Sheet): Table {
  const values = sheet.getDataRange().getValues() as Cell[][];
  const headers = (values[0] ?? []).map((h) => String(h ?? '').trim());
  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = headerKey(h);
    if (key !== '' && !index.has(key)) index.set(key, i);
  });
  return { sheet, headers, index, rows: values.slice(1) };
}

/** How far a small sheet is read by readSmallTable: its first 26 columns. */
const SMALL_SHEET_COLUMNS = 'A:Z';

/**
 * One of the add-on's small sheets (Settings, Services, Templates) in two calls instead of three:
 * columns A to Z of every row, by A1 notation on the spreadsheet, so the sheet's handle is not
 * fetched. Trailing blank rows and columns are dropped, so the rows are readTable's (its data
 * range ends at the last row in use; every reader skips blank rows either way). Null when this
 * cannot serve: the sheet is missing or narrower than 26 columns, or a header in `required` is
 * not within A to Z (the officer moved it out): read the sheet by readTable then, which also
 * names what is missing. `sheet` is fetched only if something asks for it.
 */
export function readSmallTable(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
  required: readonly { header: string }[],
  sheetOf: () => Sheet | null,
): Table | null {
  let values: Cell[][];
  try {
    values = ss.getRange(`'${name.replace(/'/g, "''")}'!${SMALL_SHEET_COLUMNS}`).getValues() as Cell[][];
  } catch (error) {
    // Only a sheet that is not there (renamed or deleted: "Range not found") falls back to the read by
    // handle; any other failure is the service failing and must stop the run before it writes.
    if (/Range not found/i.test(error instanceof Error ? error.message : String(error))) return null;
    throw error;
  }
  let rows = values.length;
  while (rows > 1 && values[rows - 1].every((c) => c === '')) rows--;
  let width = values[0]?.length ?? 0;
  while (width > 1 && values.slice(0, rows).every((r) => r[width - 1] === '')) width--;
  const trimmed = values.slice(0, rows).map((r) => r.slice(0, width));
  const headers = (trimmed[0] ?? []).map((h) => String(h ?? '').trim());
  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = headerKey(h);
    if (key !== '' && !index.has(key)) index.set(key, i);
  });
  if (missingHeaders({ index }, required).length > 0) return null;
  const table = { headers, index, rows: trimmed.slice(1) } as Omit<Table, 'sheet'> as Table;
  Object.defineProperty(table, 'sheet', {
    get: () => {
      const sheet = sheetOf();
      if (!sheet) throw new SheetLayoutError(name, ['(the whole sheet)']);
      return sheet;
    },
  });
  return table;
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

/**
 * Writes rows of values (keyed by header) into consecutive sheet rows starting
 * at `firstRow`, one setNumberFormats and one setValues per run of columns.
 */
export function writeRecords(
  table: Table,
  firstRow: number,
  records: readonly Record<string, unknown>[],
  specs: readonly ColumnSpec[],
  timeZone: string,
): void {
  if (records.length === 0) return;
  for (const run of runsOf(table, specs)) {
    const formats = records.map(() => run.specs.map((s) => (s ? NUMBER_FORMAT[s.kind] : 'General')));
    const values = records.map((r) => run.specs.map((s) => (s ? toCell(r[s.header], s.kind, timeZone) : '')));
    const range = table.sheet.getRange(firstRow, run.start + 1, records.length, run.specs.length);
    range.setNumberFormats(formats);
    range.setValues(values);
  }
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
