/**
 * Cell storage for one sheet. Sparse on purpose: a row exists only once
 * something is written to it, and each row keeps one array per attribute, so
 * a 50,000-row log costs arrays of values, not millions of cell objects.
 * Indices here are 0-based; the API layer converts.
 */
import type { GridRef } from './a1';
import { isEmptyValue } from './values';

export const ATTRS = [
  'value',
  'formula',
  'format',
  'validation',
  'background',
  'fontWeight',
  'fontColor',
  'fontStyle',
  'fontSize',
  'fontFamily',
  'hAlign',
  'vAlign',
  'wrap',
  'note',
  'link',
] as const;
export type Attr = (typeof ATTRS)[number];

/** What an inserted row or column copies from its neighbour, as Sheets does. */
export const STYLE_ATTRS: readonly Attr[] = ATTRS.filter(
  (a) => a !== 'value' && a !== 'formula' && a !== 'note' && a !== 'link',
);

/** What a cell holds, as opposed to how it looks. */
export const CONTENT_ATTRS: readonly Attr[] = ['value', 'formula', 'link'];

export type Row = Partial<Record<Attr, unknown[]>>;

export interface ConditionalRuleData {
  ranges: GridRef[];
  criteria: string;
  args: unknown[];
  format: { background?: string | null; fontColor?: string | null; bold?: boolean | null; italic?: boolean | null };
}

export interface ChartData {
  id: string;
  type: string;
  ranges: GridRef[];
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
  hidden: string;
}

export class SheetData {
  rows: (Row | undefined)[] = [];
  maxRows = 1000;
  maxColumns = 26;
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  tabColor: string | null = null;
  columnWidths: (number | undefined)[] = [];
  conditionalRules: ConditionalRuleData[] = [];
  charts: ChartData[] = [];
  filter: GridRef | null = null;
  bandings: { id: string; ref: GridRef; theme: string }[] = [];
  private extentCache: { lastRow: number; lastColumn: number } | null = null;

  constructor(
    public id: number,
    public name: string,
  ) {}

  get(attr: Attr, r: number, c: number): unknown {
    return this.rows[r]?.[attr]?.[c];
  }

  /** The attribute array of a row, made on first write. */
  rowArray(attr: Attr, r: number): unknown[] {
    let row = this.rows[r];
    if (!row) row = this.rows[r] = {};
    let arr = row[attr];
    if (!arr) arr = row[attr] = [];
    return arr;
  }

  set(attr: Attr, r: number, c: number, v: unknown): void {
    if (v === undefined) {
      const arr = this.rows[r]?.[attr];
      if (arr && c < arr.length) arr[c] = undefined;
    } else this.rowArray(attr, r)[c] = v;
    if (attr === 'value' || attr === 'formula') this.extentCache = null;
  }

  contentChanged(): void {
    this.extentCache = null;
  }

  private rowHasContent(r: number): number {
    const row = this.rows[r];
    if (!row) return 0;
    let last = 0;
    for (const attr of ['value', 'formula'] as const) {
      const arr = row[attr];
      if (!arr) continue;
      for (let c = arr.length - 1; c >= last; c--) {
        if (!isEmptyValue(arr[c])) {
          last = c + 1;
          break;
        }
      }
    }
    return last;
  }

  private extent(): { lastRow: number; lastColumn: number } {
    if (this.extentCache) return this.extentCache;
    this.extentCache = { lastRow: -1, lastColumn: -1 };
    return this.extentCache;
  }

  /** Scans up from the bottom: cheap after each appendRow, even on a long log. */
  lastRow(): number {
    const e = this.extent();
    if (e.lastRow < 0) {
      e.lastRow = 0;
      for (let r = this.rows.length - 1; r >= 0; r--) {
        if (this.rowHasContent(r) > 0) {
          e.lastRow = r + 1;
          break;
        }
      }
    }
    return e.lastRow;
  }

  lastColumn(): number {
    const e = this.extent();
    if (e.lastColumn < 0) {
      e.lastColumn = 0;
      for (let r = 0; r < this.rows.length; r++) e.lastColumn = Math.max(e.lastColumn, this.rowHasContent(r));
    }
    return e.lastColumn;
  }

