/**
 * The board's rules where families and money are at stake (issue 14, second
 * half), through the built bundle on a controllable clock: a review of
 * moderation as the centre's request, appeals in their two stages and then
 * Ofqual's EPRS, results issued after a missing result, free late
 * certification with no late applications, and an original script that
 * stops a later review of its paper.
 */
import { SHEET } from '../../src/domain/schema';
import { sheetRecords, type AddOn } from './harness';
import { centre, dailyRun, logRequest, mailTo, morning, row } from './progressHelpers';

const AMY = 'amy.brown@example.org';

/** Changes one Services row, found by board and service, as the officer types it. */
function setService(addOn: AddOn, board: string, service: string, values: Record<string, unknown>): void {
  const sheet = addOn.env.spreadsheet.getSheetByName(SHEET.services)!;
  const rows = sheet.getDataRange().getValues();
  const headers = rows[0].map(String);
  const r = rows.findIndex((v) => v[headers.indexOf('Board')] === board && v[headers.indexOf('Service')] === service);
  if (r < 0) throw new Error(`No Services row for ${board} ${service}`);
  for (const [header, value] of Object.entries(values)) {
    sheet.getRange(r + 1, headers.indexOf(header) + 1).setValue(value);
  }
}

/** Submitted, acknowledged and given its outcome on `day`; returns recordOutcome's answer. */
function outcome(addOn: AddOn, id: string, day: string, input: Record<string, unknown>) {
  morning(addOn, day);
  if (row(addOn, id)['Submitted to board'] === '') addOn.run('recordSubmission', id, { submittedOn: day });
  addOn.env.mail.clear();
  return addOn.run('recordOutcome', id, { receivedOn: day, ...input });
}

describe('a review of moderation: the centre’s request for one component', () => {
  it('is logged once with the candidates it covers, no candidate or consent, paid by the centre; a lowered outcome emails nobody and changes no grade', () => {
    const addOn = centre();
    setService(addOn, 'AQA', 'review-of-moderation', { Fee: 60 });
    morning(addOn, '2026-08-27');
    const saved = addOn.run('submitRequest', {
      board: 'AQA',
      series: 'June 2026',
      service: 'review-of-moderation',
      qualification: 'GCE A level',
      subject: 'Chemistry',
      component: '7405/4',
      candidatesCovered: 'whole cohort',
      requestedBy: 'candidate',
      notes: 'Head of science asked',
    });
    expect(saved).toMatchObject({ ok: true, requestId: 'R-2026-0001', fee: 60, emailed: [] });
    expect(row(addOn, 'R-2026-0001')).toMatchObject({
      'Candidate number': '',
      Surname: '',
      Service: 'Review of moderation',
      'Candidates covered': 'whole cohort',
      Consent: false,
      Paid: 'waived',
      'Requested by': 'Teacher',
      Fee: 60,
    });
    expect(addOn.env.mail.outbox).toEqual([]);

    const second = addOn.run('submitRequest', {
      board: 'AQA',
      series: 'June 2026',
      service: 'review-of-moderation',
      subject: 'Chemistry',
      component: '7405/4',
      candidatesCovered: '0042',
    });
    expect(second.errors[0].message).toMatch(/The centre already has an open review of moderation for AQA 7405\/4/);

    const lowered = outcome(addOn, 'R-2026-0001', '2026-09-10', { moderationOutcome: 'lowered' });
    expect(lowered).toMatchObject({ ok: true, kind: 'moderation-lowered', gradeChanged: false, emailed: [] });
    expect(lowered.followUps).toEqual([
      "No refund: the board keeps the centre's fee unless the centre's original marks are reinstated.",
      "Do not change the MIS: grades published in June 2026 are not lowered after a review of moderation. The lowered marks may carry forward if these candidates' marks for 7405/4 are used again (a later series or certification).",
      'The centre may appeal until Saturday 10 October 2026; the request closes then, or when an appeal is logged.',
    ]);
    expect(addOn.env.mail.outbox.filter((m) => /gone down/.test(m.body))).toEqual([]);
    expect(row(addOn, 'R-2026-0001')).toMatchObject({
      'Moderation outcome': 'lowered',
      Status: 'Outcome received',
      Flags: '',
    });
  });

  it("the centre's original marks reinstated: the fee comes back to the centre, and the MIS and updated statements are follow-ups", () => {
    const addOn = centre();
    setService(addOn, 'AQA', 'review-of-moderation', { Fee: 60 });
    morning(addOn, '2026-08-27');
    const id = addOn.run('submitRequest', {
      board: 'AQA',
      series: 'June 2026',
      service: 'review-of-moderation',
      subject: 'Chemistry',
      component: '7405/4',
      candidatesCovered: '0042, 0107',
    }).requestId;
    const done = outcome(addOn, id, '2026-09-10', { moderationOutcome: 'reinstated' });
    expect(done.followUps[0]).toBe(
      "The board refunds the centre's fee of £60.00: the centre's original marks were reinstated. Check it on the board's invoice; no candidate paid.",
    );
    expect(row(addOn, id)).toMatchObject({ Status: 'Outcome received', Flags: 'Update MIS; Issue updated SoR' });
    addOn.run('recordFollowUp', id, { misUpdatedOn: '2026-09-10', sorIssuedOn: '2026-09-10' });
    expect(row(addOn, id).Status).toBe('Closed');
  });
});

