import {
  applicationsDigestBlock,
  DIGEST_GROUPS,
  DIGEST_LINES_PER_GROUP,
  DIGEST_MAX_LIST_CHARS,
  appealedRequests,
  checkRequest,
  checkRequests,
  digestEntry,
  digestText,
  flagsText,
  type CheckContext,
} from '../../src/domain/dailyCheck';
import { SEED_SERVICES } from '../../src/domain/seedServices';
import type { FlagKey, PostResultsRequest, Settings } from '../../src/domain/types';
import { acknowledged, request, scriptRequest, settings, submitted } from './requestFixture';

function ctx(today: string, over: Partial<Settings> = {}, appealed: string[] = []): CheckContext {
  return { today, settings: { ...settings, ...over }, services: SEED_SERVICES, appealed: new Set(appealed) };
}

function flagsOn(req: PostResultsRequest, today: string, over: Partial<Settings> = {}): FlagKey[] {
  return checkRequest(req, ctx(today, over)).flags.map((f) => f.flag);
}

/** The days in [from, to] on which `req` carries `flag`. */
function daysFlagged(req: PostResultsRequest, flag: FlagKey, days: string[], over: Partial<Settings> = {}): string[] {
  return days.filter((d) => flagsOn(req, d, over).includes(flag));
}

function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

describe('submitted but not acknowledged after N working days (Settings, default 2)', () => {
  it('submitted Monday 24 August: two working days are Tuesday and Wednesday, so flagged from Thursday', () => {
    expect(daysFlagged(submitted(), 'notAcknowledged', range('2026-08-24', '2026-08-28'))).toEqual([
      '2026-08-27',
      '2026-08-28',
    ]);
  });

  it('submitted Friday 21 August: the weekend does not count, so flagged from Wednesday 26th', () => {
    const req = submitted({ submittedToBoard: '2026-08-21' });
    expect(daysFlagged(req, 'notAcknowledged', range('2026-08-21', '2026-08-26'))).toEqual(['2026-08-26']);
  });

  it('submitted Thursday 27 August: the bank holiday Monday 31st does not count, so flagged from Wednesday 2 September', () => {
    const req = submitted({ submittedToBoard: '2026-08-27' });
    expect(daysFlagged(req, 'notAcknowledged', range('2026-08-27', '2026-09-02'))).toEqual(['2026-09-02']);
    // Had the officer not listed the bank holiday, Monday would count and the flag would come a day earlier.
    expect(daysFlagged(req, 'notAcknowledged', range('2026-08-27', '2026-09-02'), { bankHolidays: [] })).toEqual([
      '2026-09-01',
      '2026-09-02',
    ]);
  });

  it('waits longer when Settings says so', () => {
    expect(flagsOn(submitted(), '2026-08-27', { acknowledgementWorkingDays: 3 })).not.toContain('notAcknowledged');
    expect(flagsOn(submitted(), '2026-08-28', { acknowledgementWorkingDays: 3 })).toContain('notAcknowledged');
  });

  it('clears once the acknowledgement is recorded', () => {
    expect(flagsOn(submitted(), '2026-08-28')).toContain('notAcknowledged');
    expect(flagsOn(acknowledged(), '2026-08-28')).toEqual([]);
  });

  it('says when it was submitted', () => {
    expect(checkRequest(submitted(), ctx('2026-08-27')).flagsText).toBe(
      'Not acknowledged by the board (submitted 24/08/2026)',
    );
  });
});

