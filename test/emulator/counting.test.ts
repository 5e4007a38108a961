/**
 * Every public service method call is counted as Service.Class.method, and
 * only the calls the script makes (not the stand-in's own internal ones).
 */
import { createGasEnvironment } from '../../emulator/gas';
import { services } from './helpers';

describe('call counting', () => {
  it('counts each call by method and by service', () => {
    const env = createGasEnvironment({ now: '2026-08-20T09:00:00Z' });
    const { SpreadsheetApp, MailApp, PropertiesService, LockService, Utilities } = services(env);
    env.calls.reset();
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1');
    if (!sheet) throw new Error('no sheet');
    sheet.getLastRow();
    sheet.getLastRow();
    sheet.getRange(1, 1, 2, 2).setValues([
      [1, 2],
      [3, 4],
    ]);
    sheet.appendRow(['x']);
    sheet.getDataRange().getValues();
    MailApp.sendEmail('a@x.example', 's', 'b');
    PropertiesService.getDocumentProperties().getProperty('k');
    LockService.getScriptLock().tryLock(0);
    Utilities.formatDate(new Date(), 'Europe/London', 'yyyy');
    expect(env.calls.byMethod()).toEqual({
      'Lock.Lock.tryLock': 1,
      'Lock.LockService.getScriptLock': 1,
      'Mail.MailApp.sendEmail': 1,
      'Properties.Properties.getProperty': 1,
      'Properties.PropertiesService.getDocumentProperties': 1,
      'Spreadsheet.Range.getValues': 1,
      'Spreadsheet.Range.setValues': 1,
      'Spreadsheet.Sheet.appendRow': 1,
      'Spreadsheet.Sheet.getDataRange': 1,
      'Spreadsheet.Sheet.getLastRow': 2,
      'Spreadsheet.Sheet.getRange': 1,
      'Spreadsheet.Spreadsheet.getSheetByName': 1,
      'Spreadsheet.SpreadsheetApp.getActiveSpreadsheet': 1,
      'Utilities.Utilities.formatDate': 1,
    });
    expect(env.calls.total('Spreadsheet')).toBe(9);
    expect(env.calls.total('Mail')).toBe(1);
    expect(env.calls.total()).toBe(15);
    env.calls.reset();
    expect(env.calls.total()).toBe(0);
  });

  it('counts a call that throws', () => {
    const env = createGasEnvironment();
    env.calls.reset();
    expect(() => env.spreadsheet.getSheets()[0].getRange(0, 1)).toThrow();
    expect(env.calls.byMethod()['Spreadsheet.Sheet.getRange']).toBe(1);
  });

  it('counts builders, protections and UI calls under Spreadsheet', () => {
    const env = createGasEnvironment();
    const { SpreadsheetApp } = services(env);
    env.calls.reset();
    SpreadsheetApp.newDataValidation().requireCheckbox().build();
    SpreadsheetApp.getUi().createMenu('M').addItem('a', 'b').addToUi();
    env.spreadsheet.getSheets()[0].protect().setDescription('d');
    const keys = Object.keys(env.calls.byMethod());
    expect(keys).toEqual(
      expect.arrayContaining([
        'Spreadsheet.DataValidationBuilder.requireCheckbox',
        'Spreadsheet.DataValidationBuilder.build',
        'Spreadsheet.Ui.createMenu',
        'Spreadsheet.Menu.addItem',
        'Spreadsheet.Sheet.protect',
        'Spreadsheet.Protection.setDescription',
      ]),
    );
    expect(keys.every((k) => k.startsWith('Spreadsheet.'))).toBe(true);
  });
});
