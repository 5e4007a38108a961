/**
 * The Applications page: responses of the linked Google Form, each checked
 * by the New request rules, approved (it becomes a request through the one
 * intake path) or rejected with a reason emailed to the candidate.
 *
 * A response is taken at most once: its `Taken as` cell is re-read under the
 * lock before anything is written, and written in the same hold as the
 * request it became. The answers themselves are never written.
 */
import {
  answersOf,
  formFromAnswers,
  FORM_QUESTIONS,
  isTaken,
  matchFormHeaders,
  paidFor,
  rejectionMark,
  seriesFromDate,
  RESPONSES_SHEET,
  TAKEN_HEADER,
  type FormAnswers,
  type FormColumns,
} from '../domain/applications';
import { headerKey, SHEET } from '../domain/schema';
import { escapeHtml } from '../domain/templates';
import { parseServiceCode } from '../domain/catalogue';
import { validateRequest } from '../domain/validation';
import type { FieldError, PostResultsRequest, Settings } from '../domain/types';
import { sendMail } from '../mail/mailer';
import { withParentCopiesFor } from './parentMail';
import { valuesForRequest } from '../domain/templateValues';
import { cellToCandidateNumber, cellToIsoDate, cellToText, isDateValue, toCell } from '../sheets/cells';
import { withDocumentLock } from '../sheets/lock';
import { responsesSheetName, setResponsesSheetName } from '../sheets/properties';
import { readTable, isBlankRow, type Table } from '../sheets/table';
import { activeSpreadsheet, timeZoneOf, todayIn } from '../sheets/workbook';
import { confirmTaken, readIntakeState, takeRequest, type IntakeState, type Taken } from './newRequest';
import { answer, type Answer } from './respond';
import type { ApplicationView, ApplicationsList, Approved, ApprovedList, Rejected, Submitted } from '../shared/answers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The linked form's sheet: "Form responses", or Forms' own "Form responses 1", "Form responses 2"… */
export function responsesSheet(ss: Spreadsheet): Sheet | null {
  const exact = ss.getSheetByName(RESPONSES_SHEET);
  if (exact) return exact;
  return ss.getSheets().find((s) => /^form responses( \d+)?$/i.test(s.getName().trim())) ?? null;
}

/**
 * The name of the responses sheet the Applications page last read. The daily
 * check reads only that sheet: looking for a linked form on every run would
 * cost a school that has none a Spreadsheet call (or one per sheet) each day.
 */
function rememberResponsesSheet(sheet: Sheet): void {
  const name = sheet.getName();
  if (responsesSheetName() !== name) setResponsesSheetName(name);
}

/**
 * For the digest: how many responses wait (no `Taken as` mark: neither taken
 * nor rejected). Zero, without a Spreadsheet call, until the Applications
 * page has found a responses sheet in this spreadsheet.
 */
export function waitingApplications(tz: string): number {
  const name = responsesSheetName();
  if (!name) return 0;
  const sheet = activeSpreadsheet().getSheetByName(name);
  if (!sheet) return 0;
  const table = readTable(sheet);
  const taken = matchFormHeaders(table.headers).taken;
  return table.rows.filter((r) => !isBlankRow(r) && (taken < 0 || !isTaken(cellToText(r[taken], tz)))).length;
}

interface Responses {
  sheet: Sheet;
  table: Table;
  match: FormColumns;
  rows: { row: number; answers: FormAnswers; mark: string }[];
}

