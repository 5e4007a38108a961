/**
 * Time zones: the host may run in UTC, but the spreadsheet and the script run
 * in Europe/London, with British Summer Time from the last Sunday of March to
 * the last Sunday of October.
 */
import { createGasEnvironment } from '../../emulator/gas';
import { services } from './helpers';

function env(now = '2026-08-20T09:00:00Z') {
  const e = createGasEnvironment({ now });
  return { env: e, ...services(e) };
}

describe('typed dates in the spreadsheet time zone', () => {
  it.each([
    ['2026-03-28', '2026-03-28T00:00:00.000Z'],
    ['2026-03-30', '2026-03-29T23:00:00.000Z'],
    ['2026-08-20', '2026-08-19T23:00:00.000Z'],
    ['2026-10-25', '2026-10-24T23:00:00.000Z'],
    ['2026-10-26', '2026-10-26T00:00:00.000Z'],
  ])('%s is London midnight = %s', (typed, iso) => {
    const { env: e } = env();
    const cell = e.spreadsheet.getSheets()[0].getRange('A1');
    cell.setValue(typed);
    expect((cell.getValue() as Date).toISOString()).toBe(iso);
  });

  it('follows a spreadsheet in another zone', () => {
    const e = createGasEnvironment({ timeZone: 'America/New_York', now: '2026-08-20T09:00:00Z' });
    const cell = e.spreadsheet.getSheets()[0].getRange('A1');
    cell.setValue('2026-08-20');
    expect((cell.getValue() as Date).toISOString()).toBe('2026-08-20T04:00:00.000Z');
  });
});

