/**
 * TextFinder: searches what cells display, row by row, as Sheets' find does.
 * Scripts use it to locate a row by ID without reading the whole sheet.
 */
import type { GridRef } from './a1';
import { instrument } from './counter';
import { displayText } from './numberFormat';
import type { SheetData } from './sheetData';
import type { Classes, Ctx } from './state';

export class TextFinder {
  private caseSensitive = false;
  private entireCell = false;
  private regex = false;
  private formulas = false;
  private cursor = -1;

  constructor(
    readonly _ctx: Ctx,
    readonly _sheet: SheetData,
    readonly _area: GridRef,
    readonly _text: string,
  ) {}

  matchCase(b: boolean): TextFinder {
    this.caseSensitive = Boolean(b);
    return this;
  }
  matchEntireCell(b: boolean): TextFinder {
    this.entireCell = Boolean(b);
    return this;
  }
  useRegularExpression(b: boolean): TextFinder {
    this.regex = Boolean(b);
    return this;
  }
  matchFormulaText(b: boolean): TextFinder {
    this.formulas = Boolean(b);
    return this;
  }
  ignoreDiacritics(): TextFinder {
    return this;
  }

  private _matches(): Classes['Range'][] {
    const a = this._area;
    const flags = this.caseSensitive ? '' : 'i';
    const source = this.regex ? this._text : this._text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(this.entireCell ? `^(?:${source})$` : source, flags);
    const tz = this._ctx.book.timeZone;
    const out: Classes['Range'][] = [];
    const lastRow = Math.min(a.row + a.numRows - 1, this._sheet.lastRow());
    for (let r = a.row - 1; r < lastRow; r++) {
      const row = this._sheet.rows[r];
      if (!row) continue;
      for (let c = a.column - 1; c < a.column - 1 + a.numColumns; c++) {
        const formula = row.formula?.[c];
        const text =
          this.formulas && formula !== undefined
            ? String(formula)
            : displayText(row.value?.[c], row.format?.[c] as string | undefined, tz);
        if (text !== '' && re.test(text)) out.push(this._ctx.grid.range(this._sheet, r + 1, c + 1, 1, 1));
      }
    }
    return out;
  }

  findAll(): Classes['Range'][] {
    return this._matches();
  }
  findNext(): Classes['Range'] | null {
    const all = this._matches();
    this.cursor++;
    if (this.cursor >= all.length) {
      this.cursor = all.length;
      return null;
    }
    return all[this.cursor];
  }
  findPrevious(): Classes['Range'] | null {
    const all = this._matches();
    this.cursor--;
    if (this.cursor < 0) {
      this.cursor = -1;
      return null;
    }
    return all[this.cursor] ?? null;
  }
}
instrument(TextFinder, 'Spreadsheet', 'TextFinder');
