import {
  appealDeadlineFor,
  classifyOutcome,
  openFollowUps,
  outcomeMailJobs,
  outcomeNotYet,
  recordAcknowledgementStep,
  recordFollowUpStep,
  recordOutcomeStep,
  recordSubmissionStep,
  refundFor,
  stageOf,
  withdrawStep,
  type OutcomeContext,
} from '../../src/domain/lifecycle';
import { SEED_SERVICES } from '../../src/domain/seedServices';
import { SEED_TEMPLATES } from '../../src/domain/seedTemplates';
import { renderTemplate } from '../../src/domain/templates';
import type { FieldError, PostResultsRequest, ServiceRow } from '../../src/domain/types';
import { acknowledged, request, scriptRequest, settings, submitted } from './requestFixture';

const TODAY = '2026-09-01';
const ctx: OutcomeContext = { today: TODAY, settings, services: SEED_SERVICES };

/** The errors of a refused step, as field -> message. */
function refusal(answer: { ok: boolean; errors?: FieldError[] }): Record<string, string> {
  expect(answer.ok).toBe(false);
  return Object.fromEntries((answer.errors ?? []).map((e) => [e.field, e.message]));
}

function accepted<T extends { ok: boolean }>(answer: T): Extract<T, { ok: true }> {
  if (!answer.ok) throw new Error(`Refused: ${JSON.stringify((answer as { errors?: unknown }).errors)}`);
  return answer as Extract<T, { ok: true }>;
}

describe('where a request stands', () => {
  it('follows the dates in the log, so a date typed into the sheet by hand counts', () => {
    expect(stageOf(request())).toBe('received');
    expect(stageOf(request({ submittedToBoard: '2026-08-24' }))).toBe('submitted');
    expect(stageOf(submitted({ acknowledged: '2026-08-25' }))).toBe('acknowledged');
    expect(stageOf(acknowledged({ outcomeReceived: '2026-09-01' }))).toBe('outcome');
  });

  it('takes Closed and Withdrawn from Status', () => {
    expect(stageOf(acknowledged({ status: 'Withdrawn' }))).toBe('withdrawn');
    expect(stageOf(request({ status: 'Closed' }))).toBe('closed');
  });
});

describe('recording the submission to the board', () => {
  it('records the date and the board reference and moves the request to Submitted', () => {
    const done = accepted(
      recordSubmissionStep(request(), { submittedOn: '2026-08-24', boardReference: 'AQA-77123' }, TODAY),
    );
    expect(done.request).toMatchObject({
      submittedToBoard: '2026-08-24',
      boardReference: 'AQA-77123',
      status: 'Submitted',
    });
  });

  it('accepts a UK date as typed and no board reference yet', () => {
    const done = accepted(recordSubmissionStep(request(), { submittedOn: '24/08/2026' }, TODAY));
    expect(done.request.submittedToBoard).toBe('2026-08-24');
    expect(done.request.boardReference).toBe('');
  });

  it('may be recorded again to correct it until the board acknowledges', () => {
    const done = accepted(
      recordSubmissionStep(submitted(), { submittedOn: '2026-08-25', boardReference: 'X9' }, TODAY),
    );
    expect(done.request).toMatchObject({ submittedToBoard: '2026-08-25', boardReference: 'X9', status: 'Submitted' });
    expect(refusal(recordSubmissionStep(acknowledged(), { submittedOn: '2026-08-25' }, TODAY)).submittedOn).toMatch(
      /already past submission/,
    );
  });

  it.each([
    [{}, /Enter the date it was submitted/],
    [{ submittedOn: 'next Tuesday' }, /is not a date/],
    [{ submittedOn: '2026-09-02' }, /02\/09\/2026 is in the future \(today is 01\/09\/2026\)/],
    [{ submittedOn: '2026-08-19' }, /before the day the request was received \(20\/08\/2026\)/],
  ])('refuses %j', (input, message) => {
    expect(refusal(recordSubmissionStep(request(), input, TODAY)).submittedOn).toMatch(message);
  });

  it('refuses a withdrawn or closed request', () => {
    expect(
      refusal(recordSubmissionStep(request({ status: 'Withdrawn' }), { submittedOn: TODAY }, TODAY)).submittedOn,
    ).toBe('R-2026-0001 was withdrawn, so a submission cannot be recorded.');
    expect(
      refusal(recordSubmissionStep(request({ status: 'Closed' }), { submittedOn: TODAY }, TODAY)).submittedOn,
    ).toMatch(/is closed/);
  });

  it('keeps a board reference as text and refuses one too long', () => {
    expect(
      refusal(recordSubmissionStep(request(), { submittedOn: '2026-08-24', boardReference: 'x'.repeat(101) }, TODAY))
        .boardReference,
    ).toMatch(/at most 100/);
  });
});

