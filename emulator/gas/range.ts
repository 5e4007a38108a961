/**
 * Range: a rectangle of one sheet, fixed at creation (a held Range does not
 * follow inserted rows, as in Apps Script). Reads copy, writes parse values
 * as typed input, and every write is checked whole before anything changes,
 * so a failed setValues leaves the sheet as it was.
 */
import { type GridRef, toA1 } from './a1';
import { instrument } from './counter';
import { isInteger, signatureError } from './errors';
import { DEFAULT_NUMBER_FORMAT, displayText, isGeneral } from './numberFormat';
import { Protection, assertEditable, newProtection } from './protection';
import { type Attr, CONTENT_ATTRS, type SheetData, STYLE_ATTRS } from './sheetData';
import { Banding, BandingTheme, Filter, overlaps } from './filter';
import { RichTextValue } from './richText';
import { type Classes, type Ctx, type SheetRef, makeDate } from './state';
import { DataValidation, satisfies, validationError } from './validation';
import { type Parsed, isEmptyValue, parseInput } from './values';
import { TextFinder } from './textFinder';

const DEFAULTS: Partial<Record<Attr, unknown>> = {
  background: '#ffffff',
  fontWeight: 'normal',
  fontColor: '#000000',
  fontStyle: 'normal',
  fontSize: 10,
  fontFamily: 'Arial',
  hAlign: 'general',
  vAlign: 'bottom',
  wrap: false,
  note: '',
  format: DEFAULT_NUMBER_FORMAT,
};

type SortSpec = { column: number; ascending: boolean };

const collator = new Intl.Collator('en-GB', { sensitivity: 'base' });

function sortRank(v: unknown): number {
  if (isEmptyValue(v)) return 3;
  if (typeof v === 'number' || typeof v === 'object') return 0;
  if (typeof v === 'string') return 1;
  return 2;
}

/** Sheets' order: numbers and dates, then text (ignoring case), then booleans; blanks always last. */
function compareCells(a: unknown, b: unknown, ascending: boolean): number {
  const ra = sortRank(a);
  const rb = sortRank(b);
  if (ra === 3 || rb === 3) return ra === rb ? 0 : ra === 3 ? 1 : -1;
  let d: number;
  if (ra !== rb) d = ra - rb;
  else if (ra === 0) d = Number(a) - Number(b);
  else if (ra === 1) d = collator.compare(a as string, b as string);
  else d = Number(a) - Number(b);
  return ascending ? d : -d;
}

export class Range {
  constructor(
    readonly _ctx: Ctx,
    readonly _sheet: SheetData,
    readonly _row: number,
    readonly _col: number,
    readonly _nr: number,
    readonly _nc: number,
  ) {}

  private _ref(): GridRef {
    return { row: this._row, column: this._col, numRows: this._nr, numColumns: this._nc };
  }

  /** A Range of a deleted sheet fails, as it does in Apps Script. */
  private _live(): SheetData {
    if (!this._ctx.book.sheets.includes(this._sheet)) {
      throw new Error(`The sheet "${this._sheet.name}" has been deleted.`);
    }
    return this._sheet;
  }

  private _read<T>(attr: Attr, map: (v: unknown) => T): T[][] {
    this._live();
    const out = new Array<T[]>(this._nr);
    const r0 = this._row - 1;
    const c0 = this._col - 1;
    for (let i = 0; i < this._nr; i++) {
      const arr = this._sheet.rows[r0 + i]?.[attr];
      const row = new Array<T>(this._nc);
      for (let j = 0; j < this._nc; j++) row[j] = map(arr ? arr[c0 + j] : undefined);
      out[i] = row;
    }
    return out;
  }

  private _style<T>(attr: Attr): T[][] {
    const fallback = DEFAULTS[attr] as T;
    return this._read<T>(attr, (v) => (v === undefined ? fallback : (v as T)));
  }

