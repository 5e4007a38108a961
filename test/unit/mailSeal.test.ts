import { sealPayload, sealsMatch } from '../../src/domain/mailSeal';

const ROW = {
  requestId: 'REMINDER-2026-0042',
  template: 'Results-day reminder',
  to: 'amy@example.org',
  queuedValues: '{"forename":"Amy"}',
};

describe('what a queued email is sealed over', () => {
  it('changes when the recipient, template, request or values change', () => {
    const base = sealPayload(ROW);
    expect(sealPayload({ ...ROW, to: 'someone@example.net' })).not.toBe(base);
    expect(sealPayload({ ...ROW, template: 'Script ready (candidate)' })).not.toBe(base);
    expect(sealPayload({ ...ROW, requestId: 'R-2026-0001' })).not.toBe(base);
    expect(sealPayload({ ...ROW, queuedValues: '{"forename":"Amy","scriptLink":"https://evil.example"}' })).not.toBe(
      base,
    );
  });

  it('matches the row as the queue matches it: case and spacing of the key aside', () => {
    expect(sealPayload({ ...ROW, to: ' AMY@example.org ', template: 'results-day  reminder' })).toBe(sealPayload(ROW));
  });

  it('cannot be fooled by moving text between fields', () => {
    expect(sealPayload({ ...ROW, requestId: 'A', template: 'BC' })).not.toBe(
      sealPayload({ ...ROW, requestId: 'AB', template: 'C' }),
    );
  });
});

describe('comparing seals', () => {
  it('needs the whole seal, and a blank seal never matches', () => {
    expect(sealsMatch('abc=', 'abc=')).toBe(true);
    expect(sealsMatch('abc=', 'abd=')).toBe(false);
    expect(sealsMatch('abc=', 'abc')).toBe(false);
    expect(sealsMatch('', '')).toBe(false);
  });
});
