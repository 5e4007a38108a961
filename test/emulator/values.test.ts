/**
 * Writing a value behaves as if a person typed it into Sheets (en_GB),
 * unless the cell is plain text ('@'). These are the conversions that break
 * real add-ons: lost leading zeros, text read as dates, "- note" as a formula.
 */
import { createGasEnvironment } from '../../emulator/gas';

function sheet() {
  const env = createGasEnvironment({ now: '2026-08-20T09:00:00Z' });
  return { env, sheet: env.spreadsheet.getSheets()[0] };
}

function written(value: unknown, format?: string) {
  const { sheet: s } = sheet();
  const cell = s.getRange('A1');
  if (format) cell.setNumberFormat(format);
  cell.setValue(value);
  return { value: cell.getValue(), formula: cell.getFormula(), display: cell.getDisplayValue() };
}

const london = (iso: string) => new Date(iso);

describe('typed-input parsing in a General cell', () => {
  it.each([
    ['0042', 42],
    ['12.5', 12.5],
    ['-3', -3],
    ['+5', 5],
    ['1,234.5', 1234.5],
    ['1e3', 1000],
    ['50%', 0.5],
    ['£48.65', 48.65],
    ['  42  ', 42],
    ['.5', 0.5],
  ])('%j becomes the number %p', (input, expected) => {
    expect(written(input).value).toBe(expected);
  });

  it.each([
    ['TRUE', true],
    ['false', false],
    ['True', true],
  ])('%j becomes the boolean %p', (input, expected) => {
    expect(written(input).value).toBe(expected);
  });

  it.each([
    ['2026-08-20', '2026-08-19T23:00:00.000Z'],
    ['2026/08/20', '2026-08-19T23:00:00.000Z'],
    ['20/08/2026', '2026-08-19T23:00:00.000Z'],
    ['5/1/2026', '2026-01-05T00:00:00.000Z'],
    ['2026-08-20 14:30', '2026-08-20T13:30:00.000Z'],
    ['20/08/2026 14:30:15', '2026-08-20T13:30:15.000Z'],
    ['June 2025', '2025-05-31T23:00:00.000Z'],
    ['20 August 2026', '2026-08-19T23:00:00.000Z'],
    ['1/2', '2026-02-01T00:00:00.000Z'],
  ])('%j becomes a Date at London wall time (%s)', (input, iso) => {
    const { value } = written(input);
    expect(Object.prototype.toString.call(value)).toBe('[object Date]');
    expect((value as Date).toISOString()).toBe(iso);
  });

  it.each(['2026-02-30', '31/04/2026', '2026-13-01', '29/02/2025'])('impossible date %j stays text', (input) => {
    expect(written(input).value).toBe(input);
  });

  it.each([
    ['hello', 'hello'],
    ['1,23', '1,23'],
    ['07700 900123', '07700 900123'],
    ['AB-12', 'AB-12'],
    ['-', '-'],
    ['  padded text  ', '  padded text  '],
  ])('%j stays the text %j', (input, expected) => {
    expect(written(input).value).toBe(expected);
  });

  it('an apostrophe forces text and is not stored', () => {
    expect(written("'0042")).toEqual({ value: '0042', formula: '', display: '0042' });
    expect(written("'=SUM(A1)").value).toBe('=SUM(A1)');
    expect(written("'2026-08-20").value).toBe('2026-08-20');
  });

  it('a string starting with = becomes a formula that is never evaluated', () => {
    expect(written('=1+1')).toEqual({ value: '#ERROR!', formula: '=1+1', display: '#ERROR!' });
  });

  it('a leading + or - that is not a number is a broken formula, as in Sheets', () => {
    expect(written('- see notes')).toEqual({ value: '#ERROR!', formula: '=- see notes', display: '#ERROR!' });
    expect(written('+44 7700')).toEqual({ value: '#ERROR!', formula: '=+44 7700', display: '#ERROR!' });
  });

  it('numbers, booleans and Dates are stored as they are; null and undefined as empty', () => {
    const { sheet: s } = sheet();
    const d = new Date('2026-03-29T00:30:00Z');
    s.getRange('A1:E1').setValues([[7.25, false, d, null, undefined]]);
    const [row] = s.getRange('A1:E1').getValues();
    expect(row.slice(0, 2)).toEqual([7.25, false]);
    expect((row[2] as Date).getTime()).toBe(d.getTime());
    expect(row[2]).not.toBe(d);
    expect(row.slice(3)).toEqual(['', '']);
  });

  it('getValues returns fresh Date copies each time', () => {
    const { sheet: s } = sheet();
    s.getRange('A1').setValue(new Date('2026-08-20T00:00:00Z'));
    const a = s.getRange('A1').getValue() as Date;
    a.setUTCFullYear(1999);
    expect((s.getRange('A1').getValue() as Date).getUTCFullYear()).toBe(2026);
  });

  it('recognising a value also sets the format Sheets would', () => {
    const { sheet: s } = sheet();
    s.getRange('A1:C1').setValues([['50%', '£1,048.5', '2026-08-20']]);
    expect(s.getRange('A1:C1').getNumberFormats()).toEqual([['0%', '£#,##0.00', 'yyyy-mm-dd']]);
    expect(s.getRange('A1:C1').getDisplayValues()).toEqual([['50%', '£1,048.50', '2026-08-20']]);
  });

  it('an untouched cell reports the automatic number format', () => {
    expect(sheet().sheet.getRange('A1').getNumberFormat()).toBe('0.###############');
  });
});