describe('received but not submitted: near the board’s deadline, or past it', () => {
  it('deadline Thursday 24 September: flagged near from Tuesday 22nd (2 working days before), passed from Friday 25th', () => {
    const days = range('2026-09-20', '2026-09-26');
    expect(daysFlagged(request(), 'deadlineNear', days)).toEqual(['2026-09-22', '2026-09-23', '2026-09-24']);
    expect(daysFlagged(request(), 'deadlinePassed', days)).toEqual(['2026-09-25', '2026-09-26']);
  });

  it('a deadline on Tuesday 1 September after the bank holiday: flagged from Thursday 27 August', () => {
    const req = request({ deadline: '2026-09-01' });
    expect(daysFlagged(req, 'deadlineNear', range('2026-08-25', '2026-09-01'))).toEqual([
      '2026-08-27',
      '2026-08-28',
      '2026-08-29',
      '2026-08-30',
      '2026-08-31',
      '2026-09-01',
    ]);
    // Without the bank holiday listed, Monday is a working day and the warning starts on Friday.
    expect(daysFlagged(req, 'deadlineNear', range('2026-08-25', '2026-09-01'), { bankHolidays: [] })[0]).toBe(
      '2026-08-28',
    );
  });

  it('takes the deadline from Services when the log has none', () => {
    expect(flagsOn(request({ deadline: '' }), '2026-09-25')).toEqual(['deadlinePassed']);
  });

  it('clears once the request is submitted', () => {
    expect(flagsOn(request(), '2026-09-23')).toEqual(['deadlineNear']);
    expect(flagsOn(submitted({ submittedToBoard: '2026-09-23' }), '2026-09-23')).toEqual([]);
  });
});

describe('outcome overdue against the board’s turnaround (Services, calendar days from submission)', () => {
  it('AQA review of marking, 20 days: submitted 24 August, due 13 September, flagged from the 14th', () => {
    const days = range('2026-09-12', '2026-09-15');
    expect(daysFlagged(acknowledged(), 'outcomeOverdue', days)).toEqual(['2026-09-14', '2026-09-15']);
    expect(checkRequest(acknowledged(), ctx('2026-09-14')).flagsText).toBe('Outcome overdue (due 13/09/2026)');
  });

  it('AQA clerical re-check, 10 days: flagged from 4 September', () => {
    const req = acknowledged({ service: 'clerical-recheck' });
    expect(daysFlagged(req, 'outcomeOverdue', range('2026-09-02', '2026-09-05'))).toEqual(['2026-09-04', '2026-09-05']);
  });

  it('is not flagged where the board publishes no turnaround', () => {
    expect(flagsOn(scriptRequest(), '2026-12-01')).toEqual([]);
  });

  it('clears once the outcome is recorded', () => {
    const outcome = acknowledged({ outcomeReceived: '2026-09-14', newGrade: 'B', newMark: '63', status: 'Closed' });
    expect(flagsOn(outcome, '2026-09-15')).toEqual([]);
  });
});

describe('follow-ups after a grade change', () => {
  const changed = (over: Partial<PostResultsRequest> = {}) =>
    acknowledged({ outcomeReceived: '2026-08-28', newGrade: 'A', newMark: '67', status: 'Outcome received', ...over });

  it('each open follow-up is flagged from the day of the outcome, the refund with its amount', () => {
    const check = checkRequest(changed(), ctx('2026-08-28'));
    expect(check.flags.map((f) => f.flag)).toEqual(['refundDue', 'updateMis', 'issueSor']);
    expect(check.flagsText).toBe('Refund due (£48.65); Update MIS; Issue updated SoR');
  });

  it('still open after 5 working days is overdue: outcome Friday 28 August, bank holiday on the 31st, overdue from Tuesday 8 September', () => {
    expect(daysFlagged(changed(), 'followUpOverdue', range('2026-08-28', '2026-09-09'))).toEqual([
      '2026-09-08',
      '2026-09-09',
    ]);
  });

  it('each clears when its date is in the log, and the request closes when none is left', () => {
    expect(flagsOn(changed({ refundIssued: '2026-09-01' }), '2026-09-02')).toEqual(['updateMis', 'issueSor']);
    const done = checkRequest(
      changed({ refundIssued: '2026-09-01', misUpdated: '2026-09-01', sorIssued: '2026-09-02' }),
      ctx('2026-09-09'),
    );
    expect(done).toMatchObject({ flags: [], flagsText: '', status: 'Closed', closed: 'follow-ups-done' });
  });

  it('no refund flag when the fee was waived', () => {
    expect(flagsOn(changed({ paid: 'waived' }), '2026-08-28')).toEqual(['updateMis', 'issueSor']);
  });
});

