/** A1 notation, both ways. */

export interface GridRef {
  /** 1-based. */
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export function columnLetters(column: number): string {
  let s = '';
  let n = column;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function toA1(ref: GridRef): string {
  const start = `${columnLetters(ref.column)}${ref.row}`;
  if (ref.numRows === 1 && ref.numColumns === 1) return start;
  return `${start}:${columnLetters(ref.column + ref.numColumns - 1)}${ref.row + ref.numRows - 1}`;
}

const CELL = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

/** Splits "'My sheet'!A1:B2" into sheet name and range part. */
export function splitSheetName(a1: string): { sheet: string | null; range: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { sheet: null, range: a1 };
  let sheet = a1.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, range: a1.slice(bang + 1) };
}

/**
 * Parses 'B2', 'A1:C3', 'A:C', '2:5' and open-ended 'A2:C' against a sheet's
 * size. Returns null for text that is not a range.
 */
export function parseA1(range: string, maxRows: number, maxColumns: number): GridRef | null {
  const parts = range.trim().split(':');
  if (parts.length > 2 || parts[0] === '') return null;
  const cells = parts.map((p) => CELL.exec(p));
  if (cells.some((c) => !c || (c[1] === '' && c[2] === ''))) return null;
  const [a, b = a] = cells as RegExpExecArray[];
  if (parts.length === 1 && (a[1] === '' || a[2] === '')) return null;
  const c1 = a[1] ? columnNumber(a[1]) : 1;
  const c2 = b[1] ? columnNumber(b[1]) : maxColumns;
  const r1 = a[2] ? Number(a[2]) : 1;
  const r2 = b[2] ? Number(b[2]) : a[2] && !b[1] ? Number(a[2]) : maxRows;
  if (r1 < 1 || r2 < 1) return null;
  const row = Math.min(r1, r2);
  const column = Math.min(c1, c2);
  return { row, column, numRows: Math.abs(r2 - r1) + 1, numColumns: Math.abs(c2 - c1) + 1 };
}
