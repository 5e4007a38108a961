import { duplicatesRule, originalScriptRule, paperKey } from '../../src/domain/earlierRequests';
import { earlier, found, judging } from './ruleFixture';

describe('one request per paper (duplicatesRule)', () => {
  it('an open review of the same paper: update that one instead', () => {
    const c = judging({}, { existing: [earlier({ status: 'Submitted', outcomeReceived: '' })] });
    duplicatesRule(c, 'review-of-marking');
    expect(found(c.errors)).toEqual([
      [
        'service',
        'Candidate 2058 already has an open review of marking for AQA 7405/1: R-2026-0003. Update that request instead of making a new one.',
      ],
    ]);
  });

  it('a review of marking only once per paper, priority or not', () => {
    const c = judging({ service: 'priority-review-of-marking' }, { existing: [earlier({ status: 'Closed' })] });
    duplicatesRule(c, 'priority-review-of-marking');
    expect(found(c.errors)).toEqual([
      [
        'service',
        'Candidate 2058 has already had a review of marking of AQA 7405/1 (R-2026-0003): the board allows only one per paper.',
      ],
    ]);
  });

  it('a withdrawn request, another paper or a later series is not a duplicate', () => {
    const c = judging(
      {},
      {
        existing: [
          earlier({ status: 'Withdrawn' }),
          earlier({ requestId: 'R-2026-0004', component: '7405/2' }),
          earlier({ requestId: 'R-2026-0005', series: 'November 2026' }),
        ],
      },
    );
    duplicatesRule(c, 'review-of-marking');
    expect(c.errors).toEqual([]);
  });

  it('a review of moderation covers the centre’s sample: one per component, whoever the candidate', () => {
    const c = judging(
      { service: 'review-of-moderation', candidateNumber: '' },
      { existing: [earlier({ service: 'review-of-moderation', candidateNumber: '', status: 'Submitted' })] },
    );
    duplicatesRule(c, 'review-of-moderation');
    expect(c.errors[0].message).toMatch(/^The centre already has an open review of moderation for AQA 7405\/1/);
  });
});

describe('no review of a paper once its original script is requested (originalScriptRule)', () => {
  const original = earlier({ requestId: 'S-2026-0001', service: 'ats-original', status: 'Closed' });

  it('asking for the original warns that the paper can no longer be reviewed', () => {
    const c = judging({ service: 'ats-original' });
    originalScriptRule(c, 'ats-original');
    expect(found(c.warnings)).toEqual([
      [
        'service',
        'Once the original script of 7405/1 is requested, a clerical re-check or review of marking of that paper can no longer be requested. Check that the candidate does not want one first.',
      ],
    ]);
  });

  it('a review after the original is refused without a reason', () => {
    const c = judging({}, { existing: [original] });
    originalScriptRule(c, 'review-of-marking');
    expect(c.errors.map((e) => e.field)).toEqual(['overrideReason']);
    expect(c.errors[0].message).toMatch(/\(S-2026-0001\), so a review of marking of that paper can no longer/);
  });

  it('with the board’s agreement as the reason, it goes ahead and the reason is first in the notes', () => {
    const c = judging({ overrideReason: 'AQA agreed by phone', notes: 'Mine' }, { existing: [original] });
    originalScriptRule(c, 'review-of-marking');
    expect(c.errors).toEqual([]);
    expect(c.answer.notes).toBe(
      'Requested although the original script was requested (S-2026-0001): AQA agreed by phone\nMine',
    );
  });

  it('a reason with no original script to override is not recorded, and the officer is told', () => {
    const c = judging({ overrideReason: 'Just in case' });
    originalScriptRule(c, 'review-of-marking');
    expect(c.answer.notes).toBe('');
    expect(c.warnings.map((w) => w.field)).toEqual(['overrideReason']);
  });
});

describe('a paper is matched whatever its spacing and case', () => {
  it("'7405 / 1' is '7405/1'", () => {
    expect(paperKey('7405 / 1')).toBe(paperKey('7405/1'));
    expect(paperKey('Paper 1H')).toBe('paper1h');
  });
});
