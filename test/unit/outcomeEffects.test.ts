/** What an outcome sets in motion (src/domain/outcomeEffects.ts): emails, follow-ups, the next stage's deadline. */
import { appealDeadlineFor } from '../../src/domain/appealDeadlines';
import { openFollowUps, refundFor } from '../../src/domain/followUps';
import { outcomeMailJobs } from '../../src/domain/outcomeEffects';
import { recordOutcomeStep } from '../../src/domain/outcomeStep';
import { classifyOutcome } from '../../src/domain/outcomes';
import { SEED_SERVICES } from '../../src/domain/seedServices';
import { SEED_TEMPLATES } from '../../src/domain/seedTemplates';
import { renderTemplate } from '../../src/domain/templates';
import type { PostResultsRequest, ServiceRow } from '../../src/domain/types';
import { acknowledged, scriptRequest, settings } from './requestFixture';
import { ctx, refusal, accepted } from './stepHelpers';

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
