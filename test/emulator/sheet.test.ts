/**
 * Sheet geometry and structure: bounds, Apps Script's error messages,
 * insert/delete shifting, appendRow, sorting and the spreadsheet's sheets.
 */
import { createGasEnvironment } from '../../emulator/gas';
import { services } from './helpers';

function fresh() {
  const env = createGasEnvironment({ now: '2026-08-20T09:00:00Z' });
  const ss = env.spreadsheet;
  return { env, ss, sheet: ss.getSheets()[0] };
}

describe('getRange', () => {
  it('a new sheet is 1000 rows by 26 columns and empty', () => {
    const { sheet } = fresh();
    expect([sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getLastRow(), sheet.getLastColumn()]).toEqual([
      1000, 26, 0, 0,
    ]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
  });

  it.each([
    ['B2', 2, 2, 1, 1],
    ['A1:C3', 1, 1, 3, 3],
    ['C3:A1', 1, 1, 3, 3],
    ['A:B', 1, 1, 1000, 2],
    ['2:3', 2, 1, 2, 26],
    ['A2:C', 2, 1, 999, 3],
    ['$B$2:$C$4', 2, 2, 3, 2],
    ["'Sheet1'!B2", 2, 2, 1, 1],
  ])('reads A1 notation %j', (a1, row, col, rows, cols) => {
    const r = fresh().sheet.getRange(a1);
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()]).toEqual([row, col, rows, cols]);
  });

  it.each([
    [[0, 1], 'The starting row of the range is too small.'],
    [[1, 0], 'The starting column of the range is too small.'],
    [[1, 1, 0], 'The number of rows in the range must be at least 1.'],
    [[1, 1, 1, 0], 'The number of columns in the range must be at least 1.'],
    [[1000, 1, 2], 'The coordinates of the range are outside the dimensions of the sheet.'],
    [[1, 27], 'The coordinates of the range are outside the dimensions of the sheet.'],
    [[1.5, 1], "The parameters (number,number,number,number) don't match the method signature"],
    [['1', 1], "The parameters (String,number,number,number) don't match the method signature"],
  ])('getRange(%j) throws %j', (args, message) => {
    const { sheet } = fresh();
    expect(() => (sheet.getRange as (...a: unknown[]) => unknown)(...args)).toThrow(message);
  });

  it('refuses A1 notation beyond the sheet or that is not a range', () => {
    const { sheet } = fresh();
    expect(() => sheet.getRange('AA1')).toThrow('outside the dimensions of the sheet');
    expect(() => sheet.getRange('A1001')).toThrow('outside the dimensions of the sheet');
    expect(() => sheet.getRange('not a range')).toThrow('Range not found');
  });

  it('a Range knows its own extent, not the data', () => {
    const r = fresh().sheet.getRange(2, 3, 4, 5);
    expect([r.getLastRow(), r.getLastColumn(), r.getA1Notation()]).toEqual([5, 7, 'C2:G5']);
  });
});

describe('setValues dimensions', () => {
  it('refuses too many or too few rows with the Apps Script message', () => {
    const { sheet } = fresh();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
  });

  it('refuses a ragged row with the columns message', () => {
    const { sheet } = fresh();
    expect(() =>
      sheet.getRange(1, 1, 2, 2).setValues([
        [1, 2],
        [3, 4, 5],
      ]),
    ).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
    expect(sheet.getLastRow()).toBe(0);
  });

  it('refuses a non-array', () => {
    expect(() =>
      fresh()
        .sheet.getRange('A1')
        .setValues('x' as unknown as unknown[][]),
    ).toThrow(/don't match/);
  });
});

describe('content extent', () => {
  it('getLastRow/getLastColumn follow values and formulas, not formats', () => {
    const { sheet } = fresh();
    sheet.getRange('A1:Z900').setNumberFormat('@').setBackground('#eeeeee');
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange('C5').setValue('x');
    sheet.getRange('E2').setFormula('=A1');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 5]);
    sheet.getRange('C5').clearContent();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([2, 5]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:E2');
  });
});