describe('appeals in their stages, then Ofqual', () => {
  it('review, preliminary appeal and hearing are linked requests, each with its own window and closing email', () => {
    const addOn = centre();
    morning(addOn, '2026-08-20');
    const review = logRequest(addOn);
    // Thursday 27 August: no change. The 30 days end on Saturday 26 September.
    const noChange = outcome(addOn, review, '2026-08-27', { newGrade: 'B', newMark: '61' });
    expect(noChange.status).toBe('Outcome received');
    expect(mailTo(addOn, AMY)[0].body).toContain(
      'The last day to appeal is Saturday 26 September 2026 (a Saturday, when school is closed: please tell us by Friday 25 September 2026).',
    );

    // Stage 1, linked to the review.
    morning(addOn, '2026-09-07');
    const stage1 = logRequest(addOn, { service: 'appeal', relatedRequestId: review, consentDate: '2026-09-07' });
    expect(row(addOn, stage1)).toMatchObject({ Service: 'Preliminary appeal', 'Related request': review, Fee: 120.05 });
    dailyRun(addOn);
    expect(row(addOn, review).Status).toBe('Closed');

    // Stage 1 outcome on Thursday 1 October: no change, so the hearing, within 14 days.
    const stage1Outcome = outcome(addOn, stage1, '2026-10-01', { newGrade: 'B' });
    expect(stage1Outcome.followUps[0]).toBe(
      'No refund: nothing changed. The candidate may ask for an appeal hearing (stage 2) until Thursday 15 October 2026; the request closes then, or when a hearing is logged.',
    );
    const [stage1Email] = mailTo(addOn, AMY);
    expect(stage1Email.subject).toBe('The outcome of your Chemistry appeal');
    expect(stage1Email.body).toContain('you can ask for an appeal hearing, the second and last stage');
    expect(stage1Email.body).toContain(
      'The last day for the board to receive the request is Thursday 15 October 2026.',
    );
    expect(stage1Email.body).not.toContain('30');

    // Stage 2, linked to stage 1, at the hearing's own fee.
    morning(addOn, '2026-10-05');
    const hearing = logRequest(addOn, {
      service: 'appeal-hearing',
      relatedRequestId: stage1,
      consentDate: '2026-10-05',
    });
    expect(row(addOn, hearing)).toMatchObject({ Service: 'Appeal hearing', 'Related request': stage1, Fee: 205.8 });
    expect(row(addOn, hearing).Deadline).toBeTruthy();
    dailyRun(addOn);
    expect(row(addOn, stage1).Status).toBe('Closed');

    // The hearing's outcome: no change. The board's appeals are over; EPRS within 21 days.
    const last = outcome(addOn, hearing, '2026-11-02', { newGrade: 'B' });
    expect(last.status).toBe('Closed');
    const [closing] = mailTo(addOn, AMY);
    expect(closing.subject).toBe('The outcome of your Chemistry appeal hearing');
    expect(closing.body).toContain('Exam Procedures Review Service (EPRS)');
    expect(closing.body).toContain(
      'The application must be made within 21 calendar days of this outcome: the last day is Monday 23 November 2026.',
    );
  });

  it('a hearing cannot follow a review directly', () => {
    const addOn = centre();
    morning(addOn, '2026-08-20');
    const review = logRequest(addOn);
    outcome(addOn, review, '2026-08-27', { newGrade: 'B' });
    morning(addOn, '2026-09-01');
    const refused = addOn.run('submitRequest', hearingForm(review));
    expect(refused.errors).toContainEqual({
      field: 'relatedRequestId',
      message: `${review} is a review of marking: an appeal hearing can only follow a preliminary appeal (stage 1). Log the preliminary appeal first.`,
    });
  });
});

