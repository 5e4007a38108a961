import {
  choicesOf,
  currentServices,
  filterCandidates,
  reminderJobs,
  reminderKey,
  type ReminderCandidate,
} from '../../src/domain/reminders';
import { SEED_SERVICES } from '../../src/domain/seedServices';

const candidate = (over: Partial<ReminderCandidate>): ReminderCandidate => ({
  row: 2,
  candidateNumber: '0042',
  surname: 'Brown',
  forename: 'Amy',
  email: 'amy@example.org',
  tutorGroup: '13B',
  qualification: 'GCE A level',
  ...over,
});

const CANDIDATES = [
  candidate({}),
  candidate({ row: 3, candidateNumber: '0043', forename: 'Li', surname: 'Ng', email: '', tutorGroup: '13b' }),
  candidate({ row: 4, candidateNumber: '2058', forename: 'Ravi', tutorGroup: '11C', qualification: 'GCSE' }),
];

describe('who gets a reminder', () => {
  it('everyone, or those in a tutor group or qualification, matched however the officer typed it', () => {
    expect(filterCandidates(CANDIDATES, {})).toHaveLength(3);
    expect(filterCandidates(CANDIDATES, { tutorGroup: ' 13B ' }).map((c) => c.row)).toEqual([2, 3]);
    expect(filterCandidates(CANDIDATES, { qualification: 'gcse' }).map((c) => c.row)).toEqual([4]);
    expect(filterCandidates(CANDIDATES, { qualification: 'GCSE', tutorGroup: '13B' })).toEqual([]);
  });

  it('offers each tutor group once, younger years first', () => {
    expect(choicesOf([...CANDIDATES, candidate({ tutorGroup: '7A' })], (c) => c.tutorGroup)).toEqual([
      '7A',
      '11C',
      '13B',
    ]);
  });

  it('one job per candidate with an email, keyed by season and candidate; the others need a letter', () => {
    const { jobs, withoutEmail } = reminderJobs(CANDIDATES, () => 'AQA\n- x', 2026);
    expect(jobs).toEqual([
      {
        requestId: 'REMINDER-2026-0042',
        template: 'Results-day reminder',
        to: 'amy@example.org',
        values: {
          forename: 'Amy',
          surname: 'Brown',
          candidateName: 'Amy Brown',
          candidateNumber: '0042',
          servicesTable: 'AQA\n- x',
        },
        // Named so a refused address points the officer at the cell to fix.
        recipientSource: { field: 'the email cell for Brown, Amy', fix: 'Candidates row 2' },
      },
      expect.objectContaining({ requestId: 'REMINDER-2026-2058', to: 'amy@example.org' }),
    ]);
    expect(withoutEmail.map((c) => c.row)).toEqual([3]);
    expect(reminderKey(2027, '')).toBe('REMINDER-2027-NO-NUMBER');
  });
});

describe("the season's services", () => {
  it('are the series with a deadline still to come', () => {
    const old = SEED_SERVICES.map((r) => ({
      ...r,
      series: 'June 2025',
      deadline: r.deadline && r.deadline.replace('2026', '2025'),
    }));
    const rows = currentServices([...old, ...SEED_SERVICES], '2026-08-20');
    expect(new Set(rows.map((r) => r.series))).toEqual(new Set(['June 2026']));
  });

  it('are every row when no deadline is still to come, so a reminder is never empty', () => {
    expect(currentServices(SEED_SERVICES, '2027-01-01')).toHaveLength(SEED_SERVICES.length);
  });
});