describe('insert and delete', () => {
  function lettered() {
    const f = fresh();
    f.sheet.getRange('A1:B4').setValues([
      ['h1', 'h2'],
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    f.sheet.getRange('B2:B4').setNumberFormat('£#,##0.00');
    return f;
  }

  it('inserting rows shifts data and formats down and grows the sheet', () => {
    const { sheet } = lettered();
    sheet.insertRowsBefore(3, 2);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(sheet.getRange('A1:A6').getValues().flat()).toEqual(['h1', 'a', '', '', 'b', 'c']);
    expect(sheet.getRange('B5').getNumberFormat()).toBe('£#,##0.00');
    // New rows copy the formats of the row they push down.
    expect(sheet.getRange('B3').getNumberFormat()).toBe('£#,##0.00');
  });

  it('a row inserted under a bold header is not bold; one inserted after the header is', () => {
    const { sheet } = lettered();
    sheet.getRange('A1:B1').setFontWeight('bold');
    sheet.insertRowBefore(2);
    expect(sheet.getRange('A2').getFontWeight()).toBe('normal');
    expect(sheet.getRange('B2').getNumberFormat()).toBe('£#,##0.00');
    sheet.insertRowAfter(1);
    expect(sheet.getRange('A2').getFontWeight()).toBe('bold');
  });

  it('insertRowAfter puts the blank row below', () => {
    const { sheet } = lettered();
    sheet.insertRowAfter(2);
    expect(sheet.getRange('A1:A5').getValues().flat()).toEqual(['h1', 'a', '', 'b', 'c']);
  });

  it('deleting rows pulls data up and shrinks the sheet', () => {
    const { sheet } = lettered();
    sheet.deleteRows(2, 2);
    expect(sheet.getMaxRows()).toBe(998);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['h1', 'h2'],
      ['c', 3],
    ]);
    expect(sheet.getRange('B2').getNumberFormat()).toBe('£#,##0.00');
  });

  it('columns shift too', () => {
    const { sheet } = lettered();
    sheet.insertColumnBefore(1);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['', 'h1', 'h2']]);
    expect(sheet.getMaxColumns()).toBe(27);
    sheet.deleteColumns(1, 2);
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['h2'], [1]]);
    expect(sheet.getRange('A2').getNumberFormat()).toBe('£#,##0.00');
  });

  it('validations move with their cells', () => {
    const { env, sheet } = lettered();
    const app = services(env).SpreadsheetApp;
    sheet.getRange('C3').setDataValidation(app.newDataValidation().requireCheckbox().build());
    sheet.insertRowBefore(2);
    expect(sheet.getRange('C3').getDataValidation()).toBeNull();
    expect(sheet.getRange('C4').getDataValidation()?.getCriteriaType()).toBe('CHECKBOX');
  });

  it('protected ranges and conditional formats follow inserted rows', () => {
    const { env, sheet } = lettered();
    sheet.getRange('A3:B4').protect().setDescription('locked');
    const app = services(env).SpreadsheetApp;
    const rule = app
      .newConditionalFormatRule()
      .whenTextContains('x')
      .setBackground('#ff0000')
      .setRanges([sheet.getRange('A2:A4')])
      .build();
    sheet.setConditionalFormatRules([rule]);
    sheet.insertRowsBefore(2, 3);
    expect(sheet.getProtections('RANGE')[0].getRange()?.getA1Notation()).toBe('A6:B7');
    expect(sheet.getConditionalFormatRules()[0].getRanges()[0]?.getA1Notation()).toBe('A5:A7');
    sheet.deleteRows(6, 2);
    expect(sheet.getProtections('RANGE')).toHaveLength(0);
  });

  // As Sheets keeps a rule's range: rows inserted inside it widen it; rows added below its last row
  // (insertRowsAfter the last row, appendRow growing the sheet) are outside it. Stricter than a range
  // that follows the sheet, which no Google page promises.
  it('widens a conditional format for rows inserted inside it, never for rows added below its last row', () => {
    const { env, sheet } = fresh();
    const app = services(env).SpreadsheetApp;
    const rule = app
      .newConditionalFormatRule()
      .whenTextContains('x')
      .setBackground('#ff0000')
      .setRanges([sheet.getRange(2, 1, 999, 3)])
      .build();
    sheet.setConditionalFormatRules([rule]);
    const range = () => sheet.getConditionalFormatRules()[0].getRanges()[0]?.getA1Notation();
    expect(range()).toBe('A2:C1000');
    sheet.insertRowsBefore(500, 2);
    expect(range()).toBe('A2:C1002');
    sheet.insertRowsAfter(1002, 5);
    expect(range()).toBe('A2:C1002');
    sheet.getRange(1007, 1).setValue('last');
    sheet.appendRow(['x']);
    expect(sheet.getMaxRows()).toBe(1008);
    expect(range()).toBe('A2:C1002');
  });

  it('refuses rows out of bounds and deleting every row', () => {
    const { sheet } = lettered();
    expect(() => sheet.deleteRows(999, 5)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.insertRowsBefore(0, 1)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.deleteRows(1, 1000)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
  });

  it('inserting above a frozen header grows the frozen area; below it does not', () => {
    const { sheet } = lettered();
    sheet.setFrozenRows(1);
    sheet.insertRowBefore(2);
    expect(sheet.getFrozenRows()).toBe(1);
    sheet.insertRowBefore(1);
    expect(sheet.getFrozenRows()).toBe(2);
  });
});

