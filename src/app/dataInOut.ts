/**
 * Data in and out: candidates from the MIS, lists for the boards, the MIS
 * and finance, one candidate's data for a subject access request, and
 * closing the season. Thin: the rules are in src/domain (candidateImport,
 * dataLists, subjectAccess, seasonClose), the sheet work in src/sheets.
 */
import {
  planCandidateImport,
  CANDIDATE_FIELDS,
  CANDIDATE_HEADERS,
  type ExistingCandidate,
} from '../domain/candidateImport';
import { toCsv } from '../domain/csv';
import {
  BOARD_LIST_HEADERS,
  MIS_LIST_HEADERS,
  REFUND_LIST_HEADERS,
  boardSubmissionRows,
  gradeChangeRecorded,
  misUpdateRows,
  refundRows,
  totalOf,
  type ListRow,
} from '../domain/dataLists';
import { isRequestId } from '../domain/requestId';
import { CANDIDATES_COLUMNS, LOG_COLUMNS, SHEET, type ColumnKind, type ColumnSpec } from '../domain/schema';
import {
  ARCHIVE_HEADERS,
  ARCHIVE_SHEET,
  CONFIRM_PHRASE,
  archiveRows,
  candidatesToRemove,
  judgeRequests,
  messagesToRemove,
  monthsBefore,
  type ArchiveRow,
  type KeptBecause,
} from '../domain/seasonClose';
import { isAboutCandidate, addressesIn } from '../domain/subjectAccess';
import { matchFormHeaders } from '../domain/applications';
import type { FieldError, IsoDate, LogName } from '../domain/types';
import { cellToCandidateNumber, cellToIsoDate, cellToText } from '../sheets/cells';
import { appendToSheet, forgetListTabs, listTabNames, writeListTab } from '../sheets/listTabs';
import { withDocumentLock } from '../sheets/lock';
import { rowObject, type JsonCell } from '../sheets/personalData';
import { readLog, type LoggedRequest } from '../sheets/requestLog';
import { patchRows, removeRows } from '../sheets/rowPatch';
import { readServices, readSettings } from '../sheets/settingsSheet';
import { cellAt, isBlankRow, readTable, requireHeaders, SheetLayoutError, type Table } from '../sheets/table';
import { activeSpreadsheet, timeZoneOf, todayIn } from '../sheets/workbook';
import { responsesSheet } from './applications';
import { answer, type Answer } from './respond';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const LOGS: readonly LogName[] = [SHEET.requests, SHEET.scripts];
/** When the candidate list was last confirmed from the MIS: closing the season counts from it. */
const LAST_IMPORT_KEY = 'candidates.lastImported';
/** About 25 MB of UTF-16: far above a school's MIS export, far below what would stall the script. */
const MAX_CSV_CHARS = 12_000_000;