function readResponses(ss: Spreadsheet, tz: string): Responses | { errors: FieldError[] } {
  const sheet = responsesSheet(ss);
  if (!sheet) {
    return {
      errors: [
        {
          field: 'form',
          message: `There is no "${RESPONSES_SHEET}" sheet. Link the application form to this spreadsheet (in Forms: Responses › Link to Sheets).`,
        },
      ],
    };
  }
  rememberResponsesSheet(sheet);
  const table = readTable(sheet);
  const match = matchFormHeaders(table.headers);
  if (match.missing.length > 0) {
    return {
      errors: [
        {
          field: 'form',
          message: `The "${sheet.getName()}" sheet has no column for: ${match.missing.join(', ')}. Add those questions to the form (see Questions for the application form).`,
        },
      ],
    };
  }
  const rows: Responses['rows'] = [];
  table.rows.forEach((cells, i) => {
    if (isBlankRow(cells)) return;
    const text = cells.map((c) => cellToText(c, tz));
    const answers = answersOf(text, match.columns);
    const ts = cells[match.columns.timestamp as number];
    answers.timestamp = cellToIsoDate(ts, tz) || cellToIsoDate(String(ts ?? '').split(/\s+/)[0], tz);
    const series = match.columns.series;
    if (series !== undefined && isDateValue(cells[series])) answers.series = seriesFromDate(text[series]);
    if (match.columns.candidateNumber !== undefined) {
      answers.candidateNumber = cellToCandidateNumber(cells[match.columns.candidateNumber]);
    }
    rows.push({ row: i + 2, answers, mark: match.taken >= 0 ? text[match.taken] : '' });
  });
  return { sheet, table, match, rows };
}

/** Identifies a response whatever its row becomes: the form's timestamp cell and the candidate's answers. */
function keyOf(a: FormAnswers): string {
  return [a.timestamp, a.candidateNumber, a.email, a.service, a.subject, a.component].join('|');
}

function candidateNumbers(ss: Spreadsheet): Set<string> {
  const sheet = ss.getSheetByName(SHEET.candidates);
  const found = new Set<string>();
  if (!sheet) return found;
  const table = readTable(sheet);
  const c = table.index.get(headerKey('Candidate number'));
  if (c === undefined) return found;
  for (const r of table.rows) {
    const n = cellToCandidateNumber(r[c]);
    if (n !== '') found.add(n);
  }
  return found;
}

function view(state: IntakeState, r: Responses['rows'][number], known: ReadonlySet<string>): ApplicationView {
  const a = r.answers;
  const checked = validateRequest(formFromAnswers(a), {
    today: state.today,
    services: state.services,
    settings: state.settings,
    existing: state.logs.flatMap((l) => l.requests),
  });
  const problems = [...checked.errors];
  if (a.timestamp === '') problems.unshift({ field: 'form', message: 'The response has no timestamp.' });
  const inCandidates = known.has(a.candidateNumber);
  const warnings = [...checked.warnings];
  if (!inCandidates && a.candidateNumber !== '') {
    warnings.push({
      field: 'candidateNumber',
      message: `Candidate number ${a.candidateNumber} is not in Candidates: check the name against the MIS before approving.`,
    });
  }
  return {
    row: r.row,
    key: keyOf(a),
    received: a.timestamp,
    candidateNumber: a.candidateNumber,
    candidate: `${a.forename} ${a.surname}`.trim(),
    email: a.email,
    board: a.board,
    subject: a.subject,
    component: a.component,
    service: a.service,
    consent: checked.form.consent,
    paid: paidFor(a.payer),
    inCandidates,
    fee: checked.fee,
    deadline: checked.deadline,
    problems,
    warnings,
  };
}

/** `listApplications()`: every response not yet taken, each with the sidebar's checks. */
export function listApplications(): Answer<ApplicationsList> {
  return answer((): Answer<ApplicationsList> => {
    const ss = activeSpreadsheet();
    const tz = timeZoneOf(ss);
    const today = todayIn(tz);
    const responses = readResponses(ss, tz);
    if ('errors' in responses) return { ok: false, errors: responses.errors };
    const state = readIntakeState(ss, tz, today);
    const known = candidateNumbers(ss);
    const open = responses.rows.filter((r) => !isTaken(r.mark));
    return {
      ok: true,
      today,
      taken: responses.rows.length - open.length,
      applications: open.map((r) => view(state, r, known)),
    };
  });
}

function pickedOf(raw: unknown): { row: number; key: string }[] | null {
  const list = Array.isArray(raw) ? raw : [raw];
  const out: { row: number; key: string }[] = [];
  for (const item of list.slice(0, 500)) {
    if (item === null || typeof item !== 'object') return null;
    const { row, key } = item as { row?: unknown; key?: unknown };
    if (typeof row !== 'number' || !Number.isInteger(row) || row < 2 || typeof key !== 'string') return null;
    out.push({ row, key });
  }
  return out.length ? out : null;
}

