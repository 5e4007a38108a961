/**
 * What the data-in-and-out entry points share: a refusal, reading an options
 * object as the page sends it, the two logs, a sheet that must be there.
 */
import { SHEET } from '../domain/schema';
import type { FieldError, LogName } from '../domain/types';
import { SheetLayoutError, WHOLE_SHEET } from '../sheets/table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const LOGS: readonly LogName[] = [SHEET.requests, SHEET.scripts];

export function refuse(field: string, message: string): { ok: false; errors: FieldError[] } {
  return { ok: false, errors: [{ field, message }] };
}

export function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** An optional flag of an options object: absent is false; anything but a boolean is refused. */
export function flag(options: unknown, name: string): boolean | FieldError {
  if (options === undefined || options === null) return false;
  if (!isPlainObject(options)) return { field: 'options', message: 'The options must be an object.' };
  const v = options[name];
  if (v === undefined) return false;
  if (typeof v !== 'boolean') return { field: name, message: `${name} must be true or false.` };
  return v;
}

export function sheetOrThrow(ss: Spreadsheet, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new SheetLayoutError(name, [WHOLE_SHEET]);
  return sheet;
}
