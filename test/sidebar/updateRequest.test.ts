import {
  defaultRecipient,
  followUpFields,
  foundText,
  matchLabel,
  outcomeFields,
  readErrors,
  readFound,
  recipientChoices,
  resultLines,
  stepsFor,
  summaryRows,
  type Match,
} from '../../sidebar/updateRequest/updateRequestView';

function match(over: Partial<Match> = {}): Match {
  return {
    requestId: 'R-2026-0001',
    sheet: 'Requests',
    candidateNumber: '0042',
    surname: 'Brown',
    forename: 'Amy',
    subject: 'Chemistry',
    component: '7405/1',
    service: 'review-of-marking',
    serviceName: 'Review of marking',
    board: 'AQA',
    status: 'Received',
    received: '2026-08-20',
    deadline: '2026-09-24',
    submittedToBoard: '',
    boardReference: '',
    acknowledged: '',
    outcomeReceived: '',
    originalGrade: 'B',
    originalMark: '61',
    newGrade: '',
    newMark: '',
    isScript: false,
    requestedBy: 'candidate',
    email: 'amy.brown@example.org',
    teacherEmail: '',
    refundIssued: '',
    misUpdated: '',
    sorIssued: '',
    candidatesCovered: '',
    moderationOutcome: '',
    refundDue: true,
    refundNote: 'Refund £48.65 to the candidate.',
    openFollowUps: [],
    flags: '',
    ...over,
  };
}

describe('reading findRequests answers', () => {
  it('keeps well-formed matches and reads missing fields as blank', () => {
    const read = readFound({
      ok: true,
      matches: [{ requestId: 'R-2026-0001', surname: 'Brown' }, 'junk', {}],
      more: true,
      today: '2026-09-01',
    });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.found.matches).toHaveLength(1);
    expect(read.found.matches[0]).toMatchObject({
      requestId: 'R-2026-0001',
      surname: 'Brown',
      status: '',
      openFollowUps: [],
      isScript: false,
    });
    expect(read.found).toMatchObject({ more: true, today: '2026-09-01' });
  });

  it('passes the server’s errors on, and says so when an answer cannot be read', () => {
    expect(readFound({ ok: false, errors: [{ field: 'query', message: 'Type something' }] })).toEqual({
      ok: false,
      errors: [{ field: 'query', message: 'Type something' }],
    });
    expect(readErrors(null)[0].message).toMatch(/cannot read/);
  });
});

describe('the list of matches', () => {
  it('shows ID, name, paper, service and status on one line', () => {
    expect(matchLabel(match())).toBe('R-2026-0001 · Brown, Amy · Chemistry 7405/1 · Review of marking · Received');
  });

  it('says how many were found, or what to try', () => {
    expect(foundText({ matches: [match()], more: false, today: '' }, 'brown')).toBe('1 request found.');
    expect(foundText({ matches: [], more: false, today: '' }, 'zz')).toMatch(/^No request matches "zz"/);
    expect(foundText({ matches: [match(), match()], more: true, today: '' }, 'b')).toMatch(/Only the first 2/);
  });
});

describe('the steps offered', () => {
  it.each([
    ['received', match(), ['submission', 'withdraw']],
    [
      'submitted',
      match({ status: 'Submitted', submittedToBoard: '2026-08-24' }),
      ['submission', 'acknowledgement', 'outcome', 'withdraw'],
    ],
    [
      'acknowledged',
      match({ status: 'Acknowledged', submittedToBoard: '2026-08-24', acknowledged: '2026-08-25' }),
      ['outcome', 'withdraw'],
    ],
    [
      'grade changed, follow-ups open',
      match({
        status: 'Outcome received',
        submittedToBoard: '2026-08-24',
        outcomeReceived: '2026-09-01',
        openFollowUps: ['refund', 'sor'],
      }),
      ['followUps'],
    ],
    [
      'no change, waiting for the appeal window',
      match({ status: 'Outcome received', submittedToBoard: '2026-08-24', outcomeReceived: '2026-09-01' }),
      [],
    ],
    ['closed', match({ status: 'Closed', submittedToBoard: '2026-08-24', outcomeReceived: '2026-09-01' }), []],
    ['withdrawn', match({ status: 'Withdrawn' }), []],
  ])('%s', (_what, m, steps) => {
    expect(stepsFor(m)).toEqual(steps);
  });

  it('only the follow-ups still open are asked for', () => {
    expect(followUpFields(match({ openFollowUps: ['refund', 'sor'] }))).toEqual(['refundIssuedOn', 'sorIssuedOn']);
  });
});

