import type { FeeAndDeadline } from '../../src/domain/deadlines';
import { deadlineRule, paymentRule, serviceRowRule, whateverTheLevelRule } from '../../src/domain/feesAndDeadlines';
import { SEED_SERVICES } from '../../src/domain/seedServices';
import type { ServiceRow } from '../../src/domain/types';
import { found, judging } from './ruleFixture';

/** AQA's review of marking for A level and every level without its own row: £48.65 by 24 September 2026 (the seed). */
const ROW: ServiceRow = SEED_SERVICES.find(
  (r) => r.board === 'AQA' && r.service === 'review-of-marking' && r.levels.length === 0,
)!;
const priced = (deadline: string | null): FeeAndDeadline => ({ row: ROW, fee: ROW.fee, deadline, turnaroundDays: 20 });
const NOT_FROM_A_REVIEW = { reviewOutcome: null, reasonsReceived: null };

describe('the board, series and service must be in the Services sheet (serviceRowRule)', () => {
  it('finds the row for the level of the qualification', () => {
    const c = judging();
    expect(serviceRowRule(c, 'review-of-marking')).toBe(ROW);
    expect(c.errors).toEqual([]);
  });

  it('a board the sheet does not list: add its rows first', () => {
    const c = judging({ board: 'Cambridge' });
    expect(serviceRowRule(c, 'review-of-marking')).toBeNull();
    expect(found(c.errors)).toEqual([
      [
        'board',
        '"Cambridge" is not a board in the Services sheet. Choose one from the list, or add the board\'s rows to the Services sheet first.',
      ],
    ]);
  });

  it('a series the sheet does not list for that board', () => {
    const c = judging({ series: 'November 2026' });
    expect(serviceRowRule(c, 'review-of-marking')).toBeNull();
    expect(found(c.errors)).toEqual([
      ['series', 'The Services sheet has no November 2026 series for AQA. Add its rows to the Services sheet first.'],
    ]);
  });

  it('a board that prices levels apart needs the qualification, and is told now what every level agrees on', () => {
    const c = judging({ qualification: '', paid: 'no' });
    expect(serviceRowRule(c, 'review-of-marking')).toBeNull();
    expect(found(c.errors)).toEqual([
      [
        'qualification',
        'AQA charges a review of marking by qualification level (GCSE £42.00, other levels £48.65): enter the qualification, like GCSE or GCE A level, so the right fee and deadline are used.',
      ],
      [
        'paid',
        'Requests cannot be processed without payment: AQA charges a review of marking GCSE £42.00, other levels £48.65. Mark it paid, or waived if the centre is paying.',
      ],
    ]);
  });

  it('without a board or series there is nothing to look up, and nothing to say', () => {
    const c = judging({ board: '' });
    expect(serviceRowRule(c, 'review-of-marking')).toBeNull();
    expect(c.errors).toEqual([]);
  });
});

describe('requests cannot be processed without payment (paymentRule)', () => {
  it('a paid service not yet paid is refused, naming the fee', () => {
    const c = judging({ paid: 'no' });
    paymentRule(c, 'review-of-marking', ROW);
    expect(found(c.errors)).toEqual([
      [
        'paid',
        'Requests cannot be processed without payment: the fee for a review of marking is £48.65. Mark it paid, or waived if the centre is paying.',
      ],
    ]);
    expect(c.answer.fee).toBe(48.65);
  });

  it('waived (the centre pays) is accepted with the fee recorded', () => {
    const c = judging({ paid: 'waived' });
    paymentRule(c, 'review-of-marking', ROW);
    expect([c.errors, c.answer.fee]).toEqual([[], 48.65]);
  });

  it('a blank fee is not free: fill in the Services sheet first', () => {
    const c = judging();
    paymentRule(c, 'review-of-marking', { ...ROW, fee: null });
    expect(c.errors[0].message).toMatch(
      /is blank in the Services sheet\. Fill in that row's fee first: blank is not free/,
    );
    expect(c.answer.fee).toBeNull();
  });

  it('a centre request with a blank fee is taken: the board invoices the centre', () => {
    const c = judging({ service: 'review-of-moderation', paid: 'waived' });
    paymentRule(c, 'review-of-moderation', { ...ROW, service: 'review-of-moderation', fee: null });
    expect(c.errors).toEqual([]);
    expect(c.warnings[0].message).toMatch(/The board invoices the centre, so the request is taken/);
  });
});