describe('recording the board’s acknowledgement', () => {
  it('moves a submitted request to Acknowledged', () => {
    const done = accepted(recordAcknowledgementStep(submitted(), { acknowledgedOn: '2026-08-25' }, TODAY));
    expect(done.request).toMatchObject({ acknowledged: '2026-08-25', status: 'Acknowledged' });
  });

  it('refuses an acknowledgement before any submission was recorded', () => {
    expect(refusal(recordAcknowledgementStep(request(), { acknowledgedOn: '2026-08-25' }, TODAY)).acknowledgedOn).toBe(
      'R-2026-0001 has not been recorded as submitted to the board yet: record the submission first.',
    );
  });

  it('refuses an acknowledgement dated before the submission, or in the future', () => {
    expect(
      refusal(recordAcknowledgementStep(submitted(), { acknowledgedOn: '2026-08-21' }, TODAY)).acknowledgedOn,
    ).toBe('21/08/2026 is before it was submitted to the board (24/08/2026).');
    expect(
      refusal(recordAcknowledgementStep(submitted(), { acknowledgedOn: '2026-09-05' }, TODAY)).acknowledgedOn,
    ).toMatch(/in the future/);
  });

  it('accepts an acknowledgement on the day of submission', () => {
    expect(
      accepted(recordAcknowledgementStep(submitted(), { acknowledgedOn: '2026-08-24' }, TODAY)).request.acknowledged,
    ).toBe('2026-08-24');
  });

  it('refuses once the outcome is in, and on a withdrawn request', () => {
    expect(
      refusal(
        recordAcknowledgementStep(
          acknowledged({ outcomeReceived: '2026-08-30' }),
          { acknowledgedOn: '2026-08-25' },
          TODAY,
        ),
      ).acknowledgedOn,
    ).toMatch(/already has its outcome/);
    expect(
      refusal(recordAcknowledgementStep(submitted({ status: 'Withdrawn' }), { acknowledgedOn: '2026-08-25' }, TODAY))
        .acknowledgedOn,
    ).toMatch(/was withdrawn/);
  });
});

describe('an outcome can only be recorded once the board has the request, and only once (outcomeNotYet)', () => {
  it('not before the submission is recorded', () => {
    expect(outcomeNotYet(request())).toEqual({
      field: 'receivedOn',
      message: 'R-2026-0001 has not been recorded as submitted to the board yet: record the submission first.',
    });
  });

  it('not on a withdrawn or closed request', () => {
    expect(outcomeNotYet(submitted({ status: 'Withdrawn' }))?.message).toBe(
      'R-2026-0001 was withdrawn, so an outcome cannot be recorded.',
    );
    expect(outcomeNotYet(submitted({ status: 'Closed' }))?.message).toBe(
      'R-2026-0001 is closed, so an outcome cannot be recorded.',
    );
  });

  it('not a second time: the first is corrected in the log itself', () => {
    expect(outcomeNotYet(acknowledged({ outcomeReceived: '2026-08-30' }))?.message).toBe(
      'An outcome for R-2026-0001 was already recorded on 30/08/2026. To correct it, edit the log itself.',
    );
  });

  it('not when the Service column holds something the add-on does not know', () => {
    const typed = acknowledged({ service: 'Remark please' as PostResultsRequest['service'] });
    expect(outcomeNotYet(typed)).toEqual({
      field: 'requestId',
      message:
        'R-2026-0001 has "Remark please" in its Service column, which is not a service the add-on knows: correct it in the log first.',
    });
  });

  it('a submitted or acknowledged request can have its outcome recorded', () => {
    expect(outcomeNotYet(submitted())).toBeNull();
    expect(outcomeNotYet(acknowledged())).toBeNull();
  });
});

describe('recording an outcome: when it can be recorded', () => {
  it('refuses an outcome on a withdrawn or closed request', () => {
    expect(
      refusal(recordOutcomeStep(submitted({ status: 'Withdrawn' }), { receivedOn: TODAY, newGrade: 'A' }, ctx))
        .receivedOn,
    ).toBe('R-2026-0001 was withdrawn, so an outcome cannot be recorded.');
    expect(
      refusal(recordOutcomeStep(submitted({ status: 'Closed' }), { receivedOn: TODAY, newGrade: 'A' }, ctx)).receivedOn,
    ).toMatch(/is closed/);
  });

  it('refuses an outcome before the submission is recorded, and a second outcome', () => {
    expect(refusal(recordOutcomeStep(request(), { receivedOn: TODAY, newGrade: 'A' }, ctx)).receivedOn).toMatch(
      /record the submission first/,
    );
    expect(
      refusal(
        recordOutcomeStep(
          acknowledged({ outcomeReceived: '2026-08-30', newGrade: 'B' }),
          { receivedOn: TODAY, newGrade: 'A' },
          ctx,
        ),
      ).receivedOn,
    ).toMatch(/already recorded on 30\/08\/2026/);
  });

  it('accepts an outcome before an acknowledgement was recorded, and records the acknowledgement with it', () => {
    const done = accepted(
      recordOutcomeStep(submitted(), { receivedOn: '2026-08-28', newMark: '61', newGrade: 'B' }, ctx),
    );
    expect(done.request).toMatchObject({ acknowledged: '2026-08-28', outcomeReceived: '2026-08-28' });
  });

  it.each([
    [{ newGrade: 'A' }, 'receivedOn', /Enter the date the outcome was received/],
    [{ receivedOn: '2026-09-02', newGrade: 'A' }, 'receivedOn', /in the future/],
    [{ receivedOn: '2026-08-24', newGrade: 'A' }, 'receivedOn', /before the board acknowledged it \(25\/08\/2026\)/],
    [{ receivedOn: '2026-08-30' }, 'newGrade', /Enter the grade after the review/],
  ])('refuses %j', (input, field, message) => {
    expect(refusal(recordOutcomeStep(acknowledged(), input, ctx))[field]).toMatch(message);
  });

  it('asks for the original grade when the log has none, and uses it when given', () => {
    const req = acknowledged({ originalGrade: '' });
    expect(refusal(recordOutcomeStep(req, { receivedOn: '2026-08-30', newGrade: 'A' }, ctx)).originalGrade).toMatch(
      /no original grade/,
    );
    const done = accepted(recordOutcomeStep(req, { receivedOn: '2026-08-30', newGrade: 'A', originalGrade: 'B' }, ctx));
    expect(done.request.originalGrade).toBe('B');
    expect(done.effects.kind).toBe('grade-raised');
  });

  it('asks for the original mark when a new mark is given and the log has none', () => {
    const req = acknowledged({ originalMark: '' });
    expect(
      refusal(recordOutcomeStep(req, { receivedOn: '2026-08-30', newGrade: 'B', newMark: '64' }, ctx)).originalMark,
    ).toMatch(/no original mark/);
  });
});

