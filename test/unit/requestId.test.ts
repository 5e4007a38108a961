import { formatRequestId, isRequestId, nextRequestId, parseRequestId, seasonYear } from '../../src/domain/requestId';

describe('request IDs: R-2026-0042 for Requests, S-2026-0007 for Access to scripts', () => {
  it('writes the season year and a four-digit counter', () => {
    expect(formatRequestId('R', 2026, 42)).toBe('R-2026-0042');
    expect(formatRequestId('S', 2026, 7)).toBe('S-2026-0007');
  });

  it('grows to five digits past 9999 rather than wrapping back to an ID already used', () => {
    expect(formatRequestId('R', 2026, 9999)).toBe('R-2026-9999');
    expect(formatRequestId('R', 2026, 10000)).toBe('R-2026-10000');
    expect(nextRequestId('R', 2026, ['R-2026-9999'])).toBe('R-2026-10000');
  });

  it('refuses to write an ID from parts that cannot make one', () => {
    expect(() => formatRequestId('X' as 'R', 2026, 1)).toThrow(RangeError);
    expect(() => formatRequestId('R', 26, 1)).toThrow(RangeError);
    expect(() => formatRequestId('R', 2026, 0)).toThrow(RangeError);
    expect(() => formatRequestId('R', 2026, 1.5)).toThrow(RangeError);
  });

  it('the season is the year the request was received', () => {
    expect(seasonYear('2026-08-20')).toBe(2026);
    expect(seasonYear('2027-01-05')).toBe(2027);
  });
});

describe('reading an ID', () => {
  it('gives its parts', () => {
    expect(parseRequestId('R-2026-0042')).toEqual({ prefix: 'R', year: 2026, counter: 42 });
    expect(parseRequestId('S-2026-10000')).toEqual({ prefix: 'S', year: 2026, counter: 10000 });
  });

  it('forgives spaces and lower case, as an officer types an ID into a search', () => {
    expect(parseRequestId(' r-2026-0042 ')).toEqual({ prefix: 'R', year: 2026, counter: 42 });
  });

  it.each(['R-2026-42', 'R-2026-00042', 'R-2026-0000', 'Q-2026-0042', 'R2026-0042', 'R-26-0042', '', 'R-0999-0001'])(
    '%j is not an ID',
    (s) => {
      expect(parseRequestId(s)).toBeNull();
      expect(isRequestId(s)).toBe(false);
    },
  );

  it('only an ID exactly as the add-on writes it counts as one', () => {
    expect(isRequestId('R-2026-0042')).toBe(true);
    expect(isRequestId('r-2026-0042')).toBe(false);
    expect(isRequestId(42)).toBe(false);
    expect(isRequestId(null)).toBe(false);
  });
});

describe('the next ID', () => {
  it('the first request of a season is 0001', () => {
    expect(nextRequestId('R', 2026, [])).toBe('R-2026-0001');
  });

  it('is one more than the highest of that log and season, whatever the rows’ order', () => {
    expect(nextRequestId('R', 2026, ['R-2026-0003', 'R-2026-0041', 'R-2026-0007'])).toBe('R-2026-0042');
  });

  it('is counted separately for each log and each season', () => {
    const ids = ['R-2026-0041', 'S-2026-0006', 'R-2025-0300', 'S-2027-0001'];
    expect(nextRequestId('S', 2026, ids)).toBe('S-2026-0007');
    expect(nextRequestId('R', 2026, ids)).toBe('R-2026-0042');
    expect(nextRequestId('R', 2027, ids)).toBe('R-2027-0001');
  });

  it('never reissues an ID after the last rows were deleted, when the last issued number is kept', () => {
    expect(nextRequestId('R', 2026, ['R-2026-0001'], 12)).toBe('R-2026-0013');
    expect(nextRequestId('R', 2026, [], 12)).toBe('R-2026-0013');
  });

  it('still counts the rows when the kept number is behind them (a row pasted in from elsewhere)', () => {
    expect(nextRequestId('R', 2026, ['R-2026-0020'], 12)).toBe('R-2026-0021');
  });

  it('counts an ID an officer typed in lower case, so it is not issued again', () => {
    expect(nextRequestId('R', 2026, ['r-2026-0005'])).toBe('R-2026-0006');
  });

  it('ignores cells that are not IDs, and a kept number that is not a count', () => {
    expect(nextRequestId('R', 2026, ['', null, 42, 'see notes', 'R-2026-0002'], NaN)).toBe('R-2026-0003');
    expect(nextRequestId('R', 2026, ['R-2026-0002'], -5)).toBe('R-2026-0003');
  });
});
