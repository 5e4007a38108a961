/**
 * "Subject access export": everything the add-on holds on one candidate, as
 * JSON. The rules are in src/domain/subjectAccess.ts.
 */
import { SHEET } from '../domain/schema';
import { isAboutCandidate, addressesIn } from '../domain/subjectAccess';
import { matchFormHeaders } from '../domain/applications';
import { cellToCandidateNumber, cellToText } from '../sheets/cells';
import { listTabNames } from '../sheets/listTabs';
import { rowObject } from '../sheets/personalData';
import { cellAt, isBlankRow, readTable, type Table } from '../sheets/table';
import { activeSpreadsheet, timeZoneOf, todayIn } from '../sheets/workbook';
import { responsesSheet } from './applications';
import { answer, type Answer } from './respond';
import { LOGS, refuse, sheetOrThrow } from './options';
import type { JsonRow, SubjectAccessAnswer } from '../shared/answers';

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
