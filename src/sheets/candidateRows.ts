/**
 * The `Candidates` sheet (imported from the MIS) as plain records, read with
 * one call. A `Qualification` column is optional: an officer who adds one
 * (GCSE, GCE A level…) can send each year group its own reminder.
 */
import { CANDIDATES_COLUMNS, SHEET } from '../domain/schema';
import { cellToCandidateNumber, cellToText } from './cells';
import { sheetByName } from './workbook';
import { cellAt, columnOf, isBlankRow, readTable, requireHeaders, SheetLayoutError, WHOLE_SHEET } from './table';
import type { CandidateFound } from '../shared/answers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface CandidateRow {
  /** Sheet row, to point the officer at a row without naming anyone. */
  row: number;
  candidateNumber: string;
  surname: string;
  forename: string;
  email: string;
  parentEmail: string;
  tutorGroup: string;
  qualification: string;
}

export function readCandidates(
  ss: Spreadsheet,
  timeZone: string,
): { candidates: CandidateRow[]; hasQualification: boolean } {
  const sheet = sheetByName(ss, SHEET.candidates);
  if (!sheet) throw new SheetLayoutError(SHEET.candidates, [WHOLE_SHEET]);
  const table = readTable(sheet);
  requireHeaders(table, CANDIDATES_COLUMNS.slice(0, 4));
  const candidates: CandidateRow[] = [];
  table.rows.forEach((r, i) => {
    if (isBlankRow(r)) return;
    const text = (h: string) => cellToText(cellAt(table, r, h), timeZone);
    candidates.push({
      row: i + 2,
      candidateNumber: cellToCandidateNumber(cellAt(table, r, 'Candidate number')),
      surname: text('Surname'),
      forename: text('Forename'),
      email: text('Email'),
      parentEmail: text('Parent email'),
      tutorGroup: text('Tutor group'),
      qualification: text('Qualification'),
    });
  });
  return { candidates, hasQualification: columnOf(table, 'Qualification') >= 0 };
}

/** Each candidate's Parent email by candidate number ('' when none), from one read of `Candidates`. */
export function parentEmailsByCandidate(ss: Spreadsheet, timeZone: string): (candidateNumber: string) => string {
  const byNumber = new Map<string, string>();
  for (const c of readCandidates(ss, timeZone).candidates) {
    // Two rows for one number: the first wins, as the Candidates lookup elsewhere does.
    if (c.candidateNumber !== '' && !byNumber.has(c.candidateNumber)) byNumber.set(c.candidateNumber, c.parentEmail);
  }
  return (n) => byNumber.get(n) ?? '';
}

/** One candidate by number, from one read of `Candidates`; null when the number (or the sheet) is not there. */
export function findCandidate(ss: Spreadsheet, timeZone: string, candidateNumber: string): CandidateFound | null {
  const sheet = sheetByName(ss, SHEET.candidates);
  if (!sheet) return null;
  const table = readTable(sheet);
  requireHeaders(table, CANDIDATES_COLUMNS.slice(0, 3));
  const row = table.rows.find(
    (r) => !isBlankRow(r) && cellToCandidateNumber(cellAt(table, r, 'Candidate number')) === candidateNumber,
  );
  if (!row) return null;
  const text = (h: string) => cellToText(cellAt(table, row, h), timeZone);
  return {
    candidateNumber,
    surname: text('Surname'),
    forename: text('Forename'),
    email: text('Email'),
    uci: text('UCI'),
    tutorGroup: text('Tutor group'),
  };
}
