/**
 * "Set up sheets", through the built bundle: the officer gets every sheet
 * with its headers, the season's research to check, one daily trigger, and
 * a second run never disturbs what the officer has typed since.
 */
import { LOG_COLUMNS, SHEET, SHEET_COLUMNS } from '../../src/domain/schema';
import { SETTING_DEFINITIONS } from '../../src/domain/settings';
import { loadAddOn, reviewForm, setUpAddOn, sheetRecords, sheetValues } from './harness';

const ALL_SHEETS = Object.values(SHEET);

describe('setUp()', () => {
  it('creates the eight sheets, each with its headers in row 1, frozen', () => {
    const { env, run } = loadAddOn();
    const result = run('setUp');
    expect(result.ok).toBe(true);
    expect([...result.created].sort()).toEqual([...ALL_SHEETS].sort());
    expect(result.repaired).toEqual([]);
    for (const [name, specs] of Object.entries(SHEET_COLUMNS)) {
      const sheet = env.spreadsheet.getSheetByName(name)!;
      expect(sheet.getRange(1, 1, 1, specs.length).getValues()[0]).toEqual(specs.map((s) => s.header));
      expect(sheet.getFrozenRows()).toBe(1);
    }
    expect(env.spreadsheet.getSheetByName(SHEET.dashboard)).not.toBeNull();
  });

  it('gives both logs the contract headers', () => {
    const { env } = setUpAddOn();
    const contract = [
      'Request ID', 'Received', 'Candidate number', 'Surname', 'Forename', 'Email', 'Board', 'Qualification',
      'Subject', 'Component', 'Series', 'Service', 'Requested by', 'Consent', 'Fee', 'Paid', 'Deadline',
      'Submitted to board', 'Board reference', 'Acknowledged', 'Outcome received', 'Original grade', 'New grade',
      'Original mark', 'New mark', 'Status', 'Flags', 'Notes',
    ]; // prettier-ignore
    for (const log of [SHEET.requests, SHEET.scripts]) {
      const headers = sheetValues(env, log)[0];
      for (const h of contract) expect(headers).toContain(h);
    }
  });

  it('seeds Services with the June 2026 rows of all five boards, each marked to check before the season', () => {
    const { env } = setUpAddOn();
    const services = sheetRecords(env, SHEET.services);
    expect(services).toHaveLength(57);
    expect(new Set(services.map((s) => s.Board))).toEqual(
      new Set(['AQA', 'OCR', 'Pearson Edexcel', 'WJEC Eduqas', 'CCEA']),
    );
    for (const s of services) expect(String(s.Notes)).toMatch(/check before season/i);
    const aqaRecheck = services.find((s) => s.Board === 'AQA' && s.Service === 'clerical-recheck')!;
    expect(aqaRecheck.Fee).toBe(8.7);
    // A real date in the sheet, shown the UK way.
    const sheet = env.spreadsheet.getSheetByName(SHEET.services)!;
    const row = services.indexOf(aqaRecheck) + 2;
    expect(sheet.getRange(row, 6).getDisplayValue()).toBe('24/09/2026');
    // Blank stays blank: a fee that was not found is not £0.
    const ocrRom = services.find((s) => s.Board === 'OCR' && s.Service === 'review-of-marking')!;
    expect(ocrRom.Fee).toBe('');
  });

  it('seeds every setting with its default and an explanation', () => {
    const { env } = setUpAddOn();
    const settings = sheetRecords(env, SHEET.settings);
    expect(settings.map((s) => s.Setting)).toEqual(SETTING_DEFINITIONS.map((d) => d.key));
    for (const s of settings) expect(String(s.About)).not.toBe('');
  });

  it('seeds the Templates sheet', () => {
    const { env } = setUpAddOn();
    const names = sheetRecords(env, SHEET.templates).map((t) => t.Name);
    expect(names).toEqual(expect.arrayContaining(['Results-day reminder', 'Request received']));
  });

  it('formats text columns as plain text so a candidate number keeps its zeros', () => {
    const { env } = setUpAddOn();
    const sheet = env.spreadsheet.getSheetByName(SHEET.requests)!;
    const col = LOG_COLUMNS.findIndex((c) => c.header === 'Candidate number') + 1;
    expect(sheet.getRange(2, col).getNumberFormat()).toBe('@');
    sheet.getRange(2, col).setValue('0042');
    expect(sheet.getRange(2, col).getValue()).toBe('0042');
  });

  it('puts drop-downs on Board, Service, Paid and Requested by in both logs', () => {
    const { env } = setUpAddOn();
    for (const log of [SHEET.requests, SHEET.scripts]) {
      const sheet = env.spreadsheet.getSheetByName(log)!;
      for (const header of ['Board', 'Service', 'Paid', 'Requested by']) {
        const col = LOG_COLUMNS.findIndex((c) => c.header === header) + 1;
        const rule = sheet.getRange(5, col).getDataValidation();
        expect({ log, header, hasRule: rule !== null }).toEqual({ log, header, hasRule: true });
      }
    }
  });

  it('installs exactly one daily trigger, however often it runs', () => {
    const { env, run } = setUpAddOn();
    run('setUp');
    run('setUp');
    const daily = env.triggers.filter((t) => t.getHandlerFunction() === 'runDailyCheck');
    expect(daily).toHaveLength(1);
  });

  it("installs next season's own daily trigger beside last season's spreadsheet's, and never deletes that one", () => {
    const lastSeason = setUpAddOn();
    const saved = lastSeason.env.serialize();
    // The same user opens next season's spreadsheet: the project already holds last season's trigger.
    const next = loadAddOn({
      workbook: { ...saved, spreadsheet: { ...saved.spreadsheet, id: 'next-season-sheet' } },
    });
    next.run('setUp');
    expect(next.env.triggers.map((t) => t.documentId)).toEqual(['next-season-sheet']);
    // The project still holds last season's, untouched.
    const all = next.env.serialize().triggers.filter((t) => t.handler === 'runDailyCheck');
    expect(all.map((t) => t.documentId).sort()).toEqual([saved.spreadsheet.id, 'next-season-sheet'].sort());
  });

  it('is idempotent: a second run creates, repairs and changes nothing', () => {
    const { env, run } = setUpAddOn();
    const before = JSON.stringify(env.serialize());
    const again = run('setUp');
    expect(again).toEqual({
      ok: true,
      created: [],
      repaired: [],
      notices: ['No digest can be sent until Exams officer email is filled in on the Settings sheet.'],
    });
    expect(JSON.stringify(env.serialize())).toBe(before);
  });

  it("never overwrites the officer's settings, services or templates", () => {
    const { env, run } = setUpAddOn();
    const settings = env.spreadsheet.getSheetByName(SHEET.settings)!;
    settings.getRange(2, 2).setValue('Hilltop Academy');
    const services = env.spreadsheet.getSheetByName(SHEET.services)!;
    // Column 5 is Fee (Board, Series, Service, Level, Fee).
    services.getRange(2, 5).setValue(9.99);
    const templates = env.spreadsheet.getSheetByName(SHEET.templates)!;
    templates.getRange(2, 3).setValue('My own wording');
    run('setUp');
    expect(settings.getRange(2, 2).getValue()).toBe('Hilltop Academy');
    expect(services.getRange(2, 5).getValue()).toBe(9.99);
    expect(templates.getRange(2, 3).getValue()).toBe('My own wording');
    expect(sheetRecords(env, SHEET.services)).toHaveLength(57);
  });

  it('restores a cleared header in place without touching any data row', () => {
    const { env, run } = setUpAddOn();
    expect(run('submitRequest', reviewForm({ surname: 'Brown', candidateNumber: '0001' })).ok).toBe(true);
    expect(run('submitRequest', reviewForm({ surname: 'Cole', candidateNumber: '0002' })).ok).toBe(true);
    const sheet = env.spreadsheet.getSheetByName(SHEET.requests)!;
    const col = LOG_COLUMNS.findIndex((c) => c.header === 'Surname') + 1;
    const dataBefore = sheet.getRange(2, 1, 2, LOG_COLUMNS.length).getValues();
    sheet.getRange(1, col).setValue('');
    const result = run('setUp');
    expect(result.repaired).toEqual(['Requests: Surname']);
    expect(sheet.getRange(1, col).getValue()).toBe('Surname');
    expect(sheet.getRange(2, 1, 2, LOG_COLUMNS.length).getValues()).toEqual(dataBefore);
  });

  it('brings back a deleted column at the end, leaving the other columns and their data where they are', () => {
    const { env, run } = setUpAddOn();
    const sheet = env.spreadsheet.getSheetByName(SHEET.candidates)!;
    sheet.getRange(2, 1, 1, 7).setValues([['0042', 'Brown', 'Amy', 'amy@example.org', '', '11A', '']]);
    sheet.deleteColumn(4); // Email
    const result = run('setUp');
    expect(result.repaired).toEqual(['Candidates: Email']);
    const [headers, row] = sheetValues(env, SHEET.candidates);
    expect(headers.slice(0, 7)).toEqual([
      'Candidate number',
      'Surname',
      'Forename',
      'Parent email',
      'Tutor group',
      'UCI',
      'Email',
    ]);
    expect(row.slice(0, 6)).toEqual(['0042', 'Brown', 'Amy', '', '11A', '']);
  });

  it("keeps an officer's own extra column untouched", () => {
    const { env, run } = setUpAddOn();
    const sheet = env.spreadsheet.getSheetByName(SHEET.requests)!;
    sheet.insertColumnBefore(1);
    sheet.getRange(1, 1, 2, 1).setValues([['My notes'], ['call home']]);
    expect(run('setUp')).toEqual({
      ok: true,
      created: [],
      repaired: [],
      notices: ['No digest can be sent until Exams officer email is filled in on the Settings sheet.'],
    });
    expect(sheet.getRange(1, 1, 2, 1).getValues()).toEqual([['My notes'], ['call home']]);
  });
});

