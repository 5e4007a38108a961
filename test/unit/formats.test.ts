import {
  familyDeadline,
  formatCount,
  formatFee,
  formatLongDate,
  formatMoney,
  formatUkDate,
  formatUkDateTime,
} from '../../src/domain/formats';

describe('dates as the officer reads them', () => {
  it('writes a long UK date for letters: Thursday 21 August 2025', () => {
    expect(formatLongDate('2025-08-21')).toBe('Thursday 21 August 2025');
    expect(formatLongDate('2026-09-24')).toBe('Thursday 24 September 2026');
    expect(formatLongDate('2026-01-04')).toBe('Sunday 4 January 2026');
    expect(formatLongDate('1969-12-31')).toBe('Wednesday 31 December 1969');
  });

  it('writes a short UK date: 21/08/2025', () => {
    expect(formatUkDate('2025-08-21')).toBe('21/08/2025');
    expect(formatUkDate('2026-01-04')).toBe('04/01/2026');
  });

  it('leaves a value that is not a date as it is, so reporting a bad value never fails', () => {
    expect(formatUkDate('2026-02-30')).toBe('2026-02-30');
    expect(formatLongDate('next week')).toBe('next week');
  });

  it('writes a moment on file: 21/08/2025 14:05', () => {
    expect(formatUkDateTime('2025-08-21', '14:05')).toBe('21/08/2025 14:05');
  });
});

describe('dates given to families', () => {
  const holidays = ['2026-08-31', '2026-12-25', '2026-12-28'];

  it('a working day is given as it is', () => {
    expect(familyDeadline('2026-09-25', holidays)).toBe('Friday 25 September 2026');
  });

  it('the board\'s deadline on a Saturday also gives the school\'s Friday: "please tell us by Friday 25 September"', () => {
    expect(familyDeadline('2026-09-26', holidays)).toBe(
      'Saturday 26 September 2026 (a Saturday, when school is closed: please tell us by Friday 25 September 2026)',
    );
  });

  it('a bank holiday Monday runs back to the Friday', () => {
    expect(familyDeadline('2026-08-31', holidays)).toBe(
      'Monday 31 August 2026 (a bank holiday, when school is closed: please tell us by Friday 28 August 2026)',
    );
  });
});

describe('money as families and the officer read it', () => {
  it.each([
    [48.65, '£48.65'],
    [8.7, '£8.70'],
    [1048, '£1,048.00'],
    [1234567.5, '£1,234,567.50'],
    [0, '£0.00'],
    [-48.65, '-£48.65'],
  ])('%p is written %p', (amount, text) => {
    expect(formatMoney(amount)).toBe(text);
  });

  it('no amount is written as nothing, never as NaN or null', () => {
    expect([formatMoney(null), formatMoney(undefined), formatMoney(Number.NaN)]).toEqual(['', '', '']);
  });
});

describe('a fee', () => {
  it('nothing to pay is Free', () => {
    expect([formatFee(0), formatFee(null), formatFee(undefined)]).toEqual(['Free', 'Free', 'Free']);
  });

  it('a paid service whose fee is still blank says so: blank is not free', () => {
    expect(formatFee(null, 'paid')).toBe('Fee not yet in the Services sheet');
    expect(formatFee(null, 'free-unless-priced')).toBe('Free');
    expect(formatFee(48.65, 'paid')).toBe('£48.65');
  });
});

describe('a count', () => {
  it('marks its thousands: 2,000 characters, 100,000', () => {
    expect([formatCount(999), formatCount(2000), formatCount('100000')]).toEqual(['999', '2,000', '100,000']);
  });
});