/** Adds `Taken as` at the end of the responses sheet when the add-on meets it first. Under the lock. */
function takenColumn(responses: Responses): number {
  if (responses.match.taken >= 0) return responses.match.taken;
  const sheet = responses.sheet;
  const col = Math.max(sheet.getLastColumn(), responses.table.headers.length) + 1;
  if (col > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), col - sheet.getMaxColumns());
  sheet.getRange(1, col).setNumberFormat('@').setValue(TAKEN_HEADER).setFontWeight('bold');
  responses.match.taken = col - 1;
  return col - 1;
}

/** One write for every mark of the hold: the column as read, with the new marks. */
function writeMarks(responses: Responses, marks: Map<number, string>, tz: string): void {
  if (marks.size === 0) return;
  const col = takenColumn(responses);
  const last = Math.max(...marks.keys());
  const values: (string | number | boolean | Date)[][] = [];
  for (let row = 2; row <= last; row++) {
    const was = responses.table.rows[row - 2]?.[col] ?? '';
    values.push([marks.has(row) ? toCell(marks.get(row), 'text', tz) : was]);
  }
  const range = responses.sheet.getRange(2, col + 1, values.length, 1);
  range.setNumberFormat('@');
  range.setValues(values);
}

/**
 * `approveApplications([{ row, key }])`: each response becomes a request in
 * its log and the candidate is emailed the confirmation. One already taken
 * (by an earlier or a concurrent approval) is reported, never taken again.
 */
export function approveApplications(raw: unknown): Answer<ApprovedList> {
  return answer((): Answer<ApprovedList> => {
    const picked = pickedOf(raw);
    if (!picked) return { ok: false, errors: [{ field: 'form', message: 'Choose the applications to approve.' }] };
    const ss = activeSpreadsheet();
    const tz = timeZoneOf(ss);
    const today = todayIn(tz);
    let settings: Settings | null = null;
    const done = withDocumentLock(() => {
      const responses = readResponses(ss, tz);
      if ('errors' in responses) return { errors: responses.errors };
      const state = readIntakeState(ss, tz, today);
      settings = state.settings;
      const marks = new Map<number, string>();
      const out: { row: number; taken?: Taken; error?: string }[] = [];
      for (const p of picked) {
        const r = responses.rows.find((x) => x.row === p.row);
        if (!r || keyOf(r.answers) !== p.key) {
          out.push({
            row: p.row,
            error: 'This response has moved or changed since the list was shown: refresh the list.',
          });
          continue;
        }
        if (isTaken(r.mark) || marks.has(r.row)) {
          out.push({ row: p.row, error: `Already taken: ${marks.get(r.row) ?? r.mark}. Nothing was added.` });
          continue;
        }
        const a = r.answers;
        const taken = takeRequest(state, formFromAnswers(a), {
          consentSource: 'online form',
          received: a.timestamp || today,
          paid: paidFor(a.payer),
        });
        if (taken.ok) marks.set(r.row, taken.requestId);
        out.push({ row: p.row, taken });
      }
      writeMarks(responses, marks, tz);
      return { out };
    });
    if ('errors' in done) return { ok: false, errors: done.errors ?? [] };
    const results: Approved[] = done.out.map((o) => {
      if (o.error !== undefined) return { row: o.row, ok: false, errors: [{ field: 'form', message: o.error }] };
      const sent: Answer<Submitted> = settings && o.taken ? confirmTaken(o.taken, settings) : (o.taken as Taken);
      if (!sent.ok) return { row: o.row, ok: false, errors: sent.errors };
      return {
        row: o.row,
        ok: true,
        requestId: sent.requestId,
        sheet: sent.sheet,
        emailed: sent.emailed,
        warnings: sent.warnings,
      };
    });
    return { ok: true, results };
  });
}

