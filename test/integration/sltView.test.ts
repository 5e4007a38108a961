/**
 * The separate SLT view spreadsheet (issue 21 item 4), through the built
 * bundle: with the switch at Yes it holds the dashboard's figures and no
 * email address, UCI, candidate name or note; the SLT viewers are given
 * Viewer access once (Google tells them; the add-on sends no email); a second
 * refresh rewrites the values and adds nobody twice; nobody is removed; a
 * file gone from Drive is replaced and the officer is told. With the switch
 * at No there is no Sheets or Drive API call at all.
 */
import type { DriveFileData } from '../../emulator/gas';
import { SHEET } from '../../src/domain/schema';
import { NOW, seasonRows, writeLog, type SeasonRow } from './dashboardSeason';
import { setUpAddOn, sheetValues, type AddOn } from './harness';
import { setSettings } from './progressHelpers';

const OFFICER = 'officer@example.org';
const HEAD = 'head@hilltop.example.org';
const DEPUTY_HEAD = 'deputy.head@hilltop.example.org';

function centre(sltView: 'Yes' | 'No'): { addOn: AddOn; rows: SeasonRow[] } {
  const addOn = setUpAddOn({ now: NOW });
  setSettings(addOn, {
    'Centre name': 'Hilltop Academy',
    'Exams officer email': OFFICER,
    'SLT viewers': `${HEAD}, ${DEPUTY_HEAD}`,
    'SLT view spreadsheet': sltView,
  });
  const r = seasonRows(120, SHEET.requests);
  const s = seasonRows(30, SHEET.scripts);
  writeLog(addOn.env, SHEET.requests, r);
  writeLog(addOn.env, SHEET.scripts, s);
  return { addOn, rows: [...r, ...s] };
}

function theView(addOn: AddOn): DriveFileData {
  expect(addOn.env.drive.files).toHaveLength(1);
  return addOn.env.drive.files[0];
}

function viewText(file: DriveFileData): string {
  return file.sheets[0].values.flat().map(String).join('\n');
}

