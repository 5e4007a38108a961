/**
 * The officer reads her logs by name: "Priority review of marking" and
 * "Teacher", never a code. The server functions and CSV files keep the codes,
 * and a cell holding a code (a log written before the names, or her own
 * typing), or a name typed in another case, still reads and moves on.
 */
import type { GasEnvironment } from '../../emulator/gas';
import { SHEET } from '../../src/domain/schema';
import { SERVICE_CELL } from '../fixtures/logCells';
import { NOW, seasonRows, writeLog } from './dashboardSeason';
import { setUpAddOn, sheetValues, type AddOn } from './harness';
import { centre, dailyRun, digests, logRequest, mailTo, morning, row } from './progressHelpers';

const AMY = 'amy.brown@example.org';
const TEACHER = 'r.patel@example.org';

/** Types into one cell of a request's row, as the officer does in the sheet. */
function typeInto(env: GasEnvironment, log: string, requestId: string, header: string, text: string): void {
  const sheet = env.spreadsheet.getSheetByName(log)!;
  const values = sheet.getDataRange().getValues();
  const col = values[0].indexOf(header);
  const r = values.findIndex((v) => v.includes(requestId));
  if (col < 0 || r < 1) throw new Error(`No ${header} cell for ${requestId}`);
  sheet.getRange(r + 1, col + 1).setValue(text);
}

function dropdown(env: GasEnvironment, log: string, header: string) {
  const sheet = env.spreadsheet.getSheetByName(log)!;
  const col = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].indexOf(header) + 1;
  const rule = sheet.getRange(7, col).getDataValidation()!;
  return { values: rule.getCriteriaValues()[0], allowsOther: rule.getAllowInvalid() };
}

function scriptForTeacher(addOn: AddOn): string {
  return logRequest(addOn, {
    service: 'ats-copy',
    requestedBy: 'teacher',
    teacherEmail: TEACHER,
    paid: 'no',
    originalMark: '',
    originalGrade: '',
  });
}

describe('the logs by name', () => {
  it("write the service's name and Candidate or Teacher; findRequests answers the codes", () => {
    const addOn = centre();
    morning(addOn, '2026-08-20');
    const review = logRequest(addOn, {
      service: 'priority-review-of-marking',
      reason: 'University place depends on it',
    });
    const script = scriptForTeacher(addOn);
    expect(row(addOn, review)).toMatchObject({ Service: 'Priority review of marking', 'Requested by': 'Candidate' });
    expect(row(addOn, script)).toMatchObject({ Service: 'Copy of script', 'Requested by': 'Teacher' });

    const found = addOn.run('findRequests', 'Brown').matches;
    expect(found.map((m: { requestId: string; service: string }) => [m.requestId, m.service])).toEqual([
      [review, 'priority-review-of-marking'],
      [script, 'ats-copy'],
    ]);
  });

  it('offer the names in their dropdowns, each log its own services, and take a name picked from them', () => {
    const { env } = setUpAddOn();
    expect(dropdown(env, SHEET.requests, 'Service')).toEqual({
      values: [
        'Clerical re-check',
        'Review of marking',
        'Priority review of marking',
        'Review of moderation',
        'Preliminary appeal',
        'Appeal hearing',
        'Missing or incomplete result',
        'Late certification',
      ],
      allowsOther: true,
    });
    expect(dropdown(env, SHEET.scripts, 'Service')).toEqual({
      values: ['Priority copy of script', 'Copy of script', 'Original script'],
      allowsOther: true,
    });
    for (const log of [SHEET.requests, SHEET.scripts]) {
      expect(dropdown(env, log, 'Requested by')).toEqual({ values: ['Candidate', 'Teacher'], allowsOther: true });
    }
    const sheet = env.spreadsheet.getSheetByName(SHEET.requests)!;
    const col = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].indexOf('Service') + 1;
    sheet.getRange(3, col).setValue('Appeal hearing');
    expect(sheet.getRange(3, col).getValue()).toBe('Appeal hearing');
  });

  it('read a row whose cells the officer typed as codes, move it on, and leave her cells as she typed them', () => {
    const addOn = centre();
    morning(addOn, '2026-08-20');
    const id = logRequest(addOn);
    typeInto(addOn.env, SHEET.requests, id, 'Service', 'review-of-marking');
    typeInto(addOn.env, SHEET.requests, id, 'Requested by', 'candidate');

    expect(addOn.run('findRequests', id).matches[0]).toMatchObject({ requestId: id, service: 'review-of-marking' });
    morning(addOn, '2026-08-24');
    expect(addOn.run('recordSubmission', id, { submittedOn: '2026-08-24', boardReference: 'AQA-1' }).status).toBe(
      'Submitted',
    );
    morning(addOn, '2026-08-27');
    expect(dailyRun(addOn).flagged).toEqual([{ requestId: id, flag: 'notAcknowledged' }]);
    morning(addOn, '2026-09-03');
    const outcome = addOn.run('recordOutcome', id, { receivedOn: '2026-09-03', newMark: '67', newGrade: 'A' });
    expect(outcome).toMatchObject({ ok: true, kind: 'grade-raised', emailed: [AMY] });
    expect(outcome.followUps).toContain('Refund £48.65 to the candidate.');
    expect(row(addOn, id)).toMatchObject({
      Service: 'review-of-marking',
      'Requested by': 'candidate',
      'New grade': 'A',
      Status: 'Outcome received',
    });
    const refunds = addOn.run('refundList');
    expect(refunds.rows).toEqual([expect.objectContaining({ 'Request ID': id, 'Paid by': 'Candidate' })]);
  });

  it('read a name typed in another case, with spaces round it, as the service and the person it names', () => {
    const addOn = centre();
    morning(addOn, '2026-08-20');
    const id = scriptForTeacher(addOn);
    typeInto(addOn.env, SHEET.scripts, id, 'Service', '  ORIGINAL script ');
    typeInto(addOn.env, SHEET.scripts, id, 'Requested by', 'TEACHER');

    expect(addOn.run('findRequests', id).matches[0]).toMatchObject({ requestId: id, service: 'ats-original' });
    morning(addOn, '2026-08-21');
    addOn.run('recordSubmission', id, { submittedOn: '2026-08-21', boardReference: 'SC-9' });
    morning(addOn, '2026-08-27');
    const link = 'https://drive.google.com/file/d/abc123/view';
    const outcome = addOn.run('recordOutcome', id, { receivedOn: '2026-08-27', scriptLink: link });
    expect(outcome).toMatchObject({ ok: true, status: 'Closed', emailed: [TEACHER] });
    expect(mailTo(addOn, TEACHER)).toHaveLength(1);
    expect(mailTo(addOn, AMY)).toHaveLength(0);
  });
});

