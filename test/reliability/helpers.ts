/**
 * Tools for the reliability suite: snapshots to prove "nothing was written",
 * a log read cell by cell to prove "nothing went into the wrong column", the
 * officer's own edits (insert, reorder, rename, sort), and a bundle whose
 * service calls can be interrupted or made to fail at any point.
 */
import type { GasEnvironment, SerializedWorkbook, Sheet } from '../../emulator/gas';
import { createGasEnvironment } from '../../emulator/gas';
import { loadBundle } from '../../emulator/gas/loadBundle';
import { headerKey, LOG_COLUMNS } from '../../src/domain/schema';
import { DIST, distHtmlFiles, withBundle, type AddOn } from '../integration/harness';
import { hookedGlobals } from '../../emulator/gas/hooks';
import { REQUESTED_BY_CELL, SERVICE_CELL } from '../fixtures/logCells';

/** The workbook, properties, triggers and outbox, without the clock (waiting for a lock moves it). */
export function state(env: GasEnvironment): string {
  const { clock: _clock, ...rest } = env.serialize();
  return JSON.stringify(rest);
}

/** A fresh environment and bundle from a snapshot, at the snapshot's clock. */
export function restore(workbook: SerializedWorkbook, mailQuota = 100): AddOn {
  const env = createGasEnvironment({ workbook, htmlFiles: distHtmlFiles(), mailQuota });
  return withBundle(env);
}

/** A cell as a comparable plain value: dates as their London calendar day. */
export function plain(v: unknown): unknown {
  if (Object.prototype.toString.call(v) === '[object Date]') {
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(v as Date);
  }
  return v;
}

export interface LogView {
  headers: string[];
  /** Non-blank data rows as header -> plain value, in sheet order. */
  rows: Record<string, unknown>[];
  /** Sheet row number of each entry of `rows`. */
  rowNumbers: number[];
  /** The formula of every non-blank cell that has one, as "row:header". */
  formulas: string[];
}

/** Every cell of a sheet, read the way a person would check it: by header. */
export function readLogView(env: GasEnvironment, name: string): LogView {
  const sheet = env.spreadsheet.getSheetByName(name) as Sheet;
  const range = sheet.getDataRange();
  const values = range.getValues();
  const formulas = range.getFormulas();
  const headers = values[0].map((h) => String(h));
  const view: LogView = { headers, rows: [], rowNumbers: [], formulas: [] };
  values.slice(1).forEach((r, i) => {
    if (r.every((c) => c === '')) return;
    const record: Record<string, unknown> = {};
    headers.forEach((h, c) => {
      // Headers an officer blanked are keyed by position so their cells are still compared.
      const formula = formulas[i + 1][c];
      record[h === '' ? `(column ${c + 1})` : h] = formula !== '' ? formula : plain(r[c]);
      if (formula !== '') view.formulas.push(`${i + 2}:${h}`);
    });
    view.rows.push(record);
    view.rowNumbers.push(i + 2);
  });
  return view;
}

/** Rows keyed by their request ID (under whichever header holds it). */
export function byId(view: LogView, idHeader = 'Request ID'): Map<string, Record<string, unknown>> {
  return new Map(view.rows.map((r) => [String(r[idHeader]), r]));
}

/** The column of a header in row 1 (1-based), found as the add-on finds it. */
export function columnOf(sheet: Sheet, header: string): number {
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  const i = headers.findIndex((h) => String(h).trim().toLowerCase() === header.toLowerCase());
  if (i < 0) throw new Error(`No header ${header}`);
  return i + 1;
}

/**
 * The officer drags columns into a new order: every cell (value, number
 * format and drop-down) of each column moves with its header, down to the
 * last row of the sheet. `order[i]` is the old 1-based column that becomes
 * column i + 1.
 */