describe('appeal window after an outcome with no change', () => {
  const noChange = (over: Partial<PostResultsRequest> = {}) =>
    acknowledged({ outcomeReceived: '2026-08-25', newGrade: 'B', newMark: '61', status: 'Outcome received', ...over });

  it('window of 30 days from 25 August closes on 24 September: flagged from the 21st, closed on the 25th', () => {
    const days = range('2026-09-19', '2026-09-25');
    expect(daysFlagged(noChange(), 'appealWindowClosing', days)).toEqual([
      '2026-09-21',
      '2026-09-22',
      '2026-09-23',
      '2026-09-24',
    ]);
    expect(checkRequest(noChange(), ctx('2026-09-24')).flagsText).toBe('Appeal window closing (closes 24/09/2026)');
    expect(checkRequest(noChange(), ctx('2026-09-25'))).toMatchObject({
      flags: [],
      status: 'Closed',
      closed: 'appeal-window-passed',
    });
  });

  it('closes as soon as an appeal is logged against it', () => {
    expect(checkRequest(noChange(), ctx('2026-09-02', {}, ['R-2026-0001']))).toMatchObject({
      status: 'Closed',
      closed: 'appeal-logged',
    });
  });

  it('an appeal counts when it names the review and is not withdrawn', () => {
    const appeal = request({ requestId: 'R-2026-0002', service: 'appeal', relatedRequestId: 'R-2026-0001' });
    expect([...appealedRequests([appeal])]).toEqual(['R-2026-0001']);
    expect([...appealedRequests([{ ...appeal, status: 'Withdrawn' }])]).toEqual([]);
    const checks = checkRequests([noChange(), appeal], { ...ctx('2026-09-02'), appealed: undefined });
    expect(checks[0]).toMatchObject({ status: 'Closed', closed: 'appeal-logged' });
  });

  it('uses the window in Settings', () => {
    expect(flagsOn(noChange(), '2026-09-09', { appealWindowDays: 15 })).toEqual(['appealWindowClosing']);
    expect(checkRequest(noChange(), ctx('2026-09-10', { appealWindowDays: 15 })).status).toBe('Closed');
  });

  it('a mark change that closed before (an older log) has no appeal flag', () => {
    expect(flagsOn(noChange({ newMark: '63', status: 'Closed' }), '2026-09-22')).toEqual([]);
  });

  it('a mark change without a grade change is still no grade change: its appeal window is flagged and closes it', () => {
    const markChanged = noChange({ newMark: '63' });
    expect(flagsOn(markChanged, '2026-09-22')).toEqual(['appealWindowClosing']);
    expect(checkRequest(markChanged, ctx('2026-09-25')).status).toBe('Closed');
  });
});

describe('the appeal stages in the daily check', () => {
  it('a clerical re-check with no change left open has no appeal window: it closes', () => {
    const recheck = acknowledged({
      service: 'clerical-recheck',
      outcomeReceived: '2026-08-25',
      newGrade: 'B',
      status: 'Outcome received',
    });
    expect(checkRequest(recheck, ctx('2026-08-26'))).toMatchObject({ status: 'Closed', flags: [] });
  });

  const stage1 = (over: Partial<PostResultsRequest> = {}) =>
    acknowledged({
      requestId: 'R-2026-0007',
      service: 'appeal',
      relatedRequestId: 'R-2026-0001',
      outcomeReceived: '2026-09-01',
      newGrade: 'B',
      status: 'Outcome received',
      ...over,
    });

  it('a preliminary appeal with no change waits 14 days for a hearing (Settings), flagged in its last 3 days', () => {
    expect(flagsOn(stage1(), '2026-09-11')).toEqual([]);
    expect(flagsOn(stage1(), '2026-09-12')).toEqual(['appealWindowClosing']);
    expect(checkRequest(stage1(), ctx('2026-09-15')).flagsText).toBe('Appeal window closing (closes 15/09/2026)');
    expect(checkRequest(stage1(), ctx('2026-09-16'))).toMatchObject({
      status: 'Closed',
      closed: 'appeal-window-passed',
    });
  });

  it('closes as soon as a hearing names it', () => {
    const hearing = request({ requestId: 'R-2026-0009', service: 'appeal-hearing', relatedRequestId: 'R-2026-0007' });
    expect([...appealedRequests([hearing])]).toEqual(['R-2026-0007']);
    const checks = checkRequests([stage1(), hearing], { ...ctx('2026-09-05'), appealed: undefined });
    expect(checks[0]).toMatchObject({ status: 'Closed', closed: 'appeal-logged' });
  });

  it('an appeal hearing left open by hand has no next stage at the board: it closes', () => {
    const hearing = stage1({ requestId: 'R-2026-0009', service: 'appeal-hearing', relatedRequestId: 'R-2026-0007' });
    expect(checkRequest(hearing, ctx('2026-09-05'))).toMatchObject({ status: 'Closed', flags: [] });
  });
});