describe('the outcome form', () => {
  it('a review asks for grades, and for the originals only when the log lacks them', () => {
    expect(outcomeFields(match())).toEqual({
      grades: true,
      originalGrade: false,
      originalMark: false,
      script: false,
      moderation: false,
    });
    expect(outcomeFields(match({ originalGrade: '', originalMark: '' }))).toMatchObject({
      originalGrade: true,
      originalMark: true,
    });
    expect(outcomeFields(match({ service: 'mir', originalGrade: '' }))).toMatchObject({
      grades: true,
      originalGrade: false,
    });
  });

  it('a script asks for its link and who it goes to, the teacher who asked by default', () => {
    const script = match({
      isScript: true,
      service: 'ats-copy',
      requestedBy: 'teacher',
      teacherEmail: 'r.patel@example.org',
    });
    expect(outcomeFields(script)).toEqual({
      grades: false,
      originalGrade: false,
      originalMark: false,
      script: true,
      moderation: false,
    });
    expect(recipientChoices(script)).toEqual([
      { value: 'candidate', label: 'The candidate (amy.brown@example.org)' },
      { value: 'teacher', label: 'The teacher (r.patel@example.org)' },
    ]);
    expect(defaultRecipient(script)).toBe('teacher');
    expect(recipientChoices(match({ isScript: true }))).toHaveLength(1);
  });
});

describe('the outcome of a review of moderation', () => {
  it('asks what the board decided for the centre’s sample, not one grade', () => {
    expect(outcomeFields(match({ service: 'review-of-moderation', originalGrade: '', originalMark: '' }))).toEqual({
      grades: false,
      originalGrade: false,
      originalMark: false,
      script: false,
      moderation: true,
    });
  });

  it('shows the candidates covered and the decision among the facts', () => {
    const rows = summaryRows(
      match({ service: 'review-of-moderation', candidatesCovered: 'whole cohort', moderationOutcome: 'lowered' }),
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        ['Candidates covered', 'whole cohort'],
        ['Moderation', 'Marks lowered'],
      ]),
    );
  });
});

describe('what the officer is told', () => {
  it('an access-to-scripts outcome never says "The grade did not change": the script is ready', () => {
    const lines = resultLines('outcome', {
      ok: true,
      requestId: 'S-2026-0001',
      status: 'Closed',
      gradeChanged: false,
      kind: 'script',
      emailed: ['amy.brown@example.org'],
      queued: [],
      followUps: [],
      warnings: [],
    });
    expect(lines).toContain('The script is ready.');
    expect(lines.join(' ')).not.toMatch(/grade/i);
  });

  it('a missing result issued, and moderated marks lowered, each say what happened', () => {
    expect(resultLines('outcome', { requestId: 'R', status: 'Outcome received', kind: 'result-issued' })).toContain(
      'The board issued the result.',
    );
    expect(
      resultLines('outcome', { requestId: 'R', status: 'Outcome received', kind: 'moderation-lowered' }),
    ).toContain('The moderated marks were lowered; published grades stay as they are.');
    expect(resultLines('outcome', { requestId: 'R', status: 'Outcome received', kind: 'mark-changed' })).toContain(
      'The mark changed, but the grade did not.',
    );
  });

  it('the facts of a request, UK dates, blanks left out', () => {
    expect(
      summaryRows(match({ status: 'Submitted', submittedToBoard: '2026-08-24', boardReference: 'AQA-1' })),
    ).toEqual([
      ['Candidate', 'Amy Brown (0042)'],
      ['Exam', 'AQA Chemistry 7405/1'],
      ['Service', 'Review of marking'],
      ['Status', 'Submitted'],
      ['Received', '20/08/2026'],
      ['Board deadline', '24/09/2026'],
      ['Submitted', '24/08/2026, ref. AQA-1'],
      ['Grade', 'B'],
      ['Mark', '61'],
    ]);
  });

  it('after an outcome: whether the grade changed, who was emailed, what to do', () => {
    expect(
      resultLines('outcome', {
        ok: true,
        requestId: 'R-2026-0001',
        status: 'Outcome received',
        gradeChanged: true,
        emailed: ['amy.brown@example.org'],
        queued: [],
        followUps: ['Refund £48.65 to the candidate.'],
        warnings: [],
      }),
    ).toEqual([
      'Outcome recorded for R-2026-0001. Status: Outcome received.',
      'The grade changed.',
      'Emailed: amy.brown@example.org.',
      'To do: Refund £48.65 to the candidate.',
    ]);
  });

  it('after follow-ups: what is left, or that it closed', () => {
    expect(resultLines('followUps', { requestId: 'R', status: 'Closed', open: [] })).toContain(
      'Nothing is left to do: the request is closed.',
    );
    expect(
      resultLines('followUps', {
        requestId: 'R',
        status: 'Outcome received',
        open: ['Issue an updated Statement of Results'],
      }),
    ).toContain('Still to do: Issue an updated Statement of Results.');
  });
});