describe('onOpen() and onInstall()', () => {
  const ITEMS = [
    'Open sidebar',
    'Update a request',
    'Set up sheets',
    'Run daily check now',
    'Hand over the daily check',
    'Send results-day reminders',
    'Print results-day letters',
    'Print application and consent form…',
    'Refresh SLT view',
    'Applications (online form)',
    'Questions for the application form…',
    'Match payments',
    'Import candidates',
    'Lists for the MIS, boards and finance',
    'Subject access export…',
    'Close season…',
  ];

  it('builds the add-on menu with the five items', () => {
    const { env, bundle } = loadAddOn();
    bundle.onOpen({ authMode: 'FULL' });
    const captions = env.ui.menus.flatMap((m) => m.items.map((i) => i.caption));
    expect(captions).toEqual(ITEMS);
  });

  it('before authorisation (AuthMode.NONE) builds the menu and touches no sheet', () => {
    const { env, bundle } = loadAddOn();
    env.calls.reset();
    bundle.onOpen({ authMode: 'NONE' });
    const touched = Object.keys(env.calls.byMethod()).filter(
      (m) => !/^Spreadsheet\.(SpreadsheetApp\.getUi|Ui\.|Menu\.)/.test(m),
    );
    expect(touched).toEqual([]);
    expect(env.ui.menus).toHaveLength(1);
  });

  it('onInstall builds the same menu', () => {
    const { env, bundle } = loadAddOn();
    bundle.onInstall({ authMode: 'FULL' });
    expect(env.ui.menus.flatMap((m) => m.items.map((i) => i.caption))).toEqual(ITEMS);
  });

  it('"Open sidebar" shows the built sidebar page', () => {
    const { env, bundle } = setUpAddOn();
    bundle.showSidebar();
    expect(env.ui.sidebars).toHaveLength(1);
    expect(env.ui.sidebars[0].getContent()).toContain('Post-Results Tracker');
  });
});

describe('Set up and the officer email', () => {
  it('says plainly that no digest can be sent until Exams officer email is filled in', () => {
    const addOn = loadAddOn();
    addOn.bundle.menuSetUp();
    expect(addOn.env.ui.alerts.at(-1)).toContain(
      'No digest can be sent until Exams officer email is filled in on the Settings sheet.',
    );
  });
});