function hearingForm(related: string) {
  return {
    candidateNumber: '0042',
    surname: 'Brown',
    forename: 'Amy',
    email: AMY,
    board: 'AQA',
    qualification: 'GCE A level',
    subject: 'Chemistry',
    component: '7405/1',
    series: 'June 2026',
    service: 'appeal-hearing',
    requestedBy: 'candidate',
    consent: true,
    consentDate: '2026-09-01',
    paid: 'yes',
    relatedRequestId: related,
  };
}

describe('a clerical re-check with no grade change', () => {
  it('tells the candidate about a review of marking and its deadline, not an appeal, and closes', () => {
    const addOn = centre();
    morning(addOn, '2026-08-20');
    const id = logRequest(addOn, { service: 'clerical-recheck' });
    const done = outcome(addOn, id, '2026-08-27', { newGrade: 'B', newMark: '61' });
    expect(done).toMatchObject({ ok: true, status: 'Closed', kind: 'no-change', emailed: [AMY] });
    const [email] = mailTo(addOn, AMY);
    expect(email.subject).toBe('The outcome of your Chemistry clerical re-check');
    expect(email.body).toContain("The board's last day for a review of marking is Thursday 24 September 2026.");
    expect(email.body).not.toContain('The last day to appeal');
  });
});

describe('a missing or incomplete result: the result issued', () => {
  it('tells the candidate with # beside the old grade, and opens the MIS update and updated statement the email promises', () => {
    const addOn = centre();
    morning(addOn, '2026-08-20');
    const id = logRequest(addOn, {
      service: 'mir',
      indicator: '#',
      originalGrade: 'C#',
      originalMark: '',
      consent: false,
      consentDate: '',
      paid: 'no',
    });
    const done = outcome(addOn, id, '2026-09-01', { newGrade: 'B' });
    expect(done).toMatchObject({
      ok: true,
      kind: 'result-issued',
      status: 'Outcome received',
      followUps: ['Update the MIS with the new grade.', 'Issue an updated Statement of Results.'],
    });
    const [email] = mailTo(addOn, AMY);
    expect(email.subject).toBe('Your Chemistry result from AQA');
    expect(email.body).toContain(
      'Before, your results showed C with a # beside it (partial absence: work was only counted for some of your papers).',
    );
    expect(email.body).toContain('Your result is now B.');
    expect(row(addOn, id).Flags).toBe('Update MIS; Issue updated SoR');
    addOn.run('recordFollowUp', id, { misUpdatedOn: '2026-09-01' });
    expect(row(addOn, id).Status).toBe('Outcome received');
    addOn.run('recordFollowUp', id, { sorIssuedOn: '2026-09-01' });
    expect(row(addOn, id).Status).toBe('Closed');
  });
});