describe('results issued after a missing result or late certification', () => {
  it('flags the MIS update and the updated Statement of Results until both are done', () => {
    const issued = acknowledged({
      service: 'mir',
      indicator: 'X',
      fee: 0,
      originalGrade: '',
      outcomeReceived: '2026-08-28',
      newGrade: 'B',
      status: 'Outcome received',
    });
    expect(flagsOn(issued, '2026-08-28')).toEqual(['updateMis', 'issueSor']);
    expect(
      checkRequest({ ...issued, misUpdated: '2026-08-28', sorIssued: '2026-08-28' }, ctx('2026-08-28')).status,
    ).toBe('Closed');
  });
});

describe('closed and withdrawn requests', () => {
  it('carry no flags, whatever their dates say', () => {
    expect(checkRequest(submitted({ status: 'Withdrawn' }), ctx('2026-12-01'))).toMatchObject({
      flags: [],
      flagsText: '',
      status: 'Withdrawn',
    });
    expect(checkRequest(request({ status: 'Closed' }), ctx('2026-12-01')).flags).toEqual([]);
  });
});

describe('the Flags cell', () => {
  it('joins labels with their details', () => {
    expect(
      flagsText([
        { requestId: 'R', flag: 'refundDue', detail: '£8.70' },
        { requestId: 'R', flag: 'updateMis' },
      ]),
    ).toBe('Refund due (£8.70); Update MIS');
  });
});

