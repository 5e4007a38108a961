/**
 * Chasing the boards, through the built bundle, on a controllable clock:
 * each path a request can take from Received to Closed, with the flags the
 * daily check sets and clears on the right day, and the emails an outcome
 * sends through the one mailer (kept in Correspondence).
 */
import { SHEET } from '../../src/domain/schema';
import { sheetRecords } from './harness';
import {
  OFFICER,
  centre,
  dailyRun,
  digests,
  flagsOf,
  logRequest,
  mailTo,
  morning,
  row,
  shownDate,
} from './progressHelpers';

const AMY = 'amy.brown@example.org';

describe('a review whose grade goes up: Received to Closed through its follow-ups', () => {
  it('walks every step, flagging and clearing on the right days', () => {
    const addOn = centre();
    morning(addOn, '2026-08-20');
    const id = logRequest(addOn);
    expect(row(addOn, id).Status).toBe('Received');

    // Monday 24 August: entered on the board's website.
    morning(addOn, '2026-08-24');
    expect(addOn.run('recordSubmission', id, { submittedOn: '2026-08-24', boardReference: 'AQA-77123' })).toEqual({
      ok: true,
      requestId: id,
      status: 'Submitted',
    });
    expect(row(addOn, id)).toMatchObject({ Status: 'Submitted', 'Board reference': 'AQA-77123', Flags: '' });
    expect(shownDate(addOn, id, 'Submitted to board')).toBe('24/08/2026');

    // Two working days to acknowledge: Tuesday and Wednesday. Nothing yet on Wednesday...
    morning(addOn, '2026-08-26');
    expect(flagsOf(dailyRun(addOn), id)).toEqual([]);
    // ...flagged on Thursday.
    morning(addOn, '2026-08-27');
    const thursday = dailyRun(addOn);
    expect(flagsOf(thursday, id)).toEqual(['notAcknowledged']);
    expect(row(addOn, id).Flags).toBe('Not acknowledged by the board (submitted 24/08/2026)');
    expect(thursday.digestSent).toBe(true);

    // Friday: the board acknowledges; the flag goes at once, before any daily check.
    morning(addOn, '2026-08-28');
    expect(addOn.run('recordAcknowledgement', id, { acknowledgedOn: '2026-08-28' }).status).toBe('Acknowledged');
    expect(row(addOn, id).Flags).toBe('');
    expect(flagsOf(dailyRun(addOn), id)).toEqual([]);

    // Thursday 3 September: the grade goes up from B to A.
    morning(addOn, '2026-09-03');
    const outcome = addOn.run('recordOutcome', id, { receivedOn: '2026-09-03', newMark: '67', newGrade: 'A' });
    expect(outcome).toEqual({
      ok: true,
      requestId: id,
      status: 'Outcome received',
      gradeChanged: true,
      kind: 'grade-raised',
      emailed: [AMY],
      queued: [],
      followUps: [
        'Refund £48.65 to the candidate.',
        'Update the MIS with the new grade.',
        'Issue an updated Statement of Results.',
      ],
      warnings: [],
    });
    expect(row(addOn, id)).toMatchObject({
      'New grade': 'A',
      'New mark': '67',
      Flags: 'Refund due (£48.65); Update MIS; Issue updated SoR',
    });
    const [email] = mailTo(addOn, AMY);
    expect(email.subject).toBe('Good news about your Chemistry result');
    expect(email.body).toContain('Your grade has gone up from B to A.');
    const kept = sheetRecords(addOn.env, SHEET.correspondence).filter(
      (c) => c['Request ID'] === id && String(c.Template).startsWith('Outcome'),
    );
    expect(kept.map((c) => [c.To, c.Template, c.Status])).toEqual([[AMY, 'Outcome: grade raised', 'sent']]);

    // Five working days for the follow-ups: Fri 4, Mon 7 … Thu 10. Overdue from Friday 11th.
    morning(addOn, '2026-09-10');
    expect(flagsOf(dailyRun(addOn), id)).toEqual(['refundDue', 'updateMis', 'issueSor']);
    morning(addOn, '2026-09-11');
    expect(flagsOf(dailyRun(addOn), id)).toEqual(['refundDue', 'updateMis', 'issueSor', 'followUpOverdue']);

    const partly = addOn.run('recordFollowUp', id, { refundIssuedOn: '2026-09-11', misUpdatedOn: '2026-09-11' });
    expect(partly).toEqual({
      ok: true,
      requestId: id,
      status: 'Outcome received',
      open: ['Issue an updated Statement of Results'],
      closed: false,
    });
    expect(row(addOn, id).Flags).toBe('Issue updated SoR; Follow-up overdue (outcome 03/09/2026)');

    const done = addOn.run('recordFollowUp', id, { sorIssuedOn: '2026-09-11' });
    expect(done).toMatchObject({ ok: true, status: 'Closed', open: [], closed: true });
    expect(row(addOn, id)).toMatchObject({ Status: 'Closed', Flags: '' });
    expect(flagsOf(dailyRun(addOn), id)).toEqual([]);
    // The candidate was emailed once, however many runs came after.
    expect(mailTo(addOn, AMY)).toHaveLength(1);
  });
});

