/**
 * How Sheets turns what a script writes into what a cell holds. A string
 * written with setValues is read as if a person typed it (locale en_GB), so
 * "0042" becomes 42 and "- see notes" becomes a broken formula, unless the
 * cell is formatted as plain text ('@'). Code that forgets this breaks in real
 * Sheets; this module makes it break here too.
 */
import { MONTHS, RealDate, isRealDate, wallTime, wallToInstant } from './dates';

export type CellValue = string | number | boolean | Date;

export const MAX_CELL_CHARS = 50_000;
export const FORMULA_ERROR = '#ERROR!';

/** Values arrive from another vm realm, where instanceof Date is false. */
export function isDateValue(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

export interface Parsed {
  value: CellValue;
  formula?: string;
  /** The number format Sheets applies when it recognises a typed value, e.g. '0%' for "50%". */
  impliedFormat?: string;
}

export interface ParseContext {
  timeZone: string;
  nowMs: number;
}

const NUMBER = /^([+-])?(£)?([+-])?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?(%)?$/;
const TIME = '(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?';
const ISO_DATE = new RegExp(`^(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})${TIME}$`);
const UK_DATE = new RegExp(`^(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})${TIME}$`);
const DAY_MONTH = /^(\d{1,2})\/(\d{1,2})$/;
const MONTH_YEAR = /^([A-Za-z]{3,9})\.? (\d{4})$/;
const DAY_MONTH_YEAR = /^(\d{1,2}) ([A-Za-z]{3,9})\.?,? (\d{4})$/;

function parseNumber(s: string): Parsed | null {
  const m = NUMBER.exec(s);
  if (!m) return null;
  const [, sign1, pound, sign2, digits, exponent, percent] = m;
  if (sign1 && sign2) return null;
  if (pound && (percent || exponent)) return null;
  let n = Number(digits.replace(/,/g, '')) * (exponent ? Math.pow(10, Number(exponent)) : 1);
  if (sign1 === '-' || sign2 === '-') n = -n;
  if (percent) {
    const decimals = digits.includes('.') ? '.00' : '';
    return { value: n / 100, impliedFormat: `0${decimals}%` };
  }
  if (pound) return { value: n, impliedFormat: '£#,##0.00' };
  return { value: n };
}

function monthIndex(name: string): number {
  const lower = name.toLowerCase();
  if (lower.length < 3) return -1;
  return MONTHS.findIndex(
    (m) => m.toLowerCase() === lower || (lower.length === 3 && m.toLowerCase().startsWith(lower)),
  );
}

function dateParsed(
  ctx: ParseContext,
  year: number,
  month: number,
  day: number,
  time: (string | undefined)[],
  dateFormat: string,
): Parsed | null {
  if (!isRealDate(year, month, day)) return null;
  const [h, mi, s] = time;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let format = dateFormat;
  if (h !== undefined) {
    hour = Number(h);
    minute = Number(mi);
    second = Number(s ?? 0);
    if (hour > 23 || minute > 59 || second > 59) return null;
    format += s === undefined ? ' hh:mm' : ' hh:mm:ss';
  }
  const ms = wallToInstant(year, month - 1, day, hour, minute, second, 0, ctx.timeZone);
  return { value: new RealDate(ms), impliedFormat: format };
}

function parseDate(s: string, ctx: ParseContext): Parsed | null {
  let m = ISO_DATE.exec(s);
  if (m) return dateParsed(ctx, +m[1], +m[2], +m[3], [m[4], m[5], m[6]], 'yyyy-mm-dd');
  m = UK_DATE.exec(s);
  if (m) {
    // en_GB reads two-digit years 00-29 as 2000s and 30-99 as 1900s.
    const y = m[3].length === 2 ? (+m[3] < 30 ? 2000 + +m[3] : 1900 + +m[3]) : +m[3];
    return dateParsed(ctx, y, +m[2], +m[1], [m[4], m[5], m[6]], 'dd/mm/yyyy');
  }
  m = DAY_MONTH.exec(s);
  if (m) return dateParsed(ctx, wallTime(ctx.nowMs, ctx.timeZone).year, +m[2], +m[1], [], 'dd/mm');
  m = MONTH_YEAR.exec(s);
  if (m) {
    const month = monthIndex(m[1]);
    return month < 0 ? null : dateParsed(ctx, +m[2], month + 1, 1, [], 'mmmm yyyy');
  }
  m = DAY_MONTH_YEAR.exec(s);
  if (m) {
    const month = monthIndex(m[2]);
    return month < 0 ? null : dateParsed(ctx, +m[3], month + 1, +m[1], [], 'd mmmm yyyy');
  }
  return null;
}

/** A string as Sheets reads it when typed into a cell that is not plain text. */
export function parseTyped(s: string, ctx: ParseContext): Parsed {
  if (s === '') return { value: '' };
  const first = s[0];
  if (first === "'") return { value: s.slice(1) };
  if (first === '=' && s.length > 1) return { value: FORMULA_ERROR, formula: s };
  const trimmed = s.trim();
  // Cheap look at the first character first: most text cannot be a number or date.
  const c = trimmed.charCodeAt(0);
  const digit = c >= 48 && c <= 57;
  if (digit || c === 43 || c === 45 || c === 46 || c === 163) {
    const number = parseNumber(trimmed);
    if (number) return number;
  }
  if (trimmed.length === 4 || trimmed.length === 5) {
    if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  }
  if (digit || (trimmed.length <= 16 && trimmed.includes(' '))) {
    const date = parseDate(trimmed, ctx);
    if (date) return date;
  }
  // Sheets takes a leading + or - as the start of a formula: "- see notes" is #ERROR!.
  if ((first === '+' || first === '-') && s.length > 1) return { value: FORMULA_ERROR, formula: `=${s}` };
  return { value: s };
}

function tooLong(): Error {
  return new Error(`Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
}

/** A value written by setValue/setValues/appendRow into a cell with number format `format`. */
export function parseInput(input: unknown, format: string | undefined, ctx: ParseContext): Parsed {
  if (input === null || input === undefined) return { value: '' };
  switch (typeof input) {
    case 'number':
      return { value: Number.isFinite(input) ? input : '#NUM!' };
    case 'boolean':
      return { value: input };
    case 'string':
      if (input.length > MAX_CELL_CHARS) throw tooLong();
      return format === '@' ? { value: input } : parseTyped(input, ctx);
  }
  if (isDateValue(input)) {
    const ms = RealDate.prototype.getTime.call(input);
    return { value: Number.isNaN(ms) ? '#VALUE!' : new RealDate(ms) };
  }
  const text = String(input);
  if (text.length > MAX_CELL_CHARS) throw tooLong();
  return format === '@' ? { value: text } : parseTyped(text, ctx);
}

export function isEmptyValue(v: unknown): boolean {
  return v === undefined || v === '' || v === null;
}
