import {
  archiveRows,
  candidatesToRemove,
  closedOn,
  judgeRequests,
  messagesToRemove,
  monthsBefore,
} from '../../src/domain/seasonClose';
import { acknowledged, request } from './requestFixture';

/** A review with no change, its outcome on `on`: nothing left to do after it. */
const settled = (id: string, on: string, over = {}) =>
  acknowledged({ requestId: id, outcomeReceived: on, newGrade: 'B', status: 'Closed', ...over });

describe('the retention date', () => {
  it('is today less the retention months, the 31st becoming the shorter month’s last day', () => {
    expect(monthsBefore('2028-03-01', 18)).toBe('2026-09-01');
    expect(monthsBefore('2026-08-31', 6)).toBe('2026-02-28');
    expect(monthsBefore('2028-08-31', 6)).toBe('2028-02-29');
    expect(monthsBefore('2027-01-15', 1)).toBe('2026-12-15');
  });
});

describe('what a request is counted from', () => {
  it('is its last outcome or follow-up date', () => {
    expect(closedOn(settled('R-2026-0001', '2026-09-10', { sorIssued: '2026-09-20' }))).toBe('2026-09-20');
  });

  it('is the last date on its row when withdrawn without an outcome; an open request has none', () => {
    expect(closedOn(request({ status: 'Withdrawn', submittedToBoard: '2026-08-24' }))).toBe('2026-08-24');
    expect(closedOn(request())).toBeNull();
  });
});

describe('which requests go', () => {
  const retention = '2026-09-01';

  it('goes when counted from before the retention date; exactly on it is not older', () => {
    const v = judgeRequests([settled('R-2026-0001', '2026-08-31'), settled('R-2026-0002', '2026-09-01')], retention);
    expect(v.map((x) => [x.requestId, x.remove, x.keptBecause])).toEqual([
      ['R-2026-0001', true, undefined],
      ['R-2026-0002', false, 'recent'],
    ]);
  });

  it('keeps a review while its appeal is recent: consent is kept six months after any later appeal', () => {
    const review = settled('R-2025-0001', '2025-09-10');
    const appeal = settled('R-2025-0002', '2026-10-01', { service: 'appeal', relatedRequestId: 'R-2025-0001' });
    const v = judgeRequests([review, appeal], retention);
    expect(v[0]).toMatchObject({ remove: false, countedFrom: '2026-10-01', keptBecause: 'recent' });
    expect(v[1]).toMatchObject({ remove: false, keptBecause: 'recent' });
  });

  it('keeps an open request, and a review whose appeal is still open, however old', () => {
    const review = settled('R-2025-0001', '2025-09-10');
    const appeal = request({
      requestId: 'R-2025-0002',
      service: 'appeal',
      relatedRequestId: 'R-2025-0001',
      received: '2025-09-20',
    });
    const v = judgeRequests([review, appeal], retention);
    expect(v.map((x) => x.keptBecause)).toEqual(['open', 'open']);
  });

  it('keeps an old grade change whose refund, MIS update or Statement of Results is still to do', () => {
    const change = { newGrade: 'A', status: 'Outcome received' as const };
    const v = judgeRequests(
      [
        settled('R-2025-0001', '2025-09-10', { ...change, misUpdated: '2025-09-12', sorIssued: '2025-09-12' }),
        settled('R-2025-0002', '2025-09-10', {
          ...change,
          refundIssued: '2025-09-12',
          misUpdated: '2025-09-12',
          sorIssued: '2025-09-13',
        }),
      ],
      retention,
    );
    expect(v[0]).toMatchObject({ remove: false, keptBecause: 'follow-up' });
    expect(v[1]).toMatchObject({ remove: true, countedFrom: '2025-09-13' });
  });
});

describe('the season archive', () => {
  it('keeps counts and money totals by series, board and service, and nothing about a person', () => {
    const rows = archiveRows(
      [
        settled('R-2025-0001', '2025-09-10', { series: 'June 2025', fee: 48.65 }),
        settled('R-2025-0002', '2025-09-10', {
          series: 'June 2025',
          fee: 48.65,
          newGrade: 'A',
          refundIssued: '2025-09-15',
        }),
        settled('R-2025-0003', '2025-09-10', { series: 'June 2025', fee: 48.65, paid: 'waived' }),
        request({
          requestId: 'R-2025-0004',
          series: 'June 2025',
          status: 'Withdrawn',
          service: 'clerical-recheck',
          fee: 8.7,
        }),
      ],
      '2027-03-01',
    );
    expect(rows).toEqual([
      {
        'Closed on': '2027-03-01',
        Series: 'June 2025',
        Board: 'AQA',
        Service: 'clerical-recheck',
        Requests: 1,
        'Grade changes': 0,
        Withdrawn: 1,
        'Fees paid': 8.7,
        'Fees waived': 0,
        'Refunds issued': 0,
      },
      {
        'Closed on': '2027-03-01',
        Series: 'June 2025',
        Board: 'AQA',
        Service: 'review-of-marking',
        Requests: 3,
        'Grade changes': 1,
        Withdrawn: 0,
        'Fees paid': 97.3,
        'Fees waived': 48.65,
        'Refunds issued': 48.65,
      },
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/Brown|Amy|0042|R-2025/);
  });
});

describe('correspondence and candidates that go', () => {
  it('takes the messages of requests that go, and old messages not about any request', () => {
    const rows = messagesToRemove(
      [
        { row: 2, requestId: 'R-2025-0001', sent: '2025-09-10' },
        { row: 3, requestId: 'R-2026-0001', sent: '2025-09-10' },
        { row: 4, requestId: 'REMINDER-2025', sent: '2025-08-10' },
        { row: 5, requestId: 'REMINDER-2026', sent: '2026-08-10' },
        { row: 6, requestId: 'DIGEST-2025-08-20', sent: '' },
      ],
      new Set(['R-2025-0001']),
      new Set(['R-2025-0001', 'R-2026-0001']),
      '2026-01-01',
    );
    expect(rows).toEqual([2, 4]);
  });

  it('takes a candidate with no request left once the list was imported before the retention date', () => {
    const people = [
      { row: 2, candidateNumber: '0042' },
      { row: 3, candidateNumber: '0043' },
      { row: 4, candidateNumber: '0044' },
    ];
    const kept = new Set(['0043']);
    const removed = new Set(['0042']);
    expect(candidatesToRemove(people, kept, removed, '2025-07-01', '2026-01-01')).toEqual([2, 4]);
    // This season's import: the cohort is current, only requests go.
    expect(candidatesToRemove(people, kept, removed, '2026-07-01', '2026-01-01')).toEqual([]);
    // No import recorded: only the candidates whose requests went.
    expect(candidatesToRemove(people, kept, removed, '', '2026-01-01')).toEqual([2]);
  });
});
