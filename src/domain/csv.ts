/**
 * CSV in and out, with d3-dsv doing the parsing and quoting (RFC 4180:
 * quoted fields, doubled quotes, commas and line breaks inside quotes, CRLF).
 * d3-dsv is plain ES modules with no Node or DOM dependency, so esbuild puts
 * it inside the Apps Script bundle with no CommonJS wrapper (papaparse is UMD
 * and leaves `module.exports` in the bundle, which Apps Script cannot load).
 *
 * What the library does not do, this module adds: the byte-order mark Excel
 * and SIMS put at the start of a UTF-8 file, the physical line on which each
 * record starts (a quoted line break makes a record span several lines, and
 * the officer looks a refused row up by its line in the file), a quotation
 * mark that is never closed, and output that a spreadsheet cannot run.
 */
import { csvFormatRow, csvParseRows } from 'd3-dsv';

export interface CsvRecord {
  /** Physical line of the file on which the record starts (1 = first line). */
  line: number;
  cells: string[];
}

export type CsvRead = { ok: true; records: CsvRecord[] } | { ok: false; message: string };

const BOM = '\uFEFF';
const LINE_BREAK = /\r\n|\r|\n/g;

function lineBreaks(s: string): number {
  return s.match(LINE_BREAK)?.length ?? 0;
}

/**
 * Every record of a CSV text with the line it starts on. Blank lines stay in
 * the list (as one empty cell) so that line numbers and the officer's view of
 * the file agree; callers skip them.
 */
export function readCsv(text: string): CsvRead {
  const body = String(text ?? '').replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: false, message: 'The file is empty.' };
  const rows = csvParseRows(body);
  const records: CsvRecord[] = [];
  let line = 1;
  for (const cells of rows) {
    records.push({ line, cells });
    line += 1 + cells.reduce((n, c) => n + lineBreaks(c), 0);
  }
  // A quotation mark that is never closed swallows the rest of the file into
  // one value: the last record then runs over several lines. An odd number of
  // quotation marks in the whole file is the tell-tale.
  const quotes = body.split('"').length - 1;
  const last = records[records.length - 1];
  if (quotes % 2 === 1 && last && last.cells.some((c) => lineBreaks(c) > 0)) {
    return {
      ok: false,
      message: `A quotation mark (") opened on line ${last.line} is never closed, so everything after it would be read as one value. Check line ${last.line} of the file; nothing was imported.`,
    };
  }
  return { ok: true, records };
}

/**
 * A value that a spreadsheet would treat as a formula when the CSV is opened
 * (=, +, -, @, or a tab or carriage return first) is prefixed with an
 * apostrophe, as OWASP advises for CSV exports: a name or a note never runs.
 */
export function csvSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * A CSV file for Excel and the MIS: a byte-order mark so accented names open
 * correctly in Excel, the header row, CRLF line ends (RFC 4180).
 */
export function toCsv(headers: readonly string[], rows: ReadonlyArray<Readonly<Record<string, unknown>>>): string {
  const matrix = [
    headers.map((h) => csvSafe(h)),
    ...rows.map((r) => headers.map((h) => csvSafe(r[h] === null || r[h] === undefined ? '' : String(r[h])))),
  ];
  return BOM + matrix.map((r) => csvFormatRow(r) + '\r\n').join('');
}
