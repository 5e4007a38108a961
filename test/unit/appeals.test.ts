import { reasonsReceivedRule, relatedReviewRule } from '../../src/domain/appeals';
import { earlier, found, judging } from './ruleFixture';

const appeal = (over = {}) => judging({ service: 'appeal', relatedRequestId: 'R-2026-0003', ...over }, {});

describe('an appeal follows a review whose outcome is in (relatedReviewRule)', () => {
  it('the review named must be in the logs', () => {
    const c = appeal();
    expect(relatedReviewRule(c, 'appeal')).toBeNull();
    expect(found(c.errors)).toEqual([['relatedRequestId', 'There is no request R-2026-0003 in the logs.']]);
  });

  it('gives the review’s outcome date, which the appeal window counts from', () => {
    const c = judging({ service: 'appeal', relatedRequestId: 'R-2026-0003' }, { existing: [earlier()] });
    expect(relatedReviewRule(c, 'appeal')).toBe('2026-08-18');
    expect(c.errors).toEqual([]);
  });

  it('a clerical re-check cannot be appealed', () => {
    const c = judging(
      { service: 'appeal', relatedRequestId: 'R-2026-0003' },
      { existing: [earlier({ service: 'clerical-recheck' })] },
    );
    expect(relatedReviewRule(c, 'appeal')).toBeNull();
    expect(found(c.errors)).toEqual([
      [
        'relatedRequestId',
        'R-2026-0003 is a clerical re-check: an appeal can only follow a review of marking or a review of moderation.',
      ],
    ]);
  });

  it('an appeal hearing follows a preliminary appeal, not a review', () => {
    const c = judging({ service: 'appeal-hearing', relatedRequestId: 'R-2026-0003' }, { existing: [earlier()] });
    expect(relatedReviewRule(c, 'appeal-hearing')).toBeNull();
    expect(c.errors[0].message).toMatch(/an appeal hearing can only follow a preliminary appeal/);
  });

  it('a review with no outcome yet cannot be appealed', () => {
    const c = judging(
      { service: 'appeal', relatedRequestId: 'R-2026-0003' },
      { existing: [earlier({ outcomeReceived: '' })] },
    );
    expect(relatedReviewRule(c, 'appeal')).toBeNull();
    expect(c.errors[0].message).toBe(
      "R-2026-0003 has no outcome recorded yet: an appeal can only be made once the review's outcome has been received.",
    );
  });

  it('a service that follows no review, or a blank ID, is not judged here', () => {
    const c = judging({ relatedRequestId: 'R-2026-0003' });
    expect(relatedReviewRule(c, 'review-of-marking')).toBeNull();
    expect(relatedReviewRule(judging({ service: 'appeal' }), 'appeal')).toBeNull();
    expect(c.errors).toEqual([]);
  });
});

describe('a preliminary appeal may count from the reasons for the outcome (reasonsReceivedRule)', () => {
  it('the date the reasons came, once they have come', () => {
    const c = judging({ service: 'appeal', reasonsReceived: '2026-08-20' });
    expect(reasonsReceivedRule(c, 'appeal', '2026-08-18')).toBe('2026-08-20');
    expect(c.errors).toEqual([]);
  });

  it('reasons cannot come before the outcome', () => {
    const c = judging({ service: 'appeal', reasonsReceived: '2026-08-17' });
    expect(reasonsReceivedRule(c, 'appeal', '2026-08-18')).toBeNull();
    expect(found(c.errors)).toEqual([
      [
        'reasonsReceived',
        "The reasons date 17/08/2026 is before the review's outcome (18/08/2026): the reasons come after the outcome.",
      ],
    ]);
  });

  it('any other service is told the date is not used', () => {
    const c = judging({ service: 'appeal-hearing', reasonsReceived: '2026-08-20' });
    expect(reasonsReceivedRule(c, 'appeal-hearing', '2026-08-18')).toBeNull();
    expect(found(c.warnings)).toEqual([
      ['reasonsReceived', 'Only a preliminary appeal counts from the reasons for an outcome, so the date is not used.'],
    ]);
  });
});