function refuse(field: string, message: string): { ok: false; errors: FieldError[] } {
  return { ok: false, errors: [{ field, message }] };
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** An optional flag of an options object: absent is false; anything but a boolean is refused. */
function flag(options: unknown, name: string): boolean | FieldError {
  if (options === undefined || options === null) return false;
  if (!isPlainObject(options)) return { field: 'options', message: 'The options must be an object.' };
  const v = options[name];
  if (v === undefined) return false;
  if (typeof v !== 'boolean') return { field: name, message: `${name} must be true or false.` };
  return v;
}

function sheetOrThrow(ss: Spreadsheet, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new SheetLayoutError(name, ['(the whole sheet)']);
  return sheet;
}

// ---------------------------------------------------------------------------
// Candidates in
// ---------------------------------------------------------------------------

interface CandidateSheet {
  table: Table;
  existing: ExistingCandidate[];
  /** First row below the last one in use. */
  nextRow: number;
}

function readCandidateSheet(ss: Spreadsheet, timeZone: string): CandidateSheet {
  const table = readTable(sheetOrThrow(ss, SHEET.candidates));
  requireHeaders(table, CANDIDATES_COLUMNS);
  const existing: ExistingCandidate[] = [];
  let lastUsed = 1;
  table.rows.forEach((r, i) => {
    if (isBlankRow(r)) return;
    lastUsed = i + 2;
    const values: ExistingCandidate['values'] = {};
    for (const f of CANDIDATE_FIELDS) {
      const cell = cellAt(table, r, CANDIDATE_HEADERS[f]);
      values[f] = f === 'candidateNumber' ? cellToCandidateNumber(cell) : cellToText(cell, timeZone);
    }
    existing.push({ row: i + 2, values });
  });
  return { table, existing, nextRow: lastUsed + 1 };
}

export interface ImportAnswer {
  dryRun: boolean;
  added: number;
  updated: number;
  unchanged: number;
  refused: { line: number; reason: string }[];
  unmatched: string[];
  warnings: { line: number; reason: string }[];
  /** Which header of the file went into which column of Candidates. */
  columns: { header: string; column: string }[];
  headerLine: number;
}

/**
 * `importCandidates(csvText, { dryRun })`: with dryRun true, what the import
 * would do; otherwise it does it, in one batch under the lock.
 */
export function importCandidates(csvText: unknown, options?: unknown): Answer<ImportAnswer> {
  return answer((): Answer<ImportAnswer> => {
    if (typeof csvText !== 'string' || csvText.trim() === '') {
      return refuse('csvText', 'Choose the CSV file exported from the MIS, or paste its text.');
    }
    if (csvText.length > MAX_CSV_CHARS) {
      return refuse('csvText', 'The file is too large to be a list of candidates. Export only the candidates.');
    }
    const dryRun = flag(options, 'dryRun');
    if (typeof dryRun !== 'boolean') return { ok: false, errors: [dryRun] };
    const ss = activeSpreadsheet();
    const tz = timeZoneOf(ss);
    const run = (): Answer<ImportAnswer> => {
      const sheet = readCandidateSheet(ss, tz);
      const planned = planCandidateImport(csvText, sheet.existing);
      if (!planned.ok) {
        const found = planned.unmatched.length ? ` Headers found: ${planned.unmatched.join(', ')}.` : '';
        return refuse('csvText', planned.message + found);
      }
      const plan = planned.plan;
      if (!dryRun) {
        const changes = new Map<number, Record<string, unknown>>();
        for (const u of plan.updated) {
          const record: Record<string, unknown> = {};
          for (const [f, v] of Object.entries(u.changes))
            record[CANDIDATE_HEADERS[f as keyof typeof CANDIDATE_HEADERS]] = v;
          changes.set(u.row, record);
        }
        plan.added.forEach((c, i) => {
          const record: Record<string, unknown> = {};
          for (const f of CANDIDATE_FIELDS) record[CANDIDATE_HEADERS[f]] = c[f];
          changes.set(sheet.nextRow + i, record);
        });
        patchRows(sheet.table, CANDIDATES_COLUMNS, changes, tz);
        PropertiesService.getDocumentProperties().setProperty(LAST_IMPORT_KEY, todayIn(tz));
      }
      return {
        ok: true,
        dryRun,
        added: plan.added.length,
        updated: plan.updated.length,
        unchanged: plan.unchanged,
        refused: plan.refused,
        unmatched: plan.unmatched,
        warnings: plan.warnings,
        columns: plan.used,
        headerLine: plan.headerLine,
      };
    };
    return dryRun ? run() : withDocumentLock(run);
  });
}

// ---------------------------------------------------------------------------
// Lists out
// ---------------------------------------------------------------------------

function readRequests(ss: Spreadsheet, timeZone: string): LoggedRequest[] {
  return LOGS.flatMap((name) => readLog(ss, name, timeZone).requests);
}

/** UCIs from Candidates, for requests that did not record one. */
function ucisFromCandidates(ss: Spreadsheet, timeZone: string): Map<string, string> {
  const ucis = new Map<string, string>();
  const sheet = ss.getSheetByName(SHEET.candidates);
  if (!sheet) return ucis;
  const table = readTable(sheet);
  for (const r of table.rows) {
    const n = cellToCandidateNumber(cellAt(table, r, 'Candidate number'));
    const uci = cellToText(cellAt(table, r, 'UCI'), timeZone);
    if (n !== '' && uci !== '' && !ucis.has(n)) ucis.set(n, uci);
  }
  return ucis;
}

const LIST_KINDS: Readonly<Record<string, ColumnKind>> = {
  Amount: 'money',
  'Consent date': 'date',
  Deadline: 'date',
  'Outcome received': 'date',
};

function listSpecs(headers: readonly string[]): ColumnSpec[] {
  return headers.map((header) => ({ header, kind: LIST_KINDS[header] ?? 'text', width: 120 }));
}

export interface ListAnswer {
  rows: ListRow[];
  csv: string;
  /** A suggested file name for the download. */
  fileName: string;
  /** The new tab, when one was asked for. */
  sheet?: string;
}

function listAnswer(
  ss: Spreadsheet,
  timeZone: string,
  title: string,
  headers: readonly string[],
  rows: ListRow[],
  toSheet: boolean,
): ListAnswer {
  const today = todayIn(timeZone);
  const result: ListAnswer = {
    rows,
    csv: toCsv(headers, rows),
    fileName: `${title} ${today}.csv`,
  };
  if (toSheet) {
    result.sheet = withDocumentLock(() => writeListTab(ss, `${title} ${today}`, listSpecs(headers), rows, timeZone));
  }
  return result;
}

/** `misUpdateList({ toSheet })`: every grade change not yet marked "MIS updated". */
export function misUpdateList(options?: unknown): Answer<ListAnswer> {
  return answer((): Answer<ListAnswer> => {
    const toSheet = flag(options, 'toSheet');
    if (typeof toSheet !== 'boolean') return { ok: false, errors: [toSheet] };
    const ss = activeSpreadsheet();
    const tz = timeZoneOf(ss);
    const rows = misUpdateRows(readRequests(ss, tz), ucisFromCandidates(ss, tz));
    return { ok: true, ...listAnswer(ss, tz, 'MIS update list', MIS_LIST_HEADERS, rows, toSheet) };
  });
}

/** `boardSubmissionList(board, { toSheet })`: requests for that board not yet submitted. */
export function boardSubmissionList(board: unknown, options?: unknown): Answer<ListAnswer & { board: string }> {
  return answer((): Answer<ListAnswer & { board: string }> => {
    if (typeof board !== 'string' || board.trim() === '' || board.length > 60) {
      return refuse('board', 'Choose a board, like AQA.');
    }
    const toSheet = flag(options, 'toSheet');
    if (typeof toSheet !== 'boolean') return { ok: false, errors: [toSheet] };
    const ss = activeSpreadsheet();
    const tz = timeZoneOf(ss);
    const name = board.trim().replace(/\s+/g, ' ');
    const rows = boardSubmissionRows(readRequests(ss, tz), name, ucisFromCandidates(ss, tz));
    return { ok: true, board: name, ...listAnswer(ss, tz, `${name} submissions`, BOARD_LIST_HEADERS, rows, toSheet) };
  });
}

/** `refundList({ toSheet })`: every refund due, with the amount and who paid; `total` in GBP. */
export function refundList(options?: unknown): Answer<ListAnswer & { total: number }> {
  return answer((): Answer<ListAnswer & { total: number }> => {
    const toSheet = flag(options, 'toSheet');
    if (typeof toSheet !== 'boolean') return { ok: false, errors: [toSheet] };
    const ss = activeSpreadsheet();
    const tz = timeZoneOf(ss);
    const rows = refundRows(readRequests(ss, tz));
    return {
      ok: true,
      total: totalOf(rows, 'Amount'),
      ...listAnswer(ss, tz, 'Refunds due', REFUND_LIST_HEADERS, rows, toSheet),
    };
  });
}

/** What the Lists sidebar offers: the boards of Services and of the logs. */
export function getListOptions(): Answer<{ boards: string[]; today: IsoDate }> {
  return answer((): Answer<{ boards: string[]; today: IsoDate }> => {
    const ss = activeSpreadsheet();
    const tz = timeZoneOf(ss);
    const boards = new Map<string, string>();
    const add = (b: string) => {
      const name = b.trim().replace(/\s+/g, ' ');
      if (name !== '' && !boards.has(name.toLowerCase())) boards.set(name.toLowerCase(), name);
    };
    for (const s of readServices(ss, tz).services) add(s.board);
    for (const r of readRequests(ss, tz)) add(r.board);
    return { ok: true, boards: [...boards.values()], today: todayIn(tz) };
  });
}

const MIS_UPDATED = LOG_COLUMNS.find((c) => c.header === 'MIS updated') as ColumnSpec;
const MAX_IDS = 5000;

/** `markMisUpdated(requestIds)`: records today as the MIS follow-up of each request, in one batch. */
export function markMisUpdated(requestIds: unknown): Answer<{ updated: number; alreadyMarked: number }> {
  return answer((): Answer<{ updated: number; alreadyMarked: number }> => {
    if (!Array.isArray(requestIds) || requestIds.length === 0 || requestIds.length > MAX_IDS) {
      return refuse('requestIds', 'Give the request IDs of the MIS list to mark as done.');
    }
    const bad = requestIds.filter((id) => !isRequestId(id));
    if (bad.length) {
      return refuse('requestIds', `${bad.length} of the request IDs are not request IDs (like R-2026-0042).`);
    }
    const wanted = [...new Set(requestIds as string[])];
    const ss = activeSpreadsheet();
    const tz = timeZoneOf(ss);
    const today = todayIn(tz);
    return withDocumentLock((): Answer<{ updated: number; alreadyMarked: number }> => {
      const logs = LOGS.map((name) => readLog(ss, name, tz));
      const found = new Map<string, { log: (typeof logs)[number]; req: LoggedRequest }>();
      for (const log of logs)
        for (const req of log.requests) if (!found.has(req.requestId)) found.set(req.requestId, { log, req });
      const missing = wanted.filter((id) => !found.has(id));
      if (missing.length) {
        return refuse('requestIds', `No request ${missing.join(', ')} in either log; nothing was marked.`);
      }
      const noChange = wanted.filter((id) => !gradeChangeRecorded(found.get(id)!.req));
      if (noChange.length) {
        return refuse(
          'requestIds',
          `${noChange.join(', ')} has no grade change recorded, so there is nothing to update in the MIS; nothing was marked.`,
        );
      }
      let updated = 0;
      for (const log of logs) {
        const changes = new Map<number, Record<string, unknown>>();
        for (const id of wanted) {
          const hit = found.get(id)!;
          if (hit.log !== log || hit.req.misUpdated !== '') continue;
          changes.set(hit.req.row, { [MIS_UPDATED.header]: today });
        }
        patchRows(log.table, [MIS_UPDATED], changes, tz);
        updated += changes.size;
      }
      return { ok: true, updated, alreadyMarked: wanted.length - updated };
    });
  });
}

// ---------------------------------------------------------------------------
// Subject access
// ---------------------------------------------------------------------------

type JsonRow = Record<string, JsonCell>;

export interface SubjectAccessAnswer {
  candidateNumber: string;
  exportedOn: IsoDate;
  /** The candidate's row in Candidates (the first, if the number is there twice); null if none. */
  candidate: JsonRow | null;
  /** Every row of Candidates with that number. */
  candidateRows: JsonRow[];
  /** Every row of both logs with that number, each with its `Sheet`. */
  requests: JsonRow[];
  /** Every email about those requests, or not about a request and sent to the candidate's addresses. */
  correspondence: JsonRow[];
  /** Rows with that number in list tabs the add-on made. */
  otherSheets: { sheet: string; rows: JsonRow[] }[];
  /** Every row of the linked form's responses sheet with that number (online applications), each with its `Sheet`. */
  formResponses: JsonRow[];
}

/** `subjectAccessExport(candidateNumber)`: everything the add-on holds on that candidate. */
export function subjectAccessExport(candidateNumber: unknown): Answer<SubjectAccessAnswer> {
  return answer((): Answer<SubjectAccessAnswer> => {
    const wanted = typeof candidateNumber === 'string' ? candidateNumber.trim() : '';
    if (!/^\d{4}$/.test(wanted)) return refuse('candidateNumber', 'A candidate number is 4 digits, e.g. 0042.');
    const ss = activeSpreadsheet();
    const tz = timeZoneOf(ss);
    const numberIn = (table: Table, r: readonly (string | number | boolean | Date)[]) =>
      cellToCandidateNumber(cellAt(table, r, 'Candidate number'));

    const candidates = readTable(sheetOrThrow(ss, SHEET.candidates));
    const candidateRows = candidates.rows
      .filter((r) => !isBlankRow(r) && numberIn(candidates, r) === wanted)
      .map((r) => rowObject(candidates, r, tz));

    const requests: JsonRow[] = [];
    const ownIds = new Set<string>();
    const everyId = new Set<string>();
    const addresses = new Set<string>();
    for (const c of candidateRows) {
      for (const h of ['Email', 'Parent email']) for (const a of addressesIn(String(c[h] ?? ''))) addresses.add(a);
    }
    for (const name of LOGS) {
      const table = readTable(sheetOrThrow(ss, name));
      for (const r of table.rows) {
        if (isBlankRow(r)) continue;
        const id = cellToText(cellAt(table, r, 'Request ID'), tz);
        if (id !== '') everyId.add(id);
        if (numberIn(table, r) !== wanted) continue;
        if (id !== '') ownIds.add(id);
        for (const a of addressesIn(cellToText(cellAt(table, r, 'Email'), tz))) addresses.add(a);
        requests.push({ Sheet: name, ...rowObject(table, r, tz) });
      }
    }

    // An online application is the candidate's own words, consent included; the address they gave there
    // is theirs too, so a rejection sent to it is found in Correspondence.
    const formResponses: JsonRow[] = [];
    const responses = responsesSheet(ss);
    if (responses) {
      const table = readTable(responses);
      const column = matchFormHeaders(table.headers).columns;
      const number = column.candidateNumber;
      if (number !== undefined) {
        for (const r of table.rows) {
          if (isBlankRow(r) || cellToCandidateNumber(r[number]) !== wanted) continue;
          if (column.email !== undefined)
            for (const a of addressesIn(cellToText(r[column.email], tz))) addresses.add(a);
          formResponses.push({ Sheet: responses.getName(), ...rowObject(table, r, tz) });
        }
      }
    }

    const mail = readTable(sheetOrThrow(ss, SHEET.correspondence));
    const correspondence = mail.rows
      .filter(
        (r) =>
          !isBlankRow(r) &&
          isAboutCandidate(
            { requestId: cellToText(cellAt(mail, r, 'Request ID'), tz), to: cellToText(cellAt(mail, r, 'To'), tz) },
            ownIds,
            everyId,
            addresses,
          ),
      )
      .map((r) => rowObject(mail, r, tz));

    const otherSheets: SubjectAccessAnswer['otherSheets'] = [];
    for (const name of listTabNames()) {
      const sheet = ss.getSheetByName(name);
      if (!sheet) continue;
      const table = readTable(sheet);
      const rows = table.rows.filter((r) => numberIn(table, r) === wanted).map((r) => rowObject(table, r, tz));
      if (rows.length) otherSheets.push({ sheet: name, rows });
    }

    return {
      ok: true,
      candidateNumber: wanted,
      exportedOn: todayIn(tz),
      candidate: candidateRows[0] ?? null,
      candidateRows,
      requests,
      correspondence,
      otherSheets,
      formResponses,
    };
  });
}

// ---------------------------------------------------------------------------
// Closing the season
// ---------------------------------------------------------------------------

export interface CloseSeasonAnswer {
  dryRun: boolean;
  retentionMonths: number;
  /** Personal data counted from before this date goes. */
  retentionDate: IsoDate;
  /** Rows removed (or, on a dry run, to be removed) per sheet; a list tab counts its rows. */
  removed: Record<string, number>;
  /** Exactly what goes: the requests by ID with the date they are counted from, and the list tabs. */
  requests: { sheet: string; requestId: string; countedFrom: IsoDate }[];
  listTabs: string[];
  /** Requests that stay, by reason: still open, a follow-up to do, not old enough, no date to count from. */
  kept: Record<KeptBecause, number>;
  archived: { sheet: string; rows: ArchiveRow[]; requests: number; feesPaid: number; refundsIssued: number };
  warnings: string[];
}

interface ClosePlan {
  answer: CloseSeasonAnswer;
  remove: Map<string, { table: Table; rows: Set<number> }>;
}

function planClose(ss: Spreadsheet, timeZone: string, today: IsoDate, dryRun: boolean): ClosePlan {
  const { settings, problems } = readSettings(ss, timeZone);
  const retentionDate = monthsBefore(today, settings.retentionMonths);
  const logs = LOGS.map((name) => readLog(ss, name, timeZone));
  const all = logs.flatMap((l) => l.requests);
  const verdicts = judgeRequests(all, retentionDate);
  const removedReqs = all.filter((_, i) => verdicts[i].remove);
  const removedIds = new Set(removedReqs.map((r) => r.requestId));
  const kept: Record<KeptBecause, number> = { open: 0, 'follow-up': 0, recent: 0, undated: 0 };
  for (const v of verdicts) if (v.keptBecause) kept[v.keptBecause]++;

  const remove = new Map<string, { table: Table; rows: Set<number> }>();
  for (const log of logs) {
    const rows = new Set(log.requests.filter((r) => removedIds.has(r.requestId)).map((r) => r.row));
    remove.set(log.name, { table: log.table, rows });
  }

  const mail = readTable(sheetOrThrow(ss, SHEET.correspondence));
  requireHeaders(mail, [{ header: 'Sent' }, { header: 'Request ID' }]);
  const messages = mail.rows
    .map((r, i) => ({ r, row: i + 2 }))
    .filter(({ r }) => !isBlankRow(r))
    .map(({ r, row }) => ({
      row,
      requestId: cellToText(cellAt(mail, r, 'Request ID'), timeZone),
      sent: cellToIsoDate(cellAt(mail, r, 'Sent'), timeZone),
    }));
  const allIds = new Set(all.map((r) => r.requestId));
  remove.set(SHEET.correspondence, {
    table: mail,
    rows: new Set(messagesToRemove(messages, removedIds, allIds, retentionDate)),
  });

  const people = readTable(sheetOrThrow(ss, SHEET.candidates));
  requireHeaders(people, [{ header: 'Candidate number' }]);
  const refs = people.rows
    .map((r, i) => ({ r, row: i + 2 }))
    .filter(({ r }) => !isBlankRow(r))
    .map(({ r, row }) => ({ row, candidateNumber: cellToCandidateNumber(cellAt(people, r, 'Candidate number')) }));
  const keptNumbers = new Set(all.filter((r) => !removedIds.has(r.requestId)).map((r) => r.candidateNumber));
  const removedNumbers = new Set(removedReqs.map((r) => r.candidateNumber));
  const lastImport = cellToIsoDate(
    PropertiesService.getDocumentProperties().getProperty(LAST_IMPORT_KEY) ?? '',
    timeZone,
  );
  remove.set(SHEET.candidates, {
    table: people,
    rows: new Set(candidatesToRemove(refs, keptNumbers, removedNumbers, lastImport, retentionDate)),
  });

  const removed: Record<string, number> = {};
  for (const [name, r] of remove) removed[name] = r.rows.size;
  const listTabs = listTabNames().filter((name) => ss.getSheetByName(name) !== null);
  for (const name of listTabs) {
    const sheet = ss.getSheetByName(name);
    removed[name] = sheet ? Math.max(sheet.getLastRow() - 1, 0) : 0;
  }

  const archive = archiveRows(removedReqs, today);
  const sum = (h: 'Fees paid' | 'Refunds issued') => Math.round(archive.reduce((s, a) => s + a[h], 0) * 100) / 100;
  const warnings = problems.filter((p) => p.key === 'Retention months').map((p) => p.message);
  if (!dryRun && removedReqs.length === 0 && listTabs.length === 0) {
    warnings.push('Nothing is old enough to remove yet.');
  }
  return {
    remove,
    answer: {
      dryRun,
      retentionMonths: settings.retentionMonths,
      retentionDate,
      removed,
      requests: removedReqs.map((r) => ({
        sheet: r.sheet,
        requestId: r.requestId,
        countedFrom: verdicts[all.indexOf(r)].countedFrom as IsoDate,
      })),
      listTabs,
      kept,
      archived: {
        sheet: ARCHIVE_SHEET,
        rows: archive,
        requests: removedReqs.length,
        feesPaid: sum('Fees paid'),
        refundsIssued: sum('Refunds issued'),
      },
      warnings,
    },
  };
}

const ARCHIVE_SPECS: readonly ColumnSpec[] = ARCHIVE_HEADERS.map((header) => ({
  header,
  kind:
    header === 'Closed on'
      ? 'date'
      : /^(Fees|Refunds)/.test(header)
        ? 'money'
        : /^(Series|Board|Service)$/.test(header)
          ? 'text'
          : 'number',
  width: 110,
}));

/**
 * Whether the person running this may edit both logs. The logs' protection
 * (Set up sheets) names who may: asking it needs no scope to read who the
 * user is, and it is checked before anything is written, so a refusal
 * never leaves a season half closed.
 */
function mayEditLogs(ss: Spreadsheet): boolean {
  return LOGS.every((name) =>
    sheetOrThrow(ss, name)
      .getProtections(SpreadsheetApp.ProtectionType.SHEET)
      .every((p) => p.canEdit()),
  );
}

/**
 * `closeSeason({ dryRun, confirm })`: on a dry run, exactly what would go;
 * with `confirm: "CLOSE SEASON"`, archives the totals and removes it. Called
 * with anything else (a trigger's event, a missing phrase) it removes nothing.
 */
export function closeSeason(options?: unknown): Answer<CloseSeasonAnswer> {
  return answer((): Answer<CloseSeasonAnswer> => {
    const dryRun = flag(options, 'dryRun');
    if (typeof dryRun !== 'boolean') return { ok: false, errors: [dryRun] };
    const confirm = isPlainObject(options) ? options.confirm : undefined;
    if (!dryRun && confirm !== CONFIRM_PHRASE) {
      return refuse(
        'confirm',
        `Type ${CONFIRM_PHRASE} (in capitals) to confirm that the personal data listed may be deleted; nothing was deleted.`,
      );
    }
    const ss = activeSpreadsheet();
    const tz = timeZoneOf(ss);
    const today = todayIn(tz);
    if (!dryRun && !mayEditLogs(ss)) {
      return refuse(
        'confirm',
        'Only someone who may edit the Requests and Access to scripts logs (the exams officer and the Log editors in Settings) can close the season; nothing was deleted.',
      );
    }
    if (dryRun) return { ok: true, ...planClose(ss, tz, today, true).answer };
    return withDocumentLock((): Answer<CloseSeasonAnswer> => {
      const plan = planClose(ss, tz, today, false);
      appendToSheet(
        ss,
        ARCHIVE_SHEET,
        ARCHIVE_SPECS,
        plan.answer.archived.rows as unknown as Record<string, unknown>[],
        tz,
      );
      for (const { table, rows } of plan.remove.values()) removeRows(table, rows);
      for (const name of plan.answer.listTabs) {
        const sheet = ss.getSheetByName(name);
        if (sheet) ss.deleteSheet(sheet);
      }
      forgetListTabs();
      return { ok: true, ...plan.answer };
    });
  });
}
