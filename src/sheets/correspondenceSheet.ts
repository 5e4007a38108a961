/**
 * The `Correspondence` sheet: the copy of every email, and the record that
 * makes each one go at most once. Rows are found by header and by their key
 * (request ID, template, recipient), never trusted by position alone: the
 * officer may sort the sheet while a batch is sending. Callers hold the
 * document lock around every write.
 */
import { type CorrespondenceEntry, mailKey, parseMailStatus } from '../domain/correspondence';
import { CORRESPONDENCE_COLUMNS, SHEET } from '../domain/schema';
import { cellToText } from './cells';
import { sheetByName } from './workbook';
import {
  cellAt,
  columnOf,
  isBlankRow,
  rangeOf,
  readTable,
  requireHeaders,
  SheetLayoutError,
  WHOLE_SHEET,
  withRoom,
  writeRecords,
  type Cell,
  type Table,
  type WrittenRun,
} from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface CorrespondenceRow extends CorrespondenceEntry {
  queuedValues: string;
  seal: string;
}

export interface CorrespondenceBook {
  table: Table;
  entries: CorrespondenceRow[];
  /** Where the next appended row goes: below the last row in use. */
  nextRow: number;
  /** The rows this book appended (since it was read), with the ranges that wrote them. */
  appended: { first: number; count: number; runs: WrittenRun[] }[];
}

/** Columns the mailer cannot work without; `Queued values` and `Seal` are added by Set up sheets. */
const REQUIRED = CORRESPONDENCE_COLUMNS;

export type CorrespondenceRecord = Partial<
  Record<'Sent' | 'Request ID' | 'To' | 'Template' | 'Subject' | 'Body' | 'Status' | 'Queued values' | 'Seal', unknown>
>;

function rowEntry(table: Table, r: readonly Cell[], row: number, timeZone: string): CorrespondenceRow {
  const text = (h: string) => cellToText(cellAt(table, r, h), timeZone);
  return {
    row,
    requestId: text('Request ID'),
    to: text('To'),
    template: text('Template'),
    status: parseMailStatus(cellAt(table, r, 'Status')),
    queuedValues: String(cellAt(table, r, 'Queued values') ?? ''),
    seal: String(cellAt(table, r, 'Seal') ?? ''),
  };
}

export function readCorrespondence(ss: Spreadsheet, timeZone: string): CorrespondenceBook {
  const sheet = () => {
    const found = sheetByName(ss, SHEET.correspondence);
    if (!found) throw new SheetLayoutError(SHEET.correspondence, [WHOLE_SHEET]);
    return found;
  };
  // By name, its add-on columns only (A to Seal, as Set up lays them out): the mailer only writes those.
  const table = readTable({ ss, name: SHEET.correspondence, columns: REQUIRED.length, required: REQUIRED, sheet });
  requireHeaders(table, REQUIRED);
  const entries: CorrespondenceRow[] = [];
  let lastUsed = 1;
  table.rows.forEach((r, i) => {
    if (isBlankRow(r)) return;
    entries.push(rowEntry(table, r, i + 2, timeZone));
    lastUsed = i + 2;
  });
  return { table, entries, nextRow: lastUsed + 1, appended: [] };
}

/**
 * Appends rows below the last one in use, growing the sheet if needed; returns the first new row.
 * The sheet's size is asked only when the rows do not fit (the range cannot be had): most appends
 * land in rows the sheet already has, and that question is a round trip. The book's copy of the
 * rows gets the new ones, so a Status write in the same lock hold (StatusCells) starts from them.
 */
export function appendCorrespondence(
  book: CorrespondenceBook,
  records: readonly CorrespondenceRecord[],
  timeZone: string,
): number {
  const first = book.nextRow;
  if (records.length === 0) return first;
  // Nothing is written before the first range is had, so a sheet too short can grow and be written then.
  const runs = withRoom(
    () => book.table.sheet,
    first + records.length - 1,
    1,
    () => writeRecords(book.table, first, records as Record<string, unknown>[], CORRESPONDENCE_COLUMNS, timeZone),
  );
  book.appended.push({ first, count: records.length, runs });
  const width = book.table.headers.length;
  records.forEach((record, i) => {
    const cells: Cell[] = Array.from({ length: width }, () => '');
    for (const spec of CORRESPONDENCE_COLUMNS) {
      const c = columnOf(book.table, spec.header);
      const v = (record as Record<string, unknown>)[spec.header];
      if (c >= 0 && v !== undefined && v !== null) cells[c] = v as Cell;
    }
    book.table.rows[first - 2 + i] = cells;
  });
  book.nextRow = first + records.length;
  return first;
}

/** Writes only the given columns of one row. */
export function updateCorrespondence(table: Table, row: number, record: CorrespondenceRecord, timeZone: string): void {
  const specs = CORRESPONDENCE_COLUMNS.filter((s) => s.header in record);
  writeRecords(table, row, [record as Record<string, unknown>], specs, timeZone);
}

/**
 * The entry for `key` as the sheet holds it now: the remembered row is read
 * (one call) and used if it still holds that key; otherwise (the officer
 * sorted or deleted rows) the sheet is read again. Null when it is gone.
 */