  private _checkMatrix(data: unknown, method: string): unknown[][] {
    if (!Array.isArray(data)) throw signatureError(`SpreadsheetApp.Range.${method}`, [data]);
    if (data.length !== this._nr) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this._nr}.`,
      );
    }
    for (const row of data) {
      if (!Array.isArray(row)) throw signatureError(`SpreadsheetApp.Range.${method}`, [data]);
      if (row.length !== this._nc) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this._nc}.`,
        );
      }
    }
    return data as unknown[][];
  }

  private _assertEditable(): void {
    this._live();
    assertEditable(this._ctx, this._sheet.id, this._ref());
  }

  /** Parses, validates, then writes: nothing changes unless every cell is acceptable. */
  private _writeInputs(inputs: (i: number, j: number) => unknown): void {
    this._assertEditable();
    const sheet = this._sheet;
    const r0 = this._row - 1;
    const c0 = this._col - 1;
    const pctx = { timeZone: this._ctx.book.timeZone, nowMs: this._ctx.clock.nowMs() };
    const parsed: Parsed[][] = new Array(this._nr);
    for (let i = 0; i < this._nr; i++) {
      const formats = sheet.rows[r0 + i]?.format;
      const rules = sheet.rows[r0 + i]?.validation;
      const row = new Array<Parsed>(this._nc);
      for (let j = 0; j < this._nc; j++) {
        const p = parseInput(inputs(i, j), formats?.[c0 + j] as string | undefined, pctx);
        const rule = rules?.[c0 + j] as DataValidation['_data'] | undefined;
        if (rule && !rule.allowInvalid && !p.formula && !satisfies(this._ctx, rule, p.value)) {
          throw validationError(this._row + i, this._col + j);
        }
        row[j] = p;
      }
      parsed[i] = row;
    }
    for (let i = 0; i < this._nr; i++) {
      const r = r0 + i;
      const values = sheet.rowArray('value', r);
      const existing = sheet.rows[r];
      for (let j = 0; j < this._nc; j++) {
        const p = parsed[i][j];
        const c = c0 + j;
        values[c] = p.value === '' ? undefined : p.value;
        if (p.formula !== undefined) sheet.rowArray('formula', r)[c] = p.formula;
        else if (existing?.formula && existing.formula[c] !== undefined) existing.formula[c] = undefined;
        // New content replaces a link, as typing over a linked cell does.
        if (existing?.link && existing.link[c] !== undefined) existing.link[c] = undefined;
        if (p.impliedFormat && isGeneral(existing?.format?.[c] as string | undefined)) {
          sheet.rowArray('format', r)[c] = p.impliedFormat;
        }
      }
    }
    sheet.contentChanged();
  }

  private _setAll(attr: Attr, value: unknown): this {
    this._assertEditable();
    const sheet = this._sheet;
    const c0 = this._col - 1;
    for (let i = 0; i < this._nr; i++) {
      const r = this._row - 1 + i;
      // Clearing touches only rows that hold something, so clearing a 50,000-row sheet is cheap.
      const arr = value === undefined ? sheet.rows[r]?.[attr] : sheet.rowArray(attr, r);
      if (!arr) continue;
      const end = value === undefined ? Math.min(c0 + this._nc, arr.length) : c0 + this._nc;
      for (let c = c0; c < end; c++) arr[c] = value;
    }
    if (attr === 'value' || attr === 'formula') sheet.contentChanged();
    return this;
  }

  private _setEach(attr: Attr, data: unknown, method: string, map: (v: unknown) => unknown = (v) => v): this {
    const m = this._checkMatrix(data, method);
    this._assertEditable();
    for (let i = 0; i < this._nr; i++)
      for (let j = 0; j < this._nc; j++) this._sheet.set(attr, this._row - 1 + i, this._col - 1 + j, map(m[i][j]));
    return this;
  }

  // ---- values ----
  getValues(): unknown[][] {
    const ctx = this._ctx;
    return this._read<unknown>('value', (v) =>
      v === undefined ? '' : typeof v === 'object' ? makeDate(ctx, (v as Date).getTime()) : v,
    );
  }
  getValue(): unknown {
    const v = this._live().get('value', this._row - 1, this._col - 1);
    return v === undefined ? '' : typeof v === 'object' ? makeDate(this._ctx, (v as Date).getTime()) : v;
  }
  setValues(values: unknown): Range {
    const m = this._checkMatrix(values, 'setValues');
    this._writeInputs((i, j) => m[i][j]);
    return this;
  }
  setValue(value: unknown): Range {
    this._writeInputs(() => value);
    return this;
  }
  getDisplayValues(): string[][] {
    this._live();
    const tz = this._ctx.book.timeZone;
    const r0 = this._row - 1;
    const c0 = this._col - 1;
    const out: string[][] = [];
    for (let i = 0; i < this._nr; i++) {
      const row = this._sheet.rows[r0 + i];
      const line: string[] = [];
      for (let j = 0; j < this._nc; j++) {
        line.push(displayText(row?.value?.[c0 + j], row?.format?.[c0 + j] as string | undefined, tz));
      }
      out.push(line);
    }
    return out;
  }
  getDisplayValue(): string {
    const row = this._live().rows[this._row - 1];
    const c = this._col - 1;
    return displayText(row?.value?.[c], row?.format?.[c] as string | undefined, this._ctx.book.timeZone);
  }
  isBlank(): boolean {
    return (
      this._read('value', (v) => isEmptyValue(v)).every((r) => r.every(Boolean)) &&
      this._read('formula', (v) => v === undefined).every((r) => r.every(Boolean))
    );
  }

  // ---- formulas ----
  getFormulas(): string[][] {
    return this._read<string>('formula', (v) => (v === undefined ? '' : (v as string)));
  }
  getFormula(): string {
    return (this._sheet.get('formula', this._row - 1, this._col - 1) as string | undefined) ?? '';
  }
  setFormula(formula: unknown): Range {
    if (typeof formula !== 'string') throw signatureError('SpreadsheetApp.Range.setFormula', [formula]);
    return this._writeFormulas(() => formula);
  }
  setFormulas(formulas: unknown): Range {
    const m = this._checkMatrix(formulas, 'setFormulas');
    return this._writeFormulas((i, j) => m[i][j]);
  }
  private _writeFormulas(get: (i: number, j: number) => unknown): this {
    this._assertEditable();
    for (let i = 0; i < this._nr; i++) {
      for (let j = 0; j < this._nc; j++) {
        const f = String(get(i, j) ?? '');
        const r = this._row - 1 + i;
        const c = this._col - 1 + j;
        if (f.startsWith('=') && f.length > 1) {
          this._sheet.set('formula', r, c, f);
          this._sheet.set('value', r, c, '#ERROR!');
        } else {
          this._sheet.set('formula', r, c, undefined);
          const p = parseInput(f, '', { timeZone: this._ctx.book.timeZone, nowMs: this._ctx.clock.nowMs() });
          this._sheet.set('value', r, c, p.value === '' ? undefined : p.value);
        }
      }
    }
    return this;
  }

  // ---- number formats ----
  getNumberFormats(): string[][] {
    return this._style<string>('format');
  }
  getNumberFormat(): string {
    return (this._sheet.get('format', this._row - 1, this._col - 1) as string | undefined) ?? DEFAULT_NUMBER_FORMAT;
  }
  setNumberFormat(format: unknown): Range {
    if (typeof format !== 'string') throw signatureError('SpreadsheetApp.Range.setNumberFormat', [format]);
    return this._setAll('format', format);
  }
  setNumberFormats(formats: unknown): Range {
    return this._setEach('format', formats, 'setNumberFormats', (v) => String(v));
  }

  // ---- geometry ----
  getRow(): number {
    return this._row;
  }
  getRowIndex(): number {
    return this._row;
  }
  getColumn(): number {
    return this._col;
  }
  getLastRow(): number {
    return this._row + this._nr - 1;
  }
  getLastColumn(): number {
    return this._col + this._nc - 1;
  }
  getNumRows(): number {
    return this._nr;
  }
  getNumColumns(): number {
    return this._nc;
  }
  getHeight(): number {
    return this._nr;
  }
  getWidth(): number {
    return this._nc;
  }
  getA1Notation(): string {
    return toA1(this._ref());
  }
  getSheet(): Classes['Sheet'] {
    return this._ctx.grid.sheet(this._sheet);
  }
  getGridId(): number {
    return this._sheet.id;
  }
  getCell(row: unknown, column: unknown): Range {
    if (!isInteger(row) || !isInteger(column)) throw signatureError('SpreadsheetApp.Range.getCell', [row, column]);
    if (row < 1 || column < 1 || row > this._nr || column > this._nc) throw new Error('Cell reference out of range');
    return new Range(this._ctx, this._sheet, this._row + row - 1, this._col + column - 1, 1, 1);
  }
  offset(rowOffset: unknown, columnOffset: unknown, numRows?: unknown, numColumns?: unknown): Range {
    if (!isInteger(rowOffset) || !isInteger(columnOffset)) {
      throw signatureError('SpreadsheetApp.Range.offset', [rowOffset, columnOffset]);
    }
    return checkedRange(
      this._ctx,
      this._sheet,
      this._row + rowOffset,
      this._col + columnOffset,
      numRows === undefined ? this._nr : numRows,
      numColumns === undefined ? this._nc : numColumns,
      'SpreadsheetApp.Range.offset',
    );
  }
  activate(): Range {
    this._ctx.book.activeSheetId = this._live().id;
    this._ctx.book.activeRange = { sheetId: this._sheet.id, ref: this._ref() };
    return this;
  }
  activateAsCurrentCell(): Range {
    return this.activate();
  }

  // ---- validation ----
  getDataValidations(): (DataValidation | null)[][] {
    return this._read('validation', (v) => (v ? new DataValidation(this._ctx, v as DataValidation['_data']) : null));
  }
  getDataValidation(): DataValidation | null {
    const v = this._sheet.get('validation', this._row - 1, this._col - 1);
    return v ? new DataValidation(this._ctx, v as DataValidation['_data']) : null;
  }
  setDataValidation(rule: unknown): Range {
    if (rule !== null && !(rule instanceof DataValidation)) {
      throw signatureError('SpreadsheetApp.Range.setDataValidation', [rule]);
    }
    return this._setAll('validation', rule ? rule._data : undefined);
  }
  setDataValidations(rules: unknown): Range {
    return this._setEach('validation', rules, 'setDataValidations', (v) => {
      if (v !== null && v !== undefined && !(v instanceof DataValidation)) {
        throw signatureError('SpreadsheetApp.Range.setDataValidations', [rules]);
      }
      return v ? v._data : undefined;
    });
  }
  clearDataValidations(): Range {
    return this._setAll('validation', undefined);
  }

  // ---- clearing ----
  clearContent(): Range {
    for (const attr of CONTENT_ATTRS) this._setAll(attr, undefined);
    return this;
  }
  clearFormat(): Range {
    for (const attr of STYLE_ATTRS) if (attr !== 'validation') this._setAll(attr, undefined);
    return this;
  }
  clearNote(): Range {
    return this._setAll('note', undefined);
  }
  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    commentsOnly?: boolean;
  }): Range {
    const o = options ?? {};
    const any = o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly;
    if (!any || o.contentsOnly) this.clearContent();
    if (!any || o.formatOnly) this.clearFormat();
    if (o.validationsOnly) this.clearDataValidations();
    if (o.commentsOnly) this.clearNote();
    return this;
  }

  // ---- cosmetics ----
  getBackgrounds(): string[][] {
    return this._style<string>('background');
  }
  getBackground(): string {
    return this._style<string>('background')[0][0];
  }
  setBackground(color: string | null): Range {
    return this._setAll('background', color ?? undefined);
  }
  setBackgrounds(colors: unknown): Range {
    return this._setEach('background', colors, 'setBackgrounds', (v) => v ?? undefined);
  }
  getFontWeights(): string[][] {
    return this._style<string>('fontWeight');
  }
  getFontWeight(): string {
    return this._style<string>('fontWeight')[0][0];
  }
  setFontWeight(weight: string | null): Range {
    return this._setAll('fontWeight', weight ?? undefined);
  }
  setFontWeights(weights: unknown): Range {
    return this._setEach('fontWeight', weights, 'setFontWeights', (v) => v ?? undefined);
  }
  getFontColors(): string[][] {
    return this._style<string>('fontColor');
  }
  getFontColor(): string {
    return this._style<string>('fontColor')[0][0];
  }
  setFontColor(color: string | null): Range {
    return this._setAll('fontColor', color ?? undefined);
  }
  setFontColors(colors: unknown): Range {
    return this._setEach('fontColor', colors, 'setFontColors', (v) => v ?? undefined);
  }
  setFontStyle(style: string | null): Range {
    return this._setAll('fontStyle', style ?? undefined);
  }
  setFontSize(size: number): Range {
    return this._setAll('fontSize', size);
  }
  setFontFamily(family: string | null): Range {
    return this._setAll('fontFamily', family ?? undefined);
  }
  setHorizontalAlignment(alignment: string | null): Range {
    return this._setAll('hAlign', alignment ?? undefined);
  }
  setHorizontalAlignments(alignments: unknown): Range {
    return this._setEach('hAlign', alignments, 'setHorizontalAlignments', (v) => v ?? undefined);
  }
  setVerticalAlignment(alignment: string | null): Range {
    return this._setAll('vAlign', alignment ?? undefined);
  }
  setWrap(wrap: boolean): Range {
    return this._setAll('wrap', Boolean(wrap));
  }
  setWraps(wraps: unknown): Range {
    return this._setEach('wrap', wraps, 'setWraps', Boolean);
  }
  setWrapStrategy(strategy: string): Range {
    return this._setAll('wrap', strategy === 'WRAP');
  }
  getWraps(): boolean[][] {
    return this._style<boolean>('wrap');
  }
  getNote(): string {
    return this._style<string>('note')[0][0];
  }
  getNotes(): string[][] {
    return this._style<string>('note');
  }
  setNote(note: string | null): Range {
    return this._setAll('note', note ? String(note) : undefined);
  }
  setNotes(notes: unknown): Range {
    return this._setEach('note', notes, 'setNotes', (v) => (v ? String(v) : undefined));
  }
  setBorder(): Range {
    return this;
  }
  merge(): Range {
    return this;
  }
  mergeAcross(): Range {
    return this;
  }
  breakApart(): Range {
    return this;
  }
  getMergedRanges(): Range[] {
    return [];
  }

  // ---- structure ----
  protect(): Protection {
    return new Protection(this._ctx, newProtection(this._ctx, this._sheet.id, this._ref()));
  }

  sort(spec: unknown): Range {
    const specs = (Array.isArray(spec) ? spec : [spec]).map((s): SortSpec => {
      if (isInteger(s)) return { column: s, ascending: true };
      if (s && typeof s === 'object' && isInteger((s as SortSpec).column)) {
        return { column: (s as SortSpec).column, ascending: (s as SortSpec).ascending !== false };
      }
      throw signatureError('SpreadsheetApp.Range.sort', [spec]);
    });
    for (const s of specs) {
      if (s.column < this._col || s.column > this._col + this._nc - 1) {
        throw new Error(`The sort column must be within the range being sorted (column ${s.column}).`);
      }
    }
    this._assertEditable();
    const r0 = this._row - 1;
    const keys = specs.map((s) => {
      const col: unknown[] = [];
      for (let i = 0; i < this._nr; i++) col.push(this._sheet.get('value', r0 + i, s.column - 1));
      return col;
    });
    const order = Array.from({ length: this._nr }, (_, i) => i);
    order.sort((a, b) => {
      for (let k = 0; k < specs.length; k++) {
        const d = compareCells(keys[k][a], keys[k][b], specs[k].ascending);
        if (d !== 0) return d;
      }
      return a - b;
    });
    this._sheet.permuteBlock(r0, this._col - 1, this._nr, this._nc, order);
    return this;
  }

  copyTo(destination: unknown, options?: { contentsOnly?: boolean; formatOnly?: boolean }): void {
    if (!(destination instanceof Range)) throw signatureError('SpreadsheetApp.Range.copyTo', [destination]);
    const attrs: readonly Attr[] = options?.contentsOnly
      ? CONTENT_ATTRS
      : options?.formatOnly
        ? STYLE_ATTRS
        : [...CONTENT_ATTRS, ...STYLE_ATTRS, 'note'];
    const dest = destination._sheet;
    if (destination._row + this._nr - 1 > dest.maxRows || destination._col + this._nc - 1 > dest.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    assertEditable(this._ctx, dest.id, {
      row: destination._row,
      column: destination._col,
      numRows: this._nr,
      numColumns: this._nc,
    });
    const snapshot = attrs.map((attr) => this._read(attr, (v) => v));
    attrs.forEach((attr, k) => {
      for (let i = 0; i < this._nr; i++)
        for (let j = 0; j < this._nc; j++)
          dest.set(attr, destination._row - 1 + i, destination._col - 1 + j, snapshot[k][i][j]);
    });
  }

  // ---- rich text ----
  getRichTextValue(): RichTextValue {
    return this.getRichTextValues()[0][0];
  }
  getRichTextValues(): RichTextValue[][] {
    const texts = this.getDisplayValues();
    const links = this._read('link', (v) => (v === undefined ? null : String(v)));
    return texts.map((row, i) => row.map((text, j) => new RichTextValue(this._ctx, text, links[i][j])));
  }
  setRichTextValue(value: unknown): Range {
    if (!(value instanceof RichTextValue)) throw signatureError('SpreadsheetApp.Range.setRichTextValue', [value]);
    return this._writeRichText(() => value);
  }
  setRichTextValues(values: unknown): Range {
    const m = this._checkMatrix(values, 'setRichTextValues');
    for (const row of m)
      for (const v of row)
        if (!(v instanceof RichTextValue)) throw signatureError('SpreadsheetApp.Range.setRichTextValues', [values]);
    return this._writeRichText((i, j) => m[i][j] as RichTextValue);
  }
  /** Rich text is stored as typed text: never parsed into a number or date. */
  private _writeRichText(get: (i: number, j: number) => RichTextValue): this {
    this._assertEditable();
    for (let i = 0; i < this._nr; i++) {
      for (let j = 0; j < this._nc; j++) {
        const v = get(i, j);
        const r = this._row - 1 + i;
        const c = this._col - 1 + j;
        this._sheet.set('value', r, c, v._text === '' ? undefined : v._text);
        this._sheet.set('formula', r, c, undefined);
        this._sheet.set('link', r, c, v._link ?? undefined);
      }
    }
    return this;
  }

  // ---- filters and banding ----
  createFilter(): Filter {
    const sheet = this._live();
    if (sheet.filter) throw new Error("You can't create a filter in a sheet that already has a filter.");
    sheet.filter = this._ref();
    return new Filter(this._ctx, sheet);
  }
  getFilter(): Filter | null {
    const sheet = this._live();
    return sheet.filter && overlaps(sheet.filter, this._ref()) ? new Filter(this._ctx, sheet) : null;
  }
  applyRowBanding(theme?: unknown): Banding {
    const sheet = this._live();
    if (sheet.bandings.some((b) => overlaps(b.ref, this._ref()))) {
      throw new Error('You cannot add alternating colors to a range that already has alternating colors.');
    }
    const id = `banding-${this._ctx.book.nextChartId++}`;
    sheet.bandings.push({ id, ref: this._ref(), theme: theme === undefined ? BandingTheme.LIGHT_GREY : String(theme) });
    return new Banding(this._ctx, sheet, id);
  }
  getBandings(): Banding[] {
    const sheet = this._live();
    return sheet.bandings.filter((b) => overlaps(b.ref, this._ref())).map((b) => new Banding(this._ctx, sheet, b.id));
  }

  createTextFinder(text: unknown): TextFinder {
    return new TextFinder(this._ctx, this._sheet, this._ref(), String(text));
  }
}
instrument(Range, 'Spreadsheet', 'Range');