describe('a review with no change: the appeal window', () => {
  function noChange() {
    const addOn = centre();
    morning(addOn, '2026-08-20');
    const id = logRequest(addOn);
    morning(addOn, '2026-08-24');
    addOn.run('recordSubmission', id, { submittedOn: '2026-08-24', boardReference: 'AQA-1' });
    morning(addOn, '2026-08-28');
    // The outcome arrives before any acknowledgement was recorded: accepted, and it records the acknowledgement.
    const outcome = addOn.run('recordOutcome', id, { receivedOn: '2026-08-28', newMark: '61', newGrade: 'B' });
    return { addOn, id, outcome };
  }

  it('tells the candidate how to appeal and by when, and closes when the window has passed', () => {
    const { addOn, id, outcome } = noChange();
    expect(outcome).toMatchObject({ ok: true, status: 'Outcome received', gradeChanged: false, emailed: [AMY] });
    expect(outcome.followUps[0]).toMatch(/may appeal until Sunday 27 September 2026/);
    expect(row(addOn, id)).toMatchObject({ Status: 'Outcome received' });
    expect(shownDate(addOn, id, 'Acknowledged')).toBe('28/08/2026');
    const [email] = mailTo(addOn, AMY);
    expect(email.body).toContain('The last day to appeal is Sunday 27 September 2026');

    // 30 days from 28 August: the window closes on Sunday 27 September; flagged from Thursday 24th.
    morning(addOn, '2026-09-23');
    expect(flagsOf(dailyRun(addOn), id)).toEqual([]);
    for (const day of ['2026-09-24', '2026-09-25', '2026-09-26', '2026-09-27']) {
      morning(addOn, day);
      expect({ day, flags: flagsOf(dailyRun(addOn), id) }).toEqual({ day, flags: ['appealWindowClosing'] });
    }
    expect(row(addOn, id).Flags).toBe('Appeal window closing (closes 27/09/2026)');
    morning(addOn, '2026-09-28');
    const closing = dailyRun(addOn);
    expect(closing.closed).toEqual([id]);
    expect(row(addOn, id)).toMatchObject({ Status: 'Closed', Flags: '' });
  });

  it('closes at the next daily check once an appeal is logged against it', () => {
    const { addOn, id } = noChange();
    morning(addOn, '2026-09-02');
    const appeal = logRequest(addOn, { service: 'appeal', relatedRequestId: id, consentDate: '2026-09-02' });
    const run = dailyRun(addOn);
    expect(run.closed).toEqual([id]);
    expect(row(addOn, id).Status).toBe('Closed');
    expect(row(addOn, appeal).Status).toBe('Received');
  });
});

describe('a review where the mark changes but the grade does not', () => {
  it('is still no grade change: tells the candidate the new mark, that no refund is owed, and how to appeal and by when; closes when the window does', () => {
    const addOn = centre();
    morning(addOn, '2026-08-20');
    const id = logRequest(addOn);
    morning(addOn, '2026-08-24');
    addOn.run('recordSubmission', id, { submittedOn: '2026-08-24' });
    addOn.run('recordAcknowledgement', id, { acknowledgedOn: '2026-08-24' });
    morning(addOn, '2026-09-01');
    const outcome = addOn.run('recordOutcome', id, { receivedOn: '2026-09-01', newMark: '63', newGrade: 'B' });
    expect(outcome).toMatchObject({
      ok: true,
      status: 'Outcome received',
      gradeChanged: false,
      kind: 'mark-changed',
      emailed: [AMY],
    });
    expect(outcome.followUps).toEqual([
      'No refund: the mark changed but the grade did not, so the fee is charged. The candidate may appeal until Thursday 1 October 2026; the request closes then, or when an appeal is logged.',
    ]);
    const body = mailTo(addOn, AMY)[0].body;
    expect(body).toContain('Your mark for this paper is now 63');
    expect(body).toContain('The last day to appeal is Thursday 1 October 2026.');
    expect(row(addOn, id)).toMatchObject({ Status: 'Outcome received', Flags: '' });
    morning(addOn, '2026-10-02');
    dailyRun(addOn);
    expect(row(addOn, id).Status).toBe('Closed');
  });
});