describe('Utilities.formatDate', () => {
  it.each([
    ['2026-03-29T00:30:00Z', 'yyyy-MM-dd HH:mm z', '2026-03-29 00:30 GMT'],
    ['2026-03-29T01:30:00Z', 'yyyy-MM-dd HH:mm z', '2026-03-29 02:30 BST'],
    ['2026-10-25T00:30:00Z', 'yyyy-MM-dd HH:mm Z', '2026-10-25 01:30 +0100'],
    ['2026-10-25T01:30:00Z', 'yyyy-MM-dd HH:mm Z', '2026-10-25 01:30 +0000'],
    ['2026-08-19T23:30:00Z', 'yyyy-MM-dd', '2026-08-20'],
    ['2026-08-20T13:05:09Z', 'EEE d MMM yy, h:mm:ss a', 'Thu 20 Aug 26, 2:05:09 PM'],
    ['2026-08-20T13:05:09Z', 'EEEE d MMMM yyyy', 'Thursday 20 August 2026'],
    ['2026-08-20T13:05:09Z', "dd/MM/yyyy 'at' HH:mm", '20/08/2026 at 14:05'],
    ['2026-08-20T13:05:09Z', "h 'o''clock'", "2 o'clock"],
    ['2026-08-20T13:05:09Z', "yyyy-MM-dd'T'HH:mm:ssXXX", '2026-08-20T14:05:09+01:00'],
  ])('%s as %j in London is %j', (iso, pattern, expected) => {
    const { Utilities } = env();
    expect(Utilities.formatDate(new Date(iso), 'Europe/London', pattern)).toBe(expected);
  });

  it('uses the zone it is given, not the host or the spreadsheet', () => {
    const { Utilities } = env();
    expect(Utilities.formatDate(new Date('2026-08-20T02:00:00Z'), 'America/New_York', 'yyyy-MM-dd HH:mm')).toBe(
      '2026-08-19 22:00',
    );
  });

  it("the week-year 'YYYY' differs from 'yyyy' at the turn of the year, as in Java", () => {
    const { Utilities } = env();
    const d = new Date('2024-12-30T12:00:00Z');
    expect(Utilities.formatDate(d, 'Europe/London', 'yyyy')).toBe('2024');
    expect(Utilities.formatDate(d, 'Europe/London', 'YYYY')).toBe('2025');
  });

  it('refuses a string where a Date is needed, and unknown pattern letters', () => {
    const { Utilities } = env();
    expect(() => Utilities.formatDate('2026-08-20' as unknown as Date, 'Europe/London', 'yyyy')).toThrow(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
    expect(() => Utilities.formatDate(new Date(), 'Europe/London', 'yyyy-mm-dd q')).toThrow(
      "Illegal pattern character 'q'",
    );
  });
});

describe('Utilities.parseDate', () => {
  it.each([
    ['2026-08-20', 'yyyy-MM-dd', '2026-08-19T23:00:00.000Z'],
    ['20/08/2026', 'dd/MM/yyyy', '2026-08-19T23:00:00.000Z'],
    ['2026-01-20 14:30:00', 'yyyy-MM-dd HH:mm:ss', '2026-01-20T14:30:00.000Z'],
    ['2026-08-20 14:30:00', 'yyyy-MM-dd HH:mm:ss', '2026-08-20T13:30:00.000Z'],
    ['5/8/2026', 'd/M/yyyy', '2026-08-04T23:00:00.000Z'],
    ['20 Aug 2026', 'dd MMM yyyy', '2026-08-19T23:00:00.000Z'],
    ['20260820', 'yyyyMMdd', '2026-08-19T23:00:00.000Z'],
  ])('%j with %j is %s', (text, pattern, iso) => {
    const { Utilities } = env();
    expect(Utilities.parseDate(text, 'Europe/London', pattern).toISOString()).toBe(iso);
  });

  it('is lenient like Java: 30 February rolls into March', () => {
    const { Utilities } = env();
    expect(Utilities.parseDate('2026-02-30', 'Europe/London', 'yyyy-MM-dd').toISOString()).toBe(
      '2026-03-02T00:00:00.000Z',
    );
  });

  it('throws on text that does not fit the pattern', () => {
    const { Utilities } = env();
    expect(() => Utilities.parseDate('2026-08-20', 'Europe/London', 'dd/MM/yyyy')).toThrow(
      'Unparseable date: "2026-08-20"',
    );
  });
});

describe("the sandbox's Date", () => {
  it('reads the virtual clock and runs in the script time zone', () => {
    const { env: e, Date: D } = env('2026-08-20T23:30:00Z');
    const now = new D();
    expect(now.toISOString()).toBe('2026-08-20T23:30:00.000Z');
    expect(D.now()).toBe(Date.parse('2026-08-20T23:30:00Z'));
    // 00:30 on 21 August in London, whatever the host's zone.
    expect([now.getFullYear(), now.getMonth(), now.getDate(), now.getHours(), now.getDay()]).toEqual([
      2026, 7, 21, 0, 5,
    ]);
    expect(now.getTimezoneOffset()).toBe(-60);
    e.clock.advanceMs(60_000);
    expect(new D().toISOString()).toBe('2026-08-20T23:31:00.000Z');
  });

  it('local-time constructors and setters use London time', () => {
    const { Date: D } = env();
    expect(new D(2026, 7, 20).toISOString()).toBe('2026-08-19T23:00:00.000Z');
    expect(new D(2026, 0, 20, 9, 30).toISOString()).toBe('2026-01-20T09:30:00.000Z');
    const d = new D('2026-03-28T12:00:00Z');
    d.setDate(d.getDate() + 1);
    d.setHours(0, 0, 0, 0);
    expect(d.toISOString()).toBe('2026-03-29T00:00:00.000Z');
    d.setDate(d.getDate() + 1);
    expect(d.toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(new D('2026-08-20T10:00').toISOString()).toBe('2026-08-20T09:00:00.000Z');
    expect(new D('2026-08-20').toISOString()).toBe('2026-08-20T00:00:00.000Z');
    expect(String(new D('2026-08-20T09:00:00Z'))).toBe('Thu Aug 20 2026 10:00:00 GMT+0100 (British Summer Time)');
    expect(typeof (D as unknown as () => string)()).toBe('string');
  });

  it('every Date, from any realm, is instanceof the sandbox Date; UTC and parse still work', () => {
    const { Date: D } = env();
    expect(new Date() instanceof D).toBe(true);
    expect(D.UTC(2026, 7, 20)).toBe(Date.UTC(2026, 7, 20));
    expect(D.parse('2026-08-20T10:00:00Z')).toBe(Date.parse('2026-08-20T10:00:00Z'));
  });

  it('Dates from getValues are sandbox Dates', () => {
    const { env: e, Date: D } = env();
    const cell = e.spreadsheet.getSheets()[0].getRange('A1');
    cell.setValue('2026-08-20');
    const v = cell.getValue() as Date;
    expect(v instanceof D).toBe(true);
    expect(v.getDate()).toBe(20);
  });
});

describe('the virtual clock', () => {
  it('advanceDays keeps the wall-clock time across the October change', () => {
    const { env: e } = env('2026-10-24T08:00:00Z');
    e.clock.advanceDays(2);
    expect(e.clock.now().toISOString()).toBe('2026-10-26T09:00:00.000Z');
  });

  it('Utilities.sleep advances it instead of waiting', () => {
    const { env: e, Utilities } = env();
    const before = Date.now();
    Utilities.sleep(120_000);
    expect(Date.now() - before).toBeLessThan(1000);
    expect(e.clock.now().toISOString()).toBe('2026-08-20T09:02:00.000Z');
  });
});
