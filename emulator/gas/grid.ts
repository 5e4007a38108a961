/**
 * How the grid's classes make one another without importing one another at
 * run time: a Range gives its Sheet, a Sheet its Spreadsheet, a text finder
 * the cells it found, and a rule, chart, filter or protection the ranges it
 * remembers by position. index.ts, which imports every class, fills one in
 * for each environment, so the modules import only downwards (range.ts does
 * not load sheet.ts; the Sheet that made a Range is asked of the grid).
 */
import type { Range } from './range';
import type { Sheet } from './sheet';
import type { SheetData } from './sheetData';
import type { Spreadsheet } from './spreadsheet';
import type { SheetRef } from './state';

export interface Grid {
  range(sheet: SheetData, row: number, column: number, numRows: number, numColumns: number): Range;
  /** The range remembered as `ref`, cut to the sheet's size; null when its sheet or every cell of it is gone. */
  fromRef(ref: SheetRef): Range | null;
  /** A Range as its sheet and position; null for anything else. */
  toRef(range: unknown): SheetRef | null;
  sheet(data: SheetData): Sheet;
  spreadsheet(): Spreadsheet;
}
