import { consentRule } from '../../src/domain/consent';
import { found, judging } from './ruleFixture';

describe('consent: marks and grades can go down as well as up (consentRule)', () => {
  it('a review without consent is refused, saying why', () => {
    const c = judging({ consent: false, consentDate: '' });
    consentRule(c, 'review-of-marking');
    expect(found(c.errors)).toEqual([
      [
        'consent',
        "A review of marking needs the candidate's written consent: marks and grades can go down as well as up, so the candidate must agree in writing first.",
      ],
    ]);
  });

  it('a script a teacher will use in class needs the candidate’s consent too', () => {
    const c = judging({ service: 'ats-copy', requestedBy: 'teacher', consent: false, consentDate: '' });
    consentRule(c, 'ats-copy');
    expect(found(c.errors)).toEqual([
      ['consent', "A teacher wants this script to use in class, so the candidate's written consent is needed first."],
    ]);
  });

  it('consent ticked needs its date', () => {
    const c = judging({ consentDate: '' });
    consentRule(c, 'review-of-marking');
    expect(found(c.errors)).toEqual([['consentDate', 'Enter the date the candidate gave written consent.']]);
  });

  it('consent can only be collected once results are out', () => {
    const c = judging({ consentDate: '2026-08-12' });
    consentRule(c, 'review-of-marking');
    expect(found(c.errors)).toEqual([
      [
        'consentDate',
        'The consent date 12/08/2026 is before results day (13/08/2026): consent can only be collected after results are published.',
      ],
    ]);
  });

  it('a result issued late counts from the day it was issued', () => {
    const c = judging({ consentDate: '2026-08-15', resultsIssued: '2026-08-18' });
    consentRule(c, 'review-of-marking');
    expect(c.errors.map((e) => e.message)).toEqual([expect.stringContaining('before results day (18/08/2026)')]);
  });

  it('a review of moderation needs no candidate consent', () => {
    const c = judging({ service: 'review-of-moderation', consent: false, consentDate: '' });
    consentRule(c, 'review-of-moderation');
    expect(c.errors).toEqual([]);
  });
});
