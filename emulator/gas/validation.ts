/**
 * Data validation rules. A rule is stored per cell as plain data; the
 * DataValidation objects the script sees are made fresh on each read, as in
 * Apps Script. A rule set to reject input (setAllowInvalid(false)) makes a
 * write of a bad value throw, as Sheets does for scripts too.
 */
import { columnLetters } from './a1';
import { instrument } from './counter';
import { isEmptyValue, isDateValue } from './values';
import type { Ctx, SheetRef, ValidationData } from './state';

export const DataValidationCriteria = {
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
  CHECKBOX: 'CHECKBOX',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
  DATE_AFTER: 'DATE_AFTER',
  DATE_BEFORE: 'DATE_BEFORE',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  TEXT_IS_VALID_EMAIL: 'TEXT_IS_VALID_EMAIL',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
} as const;

/** Range arguments are remembered by position; the rest are copied plain. */
export function isSheetRef(v: unknown): v is SheetRef {
  return typeof v === 'object' && v !== null && 'sheetId' in v && 'ref' in v;
}

export class DataValidationBuilder {
  private data: ValidationData;

  constructor(
    readonly _ctx: Ctx,
    from?: ValidationData,
  ) {
    this.data = from
      ? { ...from, args: from.args.slice() }
      : { criteria: '', args: [], allowInvalid: true, helpText: '' };
  }

  private _set(criteria: string, args: unknown[]): this {
    this.data.criteria = criteria;
    this.data.args = args;
    return this;
  }

  requireValueInList(values: unknown, showDropdown?: boolean): DataValidationBuilder {
    if (!Array.isArray(values))
      throw new Error(
        "The parameters don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.",
      );
    return this._set('VALUE_IN_LIST', [values.map(String), showDropdown !== false]);
  }
  requireValueInRange(range: unknown, showDropdown?: boolean): DataValidationBuilder {
    const ref = this._ctx.grid.toRef(range);
    if (!ref)
      throw new Error(
        "The parameters don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInRange.",
      );
    return this._set('VALUE_IN_RANGE', [ref, showDropdown !== false]);
  }
  requireCheckbox(checked?: unknown, unchecked?: unknown): DataValidationBuilder {
    const args = checked === undefined ? [] : unchecked === undefined ? [checked] : [checked, unchecked];
    return this._set('CHECKBOX', args);
  }
  requireDate(): DataValidationBuilder {
    return this._set('DATE_IS_VALID_DATE', []);
  }
  requireNumberBetween(start: number, end: number): DataValidationBuilder {
    return this._set('NUMBER_BETWEEN', [start, end]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): DataValidationBuilder {
    return this._set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireTextIsEmail(): DataValidationBuilder {
    return this._set('TEXT_IS_VALID_EMAIL', []);
  }
  requireFormulaSatisfied(formula: string): DataValidationBuilder {
    return this._set('CUSTOM_FORMULA', [String(formula)]);
  }
  setAllowInvalid(allow: boolean): DataValidationBuilder {
    this.data.allowInvalid = Boolean(allow);
    return this;
  }
  setHelpText(text: string): DataValidationBuilder {
    this.data.helpText = String(text);
    return this;
  }
  getAllowInvalid(): boolean {
    return this.data.allowInvalid;
  }
  getCriteriaType(): string {
    return this.data.criteria;
  }
  getHelpText(): string | null {
    return this.data.helpText || null;
  }
  build(): DataValidation {
    if (!this.data.criteria) throw new Error('You must set a criteria for the data validation rule.');
    return new DataValidation(
      this._ctx,
      Object.freeze({ ...this.data, args: Object.freeze(this.data.args.slice()) }) as ValidationData,
    );
  }
}
instrument(DataValidationBuilder, 'Spreadsheet', 'DataValidationBuilder');

export class DataValidation {
  constructor(
    readonly _ctx: Ctx,
    readonly _data: ValidationData,
  ) {}

  getCriteriaType(): string {
    return this._data.criteria;
  }
  getCriteriaValues(): unknown[] {
    return this._data.args.map((a) => (isSheetRef(a) ? this._ctx.grid.fromRef(a) : Array.isArray(a) ? a.slice() : a));
  }
  getAllowInvalid(): boolean {
    return this._data.allowInvalid;
  }
  getHelpText(): string | null {
    return this._data.helpText || null;
  }
  copy(): DataValidationBuilder {
    return new DataValidationBuilder(this._ctx, this._data);
  }
}
instrument(DataValidation, 'Spreadsheet', 'DataValidation');

function rangeValues(ctx: Ctx, ref: SheetRef): unknown[] {
  const range = ctx.grid.fromRef(ref);
  if (!range) return [];
  const sheet = ctx.book.sheets.find((s) => s.id === ref.sheetId);
  if (!sheet) return [];
  const out: unknown[] = [];
  for (let r = 0; r < ref.ref.numRows; r++)
    for (let c = 0; c < ref.ref.numColumns; c++)
      out.push(sheet.get('value', ref.ref.row - 1 + r, ref.ref.column - 1 + c));
  return out;
}

/** Whether a stored value satisfies a rule. Blank always passes, as in Sheets. */
export function satisfies(ctx: Ctx, rule: ValidationData, value: unknown): boolean {
  if (isEmptyValue(value)) return true;
  const text = isDateValue(value) ? '' : String(typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : value);
  const [a, b] = rule.args;
  switch (rule.criteria) {
    case 'VALUE_IN_LIST':
      return (a as string[]).some((item) => item === text);
    case 'VALUE_IN_RANGE':
      return rangeValues(ctx, a as SheetRef).some((v) => !isEmptyValue(v) && String(v) === text);
    case 'CHECKBOX':
      if (rule.args.length === 0) return typeof value === 'boolean';
      return rule.args.some((v) => v === value || String(v) === text);
    case 'DATE_IS_VALID_DATE':
      return isDateValue(value);
    case 'NUMBER_BETWEEN':
      return typeof value === 'number' && value >= (a as number) && value <= (b as number);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return typeof value === 'number' && value >= (a as number);
    case 'TEXT_IS_VALID_EMAIL':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
    default:
      // Formulas are not evaluated, so a custom-formula rule cannot be checked.
      return true;
  }
}

export function validationError(row: number, column: number): Error {
  return new Error(
    `The data you entered in cell ${columnLetters(column)}${row} violates the data validation rules set on this cell.`,
  );
}