describe('appendRow', () => {
  it('writes after the last row with content, parsing like setValues', () => {
    const { sheet } = fresh();
    sheet.getRange('A1:B1').setValues([['ID', 'When']]);
    sheet.appendRow(['0042', '2026-08-20', '=A1']);
    expect(sheet.getLastRow()).toBe(2);
    const [row] = sheet.getRange('A2:C2').getValues();
    expect(row[0]).toBe(42);
    expect(Object.prototype.toString.call(row[1])).toBe('[object Date]');
    expect(sheet.getRange('C2').getFormula()).toBe('=A1');
  });

  it('grows the sheet when it is full, in rows and columns', () => {
    const { sheet } = fresh();
    sheet.getRange('A1000').setValue('last');
    sheet.appendRow(new Array(30).fill('x'));
    expect([sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getLastRow()]).toEqual([1001, 30, 1001]);
  });
});

describe('sort', () => {
  it('Sheets order: numbers, then text ignoring case, then booleans; blanks last either way', () => {
    const { sheet } = fresh();
    sheet.getRange('A1:B7').setValues([
      ['Name', 'n'],
      ['banana', 2],
      ['', 9],
      ['Apple', 1],
      [true, 4],
      [10, 3],
      ['cherry', 5],
    ]);
    sheet.getRange('B2:B7').setNumberFormat('0');
    sheet.setFrozenRows(1);
    sheet.sort(1);
    expect(sheet.getRange('A1:B7').getValues()).toEqual([
      ['Name', 'n'],
      [10, 3],
      ['Apple', 1],
      ['banana', 2],
      ['cherry', 5],
      [true, 4],
      ['', 9],
    ]);
    sheet.getRange('A2:B7').sort({ column: 1, ascending: false });
    expect(sheet.getRange('A2:A7').getValues().flat()).toEqual([true, 'cherry', 'banana', 'Apple', 10, '']);
  });

  it('range.sort moves only the range, with its formats, and is stable on ties', () => {
    const { sheet } = fresh();
    sheet.getRange('A1:C3').setValues([
      ['b', 1, 'keep1'],
      ['a', 2, 'keep2'],
      ['b', 3, 'keep3'],
    ]);
    sheet.getRange('B1').setBackground('#ff0000');
    sheet.getRange('A1:B3').sort([{ column: 1, ascending: true }]);
    expect(sheet.getRange('A1:C3').getValues()).toEqual([
      ['a', 2, 'keep1'],
      ['b', 1, 'keep2'],
      ['b', 3, 'keep3'],
    ]);
    expect(sheet.getRange('B2').getBackground()).toBe('#ff0000');
    expect(() => sheet.getRange('A1:B3').sort(3)).toThrow(/within the range/);
  });
});