describe('what an outcome sets in motion', () => {
  it('grade raised: refund of the fee, update the MIS, issue an updated SoR, candidate emailed', () => {
    const done = accepted(
      recordOutcomeStep(acknowledged(), { receivedOn: '2026-08-30', newMark: '67', newGrade: 'A' }, ctx),
    );
    expect(done.effects).toMatchObject({ kind: 'grade-raised', gradeChanged: true });
    expect(done.effects.followUps).toEqual([
      'Refund £48.65 to the candidate.',
      'Update the MIS with the new grade.',
      'Issue an updated Statement of Results.',
    ]);
    expect(done.effects.mail).toEqual([{ template: 'Outcome: grade raised', to: 'amy.brown@example.org', extra: {} }]);
    expect(done.request).toMatchObject({ newGrade: 'A', newMark: '67', status: 'Outcome received' });
    expect(openFollowUps(done.request)).toEqual(['refund', 'mis', 'sor']);
  });

  it('grade lowered is still a change: the fee is refunded too, and the email says lowered', () => {
    const done = accepted(
      recordOutcomeStep(acknowledged(), { receivedOn: '2026-08-30', newMark: '55', newGrade: 'C' }, ctx),
    );
    expect(done.effects).toMatchObject({ kind: 'grade-lowered', gradeChanged: true });
    expect(done.effects.followUps[0]).toBe('Refund £48.65 to the candidate.');
    expect(done.effects.mail.map((m) => m.template)).toEqual(['Outcome: grade lowered']);
  });

  it('a waived fee or a free service means no refund, and says so', () => {
    const waived = accepted(
      recordOutcomeStep(acknowledged({ paid: 'waived' }), { receivedOn: '2026-08-30', newGrade: 'A' }, ctx),
    );
    expect(waived.effects.followUps[0]).toBe('No refund: the fee was waived (the centre paid it).');
    expect(openFollowUps(waived.request)).toEqual(['mis', 'sor']);
    const free = accepted(
      recordOutcomeStep(acknowledged({ fee: 0 }), { receivedOn: '2026-08-30', newGrade: 'A' }, ctx),
    );
    expect(free.effects.followUps[0]).toBe('No refund: the service was free.');
    expect(refundFor({ fee: null, paid: 'yes' }).due).toBe(false);
  });

  it('mark changed, grade unchanged is still no grade change: no refund, the candidate told how to appeal and by when; stays open for the window', () => {
    const done = accepted(
      recordOutcomeStep(acknowledged(), { receivedOn: '2026-08-30', newMark: '63', newGrade: 'B' }, ctx),
    );
    expect(done.effects).toMatchObject({ kind: 'mark-changed', gradeChanged: false, appealDeadline: '2026-09-29' });
    expect(done.effects.followUps).toEqual([
      'No refund: the mark changed but the grade did not, so the fee is charged. The candidate may appeal until Tuesday 29 September 2026; the request closes then, or when an appeal is logged.',
    ]);
    expect(done.effects.mail).toEqual([
      {
        template: 'Outcome: mark changed, grade unchanged',
        to: 'amy.brown@example.org',
        extra: { appealDeadline: 'Tuesday 29 September 2026' },
      },
    ]);
    expect(done.request.status).toBe('Outcome received');
  });

  it('no change: candidate told how to appeal, with the deadline (received + Appeal window days); stays open', () => {
    const done = accepted(
      recordOutcomeStep(acknowledged(), { receivedOn: '2026-08-25', newMark: '61', newGrade: 'B' }, ctx),
    );
    expect(done.effects).toMatchObject({ kind: 'no-change', gradeChanged: false, appealDeadline: '2026-09-24' });
    expect(done.effects.mail).toEqual([
      {
        template: 'Outcome: no change',
        to: 'amy.brown@example.org',
        extra: { appealDeadline: 'Thursday 24 September 2026' },
      },
    ]);
    expect(done.request.status).toBe('Outcome received');
  });

  it('no change with no marks given is judged on the grade alone', () => {
    expect(classifyOutcome(acknowledged({ outcomeReceived: '2026-08-25', newGrade: 'b' }))).toBe('no-change');
  });

  it("no change at a board with its own appeal window uses the board's window", () => {
    const services: ServiceRow[] = SEED_SERVICES.map((s) =>
      s.board === 'AQA' && s.service === 'appeal' ? { ...s, notes: 'appeal window: 14 days' } : s,
    );
    const done = accepted(
      recordOutcomeStep(acknowledged(), { receivedOn: '2026-08-25', newGrade: 'B' }, { ...ctx, services }),
    );
    expect(done.effects.appealDeadline).toBe('2026-09-08');
    expect(done.effects.mail[0].extra.appealDeadline).toBe('Tuesday 8 September 2026');
    expect(appealDeadlineFor(done.request, SEED_SERVICES, { appealWindowDays: 21 })).toBe('2026-09-15');
  });

  it('a grade change the add-on cannot order is still a change, but nobody is emailed and the officer is told why', () => {
    const done = accepted(
      recordOutcomeStep(
        acknowledged({ qualification: 'Diploma', originalGrade: 'Silver' }),
        { receivedOn: '2026-08-30', newGrade: 'Gold' },
        ctx,
      ),
    );
    expect(done.effects).toMatchObject({ kind: 'grade-changed', gradeChanged: true, mail: [] });
    expect(done.effects.warnings[0]).toMatch(/cannot tell whether Gold is higher or lower than Silver/);
    expect(openFollowUps(done.request)).toEqual(['refund', 'mis', 'sor']);
  });

  it('a candidate with no email address is not emailed; the officer is told to tell them', () => {
    const done = accepted(
      recordOutcomeStep(acknowledged({ email: '' }), { receivedOn: '2026-08-30', newGrade: 'A' }, ctx),
    );
    expect(done.effects.mail).toEqual([]);
    expect(done.effects.warnings[0]).toMatch(/tell the candidate yourself/);
  });
});

