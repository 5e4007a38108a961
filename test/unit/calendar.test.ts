import {
  addDays,
  addWorkingDays,
  compareDates,
  daysBetween,
  isIsoDate,
  isWeekend,
  isWorkingDay,
  lastWorkingDayOnOrBefore,
  parseUkOrIsoDate,
  workingDaysBetween,
} from '../../src/domain/calendar';

// England and Wales bank holidays (gov.uk), as the officer would type them into
// Settings. A fixture only: the add-on's real list lives in the Settings sheet.
const BANK_HOLIDAYS = [
  '2025-08-25', // Summer bank holiday, the Monday after GCSE results day 2025
  '2025-12-25',
  '2025-12-26',
  '2026-01-01',
  '2026-04-03',
  '2026-04-06',
  '2026-05-04',
  '2026-05-25',
  '2026-08-31',
  '2026-12-25',
  '2026-12-28',
  '2027-01-01',
];

describe('a date is a calendar day written YYYY-MM-DD', () => {
  it.each(['2025-08-21', '2024-02-29', '2000-02-29', '2026-12-31', '2026-01-01'])('%s is a real date', (d) => {
    expect(isIsoDate(d)).toBe(true);
  });

  it.each([
    ['2026-02-30', 'February has no 30th'],
    ['2025-02-29', '2025 is not a leap year'],
    ['1900-02-29', '1900 was not a leap year'],
    ['2026-13-01', 'there is no 13th month'],
    ['2026-00-10', 'there is no month 0'],
    ['2026-04-31', 'April has 30 days'],
    ['2026-8-21', 'month must be two digits'],
    ['21/08/2026', 'a UK date is not ISO'],
    ['2026-08-21T00:00:00Z', 'a date-time is not a date'],
    [' 2026-08-21', 'no surrounding spaces'],
    ['0099-01-01', 'years before 1000 are not accepted'],
    ['', 'blank'],
  ])('%s is not (%s)', (d) => {
    expect(isIsoDate(d)).toBe(false);
  });

  it('anything that is not a string is not a date', () => {
    for (const v of [null, undefined, 20260821, {}, [], new Date(Date.UTC(2026, 7, 21))])
      expect(isIsoDate(v)).toBe(false);
  });
});

describe('counting calendar days', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2025-08-14', 42)).toBe('2025-09-25');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-08-21', 0)).toBe('2026-08-21');
  });

  it('is not thrown by the clocks going back (25 October 2026) or forward (29 March 2026)', () => {
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });

  it('counts the days between two dates, negative when the second is earlier', () => {
    expect(daysBetween('2026-08-13', '2026-09-24')).toBe(42);
    expect(daysBetween('2026-09-24', '2026-08-13')).toBe(-42);
    expect(daysBetween('2026-08-13', '2026-08-13')).toBe(0);
  });

  it('refuses to do arithmetic on something that is not a date, rather than guess', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-08-21', 1.5)).toThrow(RangeError);
    expect(() => daysBetween('soon', '2026-08-21')).toThrow(RangeError);
  });

  it('orders dates for sorting', () => {
    expect(['2026-09-24', '2025-12-31', '2026-08-20'].sort(compareDates)).toEqual([
      '2025-12-31',
      '2026-08-20',
      '2026-09-24',
    ]);
    expect(compareDates('2026-08-20', '2026-08-20')).toBe(0);
  });
});

