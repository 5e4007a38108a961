/**
 * "Import candidates": the candidate list from the MIS export, previewed
 * (dryRun) or written to Candidates in one batch. The rules are in
 * src/domain/candidateImport.ts.
 */
import {
  planCandidateImport,
  CANDIDATE_FIELDS,
  CANDIDATE_HEADERS,
  type ExistingCandidate,
} from '../domain/candidateImport';
import { CANDIDATES_COLUMNS, SHEET } from '../domain/schema';
import { cellToCandidateNumber, cellToText } from '../sheets/cells';
import { withDocumentLock } from '../sheets/lock';
import { setLastCandidateImport } from '../sheets/properties';
import { patchRows } from '../sheets/rowPatch';
import { cellAt, isBlankRow, readTable, requireHeaders, type Table } from '../sheets/table';
import { activeSpreadsheet, timeZoneOf, todayIn } from '../sheets/workbook';
import { answer, type Answer } from './respond';
import { flag, refuse, sheetOrThrow } from './options';
import type { ImportAnswer } from '../shared/answers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** About 25 MB of UTF-16: far above a school's MIS export, far below what would stall the script. */
const MAX_CSV_CHARS = 12_000_000;

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
        setLastCandidateImport(todayIn(tz));
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
