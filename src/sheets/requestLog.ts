/**
 * The two request logs (`Requests`, `Access to scripts`) as typed requests.
 *
 * A log is read with one call and a new request is written with one insert
 * and one write per run of the add-on's columns, at the row that keeps the
 * log in alphabetical order of surname then forename, as the paper file is.
 * Callers hold the document lock around read-then-write.
 */
import { requestedByCellText, requestedByFromCell, serviceCellText, serviceFromCell } from '../domain/logCells';
import { LOG_COLUMNS, REQUIRED_LOG_COLUMNS } from '../domain/schema';
import { sortKey } from '../domain/sortKey';
import {
  MIR_INDICATORS,
  PAID_VALUES,
  STATUSES,
  type LogName,
  type MirIndicator,
  type Paid,
  type PostResultsRequest,
  type ServiceCode,
  type Status,
} from '../domain/types';
import { sheetByName } from './workbook';
import { cellToBoolean, cellToCandidateNumber, cellToIsoDate, cellToMoney, cellToText } from './cells';
import {
  cellAt,
  insertRowAt,
  isBlankRow,
  readTable,
  requireHeaders,
  writeRecords,
  type Cell,
  type Table,
} from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface LoggedRequest extends PostResultsRequest {
  /** Sheet row number when read (changes when rows are inserted or sorted). */
  row: number;
}

export interface Log {
  name: LogName;
  table: Table;
  requests: LoggedRequest[];
}

function oneOf<T extends string>(values: readonly T[], v: string, fallback: T): T {
  const found = values.find((x) => x.toLowerCase() === v.toLowerCase());
  return found ?? fallback;
}

/**
 * `readOnly`: the caller only reads this log (the dashboard's count), so it is read by name, its
 * add-on columns (A to the last of LOG_COLUMNS, as Set up lays them out) without fetching its handle.
 */
export function readLog(ss: Spreadsheet, name: LogName, timeZone: string, options: { readOnly?: boolean } = {}): Log {
  const sheet = () => {
    const found = sheetByName(ss, name);
    if (!found) throw new Error(`The "${name}" sheet is missing. Run Set up sheets from the add-on menu.`);
    return found;
  };
  const table = readTable(
    options.readOnly ? { ss, name, columns: LOG_COLUMNS.length, required: LOG_COLUMNS, sheet } : sheet(),
  );
  requireHeaders(table, REQUIRED_LOG_COLUMNS);
  const requests: LoggedRequest[] = [];
  table.rows.forEach((r, i) => {
    if (isBlankRow(r)) return;
    requests.push(rowToRequest(table, r, name, i + 2, timeZone));
  });
  return { name, table, requests };
}

export function rowToRequest(table: Table, r: Cell[], name: LogName, row: number, timeZone: string): LoggedRequest {
  const get = (header: string) => cellAt(table, r, header);
  const text = (header: string) => cellToText(get(header), timeZone);
  const date = (header: string) => cellToIsoDate(get(header), timeZone);
  const service = serviceFromCell(text('Service'));
  return {
    row,
    sheet: name,
    requestId: text('Request ID'),
    received: date('Received'),
    candidateNumber: cellToCandidateNumber(get('Candidate number')),
    surname: text('Surname'),
    forename: text('Forename'),
    email: text('Email'),
    uci: text('UCI'),
    board: text('Board'),
    qualification: text('Qualification'),
    subject: text('Subject'),
    component: text('Component'),
    series: text('Series'),
    // The cell holds the name or the code, in any case; text that is neither is kept as typed and flagged by the daily check.
    service: service as ServiceCode,
    requestedBy: requestedByFromCell(text('Requested by')),
    teacherEmail: text('Teacher email'),
    consent: cellToBoolean(get('Consent')),
    consentDate: date('Consent date'),
    consentSource: text('Consent source'),
    fee: cellToMoney(get('Fee')),
    paid: oneOf<Paid>(PAID_VALUES, text('Paid'), 'no'),
    paidOn: date('Paid on'),
    paymentReference: text('Payment reference'),
    deadline: date('Deadline'),
    resultsIssued: date('Results issued'),
    relatedRequestId: text('Related request'),
    reason: text('Priority reason'),
    indicator: (MIR_INDICATORS as readonly string[]).includes(text('Indicator'))
      ? (text('Indicator') as MirIndicator)
      : '',
    reasonsReceived: date('Reasons received'),
    candidatesCovered: text('Candidates covered'),
    moderationOutcome: text('Moderation outcome'),
    submittedToBoard: date('Submitted to board'),
    boardReference: text('Board reference'),
    acknowledged: date('Acknowledged'),
    outcomeReceived: date('Outcome received'),
    originalGrade: text('Original grade'),
    newGrade: text('New grade'),
    originalMark: text('Original mark'),
    newMark: text('New mark'),
    scriptLink: text('Script link'),
    refundIssued: date('Refund issued'),
    misUpdated: date('MIS updated'),
    sorIssued: date('SoR issued'),
    status: oneOf<Status>(STATUSES, text('Status'), 'Received'),
    flags: text('Flags'),
    notes: text('Notes'),
  };
}

/** A request as a record keyed by log header, ready for writeRecords: service and requester by the names the officer reads. */
export function requestToRecord(req: PostResultsRequest): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const col of LOG_COLUMNS) record[col.header] = req[col.field];
  record['Service'] = serviceCellText(req.service);
  record['Requested by'] = requestedByCellText(req.requestedBy);
  return record;
}

/**
 * The sheet row at which a new request keeps the log alphabetical: before
 * the first non-blank row whose name sorts after it. If the officer has
 * sorted the log some other way the request still lands next to its
 * alphabetical neighbour, and nothing already there moves.
 */
export function alphabeticalRow(log: Log, surname: string, forename: string): number {
  const key = sortKey(surname, forename);
  const after = log.requests.find((r) => sortKey(r.surname, r.forename) > key);
  if (after) return after.row;
  const lastUsed = log.requests.length ? log.requests[log.requests.length - 1].row : 1;
  return Math.max(lastUsed, ...log.requests.map((r) => r.row)) + 1;
}

/** Inserts the request at its alphabetical row. Call under the document lock. */
export function insertRequest(log: Log, req: PostResultsRequest, timeZone: string): number {
  const at = insertRowAt(log.table, alphabeticalRow(log, req.surname, req.forename));
  writeRecords(log.table, at, [requestToRecord(req)], LOG_COLUMNS, timeZone);
  return at;
}