describe('an outcome for access to scripts', () => {
  const link = 'https://drive.google.com/file/d/abc123/view';

  it('goes to the teacher who asked, with its link, and closes the request', () => {
    const done = accepted(recordOutcomeStep(scriptRequest(), { receivedOn: '2026-08-30', scriptLink: link }, ctx));
    expect(done.effects.kind).toBe('script');
    expect(done.effects.mail).toEqual([
      {
        template: 'Script ready (teacher)',
        to: 'r.patel@example.org',
        extra: { scriptLink: link, scriptRecipient: 'r.patel@example.org' },
      },
    ]);
    expect(done.request).toMatchObject({ scriptLink: link, status: 'Closed' });
  });

  it('goes to the candidate when the candidate asked, or when the officer sends it to the candidate', () => {
    const own = accepted(
      recordOutcomeStep(
        scriptRequest({ requestedBy: 'candidate' }),
        { receivedOn: '2026-08-30', scriptLink: link },
        ctx,
      ),
    );
    expect(own.effects.mail.map((m) => [m.template, m.to])).toEqual([
      ['Script ready (candidate)', 'amy.brown@example.org'],
    ]);
    const redirected = accepted(
      recordOutcomeStep(
        scriptRequest(),
        { receivedOn: '2026-08-30', scriptLink: link, scriptRecipient: 'candidate' },
        ctx,
      ),
    );
    expect(redirected.effects.mail.map((m) => m.to)).toEqual(['amy.brown@example.org']);
  });

  it('needs the link, as a web address', () => {
    expect(refusal(recordOutcomeStep(scriptRequest(), { receivedOn: '2026-08-30' }, ctx)).scriptLink).toMatch(
      /Enter the link to the script/,
    );
    expect(
      refusal(recordOutcomeStep(scriptRequest(), { receivedOn: '2026-08-30', scriptLink: 'javascript:alert(1)' }, ctx))
        .scriptLink,
    ).toMatch(/starting https:\/\//);
  });

  it('refuses to send to a teacher the log has no email for', () => {
    expect(
      refusal(
        recordOutcomeStep(scriptRequest({ teacherEmail: '' }), { receivedOn: '2026-08-30', scriptLink: link }, ctx),
      ).scriptRecipient,
    ).toMatch(/no teacher email/);
    expect(
      refusal(
        recordOutcomeStep(
          scriptRequest(),
          { receivedOn: '2026-08-30', scriptLink: link, scriptRecipient: 'parent' },
          ctx,
        ),
      ).scriptRecipient,
    ).toMatch(/the candidate or the teacher/);
  });
});

describe('an outcome for a missing result or late certification', () => {
  const mir = (over: Partial<PostResultsRequest> = {}) =>
    acknowledged({ service: 'mir', indicator: 'X', fee: 0, paid: 'no', originalGrade: '', originalMark: '', ...over });

  it('a result issued opens the MIS update and the updated Statement of Results the email promises; no refund of a free service', () => {
    const done = accepted(recordOutcomeStep(mir(), { receivedOn: '2026-08-30', newGrade: 'B' }, ctx));
    expect(done.effects).toMatchObject({
      kind: 'result-issued',
      gradeChanged: false,
      followUps: ['Update the MIS with the new grade.', 'Issue an updated Statement of Results.'],
    });
    expect(done.effects.mail).toEqual([
      {
        template: 'Outcome: result issued',
        to: 'amy.brown@example.org',
        extra: { previousResult: 'X (no result issued)' },
      },
    ]);
    expect(done.request.status).toBe('Outcome received');
    expect(openFollowUps(done.request)).toEqual(['mis', 'sor']);
    const mis = accepted(recordFollowUpStep(done.request, { misUpdatedOn: '2026-08-31' }, TODAY));
    expect(mis.request.status).toBe('Outcome received');
    const sor = accepted(recordFollowUpStep(mis.request, { sorIssuedOn: '2026-09-01' }, TODAY));
    expect(sor.request.status).toBe('Closed');
  });

  it('a late certificate is told as issued where there was none, with the same follow-ups', () => {
    const late = mir({ service: 'late-certification', indicator: '' });
    const done = accepted(recordOutcomeStep(late, { receivedOn: '2026-08-30', newGrade: 'C' }, ctx));
    expect(done.effects.mail[0].extra).toEqual({ previousResult: 'no certificated result yet' });
    expect(openFollowUps(done.request)).toEqual(['mis', 'sor']);
    expect(done.request.status).toBe('Outcome received');
  });

  it('# is shown beside a grade (partial absence), not instead of one: the email says so', () => {
    const partial = mir({ indicator: '#', originalGrade: 'C#' });
    const done = accepted(recordOutcomeStep(partial, { receivedOn: '2026-08-30', newGrade: 'B' }, ctx));
    expect(done.effects.mail[0].extra).toEqual({
      previousResult: 'C with a # beside it (partial absence: work was only counted for some of your papers)',
    });
    const noGrade = accepted(
      recordOutcomeStep(mir({ indicator: '#' }), { receivedOn: '2026-08-30', newGrade: 'B' }, ctx),
    );
    expect(noGrade.effects.mail[0].extra.previousResult).toBe(
      'your grade with a # beside it (partial absence: work was only counted for some of your papers)',
    );
  });

  it('a corrected grade, higher or lower, is told as the result now issued, never as a review "gone down"', () => {
    const lower = accepted(
      recordOutcomeStep(mir({ originalGrade: 'A' }), { receivedOn: '2026-08-30', newGrade: 'B' }, ctx),
    );
    expect(lower.effects.mail.map((m) => m.template)).toEqual(['Outcome: result issued']);
    expect(lower.effects.mail[0].extra).toEqual({ previousResult: 'A' });
  });

  it('the same grade confirmed: no shipped email fits, so the officer is told to tell the candidate', () => {
    const same = accepted(
      recordOutcomeStep(mir({ originalGrade: 'B' }), { receivedOn: '2026-08-30', newGrade: 'B' }, ctx),
    );
    expect(same.effects.mail).toEqual([]);
    expect(same.effects.warnings[0]).toMatch(/tell the candidate yourself/);
  });

  it('needs the result the board issued', () => {
    expect(refusal(recordOutcomeStep(mir(), { receivedOn: '2026-08-30' }, ctx)).newGrade).toMatch(
      /result the board has now issued/,
    );
  });
});

describe('follow-ups after a grade change', () => {
  const changed = (over: Partial<PostResultsRequest> = {}) =>
    acknowledged({ outcomeReceived: '2026-08-28', newGrade: 'A', newMark: '67', status: 'Outcome received', ...over });

  it('each is cleared by its date; the request stays open while any is left', () => {
    const done = accepted(
      recordFollowUpStep(changed(), { refundIssuedOn: '2026-08-28', misUpdatedOn: '2026-09-01' }, TODAY),
    );
    expect(done.request).toMatchObject({
      refundIssued: '2026-08-28',
      misUpdated: '2026-09-01',
      status: 'Outcome received',
    });
    expect(done.open).toEqual(['sor']);
  });

  it('the request closes when none is left open', () => {
    const done = accepted(
      recordFollowUpStep(
        changed({ refundIssued: '2026-08-28', misUpdated: '2026-08-29' }),
        { sorIssuedOn: TODAY },
        TODAY,
      ),
    );
    expect(done.open).toEqual([]);
    expect(done.request.status).toBe('Closed');
  });

  it('without a refund due, MIS and SoR are enough to close', () => {
    const done = accepted(
      recordFollowUpStep(changed({ paid: 'waived' }), { misUpdatedOn: TODAY, sorIssuedOn: TODAY }, TODAY),
    );
    expect(done.request.status).toBe('Closed');
  });

  it('refuses a refund date when no refund is due, dates before the outcome or in the future, and an empty form', () => {
    expect(
      refusal(recordFollowUpStep(changed({ paid: 'waived' }), { refundIssuedOn: TODAY }, TODAY)).refundIssuedOn,
    ).toMatch(/No refund is due on R-2026-0001\. No refund: the fee was waived/);
    expect(refusal(recordFollowUpStep(changed(), { misUpdatedOn: '2026-08-27' }, TODAY)).misUpdatedOn).toMatch(
      /before the outcome was received \(28\/08\/2026\)/,
    );
    expect(refusal(recordFollowUpStep(changed(), { sorIssuedOn: '2026-09-03' }, TODAY)).sorIssuedOn).toMatch(
      /in the future/,
    );
    expect(refusal(recordFollowUpStep(changed(), {}, TODAY)).refundIssuedOn).toMatch(/at least one/);
  });

  it('refuses follow-ups before there is an outcome', () => {
    expect(refusal(recordFollowUpStep(acknowledged(), { misUpdatedOn: TODAY }, TODAY)).refundIssuedOn).toMatch(
      /has no outcome yet/,
    );
  });
});

describe('withdrawing a request', () => {
  it('records the reason in Notes, after what was there', () => {
    const done = accepted(
      withdrawStep(submitted({ notes: 'Form filed.' }), { reason: 'Candidate changed their mind' }, TODAY),
    );
    expect(done.request.status).toBe('Withdrawn');
    expect(done.request.notes).toBe('Form filed.\nWithdrawn on 01/09/2026: Candidate changed their mind');
    expect(done.tellBoard).toBe(true);
    expect(accepted(withdrawStep(request(), { reason: 'Duplicate' }, TODAY)).tellBoard).toBe(false);
  });

  it('needs a reason, and refuses once the outcome is in or the request is closed or withdrawn', () => {
    expect(refusal(withdrawStep(request(), { reason: '  ' }, TODAY)).reason).toMatch(/Say why/);
    expect(
      refusal(withdrawStep(acknowledged({ outcomeReceived: '2026-08-28' }), { reason: 'x' }, TODAY)).reason,
    ).toMatch(/cannot be withdrawn now/);
    expect(refusal(withdrawStep(request({ status: 'Withdrawn' }), { reason: 'x' }, TODAY)).reason).toMatch(
      /already withdrawn/,
    );
    expect(refusal(withdrawStep(request({ status: 'Closed' }), { reason: 'x' }, TODAY)).reason).toMatch(/is closed/);
  });
});

describe('the emails an outcome asks the mailer for (template, recipient, values)', () => {
  const centre = {
    ...settings,
    centreName: 'Hilltop Academy',
    officerName: 'Sam Jones',
    officerEmail: 'exams@hilltop.example.org',
    enquiriesContact: 'Mrs Khan (exams@hilltop.example.org)',
  };
  const template = (name: string) => SEED_TEMPLATES.find((t) => t.name === name)!;

  function jobsFor(req: PostResultsRequest, input: Record<string, unknown>) {
    const done = accepted(recordOutcomeStep(req, input, ctx));
    return outcomeMailJobs(done.request, done.effects, centre);
  }

  it('grade raised: the candidate, with the grades before and after', () => {
    const [job] = jobsFor(acknowledged(), { receivedOn: '2026-08-30', newMark: '67', newGrade: 'A' });
    expect(job).toMatchObject({
      requestId: 'R-2026-0001',
      template: 'Outcome: grade raised',
      to: 'amy.brown@example.org',
    });
    expect(job.values).toMatchObject({
      forename: 'Amy',
      subject: 'Chemistry',
      originalGrade: 'B',
      newGrade: 'A',
      board: 'AQA',
    });
  });

  it('no change: the appeal deadline written out in full', () => {
    const [job] = jobsFor(acknowledged(), { receivedOn: '2026-08-25', newGrade: 'B', newMark: '61' });
    expect(job.template).toBe('Outcome: no change');
    expect(job.values.appealDeadline).toBe('Thursday 24 September 2026');
  });

  it('a script for the teacher: the teacher, with the link', () => {
    const link = 'https://drive.google.com/file/d/abc123/view';
    const [job] = jobsFor(scriptRequest(), { receivedOn: '2026-08-30', scriptLink: link });
    expect(job).toMatchObject({
      requestId: 'S-2026-0001',
      template: 'Script ready (teacher)',
      to: 'r.patel@example.org',
    });
    expect(job.values).toMatchObject({
      scriptLink: link,
      scriptRecipient: 'r.patel@example.org',
      candidateName: 'Amy Brown',
    });
  });

  it.each([
    ['grade raised', acknowledged(), { receivedOn: '2026-08-30', newGrade: 'A', newMark: '67' }],
    ['grade lowered', acknowledged(), { receivedOn: '2026-08-30', newGrade: 'C', newMark: '55' }],
    ['mark changed', acknowledged(), { receivedOn: '2026-08-30', newGrade: 'B', newMark: '63' }],
    ['no change', acknowledged(), { receivedOn: '2026-08-30', newGrade: 'B' }],
    ['script, teacher', scriptRequest(), { receivedOn: '2026-08-30', scriptLink: 'https://drive.example.org/s/1' }],
    [
      'script, candidate',
      scriptRequest({ requestedBy: 'candidate' }),
      { receivedOn: '2026-08-30', scriptLink: 'https://drive.example.org/s/1' },
    ],
    [
      'missing result',
      acknowledged({ service: 'mir', indicator: 'Q', originalGrade: '', originalMark: '', fee: 0, paid: 'no' }),
      { receivedOn: '2026-08-30', newGrade: 'B' },
    ],
  ])('%s: the shipped template fills in completely with these values', (_what, req, input) => {
    const [job] = jobsFor(req, input);
    const rendered = renderTemplate(template(job.template), job.values);
    expect(rendered.ok ? 'rendered' : rendered.errors).toBe('rendered');
  });
});

describe('appeal outcomes, stage by stage', () => {
  const stage1 = (over: Partial<PostResultsRequest> = {}) =>
    acknowledged({
      requestId: 'R-2026-0007',
      service: 'appeal',
      fee: 120.05,
      relatedRequestId: 'R-2026-0001',
      ...over,
    });
  const hearing = (over: Partial<PostResultsRequest> = {}) =>
    acknowledged({
      requestId: 'R-2026-0009',
      service: 'appeal-hearing',
      fee: 205.8,
      relatedRequestId: 'R-2026-0007',
      ...over,
    });

  it('a preliminary appeal with no change offers the appeal hearing within 14 days, never "30 more days to appeal"', () => {
    const done = accepted(recordOutcomeStep(stage1(), { receivedOn: '2026-08-27', newGrade: 'B' }, ctx));
    expect(done.effects).toMatchObject({ kind: 'no-change', appealDeadline: '2026-09-10' });
    expect(done.effects.mail).toEqual([
      {
        template: 'Appeal outcome: no grade change',
        to: 'amy.brown@example.org',
        extra: { appealDeadline: 'Thursday 10 September 2026' },
      },
    ]);
    expect(done.effects.followUps).toEqual([
      'No refund: nothing changed. The candidate may ask for an appeal hearing (stage 2) until Thursday 10 September 2026; the request closes then, or when a hearing is logged.',
    ]);
    expect(done.request.status).toBe('Outcome received');
  });

  it('a preliminary appeal where only the mark changed is still no grade change: the hearing is offered too', () => {
    const done = accepted(recordOutcomeStep(stage1(), { receivedOn: '2026-08-27', newGrade: 'B', newMark: '64' }, ctx));
    expect(done.effects.kind).toBe('mark-changed');
    expect(done.effects.mail[0].template).toBe('Appeal outcome: no grade change');
  });

  it('after the appeal hearing the closing email names Ofqual’s EPRS and its 21 days; the request closes', () => {
    const done = accepted(recordOutcomeStep(hearing(), { receivedOn: '2026-09-01', newGrade: 'B' }, ctx));
    expect(done.effects.mail).toEqual([
      {
        template: 'Appeal hearing outcome: no grade change',
        to: 'amy.brown@example.org',
        extra: { eprsDeadline: 'Tuesday 22 September 2026', eprsWindowDays: '21' },
      },
    ]);
    expect(done.effects.followUps[0]).toBe(
      "No refund: nothing changed. The board's appeals are finished. The candidate may apply to Ofqual's Exam Procedures Review Service (EPRS) until Tuesday 22 September 2026 (21 calendar days); the request is closed.",
    );
    expect(done.request.status).toBe('Closed');
  });

  it('an upheld appeal (the grade changes) refunds the fee and opens the MIS and Statement of Results follow-ups', () => {
    const done = accepted(recordOutcomeStep(hearing(), { receivedOn: '2026-09-01', newGrade: 'A' }, ctx));
    expect(done.effects.followUps).toEqual([
      'Refund £205.80 to the candidate.',
      'Update the MIS with the new grade.',
      'Issue an updated Statement of Results.',
    ]);
  });

  it('a date given to a family on a weekend or bank holiday also gives the school’s last working day before it', () => {
    // Stage 1 outcome on Friday 11 December: the hearing window ends on Christmas Day, a bank holiday.
    const december = { ...ctx, today: '2026-12-11' };
    const done = accepted(recordOutcomeStep(stage1(), { receivedOn: '2026-12-11', newGrade: 'B' }, december));
    expect(done.effects.mail[0].extra.appealDeadline).toBe(
      'Friday 25 December 2026 (a bank holiday, when school is closed: please tell us by Thursday 24 December 2026)',
    );
    // A review outcome on Thursday 27 August: the 30 days end on Saturday 26 September.
    const weekend = accepted(recordOutcomeStep(acknowledged(), { receivedOn: '2026-08-27', newGrade: 'B' }, ctx));
    expect(weekend.effects.mail[0].extra.appealDeadline).toBe(
      'Saturday 26 September 2026 (a Saturday, when school is closed: please tell us by Friday 25 September 2026)',
    );
  });
});

describe('a review of moderation: the centre’s sample, never "your grade has gone down"', () => {
  const moderation = (over: Partial<PostResultsRequest> = {}) =>
    acknowledged({
      requestId: 'R-2026-0011',
      service: 'review-of-moderation',
      candidateNumber: '',
      surname: '',
      forename: '',
      email: '',
      originalGrade: '',
      originalMark: '',
      candidatesCovered: 'whole cohort',
      fee: 60,
      paid: 'waived',
      component: '7405/4',
      ...over,
    });

  it('asks what the board decided', () => {
    expect(refusal(recordOutcomeStep(moderation(), { receivedOn: '2026-08-30' }, ctx)).moderationOutcome).toMatch(
      /Choose what the board decided/,
    );
  });

  it('marks lowered: nobody is emailed, no MIS change to a lower grade, the lowered mark may carry forward, the fee is kept', () => {
    const done = accepted(
      recordOutcomeStep(
        moderation({ email: 'amy.brown@example.org' }),
        { receivedOn: '2026-08-30', moderationOutcome: 'lowered' },
        ctx,
      ),
    );
    expect(done.effects).toMatchObject({ kind: 'moderation-lowered', gradeChanged: false, mail: [] });
    expect(done.effects.followUps).toEqual([
      "No refund: the board keeps the centre's fee unless the centre's original marks are reinstated.",
      "Do not change the MIS: grades published in June 2026 are not lowered after a review of moderation. The lowered marks may carry forward if these candidates' marks for 7405/4 are used again (a later series or certification).",
      'The centre may appeal until Tuesday 29 September 2026; the request closes then, or when an appeal is logged.',
    ]);
    expect(openFollowUps(done.request)).toEqual([]);
    expect(done.request.moderationOutcome).toBe('lowered');
  });

  it("the centre's original marks reinstated: the fee comes back to the centre, and the MIS and SoRs of those whose grades rose are follow-ups", () => {
    const done = accepted(
      recordOutcomeStep(moderation(), { receivedOn: '2026-08-30', moderationOutcome: 'reinstated' }, ctx),
    );
    expect(done.effects.kind).toBe('moderation-raised');
    expect(done.effects.mail).toEqual([]);
    expect(done.effects.followUps).toEqual([
      "The board refunds the centre's fee of £60.00: the centre's original marks were reinstated. Check it on the board's invoice; no candidate paid.",
      'Update the MIS with the new grades of the candidates covered (whole cohort) whose grades rose.',
      'Issue them updated Statements of Results.',
    ]);
    expect(openFollowUps(done.request)).toEqual(['mis', 'sor']);
    expect(done.request.status).toBe('Outcome received');
  });

  it('marks raised but not to the centre’s original: the fee is not refunded', () => {
    const done = accepted(
      recordOutcomeStep(moderation(), { receivedOn: '2026-08-30', moderationOutcome: 'raised' }, ctx),
    );
    expect(done.effects.followUps[0]).toBe(
      "No refund: the board keeps the centre's fee unless the centre's original marks are reinstated.",
    );
    expect(refundFor(done.request).due).toBe(false);
  });
});

describe('a clerical re-check with no grade change: the next step is a review of marking, not an appeal', () => {
  const recheck = (over: Partial<PostResultsRequest> = {}) =>
    acknowledged({ service: 'clerical-recheck', fee: 8.7, ...over });

  it('tells the candidate the board’s last day for a review of marking, and closes: there is no appeal window to wait for', () => {
    const done = accepted(recordOutcomeStep(recheck(), { receivedOn: '2026-08-27', newGrade: 'B' }, ctx));
    expect(done.effects.mail).toEqual([
      {
        template: 'Re-check outcome: no grade change',
        to: 'amy.brown@example.org',
        extra: { reviewDeadline: 'Thursday 24 September 2026' },
      },
    ]);
    expect(done.effects.followUps).toEqual([
      'No refund: nothing changed. An appeal can only follow a review of marking: the candidate may still ask for a review of marking of this paper until Thursday 24 September 2026. The request is closed.',
    ]);
    expect(done.effects.appealDeadline).toBeNull();
    expect(done.request.status).toBe('Closed');
  });

  it('after the review deadline nobody is emailed a date that has passed: the officer is told to tell the candidate', () => {
    const october = { ...ctx, today: '2026-10-01' };
    const done = accepted(recordOutcomeStep(recheck(), { receivedOn: '2026-10-01', newGrade: 'B' }, october));
    expect(done.effects.mail).toEqual([]);
    expect(done.effects.warnings[0]).toBe(
      "The board's deadline for a review of marking passed on Thursday 24 September 2026, so no shipped email fits and nobody was emailed: tell the candidate the outcome yourself.",
    );
    expect(done.request.status).toBe('Closed');
  });
});
