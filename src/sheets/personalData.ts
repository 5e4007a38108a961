/**
 * Rows of the add-on's sheets as plain JSON objects keyed by header, every
 * column included (the officer's own too): what a subject access export must
 * show. Dates become 'YYYY-MM-DD', or 'YYYY-MM-DD HH:mm' when they hold a
 * time, in the spreadsheet's time zone, without a service call per cell.
 */
import type { Cell, Table } from './table';
import { isDateValue } from './cells';
import type { JsonCell } from '../shared/answers';

type Format = (d: Date) => string;
const formatters = new Map<string, Format>();

function formatterFor(timeZone: string): Format {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  let format: Format;
  try {
    const intl = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    format = (d) => {
      const p: Record<string, string> = {};
      for (const part of intl.formatToParts(d)) p[part.type] = part.value;
      return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
    };
  } catch {
    format = (d) => Utilities.formatDate(d, timeZone, 'yyyy-MM-dd HH:mm');
  }
  formatters.set(timeZone, format);
  return format;
}

export function cellToJson(v: Cell | null | undefined, timeZone: string): JsonCell {
  if (v === null || v === undefined) return '';
  if (isDateValue(v)) {
    const text = formatterFor(timeZone)(v);
    return text.endsWith(' 00:00') ? text.slice(0, 10) : text;
  }
  return v;
}

/** A data row as an object; a column with no header is named by its position. */
export function rowObject(table: Table, row: readonly Cell[], timeZone: string): Record<string, JsonCell> {
  const out: Record<string, JsonCell> = {};
  const width = Math.max(table.headers.length, row.length);
  for (let c = 0; c < width; c++) {
    const header = table.headers[c] || `Column ${c + 1}`;
    const value = cellToJson(row[c], timeZone);
    if (table.headers[c] || value !== '') out[header] = value;
  }
  return out;
}
