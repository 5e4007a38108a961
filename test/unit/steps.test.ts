/** A request's steps besides its outcome (src/domain/stages.ts, steps.ts): submission, acknowledgement, follow-ups, withdrawal. */
import { stageOf } from '../../src/domain/stages';
import {
  recordAcknowledgementStep,
  recordFollowUpStep,
  recordSubmissionStep,
  withdrawStep,
} from '../../src/domain/steps';
import type { PostResultsRequest } from '../../src/domain/types';
import { acknowledged, request, submitted } from './requestFixture';
import { TODAY, refusal, accepted } from './stepHelpers';

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
