/**
 * SpreadsheetApp and the Spreadsheet: one workbook per environment, the
 * add-on's container. Each getter returns a fresh wrapper, as Apps Script
 * does, so code that compares sheets with === fails here as it would there.
 */
import { parseA1, splitSheetName } from './a1';
import { BooleanCriteria, ConditionalFormatRuleBuilder } from './conditional';
import { instrument } from './counter';
import { isValidTimeZone } from './dates';
import { isInteger, signatureError } from './errors';
import { Protection, ProtectionType, User } from './protection';
import { type Range, Range as RangeClass, checkedRange } from './range';
import { BandingTheme } from './filter';
import { RichTextValueBuilder } from './richText';
import { Sheet, checkSheetName } from './sheet';
import { SheetData } from './sheetData';
import type { Ctx } from './state';
import { Ui } from './ui';
import { DataValidationBuilder, DataValidationCriteria } from './validation';

export const WrapStrategy = { WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' } as const;
export const BorderStyle = {
  DOTTED: 'DOTTED',
  DASHED: 'DASHED',
  SOLID: 'SOLID',
  SOLID_MEDIUM: 'SOLID_MEDIUM',
  SOLID_THICK: 'SOLID_THICK',
  DOUBLE: 'DOUBLE',
} as const;
export const SheetType = { GRID: 'GRID', OBJECT: 'OBJECT', DATASOURCE: 'DATASOURCE' } as const;
export const Dimension = { ROWS: 'ROWS', COLUMNS: 'COLUMNS' } as const;
export const CopyPasteType = {
  PASTE_NORMAL: 'PASTE_NORMAL',
  PASTE_VALUES: 'PASTE_VALUES',
  PASTE_FORMAT: 'PASTE_FORMAT',
  PASTE_DATA_VALIDATION: 'PASTE_DATA_VALIDATION',
} as const;

function sheetOf(ctx: Ctx, sheet: unknown, method: string): SheetData {
  if (!(sheet instanceof Sheet)) throw signatureError(method, [sheet]);
  if (!ctx.book.sheets.includes(sheet._data)) throw new Error(`The sheet "${sheet._data.name}" has been deleted.`);
  return sheet._data;
}

export class Spreadsheet {
  constructor(readonly _ctx: Ctx) {}

  getId(): string {
    return this._ctx.book.id;
  }
  getName(): string {
    return this._ctx.book.name;
  }
  rename(name: string): void {
    this._ctx.book.name = String(name);
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._ctx.book.id}/edit`;
  }
  getOwner(): User {
    return new User(this._ctx, this._ctx.user.owner);
  }
  getEditors(): User[] {
    return [new User(this._ctx, this._ctx.user.owner)];
  }
  getSpreadsheetTimeZone(): string {
    return this._ctx.book.timeZone;
  }
  setSpreadsheetTimeZone(timeZone: string): void {
    if (!isValidTimeZone(timeZone)) throw new Error(`Invalid argument: ${timeZone}`);
    this._ctx.book.timeZone = timeZone;
  }
  getSpreadsheetLocale(): string {
    return this._ctx.book.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this._ctx.book.locale = String(locale);
  }

  getSheets(): Sheet[] {
    return this._ctx.book.sheets.map((s) => new Sheet(this._ctx, s));
  }
  getNumSheets(): number {
    return this._ctx.book.sheets.length;
  }
  getSheetByName(name: unknown): Sheet | null {
    if (typeof name !== 'string') throw signatureError('SpreadsheetApp.Spreadsheet.getSheetByName', [name]);
    // Sheets matches sheet names without regard to case.
    const found = this._ctx.book.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    return found ? new Sheet(this._ctx, found) : null;
  }
  getSheetById(id: unknown): Sheet | null {
    const found = this._ctx.book.sheets.find((s) => s.id === id);
    return found ? new Sheet(this._ctx, found) : null;
  }
  getActiveSheet(): Sheet {
    const book = this._ctx.book;
    const active = book.sheets.find((s) => s.id === book.activeSheetId) ?? book.sheets[0];
    return new Sheet(this._ctx, active);
  }
  setActiveSheet(sheet: unknown): Sheet {
    const data = sheetOf(this._ctx, sheet, 'SpreadsheetApp.Spreadsheet.setActiveSheet');
    this._ctx.book.activeSheetId = data.id;
    return new Sheet(this._ctx, data);
  }
  insertSheet(a?: unknown, b?: unknown): Sheet {
    const book = this._ctx.book;
    let name: string | undefined;
    let index = book.sheets.length;
    if (typeof a === 'string') name = a;
    else if (isInteger(a)) index = a;
    else if (a !== undefined) throw signatureError('SpreadsheetApp.Spreadsheet.insertSheet', [a, b]);
    if (isInteger(b)) index = b;
    if (index < 0 || index > book.sheets.length) throw new Error('Invalid argument: sheetIndex');
    if (name === undefined) {
      let n = book.sheets.length + 1;
      while (book.sheets.some((s) => s.name.toLowerCase() === `sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    checkSheetName(this._ctx, name);
    const data = new SheetData(book.nextSheetId++, name);
    book.sheets.splice(index, 0, data);
    book.activeSheetId = data.id;
    book.activeRange = null;
    return new Sheet(this._ctx, data);
  }
  deleteSheet(sheet: unknown): void {
    const book = this._ctx.book;
    const data = sheetOf(this._ctx, sheet, 'SpreadsheetApp.Spreadsheet.deleteSheet');
    if (book.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    book.sheets.splice(book.sheets.indexOf(data), 1);
    book.protections = book.protections.filter((p) => p.sheetId !== data.id);
    if (book.activeSheetId === data.id) book.activeSheetId = book.sheets[0].id;
    if (book.activeRange?.sheetId === data.id) book.activeRange = null;
  }
  getRange(a1Notation: unknown): Range {
    if (typeof a1Notation !== 'string') throw signatureError('SpreadsheetApp.Spreadsheet.getRange', [a1Notation]);
    const { sheet, range } = splitSheetName(a1Notation);
    const book = this._ctx.book;
    const data =
      sheet === null
        ? (book.sheets.find((s) => s.id === book.activeSheetId) ?? book.sheets[0])
        : book.sheets.find((s) => s.name.toLowerCase() === sheet.toLowerCase());
    const ref = data ? parseA1(range, data.maxRows, data.maxColumns) : null;
    if (!data || !ref) throw new Error('Range not found');
    return checkedRange(
      this._ctx,
      data,
      ref.row,
      ref.column,
      ref.numRows,
      ref.numColumns,
      'SpreadsheetApp.Spreadsheet.getRange',
    );
  }
  getActiveRange(): Range {
    return this.getActiveSheet().getActiveRange();
  }
  getActiveCell(): Range {
    return this.getActiveSheet().getActiveCell();
  }
  getCurrentCell(): Range {
    return this.getActiveSheet().getActiveCell();
  }
  setActiveRange(range: unknown): Range {
    if (!(range instanceof RangeClass)) throw signatureError('SpreadsheetApp.Spreadsheet.setActiveRange', [range]);
    return range.activate();
  }
  getRangeByName(): Range | null {
    return null;
  }
  getNamedRanges(): unknown[] {
    return [];
  }
  getProtections(type: unknown): Protection[] {
    if (type !== 'SHEET' && type !== 'RANGE') throw signatureError('SpreadsheetApp.Spreadsheet.getProtections', [type]);
    return this._ctx.book.protections.filter((p) => p.type === type).map((p) => new Protection(this._ctx, p));
  }
  toast(msg: unknown, title?: unknown): void {
    this._ctx.ui.toasts.push(title ? `${title}: ${msg}` : String(msg));
  }
}
instrument(Spreadsheet, 'Spreadsheet', 'Spreadsheet');

export class SpreadsheetAppService {
  readonly ProtectionType = ProtectionType;
  readonly WrapStrategy = WrapStrategy;
  readonly BorderStyle = BorderStyle;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;
  readonly SheetType = SheetType;
  readonly Dimension = Dimension;
  readonly CopyPasteType = CopyPasteType;
  readonly BandingTheme = BandingTheme;

  constructor(readonly _ctx: Ctx) {}

  getActiveSpreadsheet(): Spreadsheet {
    return new Spreadsheet(this._ctx);
  }
  getActive(): Spreadsheet {
    return new Spreadsheet(this._ctx);
  }
  openById(id: unknown): Spreadsheet {
    if (id !== this._ctx.book.id)
      throw new Error('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
    return new Spreadsheet(this._ctx);
  }
  getActiveSheet(): Sheet {
    return new Spreadsheet(this._ctx).getActiveSheet();
  }
  setActiveSheet(sheet: unknown): Sheet {
    return new Spreadsheet(this._ctx).setActiveSheet(sheet);
  }
  getUi(): Ui {
    // A time-driven trigger has no document open in a browser, so no UI.
    if (!this._ctx.ui.available) throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
    return new Ui(this._ctx);
  }
  getActiveRange(): Range {
    return new Spreadsheet(this._ctx).getActiveRange();
  }
  getCurrentCell(): Range {
    return new Spreadsheet(this._ctx).getCurrentCell();
  }
  setActiveRange(range: unknown): Range {
    return new Spreadsheet(this._ctx).setActiveRange(range);
  }
  newRichTextValue(): RichTextValueBuilder {
    return new RichTextValueBuilder(this._ctx);
  }
  flush(): void {}
  newDataValidation(): DataValidationBuilder {
    return new DataValidationBuilder(this._ctx);
  }
  newConditionalFormatRule(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this._ctx);
  }
}
instrument(SpreadsheetAppService, 'Spreadsheet', 'SpreadsheetApp');

declare module './state' {
  interface Classes {
    Spreadsheet: Spreadsheet;
  }
}
