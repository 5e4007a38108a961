import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { dayAfter, morningOf, startServer, type RunningServer } from '../../emulator/server';

const ROOT = resolve(__dirname, '..', '..');
const EIGHT_SHEETS = [
  'Requests',
  'Access to scripts',
  'Services',
  'Settings',
  'Candidates',
  'Templates',
  'Correspondence',
  'SLT dashboard',
];

interface SheetView {
  name: string;
  rows: string[][];
  backgrounds?: string[][];
  charts?: { title: string; type: string; anchor: string; source: string; data: string[][] }[];
}
interface State {
  sheets: SheetView[];
  menu: { caption: string; functionName: string }[];
  outbox: { to: string; subject: string; eml: string }[];
  today: string;
  triggers: { handler: string; eventType: string }[];
  driveFiles: { id: string; name: string; sheet: string; values: unknown[][]; readers: string[] }[];
}

interface UiAnswer {
  alerts: string[];
  toasts: string[];
  panel?: { kind: string; title: string; url: string; width?: number; height?: number };
}

/** The part of Apps Script's ConditionalFormatRuleBuilder these tests use. */
interface RuleBuilder {
  whenFormulaSatisfied(formula: string): RuleBuilder;
  setBackground(color: string): RuleBuilder;
  setFontColor(color: string): RuleBuilder;
  setRanges(ranges: unknown[]): RuleBuilder;
  build(): unknown;
}

let distDir: string;
let dataDir: string;
let running: RunningServer | undefined;

beforeAll(() => {
  // jest's globalSetup builds dist/ unless SKIP_BUILD is set; a lone run of this file still needs it.
  if (!existsSync(join(ROOT, 'dist', 'Code.js'))) {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  }
  // A private copy: another run's build empties dist/ before it writes it again.
  distDir = mkdtempSync(join(tmpdir(), 'prt-dist-'));
  cpSync(join(ROOT, 'dist'), distDir, { recursive: true });
});

afterAll(() => rmSync(distDir, { recursive: true, force: true }));

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'prt-emulator-'));
});