export function reorderColumns(sheet: Sheet, order: number[]): void {
  const range = sheet.getRange(1, 1, sheet.getMaxRows(), order.length);
  const values = range.getValues();
  const formats = range.getNumberFormats();
  const rules = range.getDataValidations();
  const pick = <T>(m: T[][]) => m.map((r) => order.map((c) => r[c - 1]));
  range.clearDataValidations();
  range.setNumberFormats(pick(formats));
  range.setValues(pick(values));
  range.setDataValidations(pick(rules));
}

/** The request a form should become, cell by cell, as the log shows it (dates as ISO days). */
export function expectedRow(
  form: Record<string, unknown>,
  extra: { requestId: string; received: string; fee: number | ''; deadline: string; notes?: string },
): Record<string, unknown> {
  const expected: Record<string, unknown> = {};
  for (const c of LOG_COLUMNS) expected[c.header] = '';
  Object.assign(expected, {
    'Request ID': extra.requestId,
    Received: extra.received,
    'Candidate number': form.candidateNumber,
    Surname: form.surname,
    Forename: form.forename,
    Email: form.email,
    UCI: form.uci ?? '',
    Board: form.board,
    Qualification: form.qualification,
    Subject: form.subject,
    Component: form.component,
    Series: form.series,
    Service: SERVICE_CELL[String(form.service)] ?? form.service,
    'Requested by': REQUESTED_BY_CELL[String(form.requestedBy)] ?? form.requestedBy,
    'Teacher email': form.teacherEmail ?? '',
    Consent: form.consent,
    'Consent date': form.consentDate,
    // The sidebar's consent is the signed paper form the officer holds.
    'Consent source': form.consent ? 'paper form' : '',
    Fee: extra.fee,
    Paid: form.paid,
    Deadline: extra.deadline,
    'Results issued': form.resultsIssued,
    'Related request': form.relatedRequestId ?? '',
    'Priority reason': form.reason ?? '',
    Indicator: form.indicator ?? '',
    'Original grade': form.originalGrade,
    'Original mark': form.originalMark,
    Status: 'Received',
    Notes: extra.notes ?? form.notes ?? '',
  });
  return expected;
}

/**
 * The add-on's headers of a row, compared with what was expected: every one
 * of them, so a value in the wrong column fails. Headers the sheet lacks
 * (renamed or deleted) are left out.
 */
export function addOnCells(row: Record<string, unknown>, headers: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of LOG_COLUMNS) {
    const h = headers.find((x) => headerKey(x) === headerKey(c.header));
    if (h !== undefined) out[c.header] = h in row ? row[h] : row[c.header];
  }
  return out;
}

export type CallHook = (call: { service: string; method: string; n: number; args: readonly unknown[] }) => void;

/**
 * A copy of the bundle on `env` whose every Spreadsheet, Mail, Lock and
 * Properties call first goes through `hook` (numbered from 1). The hook can
 * throw (a service failing mid-run) or run another execution (two officers
 * interleaving). The underlying calls are still counted by the stand-in.
 */
export function hookedBundle(env: GasEnvironment, hook: CallHook): AddOn {
  let n = 0;
  const globals = hookedGlobals(env.globals, ({ service, className, method, args }) =>
    hook({ service, method: `${className}.${method}`, n: ++n, args }),
  );
  const bundle = loadBundle(DIST, { ...env, globals });
  const json = (x: unknown) => (x === undefined ? undefined : JSON.parse(JSON.stringify(x)));
  return {
    env,
    bundle,
    run: (name: string, ...args: unknown[]) => {
      const fn = bundle[name];
      if (typeof fn !== 'function') throw new Error(`The bundle has no global function ${name}`);
      return json(fn(...(json(args) as unknown[])));
    },
  };
}

/** Throws like a failing Apps Script service at the nth call through the hooked bundle. */
export function failAtCall(nth: number, message = 'Service Spreadsheets failed while accessing document.'): CallHook {
  return ({ n }) => {
    if (n === nth) throw new Error(message);
  };
}

/** Counts the calls a hooked run makes, to choose where "half way" is. */
export function countCalls(): { hook: CallHook; methods: string[] } {
  const methods: string[] = [];
  return { hook: ({ method }) => void methods.push(method), methods };
}