/** getRange's argument checks, with Apps Script's messages. */
export function checkedRange(
  ctx: Ctx,
  sheet: SheetData,
  row: unknown,
  column: unknown,
  numRows: unknown,
  numColumns: unknown,
  method: string,
): Range {
  if (!isInteger(row) || !isInteger(column) || !isInteger(numRows) || !isInteger(numColumns)) {
    throw signatureError(method, [row, column, numRows, numColumns]);
  }
  if (row < 1) throw new Error('The starting row of the range is too small.');
  if (column < 1) throw new Error('The starting column of the range is too small.');
  if (numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
  if (numColumns < 1) throw new Error('The number of columns in the range must be at least 1.');
  if (row + numRows - 1 > sheet.maxRows || column + numColumns - 1 > sheet.maxColumns) {
    throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return new Range(ctx, sheet, row, column, numRows, numColumns);
}

export function rangeToRef(range: unknown): SheetRef | null {
  return range instanceof Range
    ? {
        sheetId: range._sheet.id,
        ref: { row: range._row, column: range._col, numRows: range._nr, numColumns: range._nc },
      }
    : null;
}

export function rangeFromRef(ctx: Ctx, { sheetId, ref }: SheetRef): Range | null {
  const sheet = ctx.book.sheets.find((s) => s.id === sheetId);
  if (!sheet) return null;
  const numRows = Math.min(ref.numRows, sheet.maxRows - ref.row + 1);
  const numColumns = Math.min(ref.numColumns, sheet.maxColumns - ref.column + 1);
  if (numRows < 1 || numColumns < 1) return null;
  return new Range(ctx, sheet, ref.row, ref.column, numRows, numColumns);
}

declare module './state' {
  interface Classes {
    Range: Range;
  }
}