describe('the SLT view spreadsheet', () => {
  it('holds the figures and no email address, UCI, candidate name or note', () => {
    const { addOn, rows } = centre('Yes');
    const result = addOn.run('refreshSltViewSpreadsheet');
    expect(result.ok).toBe(true);
    const file = theView(addOn);
    expect(result.url).toContain(file.id);
    expect(file.sheets[0].title).toBe('SLT view');
    const text = viewText(file);
    expect(text).not.toContain('@');
    for (const { record } of rows) {
      expect(text).not.toContain(String(record.UCI));
      expect(text).not.toContain(String(record.Email));
      expect(text).not.toContain(`${record.Forename} ${record.Surname}`);
    }
    expect(text).not.toContain('01234 567890');
    // The figures are the dashboard's: the same total, the same "At a glance" lines.
    const dashboard = sheetValues(addOn.env, SHEET.dashboard);
    const beside = (grid: unknown[][], label: string) => grid.find((r) => r[0] === label)?.[1];
    const view = file.sheets[0].values;
    expect(beside(view, 'Requests logged')).toBe(150);
    for (const label of ['Requests logged', 'Waiting on a board', 'Grades changed by a review', 'Refunds due']) {
      expect(beside(view, label)).toBe(beside(dashboard, label));
    }
    // The dashboard in the tracker still names candidates against what needs attention; the view does not.
    expect(dashboard.some((r) => r[1] === 'Candidate')).toBe(true);
    expect(view.some((r) => r[1] === 'Candidate')).toBe(false);
    expect(addOn.env.mail.outbox).toEqual([]);
  });

  it('is shared as Viewer with each SLT viewer once; a second refresh rewrites the values and adds nobody twice', () => {
    const { addOn } = centre('Yes');
    const first = addOn.run('refreshSltViewSpreadsheet');
    expect(first.created).toBe('first');
    expect(first.shared).toEqual([HEAD, DEPUTY_HEAD]);
    const file = theView(addOn);
    expect(file.permissions.filter((p) => p.role === 'reader').map((p) => p.emailAddress)).toEqual([HEAD, DEPUTY_HEAD]);
    expect(addOn.env.drive.notices.map((n) => n.to)).toEqual([HEAD, DEPUTY_HEAD]);
    expect(addOn.env.mail.outbox).toEqual([]);

    // A request withdrawn since: the next refresh shows it, in the same file.
    const before = file.sheets[0].values.find((r) => r[0] === 'Requests logged')?.[1];
    writeLog(addOn.env, SHEET.scripts, seasonRows(40, SHEET.scripts));
    addOn.env.calls.reset();
    const second = addOn.run('refreshSltViewSpreadsheet');
    expect(second.ok).toBe(true);
    expect(second.created).toBeNull();
    expect(second.shared).toEqual([]);
    expect(second.notices).toEqual([]);
    expect(theView(addOn).id).toBe(file.id);
    expect(file.sheets[0].values.find((r) => r[0] === 'Requests logged')?.[1]).toBe(Number(before) + 10);
    expect(file.permissions).toHaveLength(3);
    expect(addOn.env.drive.notices).toHaveLength(2);
    const calls = addOn.env.calls.byMethod();
    expect(calls['Drive.Permissions.create']).toBeUndefined();
    expect(calls['Sheets.Spreadsheets.create']).toBeUndefined();
    expect(calls['Sheets.Spreadsheets.Values.batchUpdate']).toBe(1);
  });

  it('never removes anyone: a reader taken out of SLT viewers stays, and the officer is told', () => {
    const { addOn } = centre('Yes');
    addOn.run('refreshSltViewSpreadsheet');
    setSettings(addOn, { 'SLT viewers': HEAD });
    const again = addOn.run('refreshSltViewSpreadsheet');
    expect(theView(addOn).permissions.map((p) => p.emailAddress)).toContain(DEPUTY_HEAD);
    expect(again.notInSettings).toEqual([DEPUTY_HEAD]);
    expect(again.notices.join(' ')).toMatch(/never removes anyone/);
  });

  it('makes a new file when the old one is deleted, and says so', () => {
    const { addOn } = centre('Yes');
    const first = addOn.run('refreshSltViewSpreadsheet');
    addOn.env.drive.remove(first.id);
    const second = addOn.run('refreshSltViewSpreadsheet');
    expect(second.created).toBe('gone');
    expect(second.id).not.toBe(first.id);
    expect(second.notices[0]).toMatch(/could not be found .* so a new one was made/);
    expect(second.shared).toEqual([HEAD, DEPUTY_HEAD]);
  });

  it('a copy of the tracker makes its own view rather than overwrite the original’s, and says so', () => {
    const { addOn } = centre('Yes');
    const first = addOn.run('refreshSltViewSpreadsheet');
    // A copy carries the record along; its spreadsheet is another one.
    const record = JSON.parse(addOn.env.properties.document.get('sltView.file')!);
    addOn.env.properties.document.set('sltView.file', JSON.stringify({ ...record, trackerId: 'the-original-tracker' }));
    const copy = addOn.run('refreshSltViewSpreadsheet');
    expect(copy.created).toBe('not-ours');
    expect(copy.id).not.toBe(first.id);
    expect(copy.notices[0]).toMatch(/belongs to another tracker/);
    expect(addOn.env.drive.files).toHaveLength(2);
  });

  it('is refreshed by the daily check, and a colleague’s Refresh does not make a second file', () => {
    const { addOn } = centre('Yes');
    setSettings(addOn, { 'Log editors': 'deputy.exams@hilltop.example.org' });
    expect(addOn.run('setUp').ok).toBe(true);
    expect(addOn.run('runDailyCheck').ok).toBe(true);
    const file = theView(addOn);
    expect(viewText(file)).toContain('Requests logged');
    expect(file.permissions.filter((p) => p.role === 'reader')).toHaveLength(2);
    // A Log editor may refresh the dashboard, but with drive.file cannot reach the officer's file:
    // refused in words, rather than a second file made in the colleague's Drive.
    addOn.env.setActiveUser('deputy.exams@hilltop.example.org');
    const colleague = addOn.run('refreshSltViewSpreadsheet');
    expect(colleague.ok).toBe(false);
    expect(colleague.errors[0].message).toMatch(/made by another account/);
    expect(addOn.env.drive.files).toHaveLength(1);
  });
});

describe('with SLT view spreadsheet at No (the default)', () => {
  it('makes no Sheets or Drive API call from the daily check or Refresh SLT view', () => {
    const { addOn } = centre('No');
    addOn.env.calls.reset();
    expect(addOn.run('runDailyCheck').ok).toBe(true);
    addOn.run('menuRefreshSltView');
    expect(addOn.env.calls.total('Sheets')).toBe(0);
    expect(addOn.env.calls.total('Drive')).toBe(0);
    expect(addOn.env.drive.files).toEqual([]);
    expect(addOn.run('refreshSltViewSpreadsheet').ok).toBe(false);
  });

  it('is the default a new tracker starts with', () => {
    const addOn = setUpAddOn({ now: NOW });
    const settings = sheetValues(addOn.env, SHEET.settings);
    expect(settings.find((r) => r[0] === 'SLT view spreadsheet')?.[1]).toBe('No');
  });
});