describe('a Service cell she typed wrong', () => {
  it('is flagged by the daily check, in the Flags cell and the digest, and the flag goes once she picks a name', () => {
    const addOn = centre();
    morning(addOn, '2026-08-20');
    const id = logRequest(addOn);
    typeInto(addOn.env, SHEET.requests, id, 'Service', 'Reveiw of marking');
    morning(addOn, '2026-08-21');
    const check = dailyRun(addOn);
    expect(check.flagged).toEqual([{ requestId: id, flag: 'serviceUnknown' }]);
    expect(row(addOn, id).Flags).toBe('Service not recognised (Reveiw of marking)');
    const [digest] = digests(addOn);
    expect(digest.body).toContain('Choose the service from the list: the Service cell names none (1)');
    expect(digest.body).toContain(`- ${id} Amy Brown (AQA): Chemistry 7405/1, Reveiw of marking`);

    typeInto(addOn.env, SHEET.requests, id, 'Service', 'Review of marking');
    morning(addOn, '2026-08-22');
    expect(dailyRun(addOn).flagged).toEqual([]);
    expect(row(addOn, id).Flags).toBe('');
  });
});

describe('figures from a log by name', () => {
  /**
   * The same season twice: once with codes in the cells (a log from before
   * the names), once with the names as written now, some typed in capitals.
   */
  function season(cells: 'codes' | 'names') {
    const addOn = setUpAddOn({ now: NOW });
    const requests = seasonRows(60, SHEET.requests);
    const scripts = seasonRows(20, SHEET.scripts);
    if (cells === 'names') {
      [...requests, ...scripts].forEach((r, i) => {
        const name = SERVICE_CELL[String(r.record.Service)];
        r.record.Service = i % 3 === 2 ? name.toUpperCase() : name;
        r.record['Requested by'] = 'Candidate';
      });
    }
    writeLog(addOn.env, SHEET.requests, requests);
    writeLog(addOn.env, SHEET.scripts, scripts);
    const check = dailyRun(addOn);
    expect(addOn.run('refreshSltDashboard')).toEqual({ ok: true });
    return { addOn, check, dashboard: sheetValues(addOn.env, SHEET.dashboard) };
  }

  it('are the same as from a log by code: the daily check, its digest and the SLT dashboard', () => {
    const byCode = season('codes');
    const byName = season('names');
    expect(byCode.check.flagged.length).toBeGreaterThan(0);
    expect(byName.check.flagged).toEqual(byCode.check.flagged);
    expect(byName.check.summary).toEqual(byCode.check.summary);
    expect(byName.dashboard).toEqual(byCode.dashboard);
    expect(byName.dashboard.flat()).toContain('Review of marking');
  });
});