afterEach(async () => {
  await running?.close();
  running = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(reset = false): Promise<RunningServer> {
  await running?.close();
  running = await startServer({ port: 0, dataDir, distDir, reset, quiet: true });
  return running;
}

async function post(
  path: string,
  body: unknown,
  raw = false,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(new URL(path, running!.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: raw ? (body as string) : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function state(): Promise<State> {
  const res = await fetch(new URL('/api/state', running!.url));
  expect(res.status).toBe(200);
  return (await res.json()) as State;
}

function sheet(s: State, name: string): SheetView {
  const found = s.sheets.find((x) => x.name === name);
  if (!found) throw new Error(`no sheet ${name} in ${s.sheets.map((x) => x.name).join(', ')}`);
  return found;
}

/** The Candidates row whose Surname is `surname`, as { header: value }. */
function candidate(s: State, surname: string): Record<string, string> | undefined {
  const [headers, ...rows] = sheet(s, 'Candidates').rows;
  const col = headers.indexOf('Surname');
  const row = rows.find((r) => r[col] === surname);
  return row && Object.fromEntries(headers.map((h, i) => [h, row[i]]));
}

describe('emulator server', () => {
  it('shows the SLT view as a separate file once Settings asks for it, and keeps it across a restart', async () => {
    await start();
    const settings = sheet(await state(), 'Settings').rows;
    const row = (key: string) => settings.findIndex((r) => r[0] === key) + 1;
    expect((await state()).driveFiles).toEqual([]);
    for (const [key, text] of [
      ['SLT view spreadsheet', 'Yes'],
      ['SLT viewers', 'head@demo.invalid'],
    ]) {
      const { json } = await post('/api/edit', { sheet: 'Settings', row: row(key), column: 2, text });
      expect(json.error).toBeUndefined();
    }
    const { json } = await post('/api/run', { fn: 'refreshSltViewSpreadsheet', args: [] });
    expect(json.result).toMatchObject({ ok: true, created: 'first', shared: ['head@demo.invalid'] });
    const [file] = (await state()).driveFiles;
    expect(file).toMatchObject({
      name: 'Post-results season: SLT view',
      sheet: 'SLT view',
      readers: ['head@demo.invalid'],
    });
    expect(file.values.flat().join(' ')).toContain('Requests logged');
    expect(file.values.flat().join(' ')).not.toMatch(/@|DEMO/);
    await start();
    expect((await state()).driveFiles.map((f) => f.id)).toEqual([file.id]);
  });

  it('listens on 127.0.0.1 only and serves the page', async () => {
    const r = await start();
    const address = r.server.address();
    expect(address).toMatchObject({ address: '127.0.0.1', family: 'IPv4' });
    expect(r.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await fetch(r.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('Extensions › Post-Results Tracker');
    const js = await fetch(new URL('/page.js', r.url));
    expect(js.status).toBe(200);
    expect(await js.text()).toContain('/api/state');
  });

  it('sets up the eight sheets, the menu, the daily trigger and the DEMO candidates on first start', async () => {
    await start();
    const s = await state();
    expect(s.sheets.map((x) => x.name).sort()).toEqual([...EIGHT_SHEETS, 'Form responses 1'].sort());
    expect(s.menu.map((m) => m.functionName)).toEqual(expect.arrayContaining(['showSidebar', 'menuSetUp']));
    expect(s.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(s.triggers).toEqual(expect.arrayContaining([expect.objectContaining({ handler: 'runDailyCheck' })]));
    // Leading zeros survive: the column is plain text.
    expect(candidate(s, 'DEMO Ahmed')).toMatchObject({ 'Candidate number': '0042', 'Tutor group': 'DEMO' });
    // Header backgrounds come through for the grid.
    expect(sheet(s, 'Requests').backgrounds?.[0][0]).toMatch(/^#/);
  });

  it('starts a first run inside the seeded season, so the demo is not all deadlines passed', async () => {
    await start();
    const s = await state();
    const [headers, ...rows] = sheet(s, 'Services').rows;
    const col = headers.indexOf('Deadline');
    const deadlines = rows
      .map((r) => /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(r[col]))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => `${m[3]}-${m[2]}-${m[1]}`)
      .sort();
    expect(deadlines.length).toBeGreaterThan(0);
    const realToday = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
    expect(s.today).toBe(realToday > deadlines[deadlines.length - 1] ? dayAfter(deadlines[0]) : realToday);
    // A restart keeps the officer's clock rather than moving it again.
    await post('/api/clock', { today: '2026-09-01' });
    await start();
    expect((await state()).today).toBe('2026-09-01');
  });

  it('seeds a linked form with three DEMO applications: one ready, one past its deadline, one without consent', async () => {
    await start();
    await post('/api/clock', { today: '2026-08-21' });
    const { json } = await post('/api/run', { fn: 'listApplications', args: [] });
    const list = json.result as { applications: { candidate: string; problems: { field: string }[] }[] };
    expect(list.applications.map((a) => [a.candidate, a.problems.map((p) => p.field)])).toEqual([
      ['Oliver DEMO Brown', []],
      ['Mei DEMO Chen', ['lateReason']],
      ['Rhys DEMO Davies', ['consent']],
    ]);
    expect(dayAfter('2026-08-31')).toBe('2026-09-01');

    // docs/samples/payments-demo.csv: once Oliver's application is R-2026-0001 and Rhys has sent the form
    // again with his consent (R-2026-0002), one payment matches by ID, one by candidate and amount, one nothing.
    const sheet = running!.emulator.env.spreadsheet.getSheetByName('Form responses 1')!;
    const rhys = sheet.getRange(4, 1, 1, sheet.getLastColumn()).getValues()[0];
    const consent = (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[]).indexOf('Consent');
    rhys[consent] = 'I agree';
    sheet.getRange(5, 1, 1, rhys.length).setValues([rhys]);
    const ready = (await post('/api/run', { fn: 'listApplications', args: [] })).json.result as typeof list;
    const picked = (ready.applications as unknown as { row: number; key: string; problems: unknown[] }[])
      .filter((a) => a.problems.length === 0)
      .map((a) => ({ row: a.row, key: a.key }));
    expect(picked.map((p) => p.row)).toEqual([2, 5]);
    const approved = (await post('/api/run', { fn: 'approveApplications', args: [picked] })).json.result;
    expect(approved).toMatchObject({ results: [{ requestId: 'R-2026-0001' }, { requestId: 'R-2026-0002' }] });
    const csv = readFileSync(join(ROOT, 'docs', 'samples', 'payments-demo.csv'), 'utf8');
    const preview = (await post('/api/run', { fn: 'previewPayments', args: [csv] })).json.result as {
      matched: { requestId: string }[];
      unmatchedPayments: { payer: string }[];
    };
    expect(preview.matched.map((m) => m.requestId).sort()).toEqual(['R-2026-0001', 'R-2026-0002']);
    expect(preview.unmatchedPayments.map((p) => p.payer)).toEqual(['DEMO Parent Evans']);
  });

  it('runs a server function as google.script.run would', async () => {
    await start();
    const { status, json } = await post('/api/run', { fn: 'setUp', args: [] });
    expect(status).toBe(200);
    expect(json.result).toMatchObject({ ok: true, created: [] });
    expect(json.error).toBeUndefined();
    // args may be left out for a function that takes none.
    expect((await post('/api/run', { fn: 'setUp' })).json.result).toMatchObject({ ok: true });
  });

  it('answers an unknown function with an error the failure handler gets', async () => {
    await start();
    const { status, json } = await post('/api/run', { fn: 'noSuchFunction', args: [] });
    expect(status).toBe(200);
    expect(json.error).toEqual({ message: expect.stringContaining('noSuchFunction') });
    expect(json.result).toBeUndefined();
  });

  it.each([
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'prototype',
    'eval',
    'SpreadsheetApp',
    'Logger',
    '__app',
    'setUp_',
    'a.b',
    '',
    42,
    null,
  ])('refuses to call %p', async (fn) => {
    await start();
    const { status, json } = await post('/api/run', { fn, args: [] });
    expect(status).toBe(200);
    expect(json.error).toEqual({ message: expect.any(String) });
    expect(json.result).toBeUndefined();
  });

  it('refuses malformed requests with a JSON error and keeps serving', async () => {
    const r = await start();
    const bad: [string, string | undefined, string, number][] = [
      ['/api/run', 'application/json', '{"fn": "setUp", ', 400],
      ['/api/run', 'application/json', '', 400],
      ['/api/run', 'application/json', '[1,2]', 400],
      ['/api/run', 'application/json', '"setUp"', 400],
      ['/api/run', 'application/json', 'null', 400],
      ['/api/run', 'application/json', '{"fn":"setUp","args":"x"}', 400],
      ['/api/run', 'application/json', '{"fn":"setUp","args":{"0":1}}', 400],
      ['/api/run', 'text/plain', '{"fn":"setUp","args":[]}', 415],
      ['/api/run', undefined, '{"fn":"setUp","args":[]}', 415],
      ['/api/clock', 'application/json', '{"today":"2025-13-45"}', 400],
      ['/api/clock', 'application/json', '{"today":"next week"}', 400],
      ['/api/clock', 'application/json', '{"advanceDays":1.5}', 400],
      ['/api/clock', 'application/json', '{}', 400],
      ['/api/menu', 'application/json', '{"functionName":"setUp"}', 400],
      ['/api/nothing', 'application/json', '{}', 404],
    ];
    for (const [path, type, body, expected] of bad) {
      const res = await fetch(new URL(path, r.url), {
        method: 'POST',
        headers: type ? { 'Content-Type': type } : {},
        body,
      });
      expect([path, body, res.status]).toEqual([path, body, expected]);
      const json = (await res.json()) as { error?: { message?: string } };
      expect(typeof json.error?.message).toBe('string');
    }
    expect((await fetch(new URL('/api/run', r.url))).status).toBe(405);
    expect((await fetch(new URL('/nowhere', r.url))).status).toBe(404);
    expect((await fetch(new URL('/api/export?sheet=Nope', r.url))).status).toBe(404);
    expect((await fetch(new URL('/sidebar/..%2Fpackage', r.url))).status).toBe(404);
    expect((await fetch(new URL('/api/outbox/..%2Fworkbook.json', r.url))).status).toBe(404);
    expect((await fetch(new URL('/sidebar/%E0%A4%A', r.url))).status).toBe(400);
    // Not HTTP at all: Node answers 400 and the server carries on.
    await new Promise<void>((done) => {
      const socket = connect(Number(new URL(r.url).port), '127.0.0.1', () => socket.end('\x00\x01 garbage\r\n\r\n'));
      socket.on('data', () => undefined);
      socket.on('close', () => done());
      socket.on('error', () => done());
    });
    expect((await post('/api/run', { fn: 'setUp', args: [] })).json.result).toMatchObject({ ok: true });
  });

  it('refuses a body over 1 MB and keeps serving', async () => {
    const r = await start();
    const big = JSON.stringify({ fn: 'findRequests', args: ['x'.repeat(1024 * 1024 + 10)] });
    const status = await new Promise<number | string>((done) => {
      const req = request(new URL('/api/run', r.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
      });
      req.on('response', (res) => {
        res.resume();
        done(res.statusCode ?? 0);
      });
      // The server may close the socket before the client has finished sending: also a refusal.
      req.on('error', (e: NodeJS.ErrnoException) => done(e.code ?? 'error'));
      req.end(big);
    });
    expect([413, 'EPIPE', 'ECONNRESET']).toContain(status);
    // And without a Content-Length, streamed in chunks.
    const chunked = await new Promise<number | string>((done) => {
      const req = request(new URL('/api/run', r.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      });
      req.on('response', (res) => {
        res.resume();
        done(res.statusCode ?? 0);
      });
      req.on('error', (e: NodeJS.ErrnoException) => done(e.code ?? 'error'));
      for (let i = 0; i < 20; i++) req.write('x'.repeat(64 * 1024));
      req.end();
    });
    expect([413, 'EPIPE', 'ECONNRESET']).toContain(chunked);
    expect((await post('/api/run', { fn: 'setUp', args: [] })).status).toBe(200);
  });

  it('refuses requests for another host name or from another origin', async () => {
    const r = await start();
    const rebind = await new Promise<number>((done) => {
      const req = request(new URL('/api/state', r.url), { headers: { Host: 'evil.example:80' } });
      req.on('response', (res) => {
        res.resume();
        done(res.statusCode ?? 0);
      });
      req.end();
    });
    expect(rebind).toBe(403);
    const crossSite = await fetch(new URL('/api/run', r.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      body: '{"fn":"setUp","args":[]}',
    });
    expect(crossSite.status).toBe(403);
  });

  it('refuses a cell edit from another site, another host name or as a form post, and writes nothing', async () => {
    const r = await start();
    const edit = JSON.stringify({ sheet: 'Services', row: 60, column: 4, text: '99' });
    const crossSite = await fetch(new URL('/api/edit', r.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      body: edit,
    });
    expect(crossSite.status).toBe(403);
    // A cross-site form or fetch without a preflight can send only these types.
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      const res = await fetch(new URL('/api/edit', r.url), {
        method: 'POST',
        headers: { 'Content-Type': type },
        body: edit,
      });
      expect([type, res.status]).toEqual([type, 415]);
    }
    const rebind = await new Promise<number>((done) => {
      const req = request(new URL('/api/edit', r.url), {
        method: 'POST',
        headers: { Host: 'evil.example:80', 'Content-Type': 'application/json' },
      });
      req.on('response', (res) => {
        res.resume();
        done(res.statusCode ?? 0);
      });
      req.end(edit);
    });
    expect(rebind).toBe(403);
    // A sheet is found by its name, never by a path: these are simply no sheet.
    for (const name of ['../workbook.json', '..%2Fworkbook.json', '/etc/passwd', '__proto__', 'constructor']) {
      const res = await post('/api/edit', { sheet: name, row: 1, column: 1, text: 'x' });
      expect([name, res.status]).toEqual([name, 404]);
    }
    const bad: unknown[] = [
      { sheet: 'Services', row: 0, column: 1, text: 'x' },
      { sheet: 'Services', row: 1.5, column: 1, text: 'x' },
      { sheet: 'Services', row: '2', column: 1, text: 'x' },
      { sheet: 'Services', row: 2, column: 27, text: 'x' },
      { sheet: 'Services', row: 1001, column: 1, text: 'x' },
      { sheet: 'Services', row: 2, column: 1, text: 42 },
      { sheet: 'Services', row: 2, column: 1 },
      { sheet: 'Services', row: 2, column: 1, text: 'x', user: 'not an address' },
      { sheet: ['Services'], row: 2, column: 1, text: 'x' },
    ];
    for (const body of bad) expect([body, (await post('/api/edit', body)).status]).toEqual([body, 400]);
    expect((await fetch(new URL('/api/edit', r.url))).status).toBe(405);
    expect(sheet(await state(), 'Services').rows[59]).toBeUndefined();
    expect(readFileSync(join(dataDir, 'workbook.json'), 'utf8')).not.toContain('"99"');
  });

  it('reads a typed cell as Sheets reads typed input, refuses what Sheets refuses, and keeps the edit on disk', async () => {
    await start();
    const typed = async (row: number, column: number, text: string, user?: string): Promise<Record<string, unknown>> =>
      (await post('/api/edit', { sheet: 'Services', row, column, text, ...(user ? { user } : {}) })).json;
    // Row 60 is below the seeded services; D is Level, E Fee, F Deadline, G Turnaround days, H Notes (plain text).
    expect(await typed(60, 5, '£45.5')).toEqual({ cell: '£45.50' });
    expect(await typed(60, 6, '27/8/2026')).toEqual({ cell: '27/08/2026' });
    expect(await typed(60, 7, '1,000')).toEqual({ cell: '1000' });
    expect(await typed(61, 5, "'0042")).toEqual({ cell: '0042' });
    expect(await typed(61, 7, '=1+2')).toEqual({ cell: '#ERROR!' });
    expect(await typed(61, 8, '=1+2')).toEqual({ cell: '=1+2' });
    const services = sheet(await state(), 'Services') as SheetView & {
      formulas?: string[];
      edits?: Record<string, string>;
      spareRows: number;
    };
    expect(services.rows[59].slice(4, 7)).toEqual(['£45.50', '27/08/2026', '1000']);
    // The formula is shown as its text; the quoted number opens with its quote, as the formula bar shows it.
    expect(services.rows[60].slice(4, 8)).toEqual(['0042', '', '=1+2', '=1+2']);
    expect(services.formulas).toEqual(['60:6']);
    expect(services.edits).toEqual({ '60:4': "'0042" });
    expect(services.spareRows).toBe(5);

    // A colleague with edit access who is not an editor of the log: Sheets' own refusal, nothing written.
    const protectedCell = {
      error: {
        message:
          'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
      },
    };
    expect(await typed(60, 7, 'by a colleague', 'colleague@demo.invalid')).toEqual(protectedCell);
    expect(await typed(60, 8, 'by the officer')).toEqual({ cell: 'by the officer' });
    const log = (text: string, user?: string) =>
      post('/api/edit', { sheet: 'Requests', row: 2, column: 10, text, ...(user ? { user } : {}) });
    expect((await log('Chemistry', 'colleague@demo.invalid')).json).toEqual(protectedCell);
    expect(sheet(await state(), 'Requests').rows[1]).toBeUndefined();
    // The officer owns the file, so she may fix a log by hand, within its dropdowns.
    expect((await log('Chemistry')).json).toEqual({ cell: 'Chemistry' });
    const requests = sheet(await state(), 'Requests') as SheetView & {
      dropdowns?: { lists: string[][]; cells: Record<string, number> };
    };
    const paid = requests.rows[0].indexOf('Paid');
    expect(requests.dropdowns?.lists[requests.dropdowns.cells[`1:${paid}`]]).toEqual(['yes', 'no', 'waived']);
    expect((await post('/api/edit', { sheet: 'Requests', row: 2, column: paid + 1, text: 'maybe' })).json).toEqual({
      error: {
        message: `The data you entered in cell ${String.fromCharCode(65 + paid)}2 violates the data validation rules set on this cell.`,
      },
    });

    await start();
    const after = sheet(await state(), 'Services');
    expect(after.rows[59].slice(4, 8)).toEqual(['£45.50', '27/08/2026', '1000', 'by the officer']);
    expect(sheet(await state(), 'Requests').rows[1][9]).toBe('Chemistry');
  });

  it('keeps the workbook, clock and outbox across a restart with the same data folder', async () => {
    const r = await start();
    const ss = r.emulator.env.spreadsheet;
    ss.getSheetByName('Candidates')!.getRange(2, 8).setValue('kept across restarts');
    (r.emulator.env.globals.MailApp as { sendEmail(message: Record<string, string>): void }).sendEmail({
      to: 'parent.aisha.ahmed@demo.invalid',
      subject: 'Outcome – review of marking',
      body: 'Plain body',
      htmlBody: '<p>HTML <b>body</b></p>',
      name: 'Exams Office',
    });
    r.emulator.persist();
    expect((await post('/api/clock', { today: '2025-08-21' })).json).toEqual({ today: '2025-08-21' });
    expect((await post('/api/clock', { advanceDays: 7 })).json).toEqual({ today: '2025-08-28' });

    await start();
    const s = await state();
    expect(sheet(s, 'Candidates').rows[1][7]).toBe('kept across restarts');
    expect(candidate(s, 'DEMO Ahmed')?.['Candidate number']).toBe('0042');
    expect(s.today).toBe('2025-08-28');
    expect(s.outbox).toHaveLength(1);
    expect(s.outbox[0]).toMatchObject({
      to: 'parent.aisha.ahmed@demo.invalid',
      subject: 'Outcome – review of marking',
    });
    // No second set of DEMO candidates on a restart.
    const surnames = sheet(s, 'Candidates').rows.map((row) => row[1]);
    expect(surnames.filter((x) => x === 'DEMO Ahmed')).toHaveLength(1);

    const eml = await fetch(new URL(s.outbox[0].eml, running!.url));
    expect(eml.status).toBe(200);
    expect(eml.headers.get('content-type')).toBe('message/rfc822');
    const text = await eml.text();
    expect(text).toMatch(/^To: parent\.aisha\.ahmed@demo\.invalid\r$/m);
    expect(text).toContain('multipart/alternative');
  });

  it('starts clean with reset', async () => {
    const r = await start();
    r.emulator.env.spreadsheet.getSheetByName('Candidates')!.getRange(2, 8).setValue('gone after reset');
    r.emulator.persist();
    await start(true);
    const s = await state();
    expect(sheet(s, 'Candidates').rows[1]?.[7] ?? '').toBe('');
    expect(s.sheets).toHaveLength(9);
    expect(candidate(s, 'DEMO Ahmed')).toBeDefined();
  });

  it('writes the workbook atomically: workbook.json parses and no .tmp is left', async () => {
    await start();
    await post('/api/run', { fn: 'setUp', args: [] });
    const files = readdirSync(dataDir);
    expect(files).toContain('workbook.json');
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(() => JSON.parse(readFileSync(join(dataDir, 'workbook.json'), 'utf8'))).not.toThrow();
  });

  it('exports a sheet as RFC 4180 CSV', async () => {
    const r = await start();
    const range = r.emulator.env.spreadsheet.getSheetByName('Candidates')!.getRange(2, 8, 1, 2);
    range.setValues([['Smith, "Jo"', 'line\nbreak']]);
    const res = await fetch(new URL('/api/export?sheet=Candidates', r.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="Candidates\.csv"/);
    const csv = await res.text();
    expect(csv.startsWith('Candidate number,Surname,Forename,')).toBe(true);
    expect(csv).toContain('"Smith, ""Jo""","line\nbreak"');
    expect(csv).toContain('0042,DEMO Ahmed,Aisha,');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it("guards a typed formula in the exported CSV as the add-on's own lists do", async () => {
    const r = await start();
    const range = r.emulator.env.spreadsheet.getSheetByName('Candidates')!.getRange(2, 8, 1, 2);
    range.setNumberFormat('@');
    range.setValues([['=HYPERLINK("https://evil.example","Results")', '@SUM(1+1)*cmd|']]);
    const csv = await (await fetch(new URL('/api/export?sheet=Candidates', r.url))).text();
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"",""Results"")",'@SUM(1+1)*cmd|`);
  });

  it('runs a menu item and reports what it did to the UI', async () => {
    const r = await start();
    const alert = await post('/api/menu', { functionName: 'menuSetUp' });
    expect(alert.status).toBe(200);
    expect((alert.json.ui as { alerts: string[] }).alerts.join('\n')).toMatch(/Services/);
    const opened = await post('/api/menu', { functionName: 'showSidebar' });
    const panel = (opened.json.ui as { panel?: { kind: string; title: string; url: string } }).panel;
    expect(panel).toMatchObject({ kind: 'sidebar', title: 'Post-Results Tracker' });
    const res = await fetch(new URL(panel!.url, r.url));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<head[^>]*><script>\n\(function \(\) \{/);
    expect(html).toContain('withSuccessHandler');
  });

  it('serves every built page with the shim first in <head>', async () => {
    const r = await start();
    const pages = readdirSync(distDir).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const res = await fetch(new URL(`/sidebar/${page.replace(/\.html$/, '')}`, r.url));
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/^[\s\S]*?<head[^>]*><script>\n\(function \(\) \{/);
    }
  });

  it('moves the clock and fires an installed trigger', async () => {
    await start();
    expect((await post('/api/clock', { today: '2025-08-14' })).json.today).toBe('2025-08-14');
    expect((await post('/api/clock', { advanceDays: 1 })).json.today).toBe('2025-08-15');
    expect((await state()).today).toBe('2025-08-15');
    const fired = await post('/api/trigger', { handler: 'runDailyCheck' });
    expect(fired.status).toBe(200);
    // Whether or not this version has runDailyCheck yet, the answer is a result or an error, never a crash.
    expect('result' in fired.json || 'error' in fired.json).toBe(true);
    const notInstalled = await post('/api/trigger', { handler: 'setUp' });
    expect(notInstalled.json.error).toEqual({ message: expect.stringContaining('No installed trigger') });
  });

  it('shows the colours conditional formatting gives rows, worked out from the rules the add-on installed', async () => {
    const r = await start();
    const ss = r.emulator.env.spreadsheet;
    const log = ss.getSheetByName('Requests')!;
    const headers = log.getRange(1, 1, 1, log.getLastColumn()).getValues()[0].map(String);
    const flags = headers.indexOf('Flags') + 1;
    const idCol = headers.indexOf('Request ID') + 1;
    // Flags sits beyond Z in the standard log.
    const letter =
      (flags > 26 ? String.fromCharCode(64 + Math.floor((flags - 1) / 26)) : '') +
      String.fromCharCode(65 + ((flags - 1) % 26));
    log.getRange(2, idCol, 3, 1).setValues([['R-1'], ['R-2'], ['R-3']]);
    log.getRange(2, flags, 3, 1).setValues([['Unacknowledged'], [''], ['Refund due']]);
    const app = r.emulator.env.globals.SpreadsheetApp as {
      newConditionalFormatRule(): RuleBuilder;
    };
    const whole = log.getRange(2, 1, 999, log.getLastColumn());
    log.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenFormulaSatisfied(`=SEARCH("Refund",$${letter}2)`)
        .setBackground('#fff2cc')
        .setRanges([whole])
        .build(),
      app
        .newConditionalFormatRule()
        .whenFormulaSatisfied(`=$${letter}2<>""`)
        .setBackground('#f4cccc')
        .setFontColor('#660000')
        .setRanges([whole])
        .build(),
      app
        .newConditionalFormatRule()
        .whenFormulaSatisfied('=INDIRECT("A1")<>""')
        .setBackground('#000000')
        .setRanges([whole])
        .build(),
    ]);
    const view = sheet(await state(), 'Requests') as SheetView & { fontColors?: string[][]; unshownRules?: string[] };
    const rowColour = (row: number): string[] => [...new Set(view.backgrounds![row])];
    expect(rowColour(1)).toEqual(['#f4cccc']);
    expect(rowColour(2)).toEqual(['#ffffff']);
    expect(rowColour(3)).toEqual(['#fff2cc']);
    expect(view.fontColors![1][0]).toBe('#660000');
    // The header keeps its own colour: the rules start at row 2.
    expect(view.backgrounds![0][0]).not.toBe('#f4cccc');
    // A rule the emulator cannot evaluate is named, not silently dropped.
    expect(view.unshownRules).toEqual([expect.stringContaining('INDIRECT')]);
  });

  it('sends each chart with the cells it draws, and says which cells are tick boxes', async () => {
    const r = await start();
    const env = r.emulator.env;
    const dash = env.spreadsheet.getSheetByName('SLT dashboard')!;
    dash.getRange(20, 1, 3, 2).setValues([
      ['Status', 'Requests'],
      ['Submitted', 7],
      ['Closed', 1],
    ]);
    const charts = (env.globals.Charts as { ChartType: Record<string, string> }).ChartType;
    dash.insertChart(
      dash
        .newChart()
        .setChartType(charts.BAR)
        .addRange(dash.getRange('A20:B22'))
        .setPosition(20, 4, 0, 0)
        .setOption('title', 'Requests by status')
        .build(),
    );
    const s = await state();
    // setUp's own two charts are there too; this test's chart is the third.
    const drawn = sheet(s, 'SLT dashboard').charts ?? [];
    expect(drawn).toHaveLength(3);
    expect(drawn.find((c) => c.title === 'Requests by status')).toMatchObject({
      type: 'BAR',
      anchor: 'D20',
      source: 'A20:B22',
      data: [
        ['Status', 'Requests'],
        ['Submitted', '7'],
        ['Closed', '1'],
      ],
    });
    expect(sheet(s, 'Requests')).not.toHaveProperty('charts');

    const log = env.spreadsheet.getSheetByName('Requests')!;
    const consent = log.getRange(1, 1, 1, log.getLastColumn()).getValues()[0].map(String).indexOf('Consent') + 1;
    const app = env.globals.SpreadsheetApp as { newDataValidation(): { requireCheckbox(): { build(): unknown } } };
    log.getRange(2, consent).setDataValidation(app.newDataValidation().requireCheckbox().build()).setValue(true);
    const view = sheet(await state(), 'Requests') as SheetView & { checkboxes?: boolean[][] };
    expect(view.checkboxes?.[1][consent - 1]).toBe(true);
    expect(view.checkboxes?.[1][0]).toBe(false);
  });

  it('sends the widths the add-on gave the columns, and which cells wrap or are bold', async () => {
    const r = await start();
    const env = r.emulator.env;
    const dash = env.spreadsheet.getSheetByName('SLT dashboard')!;
    const view = sheet(await state(), 'SLT dashboard') as SheetView & { columnWidths?: number[]; bold?: boolean[][] };
    expect(view.columnWidths?.slice(0, 8)).toEqual(Array.from({ length: 8 }, (_, c) => dash.getColumnWidth(c + 1)));
    expect(view.columnWidths![0]).toBeGreaterThan(300);
    expect(view.bold?.[0][0]).toBe(true);
    expect(view.bold?.[1][0]).toBe(false);

    const scratch = env.spreadsheet.insertSheet('Scratch');
    scratch.getRange(1, 1, 2, 2).setValues([
      ['Header', 'More'],
      ['A long sentence that wraps', 'x'],
    ]);
    expect(sheet(await state(), 'Scratch')).not.toHaveProperty('columnWidths');
    expect(sheet(await state(), 'Scratch')).not.toHaveProperty('wraps');
    scratch.getRange(2, 1).setWrap(true);
    scratch.setColumnWidth(1, 80);
    const sized = sheet(await state(), 'Scratch') as SheetView & { columnWidths?: number[]; wraps?: boolean[][] };
    expect(sized.columnWidths).toEqual([80, 100]);
    expect(sized.wraps).toEqual([
      [false, false],
      [true, false],
    ]);
  });

  it('sets the clock to 09:00 in London on the chosen day, summer time or not', async () => {
    expect(morningOf('2026-08-20', 'Europe/London').toISOString()).toBe('2026-08-20T08:00:00.000Z');
    expect(morningOf('2026-12-01', 'Europe/London').toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(morningOf('2026-03-29', 'Europe/London').toISOString()).toBe('2026-03-29T08:00:00.000Z');
    expect(morningOf('2026-08-20', 'Pacific/Auckland').toISOString()).toBe('2026-08-19T21:00:00.000Z');
    const r = await start();
    await post('/api/clock', { today: '2026-08-20' });
    expect(r.emulator.env.clock.now().toISOString()).toBe('2026-08-20T08:00:00.000Z');
  });

  it("puts a menu item's question to the officer before anything happens, then runs it with her answer", async () => {
    const r = await start();
    await post('/api/clock', { today: '2026-08-20' });
    const saved = await post('/api/run', {
      fn: 'submitRequest',
      args: [
        {
          candidateNumber: '0042',
          surname: 'DEMO Ahmed',
          forename: 'Aisha',
          email: 'aisha.ahmed@students.demo.invalid',
          board: 'AQA',
          qualification: 'GCE A level',
          subject: 'Chemistry',
          component: '7405/1',
          series: 'June 2026',
          service: 'review-of-marking',
          requestedBy: 'candidate',
          consent: true,
          consentDate: '2026-08-20',
          paid: 'yes',
        },
      ],
    });
    const requestId = (saved.json.result as { requestId: string }).requestId;
    const before = JSON.stringify(r.emulator.env.serialize());

    const asked = await post('/api/menu', { functionName: 'menuPrintConsentForm' });
    expect(asked.status).toBe(200);
    expect(asked.json.question).toEqual({ text: expect.stringMatching(/request ID.*candidate number.*blank form/) });
    expect(asked.json.ui).toEqual({ alerts: [], toasts: [] });
    // Asking changed nothing: the item was tried on a copy.
    expect(JSON.stringify(r.emulator.env.serialize())).toBe(before);

    const answered = await post('/api/menu', {
      functionName: 'menuPrintConsentForm',
      answers: [{ button: 'OK', text: requestId }],
    });
    expect(answered.json.question).toBeUndefined();
    // The question she answered is not repeated back to her as an alert.
    expect((answered.json.ui as UiAnswer).alerts).toEqual([]);
    expect((answered.json.ui as UiAnswer).panel).toMatchObject({
      kind: 'dialog',
      width: expect.any(Number),
      height: expect.any(Number),
    });
    // The answer is used once: a later run does not find it waiting.
    expect(r.emulator.env.ui.responses).toEqual([]);

    const cancelled = await post('/api/menu', {
      functionName: 'menuPrintConsentForm',
      answers: [{ button: 'CANCEL' }],
    });
    expect((cancelled.json.ui as UiAnswer).panel).toBeUndefined();

    const items = await post('/api/menu', { functionName: 'showSidebar' });
    expect(items.json.question).toBeUndefined();
    expect((items.json.ui as UiAnswer).panel).toMatchObject({ kind: 'sidebar' });

    for (const answers of ['OK', [{ button: 'MAYBE' }], [{ button: 'OK', text: 7 }], [null]]) {
      const bad = await post('/api/menu', { functionName: 'menuPrintConsentForm', answers });
      expect(bad.status).toBe(400);
    }
  });

  it('applies a burst of parallel calls one after another', async () => {
    const r = await start();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => post('/api/run', { fn: 'setUp', args: [] }).then((x) => x.json.result)),
    );
    for (const a of answers) expect(a).toMatchObject({ ok: true });
    expect(r.emulator.triggers().filter((t) => t.handler === 'runDailyCheck')).toHaveLength(1);
  });
});
