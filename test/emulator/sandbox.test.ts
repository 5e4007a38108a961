/**
 * The environment as gas-local uses it: a folder of .js files run in a bare
 * vm context whose globals are the stand-in's services. Proves the virtual
 * Date reaches the sandbox, top-level functions are callable, and two
 * contexts share one workbook and one lock table.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callAsScriptRun, callAsTrigger, createGasEnvironment, loadBundle } from '../../emulator/gas';

const CODE = `
function nowIso() { return new Date().toISOString(); }
function todayInLondon() { var d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours()]; }
function isDateInstance() { return new Date() instanceof Date && Date.now() === new Date().getTime(); }
function writeAndRead(values) {
  var sheet = SpreadsheetApp.getActive().getSheets()[0];
  sheet.getRange(1, 1, 1, values.length).setValues([values]);
  return sheet.getRange(1, 1, 1, values.length).getValues()[0];
}
function cellIsDate() {
  var v = SpreadsheetApp.getActive().getSheets()[0].getRange('A1').getValue();
  return v instanceof Date;
}
function echo(x) { return x; }
function makeDate() { return { when: new Date() }; }
function grabLock() { var l = LockService.getScriptLock(); l.waitLock(1000); return l.hasLock(); }
function tryLock() { return LockService.getScriptLock().tryLock(500); }
function grabLockAndAsk(ask) { var l = LockService.getScriptLock(); l.waitLock(1000); return ask(); }
function ui() { SpreadsheetApp.getUi().alert('hi'); return 'shown'; }
function log() { console.log('from sandbox'); Logger.log('logged %s', 1); }
`;

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gas-sandbox-'));
  writeFileSync(join(dir, 'Code.js'), CODE);
  writeFileSync(join(dir, 'appsscript.json'), '{}');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gas-local sandbox', () => {
  it('sees the virtual clock through Date, in the script time zone', () => {
    const env = createGasEnvironment({ now: '2026-08-20T23:30:00Z' });
    const ctx = loadBundle(dir, env);
    expect(ctx.nowIso()).toBe('2026-08-20T23:30:00.000Z');
    expect(ctx.todayInLondon()).toEqual([2026, 8, 21, 0]);
    expect(ctx.isDateInstance()).toBe(true);
    env.clock.advanceDays(1);
    expect(ctx.nowIso()).toBe('2026-08-21T23:30:00.000Z');
  });

  it('runs top-level functions against the services, values crossing realms', () => {
    const env = createGasEnvironment({ now: '2026-08-20T09:00:00Z' });
    const ctx = loadBundle(dir, env);
    const row = ctx.writeAndRead(['0042', '2026-08-20', 'text']) as unknown[];
    expect(row[0]).toBe(42);
    expect(Object.prototype.toString.call(row[1])).toBe('[object Date]');
    expect(ctx.cellIsDate()).toBe(false);
    ctx.writeAndRead(['2026-08-20']);
    expect(ctx.cellIsDate()).toBe(true);
  });

  it('two contexts share one workbook and contend for one lock', () => {
    const env = createGasEnvironment({ now: '2026-08-20T09:00:00Z' });
    const first = loadBundle(dir, env);
    const second = loadBundle(dir, env);
    expect(first).not.toBe(second);
    first.writeAndRead(['shared']);
    expect(env.spreadsheet.getSheets()[0].getRange('A1').getValue()).toBe('shared');
    expect(first.grabLock()).toBe(true);
    // As on Apps Script, a lock lives only as long as the execution that took it.
    expect(second.tryLock()).toBe(true);
    // While the first execution holds it, the second is kept out.
    expect(first.grabLockAndAsk(() => second.tryLock())).toBe(false);
    env.locks.holdScriptLock();
    expect(second.tryLock()).toBe(false);
    env.locks.releaseAll();
    expect(second.tryLock()).toBe(true);
  });

  it('callAsScriptRun passes JSON both ways and refuses Dates as google.script.run does', () => {
    const env = createGasEnvironment({ now: '2026-08-20T09:00:00Z' });
    const ctx = loadBundle(dir, env);
    expect(callAsScriptRun(ctx, 'echo', [{ a: [1, 'two'], b: undefined }])).toEqual({ a: [1, 'two'] });
    expect(() => callAsScriptRun(ctx, 'echo', [{ when: new Date() }])).toThrow(/illegal value/);
    expect(callAsScriptRun(ctx, 'makeDate')).toBeNull();
    expect(() => callAsScriptRun(ctx, 'missing')).toThrow('Script function not found: missing');
  });

  it('callAsTrigger runs without a UI; logs go to env.logs', () => {
    const env = createGasEnvironment();
    const ctx = loadBundle(dir, env);
    expect(() => callAsTrigger(env, ctx, 'ui')).toThrow(/getUi/);
    expect(ctx.ui()).toBe('shown');
    ctx.log();
    expect(env.logs).toEqual(['from sandbox', 'logged 1']);
  });
});

describe('a large sheet', () => {
  it('writes and reads 50,000 x 40 cells', () => {
    const env = createGasEnvironment({ now: '2026-08-20T09:00:00Z' });
    const sheet = env.spreadsheet.getSheets()[0];
    sheet.insertRowsAfter(1000, 49_000);
    sheet.insertColumnsAfter(26, 14);
    const when = new Date('2026-08-19T23:00:00Z');
    const rows = Array.from({ length: 50_000 }, (_, r) =>
      Array.from({ length: 40 }, (_, c) => (c === 0 ? `PR-${r}` : c === 1 ? when : c === 2 ? r : `text ${c}`)),
    );
    sheet.getRange(1, 1, 50_000, 40).setValues(rows);
    const back = sheet.getRange(1, 1, 50_000, 40).getValues();
    expect(back).toHaveLength(50_000);
    expect(back[49_999][0]).toBe('PR-49999');
    expect((back[123][1] as Date).getTime()).toBe(when.getTime());
    expect(sheet.getLastRow()).toBe(50_000);
    expect(sheet.getDataRange().getNumColumns()).toBe(40);
  });
});