/** `rejectApplication({ row, key }, reason)`: marks the response and emails the candidate the reason. */
export function rejectApplication(raw: unknown, reason: unknown): Answer<Rejected> {
  return answer((): Answer<Rejected> => {
    const picked = pickedOf(raw);
    if (!picked || picked.length !== 1) {
      return { ok: false, errors: [{ field: 'form', message: 'Choose one application to reject.' }] };
    }
    const why = typeof reason === 'string' ? reason.trim() : '';
    if (why === '' || why.length > 500 || [...why].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127)) {
      return {
        ok: false,
        errors: [
          {
            field: 'reason',
            message: 'Give the reason the candidate will read, on one line (at most 500 characters).',
          },
        ],
      };
    }
    const ss = activeSpreadsheet();
    const tz = timeZoneOf(ss);
    const p = picked[0];
    const done = withDocumentLock(() => {
      const responses = readResponses(ss, tz);
      if ('errors' in responses) return { errors: responses.errors };
      const r = responses.rows.find((x) => x.row === p.row);
      if (!r || keyOf(r.answers) !== p.key) {
        return {
          errors: [
            {
              field: 'form',
              message: 'This response has moved or changed since the list was shown: refresh the list.',
            },
          ],
        };
      }
      if (isTaken(r.mark))
        return { errors: [{ field: 'form', message: `Already taken: ${r.mark}. Nothing was changed.` }] };
      writeMarks(responses, new Map([[r.row, rejectionMark(why)]]), tz);
      return { answers: r.answers, settings: readIntakeState(ss, tz, todayIn(tz)).settings };
    });
    if ('errors' in done) return { ok: false, errors: done.errors ?? [] };
    const a = done.answers;
    const form = formFromAnswers(a);
    const to = a.email.trim();
    if (to === '')
      return {
        ok: true,
        emailed: [],
        warnings: [{ field: 'email', message: 'The response gives no email: tell the candidate another way.' }],
      };
    const code = parseServiceCode(a.service);
    const values = valuesForRequest(
      {
        ...(form as unknown as PostResultsRequest),
        requestId: '',
        sheet: SHEET.requests,
        received: a.timestamp,
        fee: null,
        deadline: '',
        ...(code ? { service: code } : {}),
      },
      done.settings,
      { rejectionReason: why },
    );
    const number = String(form.candidateNumber ?? '').trim();
    const report = sendMail(
      withParentCopiesFor(
        [
          {
            // One rejection per response, ever: the exactly-once key is the response's own row and timestamp.
            requestId: `APPLICATION-${a.timestamp}-${p.row}`,
            template: 'Application not accepted',
            to,
            values,
            recipientSource: { field: 'the Email answer', fix: `${RESPONSES_SHEET} row ${p.row}` },
            ...(number !== '' ? { toCandidate: number } : {}),
          },
        ],
        done.settings,
      ),
    );
    const warnings = report.failed.map((f) => ({ field: 'email', message: `The email was not sent: ${f.reason}` }));
    return { ok: true, emailed: report.sent > 0 ? [to] : [], warnings };
  });
}

/** The questions the application form should ask, as a page the officer prints or copies into Forms. */
export function formQuestionsPage(): string {
  const items = FORM_QUESTIONS.map(
    (q) =>
      `<li><strong>${escapeHtml(q.title)}</strong> <em>(${escapeHtml(q.kind)})</em><br>${escapeHtml(q.help)}${
        q.title === 'Consent' ? '<br>Answer: <strong>I agree</strong>' : ''
      }</li>`,
  ).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Questions for the application form</title><style>body{font:14px/1.5 sans-serif;max-width:760px;margin:24px auto}li{margin:0 0 12px}@media print{button{display:none}}</style></head><body><h1>Questions for the online application form</h1><p>Make a Google Form with these questions, titled as here (the add-on finds each answer by its title), then link it to this spreadsheet: Responses › Link to Sheets. Its answers arrive in the "${RESPONSES_SHEET}" sheet and wait in Extensions › Post-Results Tracker › Applications.</p><ol>${items}</ol><button onclick="print()">Print</button></body></html>`;
}
