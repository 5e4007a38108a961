/**
 * Sheet. A new sheet is 1000 rows by 26 columns, as in Sheets, and a range
 * beyond that is an error rather than an auto-grow: only appendRow and the
 * insert methods make a sheet bigger.
 */
import { parseA1, splitSheetName } from './a1';
import { EmbeddedChart, EmbeddedChartBuilder } from './charts';
import { ConditionalFormatRule, cloneRule } from './conditional';
import { instrument } from './counter';
import { isInteger, signatureError } from './errors';
import { Protection, newProtection } from './protection';
import { Range, checkedRange } from './range';
import { type SheetData, shiftRef } from './sheetData';
import type { Classes, Ctx } from './state';
import { TextFinder } from './textFinder';
import { Banding, Filter } from './filter';

const DEFAULT_COLUMN_WIDTH = 100;

function outOfBounds(what: 'rows' | 'columns'): Error {
  return new Error(`Those ${what} are out of bounds.`);
}

export class Sheet {
  constructor(
    readonly _ctx: Ctx,
    readonly _data: SheetData,
  ) {}

  private _live(): SheetData {
    if (!this._ctx.book.sheets.includes(this._data))
      throw new Error(`The sheet "${this._data.name}" has been deleted.`);
    return this._data;
  }

  /** Keeps protections, conditional formats, charts and frozen panes on the same cells. */
  private _shift(axis: 'row' | 'column', at: number, delta: number): void {
    const d = this._data;
    for (const p of this._ctx.book.protections.slice()) {
      if (p.sheetId !== d.id) continue;
      if (p.ref) {
        const moved = shiftRef(p.ref, axis, at, delta);
        if (moved) p.ref = moved;
        else this._ctx.book.protections.splice(this._ctx.book.protections.indexOf(p), 1);
      }
      p.unprotected = p.unprotected.map((u) => shiftRef(u, axis, at, delta)).filter((u) => u !== null);
    }
    d.conditionalRules = d.conditionalRules
      .map((rule) => ({
        ...rule,
        ranges: rule.ranges.map((r) => shiftRef(r, axis, at, delta)).filter((r) => r !== null),
      }))
      .filter((rule) => rule.ranges.length > 0);
    for (const chart of d.charts) {
      chart.ranges = chart.ranges.map((r) => shiftRef(r, axis, at, delta)).filter((r) => r !== null);
    }
    if (d.filter) d.filter = shiftRef(d.filter, axis, at, delta);
    d.bandings = d.bandings
      .map((b) => ({ ...b, ref: shiftRef(b.ref, axis, at, delta) }))
      .filter((b): b is (typeof d.bandings)[number] => b.ref !== null);
    const active = this._ctx.book.activeRange;
    if (active && active.sheetId === d.id) {
      const moved = shiftRef(active.ref, axis, at, delta);
      this._ctx.book.activeRange = moved ? { sheetId: d.id, ref: moved } : null;
    }
    const frozenKey = axis === 'row' ? 'frozenRows' : 'frozenColumns';
    if (at <= d[frozenKey]) d[frozenKey] = Math.max(at - 1, d[frozenKey] + delta);
  }