describe('late certification at OCR: free, and no late applications', () => {
  const late = {
    board: 'OCR',
    service: 'late-certification',
    qualification: 'GCSE',
    subject: 'Mathematics',
    component: '',
    consent: false,
    consentDate: '',
    paid: 'no',
    originalMark: '',
    originalGrade: '',
  };

  it('is taken free before the deadline, with no payment needed', () => {
    const addOn = centre();
    setService(addOn, 'OCR', 'late-certification', { Deadline: '2026-09-24' });
    morning(addOn, '2026-09-24');
    const saved = addOn.run('submitRequest', { ...reviewLike(late) });
    expect(saved).toMatchObject({ ok: true, fee: 0, deadline: '2026-09-24' });
    expect(row(addOn, saved.requestId)).toMatchObject({ Fee: 0, Paid: 'no' });
  });

  it('is refused after the deadline with a clear message, even with a late reason, and nothing is written', () => {
    const addOn = centre();
    setService(addOn, 'OCR', 'late-certification', { Deadline: '2026-09-24' });
    morning(addOn, '2026-09-25');
    const refused = addOn.run('submitRequest', { ...reviewLike(late), lateReason: 'Only found out today' });
    expect(refused.errors).toEqual([
      {
        field: 'service',
        message:
          'OCR does not accept late certification applications after its deadline of Thursday 24 September 2026 (today is Friday 25 September 2026), so it cannot be taken late, even with a reason.',
      },
    ]);
    expect(sheetRecords(addOn.env, SHEET.requests)).toEqual([]);
  });

  it('the seeded OCR row says it is free, through Interchange only', () => {
    const addOn = centre();
    const ocr = sheetRecords(addOn.env, SHEET.services).find(
      (r) => r.Board === 'OCR' && r.Service === 'late-certification',
    )!;
    expect(ocr.Fee).toBe(0);
    expect(String(ocr.Notes)).toMatch(/^Free service; request on Interchange only/);
  });
});

function reviewLike(over: Record<string, unknown>) {
  return {
    candidateNumber: '0042',
    surname: 'Brown',
    forename: 'Amy',
    email: AMY,
    series: 'June 2026',
    requestedBy: 'candidate',
    ...over,
  };
}

describe('an original script stops a later review of its paper', () => {
  it('warns when the original is asked for; refuses the later review unless the officer gives a reason, kept in the notes', () => {
    const addOn = centre();
    morning(addOn, '2026-08-20');
    const script = addOn.run('submitRequest', {
      ...reviewLike({
        board: 'AQA',
        qualification: 'GCE A level',
        subject: 'Chemistry',
        component: '7405/1',
        service: 'ats-original',
        consent: true,
        consentDate: '2026-08-20',
        paid: 'no',
      }),
    });
    expect(script.ok).toBe(true);
    expect(script.warnings).toContainEqual({
      field: 'service',
      message:
        'Once the original script of 7405/1 is requested, a clerical re-check or review of marking of that paper can no longer be requested. Check that the candidate does not want one first.',
    });

    // The review is checked against the other log, read under the same lock.
    const refused = addOn.run('submitRequest', {
      candidateNumber: '0042',
      surname: 'Brown',
      forename: 'Amy',
      email: AMY,
      board: 'AQA',
      qualification: 'GCE A level',
      subject: 'Chemistry',
      component: '7405/1',
      series: 'June 2026',
      service: 'review-of-marking',
      requestedBy: 'candidate',
      consent: true,
      consentDate: '2026-08-20',
      paid: 'yes',
    });
    expect(refused.errors).toEqual([
      {
        field: 'overrideReason',
        message: `The original script of AQA Chemistry 7405/1 was requested for candidate 0042 (${script.requestId}), so a review of marking of that paper can no longer be requested. Only if the board has agreed to it, give the reason to go ahead; it is kept in the notes.`,
      },
    ]);
    expect(sheetRecords(addOn.env, SHEET.requests)).toEqual([]);

    const id = logRequest(addOn, { overrideReason: 'AQA agreed by email on 21 August' });
    expect(row(addOn, id).Notes).toBe(
      `Requested although the original script was requested (${script.requestId}): AQA agreed by email on 21 August`,
    );
  });

  it('its outcome says the script is ready, never "the grade did not change"', () => {
    const addOn = centre();
    morning(addOn, '2026-08-20');
    const id = logRequest(addOn, { service: 'ats-copy', paid: 'no', originalMark: '', originalGrade: '' });
    const done = outcome(addOn, id, '2026-08-27', { scriptLink: 'https://drive.google.com/file/d/abc/view' });
    expect(done).toMatchObject({ ok: true, kind: 'script', status: 'Closed' });
  });
});
