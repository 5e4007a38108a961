/**
 * The scope table the stand-in holds calls to (emulator/gas/scopes.ts), read
 * from gas-types-detailed (the reference's Authorization blocks) and googleapis
 * (the REST methods behind the Advanced services), and the check itself on a
 * small bundle: one scope of those a method lists is enough, a method listing
 * none needs none, and a call the manifest does not cover throws what Apps
 * Script throws.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGasEnvironment, loadBundle } from '../../emulator/gas';
import { instrumented } from '../../emulator/gas/counter';
import { isAdvanced, parseReference, referencePage, requiredScopes } from '../../emulator/gas/scopes';

const S = (s: string) => `https://www.googleapis.com/auth/${s}`;
const TODAY = [
  S('spreadsheets.currentonly'),
  S('script.container.ui'),
  S('script.send_mail'),
  S('script.scriptapp'),
  S('drive.file'),
];

describe('the scope table', () => {
  it('knows every method of every class the stand-in models', () => {
    const unknown: string[] = [];
    for (const c of instrumented) {
      if (!isAdvanced(c.service) && referencePage(c.service, c.className) === null) unknown.push(c.className);
      for (const m of c.methods) {
        if (requiredScopes(c.service, c.className, m) === undefined) unknown.push(`${c.className}.${m}`);
      }
    }
    expect(unknown).toEqual([]);
    expect(instrumented.length).toBeGreaterThan(40);
  });

  it('lists what each reference page lists', () => {
    expect(requiredScopes('Spreadsheet', 'SpreadsheetApp', 'getActiveSpreadsheet')).toEqual([
      S('spreadsheets.currentonly'),
      S('spreadsheets'),
    ]);
    expect(requiredScopes('Spreadsheet', 'SpreadsheetApp', 'openById')).toEqual([S('spreadsheets')]);
    expect(requiredScopes('Spreadsheet', 'Range', 'getValues')).toContain(S('spreadsheets.currentonly'));
    expect(requiredScopes('Mail', 'MailApp', 'sendEmail')).toEqual([S('script.send_mail')]);
    expect(requiredScopes('Spreadsheet', 'Ui', 'showSidebar')).toEqual([S('script.container.ui')]);
    expect(requiredScopes('Script', 'ScriptApp', 'getUserTriggers')).toEqual([S('script.scriptapp')]);
    expect(requiredScopes('Session', 'Session', 'getEffectiveUser')).toEqual([S('userinfo.email')]);
    // Pages with no Authorization block: the service needs no scope.
    expect(requiredScopes('Lock', 'LockService', 'getDocumentLock')).toEqual([]);
    expect(requiredScopes('Properties', 'PropertiesService', 'getDocumentProperties')).toEqual([]);
    expect(requiredScopes('Session', 'Session', 'getTemporaryActiveUserKey')).toEqual([]);
  });

  it('takes the Advanced services scopes from the REST methods, drive.file among them', () => {
    for (const [cls, method] of [
      ['Spreadsheets', 'create'],
      ['Spreadsheets.Values', 'batchUpdate'],
    ]) {
      expect(requiredScopes('Sheets', cls, method)).toEqual(
        expect.arrayContaining([S('drive.file'), S('spreadsheets')]),
      );
    }
    for (const [cls, method] of [
      ['Files', 'get'],
      ['Files', 'update'],
      ['Permissions', 'list'],
      ['Permissions', 'create'],
    ]) {
      expect(requiredScopes('Drive', cls, method)).toEqual(expect.arrayContaining([S('drive'), S('drive.file')]));
    }
  });

  it('reads an Authorization block as any one of its scopes', () => {
    const table = parseReference(`
      /**
       * Authorization:
       *
       * Scripts that use this method require authorization with one or more of the following scopes:
       * - https://www.googleapis.com/auth/a
       * - https://www.googleapis.com/auth/b
       *
       * https://developers.google.com/apps-script/reference/x/some-class#doIt(String)
       */
      /**
       * Return: nothing.
       *
       * https://developers.google.com/apps-script/reference/x/some-class#free()
       */`);
    expect(table.get('x/some-class')).toEqual(
      new Map([
        ['doIt', [S('a'), S('b')]],
        ['free', []],
      ]),
    );
  });
});

describe('a bundle held to its manifest', () => {
  let dir: string;
  const bundle = (scopes: string[] | undefined) => {
    writeFileSync(join(dir, 'appsscript.json'), JSON.stringify(scopes ? { oauthScopes: scopes } : {}));
    return loadBundle(dir, createGasEnvironment({ now: '2026-08-20T09:00:00Z' }));
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gas-scopes-'));
    writeFileSync(
      join(dir, 'Code.js'),
      `
function readActive() { return SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').getValue(); }
function openOther() { return SpreadsheetApp.openById('1Other').getName(); }
function mail() { MailApp.sendEmail('a@example.org', 'Hi', 'Body'); return 'sent'; }
function lock() { return LockService.getDocumentLock().tryLock(10); }
function driveFile() { return Drive.Files.get('nope'); }
`,
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lets spreadsheets.currentonly read the active spreadsheet', () => {
    expect(bundle([S('spreadsheets.currentonly')]).readActive()).toBe('');
    expect(bundle([S('spreadsheets')]).readActive()).toBe('');
  });

  it('refuses openById with today scopes, naming the scope it needs', () => {
    expect(() => bundle(TODAY).openOther()).toThrow(
      'Specified permissions are not sufficient to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
  });

  it('lists every scope that would do, Apps Script fashion, when none is granted', () => {
    expect(() => bundle([S('script.send_mail')]).readActive()).toThrow(
      'Specified permissions are not sufficient to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)',
    );
  });

  it('needs script.send_mail for MailApp.sendEmail, and nothing for a lock', () => {
    expect(bundle(TODAY).mail()).toBe('sent');
    expect(() => bundle(TODAY.filter((s) => s !== S('script.send_mail'))).mail()).toThrow(
      'Specified permissions are not sufficient to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    expect(bundle([]).lock()).toBe(true);
  });

  it('answers an Advanced service call without its scope as the REST API does', () => {
    expect(() => bundle([S('spreadsheets.currentonly')]).driveFile()).toThrow(
      'API call to drive.files.get failed with error: Request had insufficient authentication scopes.',
    );
    // With drive.file the call goes through, to Drive's own answer for a file it cannot reach.
    expect(() => bundle(TODAY).driveFile()).toThrow(
      'API call to drive.files.get failed with error: File not found: nope.',
    );
  });

  it('holds nothing to scopes when the manifest lists none (Apps Script grants what the code uses)', () => {
    expect(() => bundle(undefined).openOther()).not.toThrow(/Specified permissions/);
    expect(bundle(undefined).mail()).toBe('sent');
  });

  it('never refuses the calls a test makes on the workbook outside the bundle', () => {
    const env = createGasEnvironment();
    writeFileSync(join(dir, 'appsscript.json'), JSON.stringify({ oauthScopes: [] }));
    const ctx = loadBundle(dir, env);
    expect(() => ctx.readActive()).toThrow(/Specified permissions/);
    expect(env.spreadsheet.getSheets()[0].getRange('A1').getValue()).toBe('');
  });
});