describe('spreadsheet and sheets', () => {
  it('names are unique ignoring case, with the Apps Script message', () => {
    const { ss } = fresh();
    ss.insertSheet('Requests');
    expect(() => ss.insertSheet('requests')).toThrow(
      'A sheet with the name "requests" already exists. Please enter another name.',
    );
    expect(ss.getSheetByName('REQUESTS')?.getName()).toBe('Requests');
    expect(ss.getSheetByName('Nope')).toBeNull();
  });

  it('insertSheet activates the new sheet and honours the index', () => {
    const { ss } = fresh();
    ss.insertSheet('B');
    ss.insertSheet('A', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['A', 'Sheet1', 'B']);
    expect(ss.getActiveSheet().getName()).toBe('A');
    expect(ss.getSheetByName('B')?.getIndex()).toBe(3);
  });

  it('getters return fresh wrappers, so === between sheets is false as in Apps Script', () => {
    const { ss } = fresh();
    expect(ss.getSheetByName('Sheet1')).not.toBe(ss.getSheetByName('Sheet1'));
  });

  it('cannot delete the last sheet; a deleted sheet cannot be used', () => {
    const { ss, sheet } = fresh();
    expect(() => ss.deleteSheet(sheet)).toThrow("You can't remove all the sheets in a document.");
    const extra = ss.insertSheet('Extra');
    ss.deleteSheet(extra);
    expect(() => extra.getRange('A1')).toThrow(/has been deleted/);
    const held = ss.insertSheet('Held').getRange('A1');
    ss.deleteSheet(ss.getSheetByName('Held'));
    expect(() => held.setValue('x')).toThrow(/has been deleted/);
    expect(() => held.getValues()).toThrow(/has been deleted/);
    expect(ss.getActiveSheet().getName()).toBe('Sheet1');
  });

  it('keeps frozen rows, widths, tab colour and hidden state', () => {
    const { ss, sheet } = fresh();
    ss.insertSheet('Other');
    sheet.setFrozenRows(1);
    sheet.setColumnWidths(2, 3, 180);
    sheet.setTabColor('#123456').hideSheet();
    expect([sheet.getFrozenRows(), sheet.getColumnWidth(1), sheet.getColumnWidth(4), sheet.getTabColor()]).toEqual([
      1,
      100,
      180,
      '#123456',
    ]);
    expect(sheet.isSheetHidden()).toBe(true);
  });

  it('toasts and the spreadsheet identity', () => {
    const { env, ss } = fresh();
    ss.toast('Saved', 'Tracker');
    expect(env.ui.toasts).toEqual(['Tracker: Saved']);
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/London');
    expect(ss.getSpreadsheetLocale()).toBe('en_GB');
    expect(ss.getUrl()).toContain(ss.getId());
  });
});

