/**
 * Basic filters and alternating colours (banding): both are per-range
 * objects that Sheets refuses to stack, which is what trips a setUp that runs
 * twice.
 */
import type { GridRef } from './a1';
import { instrument } from './counter';
import type { SheetData } from './sheetData';
import type { Classes, Ctx } from './state';

export const BandingTheme = {
  LIGHT_GREY: 'LIGHT_GREY',
  CYAN: 'CYAN',
  GREEN: 'GREEN',
  YELLOW: 'YELLOW',
  ORANGE: 'ORANGE',
  BLUE: 'BLUE',
  TEAL: 'TEAL',
  GREY: 'GREY',
  BROWN: 'BROWN',
  LIGHT_GREEN: 'LIGHT_GREEN',
  INDIGO: 'INDIGO',
  PINK: 'PINK',
} as const;

export function overlaps(a: GridRef, b: GridRef): boolean {
  return (
    a.row <= b.row + b.numRows - 1 &&
    b.row <= a.row + a.numRows - 1 &&
    a.column <= b.column + b.numColumns - 1 &&
    b.column <= a.column + a.numColumns - 1
  );
}

export class Filter {
  constructor(
    readonly _ctx: Ctx,
    readonly _sheet: SheetData,
  ) {}

  private _ref(): GridRef {
    if (!this._sheet.filter) throw new Error('The filter has been removed.');
    return this._sheet.filter;
  }

  getRange(): Classes['Range'] | null {
    return this._ctx.grid.fromRef({ sheetId: this._sheet.id, ref: this._ref() });
  }
  remove(): void {
    this._sheet.filter = null;
  }
  /** Sorts the rows under the filter's header row by one column. */
  sort(columnPosition: number, ascending: boolean): Filter {
    const ref = this._ref();
    if (ref.numRows > 1) {
      const body = this._ctx.grid.fromRef({
        sheetId: this._sheet.id,
        ref: { ...ref, row: ref.row + 1, numRows: ref.numRows - 1 },
      });
      body?.sort({ column: columnPosition, ascending: ascending !== false });
    }
    return this;
  }
  setColumnFilterCriteria(): Filter {
    this._ref();
    return this;
  }
  removeColumnFilterCriteria(): Filter {
    this._ref();
    return this;
  }
  getColumnFilterCriteria(): null {
    this._ref();
    return null;
  }
}
instrument(Filter, 'Spreadsheet', 'Filter');

export class Banding {
  constructor(
    readonly _ctx: Ctx,
    readonly _sheet: SheetData,
    readonly _id: string,
  ) {}

  private _data(): SheetData['bandings'][number] {
    const b = this._sheet.bandings.find((x) => x.id === this._id);
    if (!b) throw new Error('The banding has been removed.');
    return b;
  }

  getRange(): Classes['Range'] | null {
    return this._ctx.grid.fromRef({ sheetId: this._sheet.id, ref: this._data().ref });
  }
  setRange(range: unknown): Banding {
    const ref = this._ctx.grid.toRef(range);
    if (!ref || ref.sheetId !== this._sheet.id) throw new Error('Invalid argument: range');
    this._data().ref = { ...ref.ref };
    return this;
  }
  getTheme(): string {
    return this._data().theme;
  }
  setHeaderRowColor(): Banding {
    this._data();
    return this;
  }
  setFirstRowColor(): Banding {
    this._data();
    return this;
  }
  setSecondRowColor(): Banding {
    this._data();
    return this;
  }
  setFooterRowColor(): Banding {
    this._data();
    return this;
  }
  remove(): void {
    this._sheet.bandings = this._sheet.bandings.filter((x) => x.id !== this._id);
  }
}
instrument(Banding, 'Spreadsheet', 'Banding');
