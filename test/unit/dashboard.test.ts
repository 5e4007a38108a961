/**
 * The senior leaders' figures, worked out from the logs' rows. Today is
 * Thursday 3 September 2026 unless a test says otherwise.
 */
import {
  countByBoard,
  countByService,
  countByStatus,
  dashboardFigures,
  figuresByLevel,
  moneyFigures,
  needsAttention,
  NEEDS_ATTENTION_LIMIT,
  parseFlags,
  reviewOutcomes,
  reviewsBySubject,
  waitingOnBoards,
  type DashboardRow,
} from '../../src/domain/dashboard';
import { FLAGS, type PostResultsRequest } from '../../src/domain/types';
import { request } from './requestFixture';

const TODAY = '2026-09-03';

let nextId = 1;
function row(over: Partial<PostResultsRequest> = {}): PostResultsRequest {
  return request({ requestId: `R-2026-${String(nextId++).padStart(4, '0')}`, ...over });
}

/** A review whose outcome is in: `from` and `to` are the original and new grade. */
function outcome(from: string, to: string, over: Partial<PostResultsRequest> = {}): PostResultsRequest {
  return row({
    status: 'Outcome received',
    submittedToBoard: '2026-08-21',
    acknowledged: '2026-08-24',
    outcomeReceived: '2026-09-01',
    originalGrade: from,
    newGrade: to,
    originalMark: '61',
    newMark: '61',
    ...over,
  });
}

const figures = (rows: DashboardRow[], today = TODAY) => dashboardFigures(rows, today);

describe('requests by status, service and board', () => {
  it('counts every request once under its status, its service and its board', () => {
    const f = figures([
      row({ board: 'AQA', status: 'Received' }),
      row({ board: 'AQA', status: 'Submitted', submittedToBoard: '2026-08-25' }),
      row({ board: 'OCR', status: 'Closed', service: 'clerical-recheck' }),
      row({ board: 'CCEA', status: 'Withdrawn', service: 'ats-copy', sheet: 'Access to scripts' }),
    ]);
    expect(f.total).toBe(4);
    expect(f.byStatus).toEqual({
      Received: 1,
      Submitted: 1,
      Acknowledged: 0,
      'Outcome received': 0,
      Closed: 1,
      Withdrawn: 1,
    });
    expect(f.byService.find((s) => s.label === 'Review of marking')?.count).toBe(2);
    expect(f.byService.find((s) => s.label === 'Clerical re-check')?.count).toBe(1);
    expect(f.byService.find((s) => s.label === 'Copy of script')?.count).toBe(1);
    const aqa = f.byBoard.find((b) => b.board === 'AQA')!;
    expect(aqa.total).toBe(2);
    expect(aqa.byStatus.Submitted).toBe(1);
  });

  it('always lists the five boards in the contract’s order, every status, and every service', () => {
    const f = figures([]);
    expect(f.byBoard.map((b) => b.board)).toEqual([
      'AQA',
      'OCR',
      'Pearson Edexcel',
      'WJEC Eduqas',
      'CCEA',
      'Other boards',
    ]);
    for (const b of f.byBoard) expect(Object.keys(b.byStatus)).toHaveLength(6);
    expect(f.byService).toHaveLength(12);
    expect(f.byService[11]).toEqual({ label: 'Service not recognised', count: 0 });
  });

  it('counts a board typed in another case as that board, and a board of the officer’s own under Other boards', () => {
    const f = figures([row({ board: ' pearson edexcel ' }), row({ board: 'NCFE' }), row({ board: '' })]);
    expect(f.byBoard.find((b) => b.board === 'Pearson Edexcel')!.total).toBe(1);
    expect(f.byBoard.find((b) => b.board === 'Other boards')!.total).toBe(2);
  });

  it('counts a service typed by hand that is not a service code as not recognised', () => {
    const f = figures([row({ service: 'remark please' as PostResultsRequest['service'] })]);
    expect(f.byService[11].count).toBe(1);
  });
});