describe('working days: Monday to Friday, not a bank holiday from Settings', () => {
  it('knows the weekend', () => {
    expect(isWeekend('2026-08-22')).toBe(true); // Saturday
    expect(isWeekend('2026-08-23')).toBe(true); // Sunday
    expect(isWeekend('2026-08-21')).toBe(false); // Friday
  });

  it('a bank holiday is not a working day, but only if it is on the officer’s list', () => {
    expect(isWorkingDay('2026-08-31', BANK_HOLIDAYS)).toBe(false);
    expect(isWorkingDay('2026-08-31', [])).toBe(true);
    expect(isWorkingDay('2026-08-28', BANK_HOLIDAYS)).toBe(true);
    expect(isWorkingDay('2026-08-29', BANK_HOLIDAYS)).toBe(false);
  });

  it('two working days after Thursday 21 August 2025 is Tuesday 26 August (weekend and bank holiday skipped)', () => {
    expect(addWorkingDays('2025-08-21', 2, BANK_HOLIDAYS)).toBe('2025-08-26');
    expect(addWorkingDays('2025-08-21', 1, BANK_HOLIDAYS)).toBe('2025-08-22');
    expect(addWorkingDays('2025-08-22', 1, BANK_HOLIDAYS)).toBe('2025-08-26');
  });

  it('a request received on a Saturday counts from the Monday', () => {
    expect(addWorkingDays('2026-08-22', 1, [])).toBe('2026-08-24');
  });

  it('Christmas 2026 (Friday 25, substitute Monday 28 December) pushes a deadline into the new year', () => {
    expect(addWorkingDays('2026-12-24', 2, BANK_HOLIDAYS)).toBe('2026-12-30');
    expect(addWorkingDays('2026-12-31', 1, BANK_HOLIDAYS)).toBe('2027-01-04');
  });

  it('counts backwards with a negative number, and zero leaves the date alone', () => {
    expect(addWorkingDays('2025-08-26', -1, BANK_HOLIDAYS)).toBe('2025-08-22');
    expect(addWorkingDays('2026-08-22', 0, [])).toBe('2026-08-22');
  });

  it('counts working days between two dates so that it undoes addWorkingDays', () => {
    expect(workingDaysBetween('2025-08-21', '2025-08-26', BANK_HOLIDAYS)).toBe(2);
    expect(workingDaysBetween('2025-08-26', '2025-08-21', BANK_HOLIDAYS)).toBe(-2);
    expect(workingDaysBetween('2026-08-21', '2026-08-21', [])).toBe(0);
    for (const n of [0, 1, 3, 5, 10, 25]) {
      const end = addWorkingDays('2026-12-18', n, BANK_HOLIDAYS);
      expect(workingDaysBetween('2026-12-18', end, BANK_HOLIDAYS)).toBe(n);
    }
  });
});

describe('dates as the officer types them', () => {
  it.each([
    ['2025-08-21', '2025-08-21'],
    ['21/08/2025', '2025-08-21'],
    ['21/8/2025', '2025-08-21'],
    ['1/9/2026', '2026-09-01'],
    ['  24/09/2026 ', '2026-09-24'],
  ])('reads %j as %s (day first: this is a UK school)', (typed, iso) => {
    expect(parseUkOrIsoDate(typed)).toBe(iso);
  });

  it.each(['31/02/2026', '08/21/2025', '21-08-2025', '21/08/25', '2026/08/21', 'tomorrow', '', '2026-02-30'])(
    'does not read %j as a date',
    (typed) => {
      expect(parseUkOrIsoDate(typed)).toBeNull();
    },
  );

  it('does not read a number or an object as a date', () => {
    expect(parseUkOrIsoDate(46000)).toBeNull();
    expect(parseUkOrIsoDate(null)).toBeNull();
  });
});

describe('the school’s last working day on or before a date', () => {
  const holidays = ['2026-08-31', '2026-12-25', '2026-12-28'];

  it('a working day is itself', () => {
    expect(lastWorkingDayOnOrBefore('2026-09-25', holidays)).toBe('2026-09-25');
  });

  it('a Sunday, a bank holiday Monday and Christmas run back to the last working day', () => {
    expect(lastWorkingDayOnOrBefore('2026-09-27', holidays)).toBe('2026-09-25');
    expect(lastWorkingDayOnOrBefore('2026-12-28', holidays)).toBe('2026-12-24');
  });
});
