/** Recording the board's outcome (src/domain/outcomeStep.ts): when it can be, and what each kind of service needs typed. */
import { openFollowUps } from '../../src/domain/followUps';
import { outcomeNotYet, recordOutcomeStep } from '../../src/domain/outcomeStep';
import { recordFollowUpStep } from '../../src/domain/steps';
import type { PostResultsRequest } from '../../src/domain/types';
import { acknowledged, request, scriptRequest, submitted } from './requestFixture';
import { TODAY, ctx, refusal, accepted } from './stepHelpers';

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