  getName(): string {
    return this._data.name;
  }
  setName(name: unknown): Sheet {
    const n = checkSheetName(this._ctx, name, this._data);
    this._live().name = n;
    return this;
  }
  getSheetId(): number {
    return this._data.id;
  }
  getSheetName(): string {
    return this._data.name;
  }
  getIndex(): number {
    return this._ctx.book.sheets.indexOf(this._data) + 1;
  }
  getParent(): Classes['Spreadsheet'] {
    return this._ctx.grid.spreadsheet();
  }
  getType(): string {
    return 'GRID';
  }
  activate(): Sheet {
    this._ctx.book.activeSheetId = this._live().id;
    return this;
  }
  getActiveRange(): Range {
    const d = this._live();
    const active = this._ctx.book.activeRange;
    if (active && active.sheetId === d.id) {
      const r = this._ctx.grid.fromRef(active);
      if (r) return r;
    }
    return new Range(this._ctx, d, 1, 1, 1, 1);
  }
  getActiveCell(): Range {
    const r = this.getActiveRange();
    return new Range(this._ctx, this._data, r.getRow(), r.getColumn(), 1, 1);
  }
  getCurrentCell(): Range {
    return this.getActiveCell();
  }
  setActiveRange(range: unknown): Range {
    if (!(range instanceof Range) || range._sheet !== this._live()) {
      throw signatureError('SpreadsheetApp.Sheet.setActiveRange', [range]);
    }
    return range.activate();
  }
  setActiveSelection(range: unknown): Range {
    if (typeof range === 'string') return this.getRange(range).activate();
    return this.setActiveRange(range);
  }
  getFilter(): Filter | null {
    const d = this._live();
    return d.filter ? new Filter(this._ctx, d) : null;
  }
  getBandings(): Banding[] {
    const d = this._live();
    return d.bandings.map((b) => new Banding(this._ctx, d, b.id));
  }