export function locateEntry(
  ss: Spreadsheet,
  book: CorrespondenceBook,
  row: number,
  key: string,
  timeZone: string,
): CorrespondenceRow | null {
  const sameKey = (e: CorrespondenceEntry) => mailKey(e.requestId, e.template, e.to) === key;
  try {
    const width = Math.max(book.table.headers.length, 1);
    const values = rangeOf(book.table, row, 1, 1, width).getValues()[0] as Cell[];
    const entry = rowEntry(book.table, values, row, timeZone);
    if (sameKey(entry)) return entry;
  } catch {
    // The row is beyond the sheet now: fall through to a full read.
  }
  const fresh = readCorrespondence(ss, timeZone);
  Object.assign(book, fresh);
  const matches = fresh.entries.filter(sameKey);
  return matches.find((e) => e.status === 'sending' || e.status === 'sent') ?? matches[0] ?? null;
}

/**
 * Where each wanted row is now, in one read of the rows they span. If the
 * officer sorted or deleted rows since the book was read (a key is no longer
 * where it was), the sheet is read again and each key found by itself.
 * A key that is gone maps to null.
 */
export function locateRows(
  ss: Spreadsheet,
  book: CorrespondenceBook,
  wanted: readonly { row: number; key: string }[],
  timeZone: string,
): Map<string, CorrespondenceRow | null> {
  const found = new Map<string, CorrespondenceRow | null>();
  if (wanted.length === 0) return found;
  const first = Math.min(...wanted.map((w) => w.row));
  const last = Math.max(...wanted.map((w) => w.row));
  const keyOfEntry = (e: CorrespondenceEntry) => mailKey(e.requestId, e.template, e.to);
  let moved = false;
  let values: Cell[][] = [];
  try {
    const width = Math.max(book.table.headers.length, 1);
    values = rangeOf(book.table, first, 1, last - first + 1, width).getValues() as Cell[][];
  } catch {
    // The rows are beyond the sheet now: read it again below.
    moved = true;
  }
  if (!moved) {
    for (const w of wanted) {
      const r = values[w.row - first];
      const entry = rowEntry(book.table, r, w.row, timeZone);
      if (keyOfEntry(entry) !== w.key) {
        moved = true;
        break;
      }
      found.set(w.key, entry);
    }
    // Keep the book's copy true: StatusCells writes the block back from it.
    for (let i = 0; !moved && i < values.length; i++) book.table.rows[first - 2 + i] = values[i];
  }
  if (!moved) return found;
  found.clear();
  Object.assign(book, readCorrespondence(ss, timeZone));
  for (const w of wanted) {
    const matches = book.entries.filter((e) => keyOfEntry(e) === w.key);
    found.set(w.key, matches.find((e) => e.status === 'sending' || e.status === 'sent') ?? matches[0] ?? null);
  }
  return found;
}

/**
 * The Status cells of a block of rows, written in one call each time, with
 * the Queued values cells beside them when the sheet keeps the two columns
 * side by side (as Set up lays them out): a message recorded "sent" or
 * refused has its values emptied in the same write. The caller holds the
 * document lock for as long as it keeps this, so the cells of rows it does
 * not own are written back exactly as they were read.
 *
 * A single row the book appended in this hold (a Save's one email, written as
 * "sending") is rewritten through the range that appended it, its other cells
 * as written then: asking for the Status cells' range again is a round trip.
 */
export class StatusCells {
  private readonly range: GoogleAppsScript.Spreadsheet.Range;
  private readonly values: Cell[][];
  /** Where Status and Queued values sit in `values`' rows (-1: Queued values is not in the range). */
  private readonly statusAt: number;
  private readonly queuedAt: number;
  private dirty = false;

  constructor(
    book: CorrespondenceBook,
    private readonly first: number,
    last: number,
  ) {
    const table = book.table;
    const column = columnOf(table, 'Status');
    const queued = columnOf(table, 'Queued values');
    const within = (run: WrittenRun, c: number) => c >= run.start && c < run.start + (run.values[0]?.length ?? 0);
    const appended =
      first === last
        ? book.appended
            .filter((a) => a.first === first && a.count === 1)
            .flatMap((a) => a.runs)
            .find((run) => within(run, column))
        : undefined;
    if (appended !== undefined) {
      this.range = appended.range;
      this.values = appended.values.map((r) => [...r]);
      this.statusAt = column - appended.start;
      this.queuedAt = within(appended, queued) ? queued - appended.start : -1;
      return;
    }
    const withQueued = queued === column + 1;
    const width = withQueued ? 2 : 1;
    this.range = rangeOf(table, first, column + 1, last - first + 1, width);
    this.values = [];
    for (let row = first; row <= last; row++) {
      const cells = table.rows[row - 2];
      this.values.push(Array.from({ length: width }, (_, j) => String(cells?.[column + j] ?? '')));
    }
    this.statusAt = 0;
    this.queuedAt = withQueued ? 1 : -1;
  }

  set(row: number, status: string): void {
    this.values[row - this.first][this.statusAt] = status;
    this.dirty = true;
  }

  /** Sets a finished message's status and empties its queued values; false when they must be emptied apart. */
  finish(row: number, status: string): boolean {
    this.set(row, status);
    if (this.queuedAt >= 0) this.values[row - this.first][this.queuedAt] = '';
    return this.queuedAt >= 0;
  }

  write(): void {
    if (!this.dirty) return;
    // Plain-text cells (Set up formats the column as @), so a status is never parsed.
    this.range.setValues(this.values);
    this.dirty = false;
  }
}

/** One column of the given rows set to one value, one write per run of adjacent rows. */
export function setColumnCells(table: Table, header: string, rows: readonly number[], value: Cell): void {
  const column = columnOf(table, header);
  if (column < 0 || rows.length === 0) return;
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    if (i < sorted.length && sorted[i] === sorted[i - 1] + 1) continue;
    const height = i - start;
    rangeOf(table, sorted[start], column + 1, height, 1).setValues(Array.from({ length: height }, () => [value]));
    start = i;
  }
}