describe('the digest', () => {
  const brown = submitted();
  const green = request({
    requestId: 'R-2026-0002',
    surname: 'Green',
    forename: 'Ola',
    board: 'OCR',
    component: 'H446/01',
    subject: 'Computer Science',
  });

  it('lists every flag with request ID, candidate and board, grouped by what to do, most urgent first', () => {
    const entries = [
      digestEntry(brown, { requestId: brown.requestId, flag: 'notAcknowledged', detail: 'submitted 24/08/2026' }),
      digestEntry(green, { requestId: green.requestId, flag: 'deadlinePassed', detail: 'deadline 24/09/2026' }),
    ];
    expect(digestText(entries)).toBe(
      [
        'Submit to the board now: the deadline has passed (1)',
        '- R-2026-0002 Ola Green (OCR): Computer Science H446/01, review of marking; deadline 24/09/2026',
        '',
        'Chase the board: no acknowledgement yet (1)',
        '- R-2026-0001 Amy Brown (AQA): Chemistry 7405/1, review of marking; submitted 24/08/2026',
      ].join('\n'),
    );
  });

  it('is not sent when nothing is flagged', () => {
    expect(digestText([])).toBeNull();
  });

  it("reports the add-on's own problems even on a day with no flags", () => {
    expect(digestText([], ['21/08/2026 07:00: the Services sheet has no "Fee" column.'])).toBe(
      [
        'The add-on had problems (nothing was changed by a run that failed):',
        '- 21/08/2026 07:00: the Services sheet has no "Fee" column.',
      ].join('\n'),
    );
  });

  it('fits its copy in one Correspondence cell (50,000 characters) however many requests are flagged, every group still counted', () => {
    const flags: FlagKey[] = [
      'serviceUnknown',
      'deadlinePassed',
      'deadlineNear',
      'notAcknowledged',
      'outcomeOverdue',
      'followUpOverdue',
      'refundDue',
      'updateMis',
      'issueSor',
      'appealWindowClosing',
    ];
    const many = flags.flatMap((flag) =>
      Array.from({ length: 2000 }, (_, i) =>
        digestEntry(
          request({ requestId: `R-2026-${String(i + 1).padStart(4, '0')}`, surname: 'Featherstonehaugh-Montgomery' }),
          {
            requestId: 'x',
            flag,
            detail: 'submitted 24/08/2026',
          },
        ),
      ),
    );
    const text = digestText(many, ['21/08/2026 07:00: a problem'.padEnd(400, '.')]) as string;
    expect(text.length).toBeLessThan(DIGEST_MAX_LIST_CHARS + 10_000);
    expect(DIGEST_MAX_LIST_CHARS + 10_000).toBeLessThan(50_000);
    for (const g of DIGEST_GROUPS) expect(text).toContain(`${g.heading} (2000)`);
    expect(text).toMatch(/- 2000 requests: filter the Flags column/);
    expect(text).toContain('The add-on had problems');
  });

  it('keeps a long group readable, saying how many more there are', () => {
    const many = Array.from({ length: DIGEST_LINES_PER_GROUP + 5 }, (_, i) =>
      digestEntry(request({ requestId: `R-2026-${String(i + 1).padStart(4, '0')}` }), {
        requestId: 'x',
        flag: 'deadlineNear',
      }),
    );
    const text = digestText(many) as string;
    expect(text.split('\n')[0]).toBe(`Submit to the board: the deadline is near (${DIGEST_LINES_PER_GROUP + 5})`);
    expect(text.split('\n')).toHaveLength(DIGEST_LINES_PER_GROUP + 2);
    expect(text).toMatch(/…and 5 more: filter the Flags column/);
  });
});

describe('applicationsDigestBlock', () => {
  it('says how many online applications wait, and nothing when none does', () => {
    expect(applicationsDigestBlock(0)).toBeNull();
    expect(applicationsDigestBlock(1)).toBe(
      "Online applications to approve or reject (1)\n- 1 online application waits in the form's responses sheet: open Extensions › Post-Results Tracker › Applications (online form).",
    );
    expect(applicationsDigestBlock(3)).toContain('- 3 online applications wait');
  });
});

describe('a Service cell that names no service (the dropdown warns but takes a typo)', () => {
  it('is flagged "Service not recognised" with what she typed, every day until she picks one, and in the digest first', () => {
    const typo = request({ service: 'Reveiw of marking' as PostResultsRequest['service'] });
    const check = checkRequest(typo, ctx('2026-08-21'));
    expect(check.flags).toEqual([{ requestId: typo.requestId, flag: 'serviceUnknown', detail: 'Reveiw of marking' }]);
    expect(check.flagsText).toBe('Service not recognised (Reveiw of marking)');
    expect(flagsOn(submitted({ service: '' as PostResultsRequest['service'] }), '2026-08-25')).toEqual([
      'serviceUnknown',
    ]);
    const digest = digestText([digestEntry(typo, check.flags[0])])!;
    expect(digest.split('\n')[0]).toBe('Choose the service from the list: the Service cell names none (1)');
    expect(digest).toContain(`- ${typo.requestId} ${typo.forename} ${typo.surname} (${typo.board})`);
  });

  it('is not flagged once the request is closed or withdrawn, nor when the cell holds a real service', () => {
    expect(
      flagsOn(request({ service: 'remark' as PostResultsRequest['service'], status: 'Withdrawn' }), '2026-08-21'),
    ).toEqual([]);
    expect(flagsOn(request(), '2026-08-21')).toEqual([]);
  });
});