describe('outcomes of reviews', () => {
  it('compares the grades on the qualification’s own scale', () => {
    const f = figures([
      outcome('B', 'A'), // A level: up
      outcome('A', 'A*'), // A level: up
      outcome('5', '4', { qualification: 'GCSE', subject: 'Mathematics' }), // GCSE: down
      outcome('Merit', 'Distinction', { qualification: 'BTEC Nationals', subject: 'Business' }), // up
      outcome('B', 'B', { newMark: '64' }), // mark changed only
      outcome('C', 'C'), // nothing changed
    ]);
    expect(f.outcomes).toMatchObject({
      raised: 3,
      lowered: 1,
      changedUnclear: 0,
      markChanged: 1,
      noChange: 1,
      incomplete: 0,
      withOutcome: 6,
      gradeChanged: 4,
    });
  });

  it('still counts a grade change whose direction the grades as typed cannot tell', () => {
    const f = figures([outcome('B', 'Pass*', { qualification: 'Mystery Award' })]);
    expect(f.outcomes.changedUnclear).toBe(1);
    expect(f.outcomes.gradeChanged).toBe(1);
  });

  it('counts an outcome recorded without a new grade as incomplete, not as no change', () => {
    const f = figures([outcome('B', '')]);
    expect(f.outcomes).toMatchObject({ incomplete: 1, noChange: 0, withOutcome: 1 });
  });

  it('leaves out scripts, missing results and withdrawn requests: they have no grade outcome', () => {
    const f = figures([
      outcome('', '', { service: 'ats-copy', sheet: 'Access to scripts' }),
      outcome('', 'B', { service: 'mir' }),
      outcome('B', 'A', { status: 'Withdrawn' }),
    ]);
    expect(f.outcomes.withOutcome).toBe(0);
    expect(f.outcomes.raised).toBe(0);
  });
});

describe('reviews by subject', () => {
  it('puts the subjects with most reviews first, with how many changed a grade', () => {
    const f = figures([
      row({ subject: 'History' }),
      outcome('B', 'A', { subject: 'Chemistry' }),
      outcome('B', 'B', { subject: 'chemistry ' }),
      row({ subject: 'Chemistry' }),
      row({ subject: 'Chemistry', service: 'ats-copy', sheet: 'Access to scripts' }),
      row({ subject: 'History', status: 'Withdrawn' }),
    ]);
    expect(f.bySubject.map((s) => [s.subject, s.reviews, s.gradeChanged, s.awaitingOutcome])).toEqual([
      ['Chemistry', 3, 1, 1],
      ['History', 1, 0, 1],
    ]);
  });
});

describe('waiting on the boards', () => {
  it('counts submitted requests waiting for an acknowledgement and acknowledged ones waiting for an outcome', () => {
    const f = figures([
      row({ status: 'Submitted', submittedToBoard: '2026-08-28' }),
      row({ status: 'Submitted', submittedToBoard: '2026-08-28' }),
      row({ status: 'Acknowledged', submittedToBoard: '2026-08-21', acknowledged: '2026-08-24' }),
      row({ status: 'Outcome received' }),
    ]);
    expect(f.waiting).toMatchObject({ awaitingAcknowledgement: 2, awaitingOutcome: 1, total: 3 });
  });

  it('takes what is overdue from the daily check’s flags, not from a rule of its own', () => {
    const f = figures([
      // Submitted weeks ago but not flagged: the daily check has not said it is overdue.
      row({ status: 'Submitted', submittedToBoard: '2026-08-14' }),
      row({
        status: 'Submitted',
        submittedToBoard: '2026-08-25',
        flags: `${FLAGS.notAcknowledged} (submitted 25/08/2026)`,
      }),
      row({
        status: 'Acknowledged',
        submittedToBoard: '2026-08-10',
        acknowledged: '2026-08-11',
        flags: `${FLAGS.outcomeOverdue} (due 31/08/2026); ${FLAGS.notAcknowledged}`,
      }),
      row({ status: 'Acknowledged', flags: FLAGS.outcomeOverdue }),
    ]);
    expect(f.waiting).toMatchObject({ overdueAcknowledgement: 2, overdueOutcome: 2, overdue: 3 });
  });

  it('reads a flag only when its label is exact, and ignores a flag left on a closed or withdrawn request', () => {
    const f = figures([
      row({ status: 'Submitted', flags: 'Not acknowledged by the board yet?' }),
      row({ status: 'Closed', flags: FLAGS.outcomeOverdue }),
      row({ status: 'Withdrawn', flags: FLAGS.notAcknowledged }),
    ]);
    expect(f.waiting).toMatchObject({ overdueAcknowledgement: 0, overdueOutcome: 0, overdue: 0 });
  });

  it('counts deadlines from today to seven days on with nothing submitted, and deadlines already missed', () => {
    const f = figures([
      row({ status: 'Received', deadline: TODAY }),
      row({ status: 'Received', deadline: '2026-09-10' }), // today + 7: in
      row({ status: 'Received', deadline: '2026-09-11' }), // today + 8: out
      row({ status: 'Received', deadline: '2026-09-02' }), // yesterday: missed
      row({ status: 'Submitted', deadline: '2026-09-04', submittedToBoard: '2026-09-01' }),
      row({ status: 'Received', deadline: '' }),
    ]);
    expect(f.waiting.deadlineSoonNotSubmitted).toBe(2);
    expect(f.waiting.deadlinePassedNotSubmitted).toBe(1);
  });
});

