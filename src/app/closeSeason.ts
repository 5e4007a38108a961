/**
 * "Close season": the totals archived, then the personal data past its
 * retention removed, only with the confirm phrase. The rules are in
 * src/domain/seasonClose.ts.
 */
import { SHEET, type ColumnSpec } from '../domain/schema';
import {
  ARCHIVE_HEADERS,
  ARCHIVE_SHEET,
  CONFIRM_PHRASE,
  archiveRows,
  candidatesToRemove,
  judgeRequests,
  messagesToRemove,
  monthsBefore,
  type KeptBecause,
} from '../domain/seasonClose';
import type { IsoDate } from '../domain/types';
import { cellToCandidateNumber, cellToIsoDate, cellToText } from '../sheets/cells';
import { appendToSheet, forgetListTabs, listTabNames } from '../sheets/listTabs';
import { withDocumentLock } from '../sheets/lock';
import { lastCandidateImport } from '../sheets/properties';
import { readLog } from '../sheets/requestLog';
import { removeRows } from '../sheets/rowPatch';
import { readSettings } from '../sheets/settingsSheet';
import { cellAt, isBlankRow, readTable, requireHeaders, type Table } from '../sheets/table';
import { activeSpreadsheet, timeZoneOf, todayIn } from '../sheets/workbook';
import { answer, type Answer } from './respond';
import { isPlainObject, flag, LOGS, refuse, sheetOrThrow } from './options';
import type { CloseSeasonAnswer } from '../shared/answers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

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
  const lastImport = cellToIsoDate(lastCandidateImport() ?? '', timeZone);
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
