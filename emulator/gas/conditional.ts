/**
 * Conditional format rules: stored, listed and copied, never evaluated
 * (formulas are not computed here). Enough for a script that installs rules
 * and for a view that wants to show what is installed.
 */
import { instrument } from './counter';
import type { ConditionalRuleData } from './sheetData';
import type { Classes, Ctx, SheetRef } from './state';

export const BooleanCriteria = {
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  CELL_EMPTY: 'CELL_EMPTY',
  CELL_NOT_EMPTY: 'CELL_NOT_EMPTY',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  DATE_BEFORE: 'DATE_BEFORE',
  DATE_AFTER: 'DATE_AFTER',
} as const;

function cloneRule(d: ConditionalRuleData): ConditionalRuleData {
  return {
    ranges: d.ranges.map((r) => ({ ...r })),
    criteria: d.criteria,
    args: d.args.slice(),
    format: { ...d.format },
  };
}

export class ConditionalFormatRuleBuilder {
  private data: ConditionalRuleData;
  private sheetIds: number[] = [];

  constructor(
    readonly _ctx: Ctx,
    from?: ConditionalRuleData,
    sheetIds: number[] = [],
  ) {
    this.data = from ? cloneRule(from) : { ranges: [], criteria: '', args: [], format: {} };
    this.sheetIds = sheetIds.slice();
  }

  private _when(criteria: string, args: unknown[]): this {
    this.data.criteria = criteria;
    this.data.args = args;
    return this;
  }

  whenFormulaSatisfied(formula: string): ConditionalFormatRuleBuilder {
    return this._when('CUSTOM_FORMULA', [String(formula)]);
  }
  whenTextContains(text: string): ConditionalFormatRuleBuilder {
    return this._when('TEXT_CONTAINS', [String(text)]);
  }
  whenTextEqualTo(text: string): ConditionalFormatRuleBuilder {
    return this._when('TEXT_EQUAL_TO', [String(text)]);
  }
  whenCellEmpty(): ConditionalFormatRuleBuilder {
    return this._when('CELL_EMPTY', []);
  }
  whenCellNotEmpty(): ConditionalFormatRuleBuilder {
    return this._when('CELL_NOT_EMPTY', []);
  }
  whenNumberGreaterThan(n: number): ConditionalFormatRuleBuilder {
    return this._when('NUMBER_GREATER_THAN', [n]);
  }
  whenNumberLessThan(n: number): ConditionalFormatRuleBuilder {
    return this._when('NUMBER_LESS_THAN', [n]);
  }
  setBackground(color: string | null): ConditionalFormatRuleBuilder {
    this.data.format.background = color;
    return this;
  }
  setFontColor(color: string | null): ConditionalFormatRuleBuilder {
    this.data.format.fontColor = color;
    return this;
  }
  setBold(bold: boolean | null): ConditionalFormatRuleBuilder {
    this.data.format.bold = bold;
    return this;
  }
  setItalic(italic: boolean | null): ConditionalFormatRuleBuilder {
    this.data.format.italic = italic;
    return this;
  }
  setRanges(ranges: unknown): ConditionalFormatRuleBuilder {
    if (!Array.isArray(ranges))
      throw new Error(
        "The parameters don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges.",
      );
    const refs = ranges.map((r) => this._ctx.grid.toRef(r));
    if (refs.some((r) => !r)) throw new Error('Invalid argument: ranges');
    this.data.ranges = refs.map((r) => ({ ...(r as SheetRef).ref }));
    this.sheetIds = refs.map((r) => (r as SheetRef).sheetId);
    return this;
  }
  getRanges(): (Classes['Range'] | null)[] {
    return this.data.ranges.map((ref, i) => this._ctx.grid.fromRef({ sheetId: this.sheetIds[i], ref }));
  }
  build(): ConditionalFormatRule {
    if (!this.data.criteria) throw new Error('Conditional format rule must have a condition.');
    return new ConditionalFormatRule(this._ctx, cloneRule(this.data), this.sheetIds.slice());
  }
}
instrument(ConditionalFormatRuleBuilder, 'Spreadsheet', 'ConditionalFormatRuleBuilder');

export class BooleanCondition {
  constructor(
    readonly _ctx: Ctx,
    readonly _data: ConditionalRuleData,
  ) {}
  getCriteriaType(): string {
    return this._data.criteria;
  }
  getCriteriaValues(): unknown[] {
    return this._data.args.slice();
  }
  getBackground(): string | null {
    return this._data.format.background ?? null;
  }
  getFontColor(): string | null {
    return this._data.format.fontColor ?? null;
  }
  getBold(): boolean | null {
    return this._data.format.bold ?? null;
  }
  getItalic(): boolean | null {
    return this._data.format.italic ?? null;
  }
}
instrument(BooleanCondition, 'Spreadsheet', 'BooleanCondition');

export class ConditionalFormatRule {
  constructor(
    readonly _ctx: Ctx,
    readonly _data: ConditionalRuleData,
    readonly _sheetIds: number[],
  ) {}
  getRanges(): (Classes['Range'] | null)[] {
    return this._data.ranges.map((ref, i) => this._ctx.grid.fromRef({ sheetId: this._sheetIds[i], ref }));
  }
  getBooleanCondition(): BooleanCondition {
    return new BooleanCondition(this._ctx, this._data);
  }
  copy(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this._ctx, this._data, this._sheetIds);
  }
}
instrument(ConditionalFormatRule, 'Spreadsheet', 'ConditionalFormatRule');

export { cloneRule };