describe('a copy of a script asked for by a teacher', () => {
  it('goes to the teacher with its link, and the request closes', () => {
    const addOn = centre();
    morning(addOn, '2026-08-20');
    const id = logRequest(addOn, {
      service: 'ats-copy',
      requestedBy: 'teacher',
      teacherEmail: 'r.patel@example.org',
      paid: 'no',
      originalMark: '',
      originalGrade: '',
    });
    expect(id).toBe('S-2026-0001');
    morning(addOn, '2026-08-21');
    addOn.run('recordSubmission', id, { submittedOn: '2026-08-21', boardReference: 'SC-9' });
    morning(addOn, '2026-08-27');
    const link = 'https://drive.google.com/file/d/abc123/view';
    const missing = addOn.run('recordOutcome', id, { receivedOn: '2026-08-27' });
    expect(missing.errors).toEqual([{ field: 'scriptLink', message: expect.stringMatching(/link to the script/) }]);
    const outcome = addOn.run('recordOutcome', id, { receivedOn: '2026-08-27', scriptLink: link });
    expect(outcome).toMatchObject({ ok: true, status: 'Closed', emailed: ['r.patel@example.org'] });
    const [email] = mailTo(addOn, 'r.patel@example.org');
    expect(email.subject).toBe('Script ready: Amy Brown, Chemistry 7405/1');
    expect(email.body).toContain(link);
    expect(row(addOn, id)).toMatchObject({ 'Script link': link, Status: 'Closed' });
  });
});

describe('withdrawing', () => {
  it('keeps the reason in Notes, clears the flags and refuses any later step', () => {
    const addOn = centre();
    morning(addOn, '2026-08-20');
    const id = logRequest(addOn, { notes: 'Form filed' });
    morning(addOn, '2026-08-24');
    addOn.run('recordSubmission', id, { submittedOn: '2026-08-24', boardReference: 'AQA-5' });
    morning(addOn, '2026-08-27');
    expect(flagsOf(dailyRun(addOn), id)).toEqual(['notAcknowledged']);
    const withdrawn = addOn.run('withdrawRequest', id, { reason: 'Candidate changed their mind' });
    expect(withdrawn).toEqual({
      ok: true,
      requestId: id,
      status: 'Withdrawn',
      followUps: ["Tell AQA it is withdrawn: it was submitted on the board's website (reference AQA-5)."],
    });
    expect(row(addOn, id)).toMatchObject({
      Status: 'Withdrawn',
      Flags: '',
      Notes: 'Form filed\nWithdrawn on 27/08/2026: Candidate changed their mind',
    });
    expect(addOn.run('recordOutcome', id, { receivedOn: '2026-08-27', newGrade: 'A' }).errors).toEqual([
      { field: 'receivedOn', message: `${id} was withdrawn, so an outcome cannot be recorded.` },
    ]);
    expect(flagsOf(dailyRun(addOn), id)).toEqual([]);
  });
});

