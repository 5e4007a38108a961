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
import {
  cellAt,
  isBlankRow,
  readTable,
  requireHeaders,
  SheetLayoutError,
  writeRecords,
  type Cell,
  type Table,
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
  const sheet = ss.getSheetByName(SHEET.correspondence);
  if (!sheet) throw new SheetLayoutError(SHEET.correspondence, ['(the whole sheet)']);
  const table = readTable(sheet);
  requireHeaders(table, REQUIRED);
  const entries: CorrespondenceRow[] = [];
  let lastUsed = 1;
  table.rows.forEach((r, i) => {
    if (isBlankRow(r)) return;
    entries.push(rowEntry(table, r, i + 2, timeZone));
    lastUsed = i + 2;
  });
  return { table, entries, nextRow: lastUsed + 1 };
}

/** Appends rows below the last one in use, growing the sheet if needed; returns the first new row. */
export function appendCorrespondence(
  book: CorrespondenceBook,
  records: readonly CorrespondenceRecord[],
  timeZone: string,
): number {
  const first = book.nextRow;
  if (records.length === 0) return first;
  const sheet = book.table.sheet;
  const needed = first + records.length - 1 - sheet.getMaxRows();
  if (needed > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needed);
  writeRecords(book.table, first, records as Record<string, unknown>[], CORRESPONDENCE_COLUMNS, timeZone);
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
    const values = book.table.sheet.getRange(row, 1, 1, width).getValues()[0] as Cell[];
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