describe('data validation', () => {
  it('builds, reads back and clears rules', () => {
    const { env, sheet } = fresh();
    const app = services(env).SpreadsheetApp;
    const rule = app
      .newDataValidation()
      .requireValueInList(['yes', 'no'], true)
      .setAllowInvalid(true)
      .setHelpText('Pick')
      .build();
    sheet.getRange('A1:A3').setDataValidation(rule);
    const back = sheet.getRange('A2').getDataValidation();
    expect(back?.getCriteriaType()).toBe('VALUE_IN_LIST');
    expect(back?.getCriteriaValues()).toEqual([['yes', 'no'], true]);
    expect(back?.getHelpText()).toBe('Pick');
    expect(sheet.getRange('A1:B1').getDataValidations()[0][1]).toBeNull();
    sheet.getRange('A1:A3').clearDataValidations();
    expect(sheet.getRange('A2').getDataValidation()).toBeNull();
  });

  it('a rule that rejects input makes a bad write throw and write nothing', () => {
    const { env, sheet } = fresh();
    const app = services(env).SpreadsheetApp;
    sheet.getRange('B2:B3').setDataValidation(app.newDataValidation().requireCheckbox().setAllowInvalid(false).build());
    sheet.getRange('B2').setValue(true);
    expect(() => sheet.getRange('A3:B3').setValues([['x', 'yes']])).toThrow(
      'The data you entered in cell B3 violates the data validation rules set on this cell.',
    );
    expect(sheet.getRange('A3').getValue()).toBe('');
    // A rule that only warns (the default) accepts anything.
    sheet.getRange('C1').setDataValidation(app.newDataValidation().requireValueInList(['a']).build());
    expect(() => sheet.getRange('C1').setValue('zzz')).not.toThrow();
  });

  it('requireValueInRange reads the list from the sheet', () => {
    const { env, sheet } = fresh();
    const app = services(env).SpreadsheetApp;
    sheet.getRange('Z1:Z2').setValues([['AQA'], ['OCR']]);
    const rule = app.newDataValidation().requireValueInRange(sheet.getRange('Z1:Z2')).setAllowInvalid(false).build();
    sheet.getRange('A1').setDataValidation(rule);
    sheet.getRange('A1').setValue('OCR');
    expect(() => sheet.getRange('A1').setValue('WJEC')).toThrow(/violates/);
    expect(sheet.getRange('A1').getDataValidation()?.getCriteriaValues()[0]).toMatchObject({});
  });
});

describe('protection', () => {
  it('the owner edits protected cells; another user without rights cannot', () => {
    const { env, ss, sheet } = fresh();
    const p = sheet.protect().setDescription('Formulas');
    expect(sheet.protect().getDescription()).toBe('Formulas');
    expect(p.getEditors().map((u) => u.getEmail())).toEqual(['officer@example.org']);
    sheet.getRange('A1').setValue('owner writes');
    env.setActiveUser('slt@example.org');
    expect(p.canEdit()).toBe(false);
    expect(() => sheet.getRange('A1').setValue('x')).toThrow(/protected cell or object/);
    p.setUnprotectedRanges([sheet.getRange('B1:B10')]);
    expect(() => sheet.getRange('B2').setValue('allowed')).not.toThrow();
    p.addEditor('slt@example.org');
    expect(() => sheet.getRange('A1').setValue('now allowed')).not.toThrow();
    p.remove();
    expect(ss.getProtections('SHEET')).toHaveLength(0);
  });

  it('range protections are listed by type and the owner cannot be removed', () => {
    const { sheet } = fresh();
    const p = sheet.getRange('A1:B2').protect();
    p.removeEditors(p.getEditors());
    expect(p.getEditors().map((u) => u.getEmail())).toEqual(['officer@example.org']);
    p.setWarningOnly(true);
    expect(sheet.getProtections('RANGE').map((x) => [x.getProtectionType(), x.isWarningOnly()])).toEqual([
      ['RANGE', true],
    ]);
    expect(sheet.getProtections('SHEET')).toHaveLength(0);
  });
});