describe('steps that make no sense are refused, with nothing written', () => {
  it.each([
    [
      'an acknowledgement before any submission',
      'recordAcknowledgement',
      { acknowledgedOn: '2026-08-21' },
      'acknowledgedOn',
    ],
    ['a submission dated in the future', 'recordSubmission', { submittedOn: '2026-08-22' }, 'submittedOn'],
    ['a submission before the request was received', 'recordSubmission', { submittedOn: '2026-08-19' }, 'submittedOn'],
    ['an outcome before any submission', 'recordOutcome', { receivedOn: '2026-08-21', newGrade: 'A' }, 'receivedOn'],
    ['follow-ups before an outcome', 'recordFollowUp', { misUpdatedOn: '2026-08-21' }, 'refundIssuedOn'],
    ['a withdrawal without a reason', 'withdrawRequest', { reason: '' }, 'reason'],
  ])('%s', (_what, fn, input, field) => {
    const addOn = centre();
    morning(addOn, '2026-08-20');
    const id = logRequest(addOn);
    morning(addOn, '2026-08-21');
    const before = JSON.stringify(addOn.env.serialize());
    const result = addOn.run(fn, id, input);
    expect(result.ok).toBe(false);
    expect(result.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    expect(JSON.stringify(addOn.env.serialize())).toBe(before);
  });

  it('an unknown or malformed request ID is an error beside requestId', () => {
    const addOn = centre();
    expect(addOn.run('recordSubmission', 'R-2026-0099', { submittedOn: '2026-08-20' }).errors).toEqual([
      { field: 'requestId', message: 'There is no request R-2026-0099 in the Requests log.' },
    ]);
    expect(addOn.run('recordSubmission', '=1+1', {}).errors[0].field).toBe('requestId');
  });

  it('an acknowledgement dated before the submission names the submission date', () => {
    const addOn = centre();
    morning(addOn, '2026-08-20');
    const id = logRequest(addOn);
    morning(addOn, '2026-08-25');
    addOn.run('recordSubmission', id, { submittedOn: '2026-08-24' });
    expect(addOn.run('recordAcknowledgement', id, { acknowledgedOn: '2026-08-21' }).errors).toEqual([
      { field: 'acknowledgedOn', message: '21/08/2026 is before it was submitted to the board (24/08/2026).' },
    ]);
  });

  it('what the officer types stays text: a board reference that looks like a formula is not one', () => {
    const addOn = centre();
    morning(addOn, '2026-08-20');
    const id = logRequest(addOn);
    addOn.run('recordSubmission', id, { submittedOn: '2026-08-20', boardReference: '=IMPORTXML("http://x")' });
    expect(row(addOn, id)['Board reference']).toBe('=IMPORTXML("http://x")');
    const formulas = addOn.env.spreadsheet.getSheetByName(SHEET.requests)!.getDataRange().getFormulas();
    expect(formulas.flat().filter((f) => f !== '')).toEqual([]);
  });
});

describe('emails go after the lock, through the mailer, at most once', () => {
  it('an outcome over the day’s quota is queued, and the daily check sends it', () => {
    const addOn = centre();
    morning(addOn, '2026-08-20');
    const id = logRequest(addOn);
    addOn.run('recordSubmission', id, { submittedOn: '2026-08-20' });
    morning(addOn, '2026-08-28');
    addOn.env.mail.setQuota(0);
    const outcome = addOn.run('recordOutcome', id, { receivedOn: '2026-08-28', newMark: '67', newGrade: 'A' });
    expect(outcome).toMatchObject({ ok: true, emailed: [], queued: [AMY] });
    expect(outcome.warnings.join(' ')).toMatch(/daily check sends it/);
    expect(mailTo(addOn, AMY)).toHaveLength(0);
    morning(addOn, '2026-08-29');
    addOn.env.mail.setQuota(100);
    dailyRun(addOn);
    expect(mailTo(addOn, AMY).map((m) => m.subject)).toEqual(['Good news about your Chemistry result']);
    expect(digests(addOn).map((m) => m.to)).toEqual([OFFICER]);
  });

  it('while another change holds the lock, an outcome is refused: nothing written, nobody emailed', () => {
    const addOn = centre();
    morning(addOn, '2026-08-20');
    const id = logRequest(addOn);
    addOn.run('recordSubmission', id, { submittedOn: '2026-08-20' });
    addOn.env.locks.holdDocumentLock();
    const result = addOn.run('recordOutcome', id, { receivedOn: '2026-08-20', newGrade: 'A' });
    addOn.env.locks.releaseAll();
    expect(result.ok).toBe(false);
    expect(result.errors[0].message).toMatch(/try again/);
    expect(addOn.env.mail.outbox).toHaveLength(0);
    expect(row(addOn, id)['Outcome received']).toBe('');
  });
});

describe('findRequests()', () => {
  function logged() {
    const addOn = centre();
    morning(addOn, '2026-08-20');
    logRequest(addOn, { surname: "O'Brien", forename: 'Niamh', candidateNumber: '2058' });
    logRequest(addOn, { surname: 'Müller', forename: 'Jonas', candidateNumber: '0042' });
    logRequest(addOn, { surname: 'Brown', forename: 'Amy', candidateNumber: '0007', component: '7405/2' });
    logRequest(addOn, {
      surname: 'Müller',
      forename: 'Jonas',
      candidateNumber: '0042',
      service: 'ats-copy',
      paid: 'no',
      originalMark: '',
      originalGrade: '',
    });
    return addOn;
  }

  it('finds by part of a surname, ignoring accents, case and apostrophes, in both logs', () => {
    const addOn = logged();
    const found = addOn.run('findRequests', 'muller');
    expect(found.ok).toBe(true);
    expect(found.matches.map((m: { requestId: string; sheet: string }) => [m.requestId, m.sheet])).toEqual([
      ['R-2026-0002', 'Requests'],
      ['S-2026-0001', 'Access to scripts'],
    ]);
    expect(found.matches[0]).toMatchObject({
      candidateNumber: '0042',
      surname: 'Müller',
      forename: 'Jonas',
      subject: 'Chemistry',
      service: 'review-of-marking',
      status: 'Received',
    });
    expect(addOn.run('findRequests', 'OBRI').matches.map((m: { surname: string }) => m.surname)).toEqual(["O'Brien"]);
  });

  it('finds by request ID and by candidate number (leading zeros optional)', () => {
    const addOn = logged();
    expect(addOn.run('findRequests', 'r-2026-0003').matches.map((m: { surname: string }) => m.surname)).toEqual([
      'Brown',
    ]);
    expect(addOn.run('findRequests', '42').matches).toHaveLength(2);
    expect(addOn.run('findRequests', 'nobody').matches).toEqual([]);
  });

  it('asks for something to search for', () => {
    const addOn = logged();
    expect(addOn.run('findRequests', '  ').errors).toEqual([
      { field: 'query', message: 'Type a request ID, a candidate number or part of a surname.' },
    ]);
  });
});
