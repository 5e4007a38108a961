/**
 * The reference the add-on is measured against: submitRequest and the daily
 * check written the way most first Apps Script versions are, one getValue or
 * setValue per cell in a loop over the rows. Deliberately naive, kept in
 * bench/ only, never shipped. It runs on the same stand-in and the same
 * workbook, so its call counts come from the same counter.
 *
 * It does the same job in outline (find fee and deadline, check for an open
 * duplicate, issue the next ID, insert the row in filing order; flag late and
 * overdue requests) but none of the add-on's care (no lock, no validation):
 * those would only add calls.
 */
import type { SpreadsheetAppService } from '../emulator/gas';

type App = SpreadsheetAppService;
type Sheet = ReturnType<ReturnType<App['getActiveSpreadsheet']>['getSheets']>[number];

/** Column number (1-based) of each header, read one cell at a time. */
function headerColumns(sheet: Sheet): Record<string, number> {
  const cols: Record<string, number> = {};
  const last = sheet.getLastColumn();
  for (let c = 1; c <= last; c++) cols[String(sheet.getRange(1, c).getValue()).trim()] = c;
  return cols;
}

// Midnight in London is the previous evening in UTC during BST: read the day in London.
const LONDON_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

function iso(v: unknown): string {
  if (Object.prototype.toString.call(v) === '[object Date]') return LONDON_DAY.format(v as Date);
  return String(v ?? '');
}

function filingKey(surname: unknown, forename: unknown): string {
  return `${String(surname).toLowerCase()}\u0000${String(forename).toLowerCase()}`;
}

export function naiveSubmitRequest(app: App, form: Record<string, string | boolean>, today: string): string {
  const ss = app.getActiveSpreadsheet();

  // Fee and deadline: scan the Services sheet cell by cell.
  const services = ss.getSheetByName('Services') as Sheet;
  const sc = headerColumns(services);
  let fee: unknown = '';
  let deadline: unknown = '';
  for (let r = 2; r <= services.getLastRow(); r++) {
    if (
      services.getRange(r, sc.Board).getValue() === form.board &&
      services.getRange(r, sc.Series).getValue() === form.series &&
      services.getRange(r, sc.Service).getValue() === form.service
    ) {
      fee = services.getRange(r, sc.Fee).getValue();
      deadline = services.getRange(r, sc.Deadline).getValue();
    }
  }

  // Next ID, open duplicate and filing position: read each row's cells one by one.
  const log = ss.getSheetByName('Requests') as Sheet;
  const c = headerColumns(log);
  const last = log.getLastRow();
  const key = filingKey(form.surname, form.forename);
  let highest = 0;
  let insertAt = last + 1;
  for (let r = 2; r <= last; r++) {
    const id = String(log.getRange(r, c['Request ID']).getValue());
    const n = Number(id.split('-')[2] ?? 0);
    if (n > highest) highest = n;
    if (
      log.getRange(r, c['Candidate number']).getValue() === form.candidateNumber &&
      log.getRange(r, c.Component).getValue() === form.component &&
      log.getRange(r, c.Service).getValue() === form.service &&
      log.getRange(r, c.Status).getValue() !== 'Closed'
    ) {
      throw new Error('An open request already exists for this paper.');
    }
    const rowKey = filingKey(log.getRange(r, c.Surname).getValue(), log.getRange(r, c.Forename).getValue());
    if (insertAt === last + 1 && rowKey > key) insertAt = r;
  }
  const requestId = `R-${today.slice(0, 4)}-${String(highest + 1).padStart(4, '0')}`;

  // Write the row: one setValue per cell.
  if (insertAt <= last) log.insertRowBefore(insertAt);
  const values: Record<string, unknown> = {
    'Request ID': requestId,
    Received: today,
    'Candidate number': form.candidateNumber,
    Surname: form.surname,
    Forename: form.forename,
    Email: form.email,
    Board: form.board,
    Qualification: form.qualification,
    Subject: form.subject,
    Component: form.component,
    Series: form.series,
    Service: form.service,
    'Requested by': form.requestedBy,
    Consent: form.consent,
    'Consent date': form.consentDate,
    Fee: fee,
    Paid: form.paid,
    Deadline: deadline,
    'Results issued': form.resultsIssued,
    'Original grade': form.originalGrade,
    'Original mark': form.originalMark,
    Status: 'Received',
  };
  for (const [header, value] of Object.entries(values)) {
    if (c[header]) log.getRange(insertAt, c[header]).setValue(value);
  }
  return requestId;
}

/** Flags every open request, row by row, cell by cell, and writes each row's flags back one cell at a time. */
export function naiveDailyCheck(app: App, today: string): number {
  const ss = app.getActiveSpreadsheet();
  let flagged = 0;
  for (const name of ['Requests', 'Access to scripts']) {
    const log = ss.getSheetByName(name) as Sheet;
    const c = headerColumns(log);
    const last = log.getLastRow();
    for (let r = 2; r <= last; r++) {
      const status = log.getRange(r, c.Status).getValue();
      const deadline = iso(log.getRange(r, c.Deadline).getValue());
      const submitted = iso(log.getRange(r, c['Submitted to board']).getValue());
      const acknowledged = iso(log.getRange(r, c.Acknowledged).getValue());
      const outcome = iso(log.getRange(r, c['Outcome received']).getValue());
      const flags: string[] = [];
      if (status !== 'Closed' && status !== 'Withdrawn') {
        if (submitted === '' && deadline !== '' && deadline < today) flags.push('Board deadline passed: not submitted');
        if (submitted !== '' && acknowledged === '' && daysBetween(submitted, today) > 5) {
          flags.push('Not acknowledged by the board');
        }
        if (submitted !== '' && outcome === '' && daysBetween(submitted, today) > 20) flags.push('Outcome overdue');
      }
      if (flags.length) flagged++;
      log.getRange(r, c.Flags).setValue(flags.join('; '));
    }
  }
  return flagged;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86400000);
}