describe('money (GBP)', () => {
  it('adds fees taken and fees the centre waived, to the penny', () => {
    const f = figures([
      row({ fee: 8.7, paid: 'yes', service: 'clerical-recheck' }),
      row({ fee: 8.7, paid: 'yes', service: 'clerical-recheck' }),
      row({ fee: 8.7, paid: 'yes', service: 'clerical-recheck' }),
      row({ fee: 48.65, paid: 'waived' }),
      row({ fee: 48.65, paid: 'no' }),
      row({ fee: 0, paid: 'yes', service: 'ats-copy', sheet: 'Access to scripts' }),
      row({ fee: null, paid: 'yes', service: 'mir' }),
    ]);
    expect(f.money.feesTaken).toEqual({ count: 3, amount: 26.1 });
    expect(f.money.feesWaived).toEqual({ count: 1, amount: 48.65 });
  });

  it('owes a refund when a review changed the grade of a paid request, until the refund is issued', () => {
    const f = figures([
      outcome('B', 'A', { fee: 48.65, paid: 'yes' }), // due
      outcome('5', '4', { fee: 42, paid: 'yes', qualification: 'GCSE' }), // lowered: still due
      outcome('B', 'A', { fee: 48.65, paid: 'yes', refundIssued: '2026-09-02' }), // issued
      outcome('B', 'A', { fee: 48.65, paid: 'waived' }), // the centre paid: nothing to refund
      outcome('B', 'B', { fee: 48.65, paid: 'yes', newMark: '66' }), // mark only: charged
    ]);
    expect(f.money.refundsDue).toEqual({ count: 2, amount: 90.65 });
    expect(f.money.refundsIssued).toEqual({ count: 1, amount: 48.65 });
  });
});

describe('the needs-attention list', () => {
  it('holds only the request ID, the candidate’s name, the subject, what is needed and since when', () => {
    const f = figures([
      row({
        requestId: 'R-2026-0100',
        forename: 'Amy',
        surname: 'Brown',
        status: 'Submitted',
        submittedToBoard: '2026-08-21',
        flags: FLAGS.notAcknowledged,
      }),
    ]);
    expect(f.needsAttention).toEqual([
      {
        requestId: 'R-2026-0100',
        candidate: 'Amy Brown',
        subject: 'Chemistry',
        needed: FLAGS.notAcknowledged,
        since: '2026-08-21',
      },
    ]);
  });

  it('adds a board deadline in the next week that the daily check has not flagged yet, with its date', () => {
    const f = figures([row({ status: 'Received', received: '2026-09-01', deadline: '2026-09-08' })]);
    expect(f.needsAttention[0].needed).toBe(`${FLAGS.deadlineNear} (deadline 08/09/2026)`);
    expect(f.needsAttention[0].since).toBe('2026-09-01');
  });

  it('does not say the same deadline twice when the daily check has flagged it', () => {
    const flags = `${FLAGS.deadlinePassed} (deadline 01/09/2026)`;
    const f = figures([row({ status: 'Received', deadline: '2026-09-01', flags })]);
    expect(f.needsAttention[0].needed).toBe(flags);
  });

  it('dates each need from when it started, lists every need of a request on one line, oldest first', () => {
    const f = figures([
      outcome('B', 'A', {
        requestId: 'R-2026-0002',
        outcomeReceived: '2026-08-30',
        flags: `${FLAGS.refundDue} (£48.65); ${FLAGS.updateMis}`,
      }),
      row({
        requestId: 'R-2026-0003',
        status: 'Acknowledged',
        submittedToBoard: '2026-08-14',
        acknowledged: '2026-08-17',
        flags: FLAGS.outcomeOverdue,
      }),
      row({ requestId: 'R-2026-0004', status: 'Closed', flags: FLAGS.refundDue }),
    ]);
    expect(f.needsAttention.map((a) => [a.requestId, a.needed, a.since])).toEqual([
      ['R-2026-0003', FLAGS.outcomeOverdue, '2026-08-17'],
      ['R-2026-0002', `${FLAGS.refundDue} (£48.65); ${FLAGS.updateMis}`, '2026-08-30'],
    ]);
  });

  it('shows SLT only the daily check’s words, never a note the officer typed in Flags', () => {
    const f = figures([
      row({ status: 'Submitted', flags: 'Mum rang, very upset' }),
      row({ status: 'Submitted', flags: `Mum rang; ${FLAGS.notAcknowledged}`, submittedToBoard: '2026-08-24' }),
    ]);
    expect(f.needsAttention.map((a) => [a.needed, a.since])).toEqual([[FLAGS.notAcknowledged, '2026-08-24']]);
  });

  it('lists every request that needs something (the layout caps what it shows)', () => {
    const many = Array.from({ length: NEEDS_ATTENTION_LIMIT + 5 }, () =>
      row({ status: 'Submitted', flags: FLAGS.notAcknowledged, submittedToBoard: '2026-08-21' }),
    );
    expect(figures(many).needsAttention).toHaveLength(NEEDS_ATTENTION_LIMIT + 5);
  });
});