  getRange(...args: unknown[]): Range {
    const data = this._live();
    const [a, b, c, d] = args;
    if (typeof a === 'string' && args.length === 1) {
      const { sheet, range } = splitSheetName(a);
      if (sheet !== null && sheet.toLowerCase() !== data.name.toLowerCase()) throw new Error('Range not found');
      const ref = parseA1(range, data.maxRows, data.maxColumns);
      if (!ref) throw new Error('Range not found');
      return checkedRange(
        this._ctx,
        data,
        ref.row,
        ref.column,
        ref.numRows,
        ref.numColumns,
        'SpreadsheetApp.Sheet.getRange',
      );
    }
    if (args.length < 2 || args.length > 4) throw signatureError('SpreadsheetApp.Sheet.getRange', args);
    const numRows = args.length >= 3 ? c : 1;
    const numColumns = args.length >= 4 ? d : 1;
    return checkedRange(this._ctx, data, a, b, numRows, numColumns, 'SpreadsheetApp.Sheet.getRange');
  }
  getDataRange(): Range {
    const d = this._live();
    return new Range(this._ctx, d, 1, 1, Math.max(1, d.lastRow()), Math.max(1, d.lastColumn()));
  }
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    const d = this._live();
    const nr = numRows === -1 ? d.lastRow() - startRow + 1 : numRows;
    const nc = numColumns === -1 ? d.lastColumn() - startColumn + 1 : numColumns;
    return checkedRange(this._ctx, d, startRow, startColumn, nr, nc, 'SpreadsheetApp.Sheet.getSheetValues').getValues();
  }
  getLastRow(): number {
    return this._live().lastRow();
  }
  getLastColumn(): number {
    return this._live().lastColumn();
  }
  getMaxRows(): number {
    return this._live().maxRows;
  }
  getMaxColumns(): number {
    return this._live().maxColumns;
  }

  // ---- rows ----
  insertRowsBefore(beforePosition: unknown, howMany: unknown): Sheet {
    const d = this._live();
    if (!isInteger(beforePosition) || !isInteger(howMany)) {
      throw signatureError('SpreadsheetApp.Sheet.insertRowsBefore', [beforePosition, howMany]);
    }
    if (beforePosition < 1 || beforePosition > d.maxRows || howMany < 1) throw outOfBounds('rows');
    // Like the Sheets API's inheritFromBefore=false: new rows copy the formats of the row they push down.
    d.insertRows(beforePosition - 1, howMany, beforePosition - 1);
    this._shift('row', beforePosition, howMany);
    return this;
  }
  insertRowBefore(beforePosition: unknown): Sheet {
    return this.insertRowsBefore(beforePosition, 1);
  }
  insertRowsAfter(afterPosition: unknown, howMany: unknown): Sheet {
    const d = this._live();
    if (!isInteger(afterPosition) || !isInteger(howMany)) {
      throw signatureError('SpreadsheetApp.Sheet.insertRowsAfter', [afterPosition, howMany]);
    }
    if (afterPosition < 1 || afterPosition > d.maxRows || howMany < 1) throw outOfBounds('rows');
    // ...and rows inserted after a row copy that row's formats.
    d.insertRows(afterPosition, howMany, afterPosition - 1);
    this._shift('row', afterPosition + 1, howMany);
    return this;
  }
  insertRowAfter(afterPosition: unknown): Sheet {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertRows(rowIndex: unknown, numRows?: unknown): void {
    this.insertRowsBefore(rowIndex, numRows ?? 1);
  }
  deleteRows(rowPosition: unknown, howMany: unknown): void {
    const d = this._live();
    if (!isInteger(rowPosition) || !isInteger(howMany)) {
      throw signatureError('SpreadsheetApp.Sheet.deleteRows', [rowPosition, howMany]);
    }
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > d.maxRows) throw outOfBounds('rows');
    if (howMany >= d.maxRows - d.frozenRows && rowPosition <= d.frozenRows + 1) {
      throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
    }
    d.deleteRows(rowPosition - 1, howMany);
    this._shift('row', rowPosition, -howMany);
  }
  deleteRow(rowPosition: unknown): Sheet {
    this.deleteRows(rowPosition, 1);
    return this;
  }

  // ---- columns ----
  insertColumnsBefore(beforePosition: unknown, howMany: unknown): Sheet {
    const d = this._live();
    if (!isInteger(beforePosition) || !isInteger(howMany)) {
      throw signatureError('SpreadsheetApp.Sheet.insertColumnsBefore', [beforePosition, howMany]);
    }
    if (beforePosition < 1 || beforePosition > d.maxColumns || howMany < 1) throw outOfBounds('columns');
    d.insertColumns(beforePosition - 1, howMany, beforePosition - 1);
    this._shift('column', beforePosition, howMany);
    return this;
  }
  insertColumnBefore(beforePosition: unknown): Sheet {
    return this.insertColumnsBefore(beforePosition, 1);
  }
  insertColumnsAfter(afterPosition: unknown, howMany: unknown): Sheet {
    const d = this._live();
    if (!isInteger(afterPosition) || !isInteger(howMany)) {
      throw signatureError('SpreadsheetApp.Sheet.insertColumnsAfter', [afterPosition, howMany]);
    }
    if (afterPosition < 1 || afterPosition > d.maxColumns || howMany < 1) throw outOfBounds('columns');
    d.insertColumns(afterPosition, howMany, afterPosition - 1);
    this._shift('column', afterPosition + 1, howMany);
    return this;
  }
  insertColumnAfter(afterPosition: unknown): Sheet {
    return this.insertColumnsAfter(afterPosition, 1);
  }
  insertColumns(columnIndex: unknown, numColumns?: unknown): void {
    this.insertColumnsBefore(columnIndex, numColumns ?? 1);
  }
  deleteColumns(columnPosition: unknown, howMany: unknown): void {
    const d = this._live();
    if (!isInteger(columnPosition) || !isInteger(howMany)) {
      throw signatureError('SpreadsheetApp.Sheet.deleteColumns', [columnPosition, howMany]);
    }
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > d.maxColumns) throw outOfBounds('columns');
    if (howMany >= d.maxColumns - d.frozenColumns && columnPosition <= d.frozenColumns + 1) {
      throw new Error('Sorry, it is not possible to delete all non-frozen columns.');
    }
    d.deleteColumns(columnPosition - 1, howMany);
    this._shift('column', columnPosition, -howMany);
  }
  deleteColumn(columnPosition: unknown): Sheet {
    this.deleteColumns(columnPosition, 1);
    return this;
  }

  appendRow(rowContents: unknown): Sheet {
    const d = this._live();
    if (!Array.isArray(rowContents)) throw signatureError('SpreadsheetApp.Sheet.appendRow', [rowContents]);
    const width = Math.max(rowContents.length, 1);
    const row = d.lastRow() + 1;
    if (row > d.maxRows) d.insertRows(d.maxRows, row - d.maxRows, null);
    if (width > d.maxColumns) d.insertColumns(d.maxColumns, width - d.maxColumns, null);
    if (rowContents.length > 0) new Range(this._ctx, d, row, 1, 1, rowContents.length).setValues([rowContents]);
    return this;
  }

  // ---- layout ----
  setFrozenRows(rows: unknown): void {
    const d = this._live();
    if (!isInteger(rows) || rows < 0) throw signatureError('SpreadsheetApp.Sheet.setFrozenRows', [rows]);
    if (rows >= d.maxRows) throw new Error("You can't freeze all visible rows on the sheet.");
    d.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this._live().frozenRows;
  }
  setFrozenColumns(columns: unknown): void {
    const d = this._live();
    if (!isInteger(columns) || columns < 0) throw signatureError('SpreadsheetApp.Sheet.setFrozenColumns', [columns]);
    if (columns >= d.maxColumns) throw new Error("You can't freeze all visible columns on the sheet.");
    d.frozenColumns = columns;
  }
  getFrozenColumns(): number {
    return this._live().frozenColumns;
  }
  setColumnWidth(columnPosition: unknown, width: unknown): Sheet {
    return this.setColumnWidths(columnPosition, 1, width);
  }
  setColumnWidths(startColumn: unknown, numColumns: unknown, width: unknown): Sheet {
    const d = this._live();
    if (!isInteger(startColumn) || !isInteger(numColumns) || typeof width !== 'number') {
      throw signatureError('SpreadsheetApp.Sheet.setColumnWidths', [startColumn, numColumns, width]);
    }
    if (startColumn < 1 || numColumns < 1 || startColumn + numColumns - 1 > d.maxColumns) throw outOfBounds('columns');
    for (let i = 0; i < numColumns; i++) d.columnWidths[startColumn - 1 + i] = Math.round(width);
    return this;
  }
  getColumnWidth(columnPosition: unknown): number {
    const d = this._live();
    if (!isInteger(columnPosition)) throw signatureError('SpreadsheetApp.Sheet.getColumnWidth', [columnPosition]);
    if (columnPosition < 1 || columnPosition > d.maxColumns) throw outOfBounds('columns');
    return d.columnWidths[columnPosition - 1] ?? DEFAULT_COLUMN_WIDTH;
  }
  setRowHeight(): Sheet {
    return this;
  }
  setRowHeights(): Sheet {
    return this;
  }
  autoResizeColumns(): Sheet {
    return this;
  }
  autoResizeColumn(): Sheet {
    return this;
  }
  autoResizeRows(): Sheet {
    return this;
  }
  hideColumns(): void {}
  showColumns(): void {}
  hideRows(): void {}
  showRows(): void {}
  setTabColor(color: string | null): Sheet {
    this._live().tabColor = color ?? null;
    return this;
  }
  getTabColor(): string | null {
    return this._live().tabColor;
  }
  hideSheet(): Sheet {
    const d = this._live();
    if (this._ctx.book.sheets.filter((s) => !s.hidden && s !== d).length === 0) {
      throw new Error("You can't hide all the sheets in a document.");
    }
    d.hidden = true;
    return this;
  }
  showSheet(): Sheet {
    this._live().hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this._live().hidden;
  }

  // ---- clearing and sorting ----
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): Sheet {
    const d = this._live();
    new Range(this._ctx, d, 1, 1, d.maxRows, d.maxColumns).clear(options);
    return this;
  }
  clearContents(): Sheet {
    const d = this._live();
    new Range(this._ctx, d, 1, 1, d.maxRows, d.maxColumns).clearContent();
    return this;
  }
  clearFormats(): Sheet {
    const d = this._live();
    new Range(this._ctx, d, 1, 1, d.maxRows, d.maxColumns).clearFormat();
    return this;
  }
  sort(columnPosition: unknown, ascending?: boolean): Sheet {
    const d = this._live();
    if (!isInteger(columnPosition)) throw signatureError('SpreadsheetApp.Sheet.sort', [columnPosition]);
    const first = d.frozenRows + 1;
    const last = d.lastRow();
    if (last >= first) {
      new Range(this._ctx, d, first, 1, last - first + 1, d.maxColumns).sort({
        column: columnPosition,
        ascending: ascending !== false,
      });
    }
    return this;
  }
  createTextFinder(text: unknown): TextFinder {
    const d = this._live();
    return new TextFinder(
      this._ctx,
      d,
      { row: 1, column: 1, numRows: d.maxRows, numColumns: d.maxColumns },
      String(text),
    );
  }

  // ---- conditional formats ----
  getConditionalFormatRules(): ConditionalFormatRule[] {
    const d = this._live();
    return d.conditionalRules.map(
      (r) =>
        new ConditionalFormatRule(
          this._ctx,
          cloneRule(r),
          r.ranges.map(() => d.id),
        ),
    );
  }
  setConditionalFormatRules(rules: unknown): void {
    const d = this._live();
    if (!Array.isArray(rules) || rules.some((r) => !(r instanceof ConditionalFormatRule))) {
      throw signatureError('SpreadsheetApp.Sheet.setConditionalFormatRules', [rules]);
    }
    d.conditionalRules = (rules as ConditionalFormatRule[]).map((r) => cloneRule(r._data));
  }
  clearConditionalFormatRules(): void {
    this._live().conditionalRules = [];
  }

  // ---- protection ----
  protect(): Protection {
    const d = this._live();
    // A sheet has at most one sheet protection: protect() returns it if it exists.
    const existing = this._ctx.book.protections.find((p) => p.sheetId === d.id && p.type === 'SHEET');
    return new Protection(this._ctx, existing ?? newProtection(this._ctx, d.id, null));
  }
  getProtections(type: unknown): Protection[] {
    const d = this._live();
    if (type !== 'SHEET' && type !== 'RANGE') throw signatureError('SpreadsheetApp.Sheet.getProtections', [type]);
    return this._ctx.book.protections
      .filter((p) => p.sheetId === d.id && p.type === type)
      .map((p) => new Protection(this._ctx, p));
  }

  // ---- charts ----
  newChart(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this._ctx, this._live().id);
  }
  getCharts(): EmbeddedChart[] {
    const d = this._live();
    return d.charts.map((c) => new EmbeddedChart(this._ctx, d.id, c));
  }
  insertChart(chart: unknown): void {
    const d = this._live();
    if (!(chart instanceof EmbeddedChart)) throw signatureError('SpreadsheetApp.Sheet.insertChart', [chart]);
    // The inserted chart object now names the stored chart, so removeChart(chart) finds it.
    (chart._data as { id: string }).id = `chart-${this._ctx.book.nextChartId++}`;
    d.charts.push({ ...chart._data });
  }
  updateChart(chart: unknown): void {
    const d = this._live();
    if (!(chart instanceof EmbeddedChart)) throw signatureError('SpreadsheetApp.Sheet.updateChart', [chart]);
    const i = d.charts.findIndex((c) => c.id === chart._data.id);
    if (i < 0) throw new Error('The chart does not exist on this sheet.');
    d.charts[i] = { ...chart._data };
  }
  removeChart(chart: unknown): void {
    const d = this._live();
    if (!(chart instanceof EmbeddedChart)) throw signatureError('SpreadsheetApp.Sheet.removeChart', [chart]);
    d.charts = d.charts.filter((c) => c.id !== chart._data.id);
  }
}
instrument(Sheet, 'Spreadsheet', 'Sheet');

/** Sheet names are unique ignoring case, as in Sheets. */
export function checkSheetName(ctx: Ctx, name: unknown, self?: SheetData): string {
  if (typeof name !== 'string') throw signatureError('SpreadsheetApp.Sheet.setName', [name]);
  if (name.trim() === '') throw new Error('Invalid argument: sheetName');
  if (name.length > 100) throw new Error('The sheet name cannot be longer than 100 characters.');
  const clash = ctx.book.sheets.find((s) => s !== self && s.name.toLowerCase() === name.toLowerCase());
  if (clash) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
  return name;
}

declare module './state' {
  interface Classes {
    Sheet: Sheet;
  }
}