  insertRows(at: number, n: number, inheritFrom: number | null): void {
    const source = inheritFrom === null ? undefined : this.rows[inheritFrom];
    const fresh: (Row | undefined)[] = new Array(n);
    if (source) {
      for (let i = 0; i < n; i++) {
        const row: Row = {};
        for (const attr of STYLE_ATTRS) if (source[attr]) row[attr] = source[attr].slice();
        fresh[i] = row;
      }
    }
    if (this.rows.length < at) this.rows.length = at;
    this.rows = this.rows.slice(0, at).concat(fresh, this.rows.slice(at));
    this.maxRows += n;
    this.extentCache = null;
  }

  deleteRows(at: number, n: number): void {
    if (this.rows.length > at) this.rows.splice(at, n);
    this.maxRows -= n;
    this.extentCache = null;
  }

  insertColumns(at: number, n: number, inheritFrom: number | null): void {
    for (const row of this.rows) {
      if (!row) continue;
      for (const attr of ATTRS) {
        const arr = row[attr];
        if (!arr || arr.length <= at) {
          if (arr && inheritFrom !== null && STYLE_ATTRS.includes(attr) && arr[inheritFrom] !== undefined) {
            for (let i = 0; i < n; i++) arr[at + i] = arr[inheritFrom];
          }
          continue;
        }
        const inherited = inheritFrom !== null && STYLE_ATTRS.includes(attr) ? arr[inheritFrom] : undefined;
        arr.splice(at, 0, ...new Array<unknown>(n).fill(inherited));
      }
    }
    if (this.columnWidths.length > at) this.columnWidths.splice(at, 0, ...new Array<undefined>(n));
    this.maxColumns += n;
    this.extentCache = null;
  }

  deleteColumns(at: number, n: number): void {
    for (const row of this.rows) {
      if (!row) continue;
      for (const attr of ATTRS) {
        const arr = row[attr];
        if (arr && arr.length > at) arr.splice(at, n);
      }
    }
    if (this.columnWidths.length > at) this.columnWidths.splice(at, n);
    this.maxColumns -= n;
    this.extentCache = null;
  }

  /** Moves whole cells (value and style) of a block so that new row i holds old row order[i]. */
  permuteBlock(r0: number, c0: number, numRows: number, numColumns: number, order: number[]): void {
    for (const attr of ATTRS) {
      const before: unknown[][] = [];
      let any = false;
      for (let i = 0; i < numRows; i++) {
        const arr = this.rows[r0 + i]?.[attr];
        const slice = arr ? arr.slice(c0, c0 + numColumns) : [];
        if (slice.some((v) => v !== undefined)) any = true;
        before.push(slice);
      }
      if (!any) continue;
      for (let i = 0; i < numRows; i++) {
        const src = before[order[i]];
        const arr = this.rowArray(attr, r0 + i);
        for (let c = 0; c < numColumns; c++) arr[c0 + c] = src[c];
      }
    }
    this.extentCache = null;
  }
}

/**
 * Keeps a stored range (protection, conditional format, chart) pointing at the
 * same cells after rows or columns are inserted (delta > 0) or deleted
 * (delta < 0) at 1-based index `at`. Returns null when every cell was deleted.
 * Rows inserted inside a range widen it; rows inserted at or after the row
 * below its end, and rows appendRow adds, are outside it, as a conditional
 * format's range stays in Sheets (no Google page promises more, so a test
 * relying on a rule to reach new rows at the bottom fails here).
 */
export function shiftRef(ref: GridRef, axis: 'row' | 'column', at: number, delta: number): GridRef | null {
  const startKey = axis;
  const sizeKey = axis === 'row' ? 'numRows' : 'numColumns';
  const start = ref[startKey];
  const size = ref[sizeKey];
  const out = { ...ref };
  if (delta > 0) {
    if (start >= at) out[startKey] = start + delta;
    else if (start + size - 1 >= at) out[sizeKey] = size + delta;
    return out;
  }
  const n = -delta;
  const end = start + size - 1;
  const delEnd = at + n - 1;
  const overlap = Math.max(0, Math.min(end, delEnd) - Math.max(start, at) + 1);
  if (overlap === size) return null;
  if (start > delEnd) out[startKey] = start - n;
  else if (start >= at) out[startKey] = at;
  out[sizeKey] = size - overlap;
  return out;
}