describe('reading the Flags column', () => {
  it('finds each label the daily check wrote, with or without its detail, once', () => {
    expect(parseFlags(` ${FLAGS.refundDue} (£48.65) ;${FLAGS.updateMis};; ${FLAGS.refundDue} (£48.65)`)).toEqual([
      { label: FLAGS.refundDue, text: `${FLAGS.refundDue} (£48.65)` },
      { label: FLAGS.updateMis, text: FLAGS.updateMis },
    ]);
    expect(parseFlags('')).toEqual([]);
  });

  it('keeps what an officer typed as it is, without mistaking it for a label', () => {
    expect(parseFlags('Outcome overdue? ring AQA')).toEqual([{ label: null, text: 'Outcome overdue? ring AQA' }]);
  });
});

describe('by level', () => {
  it('splits requests, reviews and outcomes between GCSE, AS/A level and the rest, by the Qualification typed', () => {
    const f = figures([
      outcome('5', '6', { qualification: 'GCSE' }),
      outcome('4', '4', { qualification: 'gcse (9-1)' }),
      row({ qualification: 'IGCSE', status: 'Received' }),
      outcome('B', 'A', { qualification: 'GCE A level' }),
      outcome('C', 'D', { qualification: 'AS level' }),
      row({ qualification: 'A Level', status: 'Withdrawn' }),
      row({ qualification: 'BTEC National', status: 'Received' }),
      row({ qualification: '', status: 'Received', service: 'ats-copy', sheet: 'Access to scripts' }),
      outcome('3', '2', { qualification: 'Wizardry' }),
    ]);
    expect(f.byLevel).toEqual([
      {
        level: 'GCSE',
        requests: 3,
        reviews: 3,
        withOutcome: 2,
        gradeChanged: 1,
        raised: 1,
        lowered: 0,
        awaitingOutcome: 1,
      },
      {
        level: 'AS/A level',
        // The withdrawn one is logged, but is no review any more.
        requests: 3,
        reviews: 2,
        withOutcome: 2,
        gradeChanged: 2,
        raised: 1,
        lowered: 1,
        awaitingOutcome: 0,
      },
      {
        level: 'Other or not known',
        // A script request is logged but is not a review.
        requests: 3,
        reviews: 2,
        withOutcome: 1,
        gradeChanged: 1,
        raised: 0,
        lowered: 1,
        awaitingOutcome: 1,
      },
    ]);
    expect(f.byLevel.reduce((n, l) => n + l.requests, 0)).toBe(f.total);
    expect(f.byLevel.reduce((n, l) => n + l.gradeChanged, 0)).toBe(f.outcomes.gradeChanged);
  });

  it('has all three levels, at zero, for an empty season', () => {
    expect(figures([]).byLevel.map((l) => [l.level, l.requests])).toEqual([
      ['GCSE', 0],
      ['AS/A level', 0],
      ['Other or not known', 0],
    ]);
  });
});