describe('cosmetics, notes, text finder, charts', () => {
  it('stores backgrounds, font weights and notes', () => {
    const { sheet } = fresh();
    sheet.getRange('A1:B1').setBackground('#e8f0fe').setFontWeight('bold').setNote('header');
    expect(sheet.getRange('A1:C1').getBackgrounds()).toEqual([['#e8f0fe', '#e8f0fe', '#ffffff']]);
    expect(sheet.getRange('A1:C1').getFontWeights()).toEqual([['bold', 'bold', 'normal']]);
    expect(sheet.getRange('B1').getNote()).toBe('header');
    sheet.getRange('A1:B1').clear();
    expect(sheet.getRange('A1').getBackground()).toBe('#ffffff');
  });

  it('finds cells by displayed text', () => {
    const { sheet } = fresh();
    sheet.getRange('A1:A4').setValues([['PR-0001'], ['PR-0002'], ['pr-0002'], ['x PR-0002']]);
    const finder = sheet.createTextFinder('PR-0002').matchEntireCell(true).matchCase(true);
    expect(finder.findAll().map((r) => r.getA1Notation())).toEqual(['A2']);
    expect(
      sheet
        .createTextFinder('pr-0002')
        .findAll()
        .map((r) => r.getRow()),
    ).toEqual([2, 3, 4]);
  });

  it('records charts', () => {
    const { env, sheet } = fresh();
    const charts = env.globals.Charts as { ChartType: { BAR: string } };
    const chart = sheet
      .newChart()
      .setChartType(charts.ChartType.BAR)
      .addRange(sheet.getRange('A1:B5'))
      .setPosition(2, 4, 0, 0)
      .setOption('title', 'Open requests')
      .build();
    sheet.insertChart(chart);
    const [stored] = sheet.getCharts();
    expect(stored.getRanges()[0]?.getA1Notation()).toBe('A1:B5');
    expect(stored.getOptions().get('title')).toBe('Open requests');
    sheet.updateChart(stored.modify().setOption('title', 'Renamed').build());
    expect(sheet.getCharts()[0].getOptions().get('title')).toBe('Renamed');
    sheet.removeChart(sheet.getCharts()[0]);
    expect(sheet.getCharts()).toHaveLength(0);
  });
});

describe('selection, rich text, filters and banding', () => {
  it('the selection defaults to A1 and follows activate() and env.select()', () => {
    const { env, ss, sheet } = fresh();
    const { SpreadsheetApp } = services(env);
    expect(SpreadsheetApp.getActiveRange().getA1Notation()).toBe('A1');
    ss.insertSheet('Requests');
    env.select("'Requests'!B5:D5");
    expect(ss.getActiveSheet().getName()).toBe('Requests');
    expect(SpreadsheetApp.getActiveRange().getA1Notation()).toBe('B5:D5');
    expect(ss.getCurrentCell().getA1Notation()).toBe('B5');
    sheet.getRange('C3').activate();
    expect(ss.getActiveSheet().getName()).toBe('Sheet1');
    expect(ss.getActiveRange().getA1Notation()).toBe('C3');
    sheet.insertRowsBefore(1, 2);
    expect(ss.getActiveRange().getA1Notation()).toBe('C5');
  });

  it('rich text keeps its text literal and its link; new content replaces the link', () => {
    const { env, sheet } = fresh();
    const { SpreadsheetApp } = services(env);
    const link = SpreadsheetApp.newRichTextValue().setText('0042').setLinkUrl('https://drive.example/s').build();
    sheet.getRange('A1').setRichTextValue(link);
    expect(sheet.getRange('A1').getValue()).toBe('0042');
    expect(sheet.getRange('A1').getRichTextValue().getLinkUrl()).toBe('https://drive.example/s');
    sheet.getRange('A1').setValue('other');
    expect(sheet.getRange('A1').getRichTextValue().getLinkUrl()).toBeNull();
  });

  it('a sheet has one filter and a range one banding, as Sheets insists', () => {
    const { sheet } = fresh();
    sheet.getRange('A1:C3').setValues([
      ['h', 'n', 'x'],
      ['b', 2, ''],
      ['a', 1, ''],
    ]);
    const filter = sheet.getRange('A1:C3').createFilter();
    expect(() => sheet.getRange('E1:F2').createFilter()).toThrow(
      "You can't create a filter in a sheet that already has a filter.",
    );
    filter.sort(1, true);
    expect(sheet.getRange('A2:A3').getValues().flat()).toEqual(['a', 'b']);
    expect(sheet.getFilter()?.getRange()?.getA1Notation()).toBe('A1:C3');
    filter.remove();
    expect(sheet.getFilter()).toBeNull();
    sheet.getRange('A1:C10').applyRowBanding();
    expect(() => sheet.getRange('B5:D20').applyRowBanding()).toThrow(/already has alternating colors/);
    sheet.getBandings()[0].remove();
    expect(() => sheet.getRange('B5:D20').applyRowBanding()).not.toThrow();
  });
});