describe("a plain-text ('@') cell", () => {
  it.each(['0042', '2026-08-20', "'quoted", '=SUM(A1)', '- note', 'TRUE', '50%'])('keeps %j exactly', (input) => {
    expect(written(input, '@')).toEqual({ value: input, formula: '', display: input });
  });

  it('still stores numbers, booleans and Dates as such', () => {
    expect(written(42, '@').value).toBe(42);
    expect(written(true, '@').value).toBe(true);
  });

  it('applies to setValues, appendRow and setValue alike', () => {
    const { sheet: s } = sheet();
    s.getRange('A1:A3').setNumberFormat('@');
    s.getRange('A1').setValues([['0042']]);
    s.getRange('A2').setValue('0107');
    s.appendRow(['0213', '0213']);
    expect(s.getRange('A1:B3').getValues()).toEqual([
      ['0042', ''],
      ['0107', ''],
      ['0213', 213],
    ]);
  });
});

describe('cell size limit', () => {
  it('refuses a string over 50,000 characters', () => {
    const { sheet: s } = sheet();
    expect(() => s.getRange('A1').setValue('x'.repeat(50_001))).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    expect(() => s.getRange('A1').setValue('x'.repeat(50_000))).not.toThrow();
  });

  it('writes nothing when one cell of a batch is refused', () => {
    const { sheet: s } = sheet();
    expect(() => s.getRange('A1:B1').setValues([['first', 'x'.repeat(60_000)]])).toThrow(/50000/);
    expect(s.getRange('A1').getValue()).toBe('');
  });
});

describe('display values', () => {
  it.each([
    [new Date('2026-08-20T13:05:00Z'), 'dd/mm/yyyy', '20/08/2026'],
    [new Date('2026-08-20T13:05:00Z'), 'dd/mm/yyyy hh:mm', '20/08/2026 14:05'],
    [new Date('2026-01-20T13:05:00Z'), 'dd/mm/yyyy hh:mm', '20/01/2026 13:05'],
    [new Date('2026-08-19T23:00:00Z'), 'd mmmm yyyy', '20 August 2026'],
    [1234.5, '£#,##0.00', '£1,234.50'],
    [-8.7, '£#,##0.00', '-£8.70'],
    [41.6, '0', '42'],
    [0.125, '0.0%', '12.5%'],
    [42, '@', '42'],
    [0.1 + 0.2, undefined, '0.3'],
    [true, undefined, 'TRUE'],
  ])('%p under %j shows %j', (value, format, expected) => {
    const { sheet: s } = sheet();
    const cell = s.getRange('A1');
    if (format) cell.setNumberFormat(format);
    cell.setValue(value);
    expect(cell.getDisplayValue()).toBe(expected);
  });

  it('a Date in an unformatted cell shows the locale date, with the time only when there is one', () => {
    const { sheet: s } = sheet();
    s.getRange('A1:B1').setValues([[london('2026-08-19T23:00:00Z'), london('2026-08-20T08:15:00Z')]]);
    expect(s.getRange('A1:B1').getDisplayValues()).toEqual([['20/08/2026', '20/08/2026 09:15:00']]);
  });
});