describe('each figure is worked out by a rule of its own', () => {
  const season = () => [
    row({ board: 'AQA', status: 'Received', deadline: '2026-09-05', qualification: 'GCSE' }),
    row({ board: 'OCR', status: 'Submitted', submittedToBoard: '2026-08-21', flags: FLAGS.notAcknowledged }),
    row({ board: 'Eduqas', status: 'Withdrawn', subject: 'Physics', originalGrade: 'B', newGrade: 'A' }),
    row({ board: 'My board', status: 'Closed', service: 'ats-copy', sheet: 'Access to scripts', fee: 0 }),
    outcome('B', 'A', { fee: 48.65, paid: 'yes' }),
    outcome('C', 'C', { subject: 'Biology', fee: 48.65, paid: 'waived' }),
  ];

  it('requests by status: each once, under its status', () => {
    expect(countByStatus(season())).toEqual({
      Received: 1,
      Submitted: 1,
      Acknowledged: 0,
      'Outcome received': 2,
      Closed: 1,
      Withdrawn: 1,
    });
  });

  it('requests by board: the five boards, then a board of the officer’s own under Other boards', () => {
    const boards = countByBoard(season());
    expect(boards.map((b) => [b.board, b.total])).toEqual([
      ['AQA', 3],
      ['OCR', 1],
      ['Pearson Edexcel', 0],
      ['WJEC Eduqas', 0],
      ['CCEA', 0],
      ['Other boards', 2],
    ]);
    expect(boards.find((b) => b.board === 'Other boards')?.byStatus.Withdrawn).toBe(1);
  });

  it('requests by service: every service in the catalogue, withdrawn ones included', () => {
    const services = countByService(season());
    expect(services.find((s) => s.label === 'Review of marking')?.count).toBe(5);
    expect(services.find((s) => s.label === 'Copy of script')?.count).toBe(1);
    expect(services.at(-1)).toEqual({ label: 'Service not recognised', count: 0 });
  });

  it('reviews by subject: a withdrawn review is not a review asked for', () => {
    expect(reviewsBySubject(season()).map((s) => [s.subject, s.reviews, s.gradeChanged, s.awaitingOutcome])).toEqual([
      ['Chemistry', 3, 1, 2],
      ['Biology', 1, 0, 0],
    ]);
  });

  it('by level: GCSE, AS/A level and the rest, each with its reviews and outcomes', () => {
    expect(figuresByLevel(season()).map((l) => [l.level, l.requests, l.reviews, l.withOutcome, l.raised])).toEqual([
      ['GCSE', 1, 1, 0, 0],
      ['AS/A level', 5, 3, 2, 1],
      ['Other or not known', 0, 0, 0, 0],
    ]);
  });

  it('outcomes of reviews: one raised, one unchanged, out of two with an outcome', () => {
    expect(reviewOutcomes(season())).toMatchObject({ withOutcome: 2, raised: 1, noChange: 1, gradeChanged: 1 });
  });

  it('waiting on the boards: overdue from the daily check’s flag, a deadline in two days with nothing sent', () => {
    expect(waitingOnBoards(season(), TODAY)).toMatchObject({
      awaitingAcknowledgement: 1,
      overdueAcknowledgement: 1,
      overdue: 1,
      deadlineSoonNotSubmitted: 1,
      deadlinePassedNotSubmitted: 0,
    });
  });

  it('money: fees taken (a withdrawn request’s too), a fee waived, and the refund the raised grade owes', () => {
    expect(moneyFigures(season())).toEqual({
      feesTaken: { count: 4, amount: 194.6 },
      feesWaived: { count: 1, amount: 48.65 },
      refundsDue: { count: 1, amount: 48.65 },
      refundsIssued: { count: 0, amount: 0 },
    });
  });

  it('needs attention: the deadline coming up (since the request came in) before the request not acknowledged (since its submission)', () => {
    expect(needsAttention(season(), TODAY).map((a) => [a.needed, a.since])).toEqual([
      [`${FLAGS.deadlineNear} (deadline 05/09/2026)`, '2026-08-20'],
      [FLAGS.notAcknowledged, '2026-08-21'],
    ]);
  });
});
