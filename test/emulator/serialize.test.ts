/**
 * env.serialize() is JSON-safe and createGasEnvironment({ workbook })
 * restores it without loss.
 */
import { createGasEnvironment } from '../../emulator/gas';
import { services } from './helpers';

function populated() {
  const env = createGasEnvironment({ now: '2026-08-20T09:00:00Z', mailQuota: 50 });
  const { SpreadsheetApp, PropertiesService, ScriptApp, MailApp } = services(env);
  const ss = env.spreadsheet;
  const log = ss.insertSheet('Requests');
  log
    .getRange('A1:D1')
    .setValues([['Request ID', 'Received', 'Fee', 'Candidate']])
    .setFontWeight('bold');
  log.getRange('D2:D10').setNumberFormat('@');
  log.getRange('A2:D3').setValues([
    ['PR-0001', new Date('2026-08-19T23:00:00Z'), 48.65, '0042'],
    ['PR-0002', '2026-08-21 14:30', '=C2*2', '0107'],
  ]);
  log.getRange('C2:C3').setNumberFormat('£#,##0.00');
  log.getRange('B4').setNote('late');
  log.setFrozenRows(1);
  log.setColumnWidth(1, 140);
  log.setTabColor('#00ff00');
  log
    .getRange('E2:E10')
    .setDataValidation(
      SpreadsheetApp.newDataValidation().requireValueInList(['yes', 'no']).setAllowInvalid(false).build(),
    );
  log
    .getRange('F2')
    .setDataValidation(SpreadsheetApp.newDataValidation().requireValueInRange(log.getRange('A2:A3')).build());
  log.setConditionalFormatRules([
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied('=$C2>0')
      .setBackground('#fce8e6')
      .setRanges([log.getRange('A2:D10')])
      .build(),
  ]);
  log.getRange('A1:D1').protect().setDescription('headers').addEditor('deputy@school.example');
  log.protect().setWarningOnly(true);
  log.insertChart(log.newChart().asBarChart().addRange(log.getRange('A1:C3')).setPosition(5, 5, 0, 0).build());
  log.getRange('A1:D3').createFilter();
  log.getRange('A1:D10').applyRowBanding(SpreadsheetApp.BandingTheme.BLUE);
  log
    .getRange('G2')
    .setRichTextValue(SpreadsheetApp.newRichTextValue().setText('script').setLinkUrl('https://x.example/1').build());
  log.getRange('B3').activate();
  log.hideSheet();
  PropertiesService.getDocumentProperties().setProperty('seq', '2');
  PropertiesService.getScriptProperties().setProperty('version', '1');
  ScriptApp.newTrigger('runDailyCheck').timeBased().everyDays(1).atHour(7).create();
  MailApp.sendEmail('c@school.example', 'Hello', 'Body');
  env.clock.advanceDays(3);
  return env;
}

describe('serialize', () => {
  it('is JSON-safe', () => {
    const snapshot = populated().serialize();
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
  });

  it('round-trips without loss', () => {
    const original = populated();
    const snapshot = JSON.parse(JSON.stringify(original.serialize()));
    const restored = createGasEnvironment({ workbook: snapshot });
    expect(restored.serialize()).toEqual(snapshot);
  });

  it('restores values, formulas, formats, validations and the rest as working objects', () => {
    const env = createGasEnvironment({ workbook: JSON.parse(JSON.stringify(populated().serialize())) });
    const log = env.spreadsheet.getSheetByName('Requests');
    if (!log) throw new Error('missing sheet');
    const values = log.getRange('A2:D3').getValues();
    expect((values[0][1] as Date).toISOString()).toBe('2026-08-19T23:00:00.000Z');
    expect((values[1][1] as Date).toISOString()).toBe('2026-08-21T13:30:00.000Z');
    expect(values[0][3]).toBe('0042');
    expect(log.getRange('C3').getFormula()).toBe('=C2*2');
    expect(log.getRange('C2').getDisplayValue()).toBe('£48.65');
    expect(log.getRange('A1').getFontWeight()).toBe('bold');
    expect(log.getRange('B4').getNote()).toBe('late');
    expect([log.getFrozenRows(), log.getColumnWidth(1), log.getTabColor(), log.isSheetHidden()]).toEqual([
      1,
      140,
      '#00ff00',
      true,
    ]);
    expect(() => log.getRange('E5').setValue('maybe')).toThrow(/violates/);
    expect(log.getRange('F2').getDataValidation()?.getCriteriaValues()[0]).toBeTruthy();
    expect(log.getConditionalFormatRules()[0].getBooleanCondition().getBackground()).toBe('#fce8e6');
    expect(
      log
        .getProtections('RANGE')[0]
        .getEditors()
        .map((u) => u.getEmail()),
    ).toContain('deputy@school.example');
    expect(log.getProtections('SHEET')[0].isWarningOnly()).toBe(true);
    expect(log.getCharts()[0].getOptions().get('type')).toBe('BAR');
    expect(log.getFilter()?.getRange()?.getA1Notation()).toBe('A1:D3');
    expect(log.getBandings()[0].getTheme()).toBe('BLUE');
    expect(log.getRange('G2').getRichTextValue().getLinkUrl()).toBe('https://x.example/1');
    expect(env.spreadsheet.getActiveRange().getA1Notation()).toBe('B3');
    expect(env.properties.document.get('seq')).toBe('2');
    expect(env.triggers.map((t) => t.getHandlerFunction())).toEqual(['runDailyCheck']);
    expect(env.mail.outbox.map((m) => m.subject)).toEqual(['Hello']);
    expect(env.mail.remaining()).toBe(49);
    expect(env.clock.now().toISOString()).toBe('2026-08-23T09:00:00.000Z');
    // The trigger limit still applies after a restore.
    expect(() => services(env).ScriptApp.newTrigger('x').timeBased().everyDays(1).create()).toThrow(/too many/);
  });

  it('an explicit clock overrides the saved one', () => {
    const snapshot = populated().serialize();
    const env = createGasEnvironment({ workbook: snapshot, now: '2027-01-01T00:00:00Z' });
    expect(env.clock.now().toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });
});
