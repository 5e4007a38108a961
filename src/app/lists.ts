/**
 * "Lists for the MIS, boards and finance": grade changes for the MIS,
 * requests to submit to a board, refunds due; shown on the page or written
 * to a list tab. The rules are in src/domain/dataLists.ts.
 */
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
import { LOG_COLUMNS, SHEET, type ColumnKind, type ColumnSpec } from '../domain/schema';
import { cellToCandidateNumber, cellToText } from '../sheets/cells';
import { writeListTab } from '../sheets/listTabs';
import { withDocumentLock } from '../sheets/lock';
import { readLog, type LoggedRequest } from '../sheets/requestLog';
import { patchRows } from '../sheets/rowPatch';
import { readServices } from '../sheets/settingsSheet';
import { cellAt, readTable } from '../sheets/table';
import { activeSpreadsheet, timeZoneOf, todayIn } from '../sheets/workbook';
import { answer, type Answer } from './respond';
import { flag, LOGS, refuse } from './options';
import type { BoardList, ListAnswer, ListOptions, MisMarked, RefundList } from '../shared/answers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

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
export function boardSubmissionList(board: unknown, options?: unknown): Answer<BoardList> {
  return answer((): Answer<BoardList> => {
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
export function refundList(options?: unknown): Answer<RefundList> {
  return answer((): Answer<RefundList> => {
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
export function getListOptions(): Answer<ListOptions> {
  return answer((): Answer<ListOptions> => {
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
export function markMisUpdated(requestIds: unknown): Answer<MisMarked> {
  return answer((): Answer<MisMarked> => {
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
    return withDocumentLock((): Answer<MisMarked> => {
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