describe('a late request only with the officer’s reason (deadlineRule)', () => {
  it('after the board’s deadline without a reason is refused, naming the deadline', () => {
    const c = judging({}, { today: '2026-09-25' });
    deadlineRule(c, 'review-of-marking', ROW, priced('2026-09-24'), NOT_FROM_A_REVIEW);
    expect(found(c.errors)).toEqual([
      [
        'lateReason',
        "The board's deadline for a review of marking (AQA, June 2026) was 24/09/2026; today is 25/09/2026. It can only be taken late with a reason, which is kept in the notes.",
      ],
    ]);
  });

  it('with a reason it is accepted, the reason first in the notes', () => {
    const c = judging({ lateReason: 'Post strike', notes: 'Mine' }, { today: '2026-09-25' });
    deadlineRule(c, 'review-of-marking', ROW, priced('2026-09-24'), NOT_FROM_A_REVIEW);
    expect(c.errors).toEqual([]);
    expect(c.answer.notes).toBe("Accepted after the board's deadline of 24/09/2026: Post strike\nMine");
  });

  it('on the deadline day itself it is not late, and a late reason is not recorded', () => {
    const c = judging({ lateReason: 'Just in case' }, { today: '2026-09-24' });
    deadlineRule(c, 'review-of-marking', ROW, priced('2026-09-24'), NOT_FROM_A_REVIEW);
    expect([c.errors, c.answer.notes]).toEqual([[], '']);
    expect(found(c.warnings)).toEqual([
      ['lateReason', 'The request is not late, so the late reason is not needed and is not recorded.'],
    ]);
  });

  it('no deadline in the sheet: the officer is warned to check the board’s', () => {
    const c = judging();
    deadlineRule(c, 'review-of-marking', ROW, priced(null), NOT_FROM_A_REVIEW);
    expect(found(c.warnings)).toEqual([
      [
        'service',
        "The Services sheet has no deadline for AQA, June 2026, Review of marking: check the board's deadline before you submit.",
      ],
    ]);
  });

  it('a late certification is never taken late, even with a reason', () => {
    const c = judging({ service: 'late-certification', lateReason: 'Please' }, { today: '2026-09-25' });
    deadlineRule(c, 'late-certification', ROW, priced('2026-09-24'), NOT_FROM_A_REVIEW);
    expect(c.errors.map((e) => e.field)).toEqual(['service']);
    expect(c.errors[0].message).toMatch(/so it cannot be taken late, even with a reason\.$/);
  });
});

describe('what every level agrees on, before the level is known (whateverTheLevelRule)', () => {
  const rows = SEED_SERVICES.filter((r) => r.board === 'AQA' && r.service === 'review-of-marking');

  it('every level’s deadline has passed: a reason is needed, whatever the level', () => {
    const c = judging({ qualification: '' }, { today: '2026-09-25' });
    whateverTheLevelRule(c, 'review-of-marking', rows);
    expect(found(c.errors)).toEqual([
      [
        'lateReason',
        "The board's deadline for a review of marking (AQA, June 2026) was 24/09/2026 at every level; today is 25/09/2026. It can only be taken late with a reason, which is kept in the notes.",
      ],
    ]);
  });

  it('paid, and in time at some level: nothing to say yet', () => {
    const c = judging({ qualification: '' });
    whateverTheLevelRule(c, 'review-of-marking', rows);
    expect(c.errors).toEqual([]);
  });
});
