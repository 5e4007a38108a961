/**
 * Changing scattered rows of a table, and taking rows out of it, in a fixed
 * number of service calls whatever the number of rows.
 *
 * Both rewrite one block of the sheet in a single setValues. Cells the change
 * is not about are written back exactly as they were: a formula as its
 * formula, a string in a cell that is not plain text with an apostrophe in
 * front (so '0042' typed with an apostrophe does not become 42), and every
 * cell keeps its number format. Only the block's values and number formats are
 * written; notes, colours and validation stay where they are.
 */
import { headerKey, type ColumnSpec } from '../domain/schema';
import { NUMBER_FORMAT, toCell } from './cells';
import { coverGrownLog } from './flagFormatting';
import { columnOf, writeRecords, type Cell, type Table } from './table';

/** A cell's value as it must be written back so that it reads back the same. */
function unchanged(value: Cell | undefined, formula: string, format: string): Cell {
  if (formula !== '') return formula;
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' && value !== '' && format !== '@') return `'${value}`;
  return value;
}

/**
 * Writes `changes` (sheet row -> values keyed by header) into the columns of
 * `specs`, with each value stored as its column's kind. Rows beyond the
 * sheet's end are added. One read of formulas and formats and one write per
 * run of adjacent columns that the changes touch.
 */
export function patchRows(
  table: Table,
  specs: readonly ColumnSpec[],
  changes: ReadonlyMap<number, Readonly<Record<string, unknown>>>,
  timeZone: string,
): void {
  if (changes.size === 0) return;
  const rows = [...changes.keys()];
  const first = Math.min(...rows);
  const last = Math.max(...rows);
  const sheet = table.sheet;
  const maxRows = sheet.getMaxRows();
  if (last > maxRows) {
    sheet.insertRowsAfter(maxRows, last - maxRows);
    // Rows added below the last are outside the colour rules until they are applied again.
    coverGrownLog(table);
  }

  const touched = new Set<string>();
  for (const record of changes.values()) for (const h of Object.keys(record)) touched.add(headerKey(h));
  const byColumn = new Map<number, ColumnSpec>();
  for (const spec of specs) {
    const c = columnOf(table, spec.header);
    if (c >= 0 && touched.has(headerKey(spec.header))) byColumn.set(c, spec);
  }
  const columns = [...byColumn.keys()].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const c of columns) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === c - 1) run.push(c);
    else runs.push([c]);
  }

  const height = last - first + 1;
  for (const run of runs) {
    const range = sheet.getRange(first, run[0] + 1, height, run.length);
    const formulas = range.getFormulas();
    const formats = range.getNumberFormats();
    const values: Cell[][] = [];
    for (let i = 0; i < height; i++) {
      const row = first + i;
      const change = changes.get(row);
      const old = table.rows[row - 2];
      values.push(
        run.map((c, j) => {
          const spec = byColumn.get(c) as ColumnSpec;
          if (change && Object.prototype.hasOwnProperty.call(change, spec.header)) {
            formats[i][j] = NUMBER_FORMAT[spec.kind];
            return toCell(change[spec.header], spec.kind, timeZone);
          }
          return unchanged(old?.[c], formulas[i][j], formats[i][j]);
        }),
      );
    }
    range.setNumberFormats(formats);
    range.setValues(values);
  }
}

/**
 * Takes the given sheet rows out of the table: the rows below move up, in
 * their order, and the freed rows at the bottom are left blank. The whole
 * width is moved, so the officer's own columns stay with their rows. A
 * formula of the officer's that refers to another row by position is moved as
 * written and may need checking afterwards (the README says so).
 */
export function removeRows(table: Table, remove: ReadonlySet<number>): number {
  const height = table.rows.length;
  const width = table.headers.length;
  const gone = [...remove].filter((r) => r >= 2 && r < height + 2);
  if (gone.length === 0 || width === 0) return 0;
  const range = table.sheet.getRange(2, 1, height, width);
  const formulas = range.getFormulas();
  const formats = range.getNumberFormats();
  const keptValues: Cell[][] = [];
  const keptFormats: string[][] = [];
  for (let i = 0; i < height; i++) {
    if (remove.has(i + 2)) continue;
    keptValues.push(table.rows[i].map((v, c) => unchanged(v, formulas[i][c], formats[i][c])));
    keptFormats.push(formats[i]);
  }
  const blanks = height - keptValues.length;
  for (let i = 0; i < blanks; i++) {
    keptValues.push(Array.from({ length: width }, () => ''));
    keptFormats.push(formats[keptFormats.length]);
  }
  range.setNumberFormats(keptFormats);
  range.setValues(keptValues);
  return gone.length;
}

/**
 * One row's changed cells in one block: when the changed columns are
 * scattered (an outcome touches four runs of the log's columns) but every
 * column between them is one of the add-on's own (`allSpecs`), the span is
 * written once, the cells between written back as they were (formulas,
 * formats, apostrophes kept, as patchRows does). 5 calls instead of 3 per
 * run. Otherwise, or for a single run, writeRecords as before. Under the
 * lock, with `table` read in the same hold.
 */
export function writeRowChanges(
  table: Table,
  row: number,
  record: Readonly<Record<string, unknown>>,
  changed: readonly ColumnSpec[],
  allSpecs: readonly ColumnSpec[],
  timeZone: string,
): void {
  const byColumn = new Map<number, ColumnSpec>();
  for (const spec of changed) {
    const c = columnOf(table, spec.header);
    if (c >= 0) byColumn.set(c, spec);
  }
  if (byColumn.size === 0) return;
  const columns = [...byColumn.keys()].sort((a, b) => a - b);
  const from = columns[0];
  const to = columns[columns.length - 1];
  const runs = columns.filter((c, i) => i === 0 || columns[i - 1] !== c - 1).length;
  const ours = new Set(allSpecs.map((s) => columnOf(table, s.header)).filter((c) => c >= 0));
  let bridgeable = runs > 1 && table.rows[row - 2] !== undefined;
  for (let c = from; bridgeable && c <= to; c++) if (!ours.has(c)) bridgeable = false;
  if (!bridgeable) {
    writeRecords(table, row, [record], changed, timeZone);
    // Later reads in this hold see what was written.
    const cells = table.rows[row - 2];
    if (cells) for (const [c, spec] of byColumn) cells[c] = toCell(record[spec.header], spec.kind, timeZone);
    return;
  }
  const width = to - from + 1;
  const range = table.sheet.getRange(row, from + 1, 1, width);
  const formulas = range.getFormulas()[0];
  const formats = range.getNumberFormats()[0];
  const old = table.rows[row - 2];
  const values: Cell[] = [];
  let reformat = false;
  for (let j = 0; j < width; j++) {
    const spec = byColumn.get(from + j);
    if (spec) {
      if (formats[j] !== NUMBER_FORMAT[spec.kind]) reformat = true;
      formats[j] = NUMBER_FORMAT[spec.kind];
      values.push(toCell(record[spec.header], spec.kind, timeZone));
    } else values.push(unchanged(old[from + j], formulas[j], formats[j]));
  }
  // The formats were just read: when every changed cell has its column's format already (as Set up
  // left it), writing them again changes nothing.
  if (reformat) range.setNumberFormats([formats]);
  range.setValues([values]);
  // Later reads in this hold see what was written (the cells between are as they were).
  for (const c of columns) old[c] = values[c - from];
}
