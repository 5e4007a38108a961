/**
 * The senior leaders' view, through the built bundle: a realistic season in
 * both logs gives the figures an officer would count by hand; the dashboard
 * and both logs are read-only for everyone but the officer and the Log
 * editors, and setUp puts that back when someone takes it away; a refresh
 * costs the same on 200 rows as on 20,000.
 */
import type { GasEnvironment } from '../../emulator/gas';
import { textWidth } from '../../src/domain/dashboardLayout';
import { SHEET } from '../../src/domain/schema';
import { BOARDS, NOW, STATUSES, expectedFigures, seasonRows, writeLog, type SeasonRow } from './dashboardSeason';
import { loadAddOn, setUpAddOn, sheetValues, type AddOn } from './harness';
import { setSettings } from './progressHelpers';
import { SERVICE_CELL } from '../fixtures/logCells';

const OFFICER = 'exams@hilltop.example.org';
const DEPUTY = 'deputy.exams@hilltop.example.org';
const HEAD = 'head@hilltop.example.org';
const OWNER = 'officer@example.org';

/** A set-up centre whose Settings name the officer, a second editor and the head as an SLT viewer. */
function centre(): AddOn {
  const addOn = setUpAddOn({ now: NOW });
  setSettings(addOn, {
    'Centre name': 'Hilltop Academy',
    'Exams officer name': 'Sam Jones',
    'Exams officer email': OFFICER,
    'Log editors': DEPUTY,
    'SLT viewers': HEAD,
  });
  addOn.run('setUp');
  return addOn;
}

function season(addOn: AddOn, requests: number, scripts: number): SeasonRow[] {
  const r = seasonRows(requests, SHEET.requests);
  const s = seasonRows(scripts, SHEET.scripts);
  writeLog(addOn.env, SHEET.requests, r);
  writeLog(addOn.env, SHEET.scripts, s);
  return [...r, ...s];
}

type Grid = unknown[][];

function dashboard(env: GasEnvironment): Grid {
  return sheetValues(env, SHEET.dashboard);
}

function rowOf(grid: Grid, label: string, from = 0): number {
  const i = grid.findIndex((r, n) => n >= from && r[0] === label);
  if (i < 0) throw new Error(`The dashboard has no line "${label}"`);
  return i;
}

function beside(grid: Grid, label: string, column = 1, from = 0): unknown {
  return grid[rowOf(grid, label, from)][column];
}

/** The rows under a header line (whose first cell is `header`), `n` of them. */
function tableUnder(grid: Grid, header: string, n: number): unknown[][] {
  const at = rowOf(grid, header);
  return grid.slice(at + 1, at + 1 + n);
}

describe('the SLT dashboard of a realistic season', () => {
  let addOn: AddOn;
  let rows: SeasonRow[];
  let grid: Grid;
  let expected: ReturnType<typeof expectedFigures>;

  beforeAll(() => {
    addOn = centre();
    rows = season(addOn, 240, 60);
    expected = expectedFigures(rows);
    expect(addOn.run('refreshSltDashboard')).toEqual({ ok: true });
    grid = dashboard(addOn.env);
  });

  it('has requests in every status at every board, as the test intends', () => {
    for (const b of BOARDS) for (const s of STATUSES) expect(expected.boardStatus.get(b)![s]).toBeGreaterThan(0);
    expect(Object.values(expected.moves).every((n) => n > 0)).toBe(true);
  });

  it('counts requests by board and status exactly as the logs hold them', () => {
    const table = tableUnder(grid, 'Board', 7);
    for (const [i, board] of [...BOARDS, 'Other boards'].entries()) {
      const want = STATUSES.map((s) => expected.boardStatus.get(board)![s]);
      expect(table[i]).toEqual([board, ...want, want.reduce((a, b) => a + b, 0)]);
    }
    const all = STATUSES.map((s) => BOARDS.reduce((n, b) => n + expected.boardStatus.get(b)![s], 0));
    expect(table[6]).toEqual(['All boards', ...all, 300]);
    expect(beside(grid, 'Requests logged')).toBe(300);
  });

  it('counts requests by service', () => {
    const table = tableUnder(grid, 'Service', 12);
    expect(Object.fromEntries(table.map((r) => [r[0], r[1]]))).toEqual({
      ...Object.fromEntries(Object.values(SERVICE_CELL).map((n) => [n, 0])),
      ...Object.fromEntries([...expected.services].map(([code, n]) => [SERVICE_CELL[code], n])),
      'Service not recognised': 0,
    });
  });

  it('counts the outcomes of reviews: grades raised, lowered, unchanged, marks changed', () => {
    const m = expected.moves;
    expect(beside(grid, 'Grade raised')).toBe(m.raised);
    expect(beside(grid, 'Grade lowered')).toBe(m.lowered);
    expect(beside(grid, 'Grade unchanged, mark changed')).toBe(m.mark);
    expect(beside(grid, 'Grade unchanged, mark unchanged')).toBe(m.none);
    expect(beside(grid, 'Grade changed (the grades as typed do not say which way)')).toBe(0);
    expect(beside(grid, 'Reviews with an outcome')).toBe(m.raised + m.lowered + m.mark + m.none);
    expect(beside(grid, 'Grades changed by a review')).toBe(m.raised + m.lowered);
  });

  it('ranks departments by their reviews and says how many changed a grade', () => {
    const subjects = [...expected.subjects].sort(
      ([a, x], [b, y]) => y.reviews - x.reviews || y.changed - x.changed || a.localeCompare(b),
    );
    const table = tableUnder(grid, 'Subject', 11);
    expect(table.slice(0, 10).map((r) => [r[0], r[1], r[2], r[3], r[4]])).toEqual(
      subjects.slice(0, 10).map(([name, s]) => [name, s.reviews, s.changed, s.raised, s.lowered]),
    );
    const rest = subjects.slice(10);
    expect(table[10].slice(0, 3)).toEqual([
      `All other subjects (${rest.length})`,
      rest.reduce((n, [, s]) => n + s.reviews, 0),
      rest.reduce((n, [, s]) => n + s.changed, 0),
    ]);
  });

  it('splits the main counts by level, GCSE and AS/A level apart, the rest together', () => {
    const table = tableUnder(grid, 'Level', 3);
    expect(table.map((r) => [r[0], r[1], r[2], r[4], r[5]])).toEqual(
      [...expected.levels].map(([name, l]) => [name, l.requests, l.reviews, l.changed, l.raised]),
    );
    // Each level has some of everything, so the split is tested, not a column of zeros.
    for (const [, l] of expected.levels) expect(Math.min(l.requests, l.reviews, l.changed)).toBeGreaterThan(0);
    expect(table.reduce((n, r) => n + Number(r[1]), 0)).toBe(beside(grid, 'Requests logged'));
  });

  it('sizes each column to the longest label it holds, in one call per column at most', () => {
    const sheet = addOn.env.spreadsheet.getSheetByName(SHEET.dashboard)!;
    const widths = Array.from({ length: 8 }, (_, c) => sheet.getColumnWidth(c + 1));
    const labels = grid.map((r) => String(r[0]));
    // The longest label of column A, one of the outcome lines, fits without wrapping.
    expect(labels).toContain('Grade changed (the grades as typed do not say which way)');
    expect(widths[0]).toBe(textWidth('Grade changed (the grades as typed do not say which way)'));
    // The long headers of the subject table fit their columns.
    const header = grid[rowOf(grid, 'Subject')];
    header.forEach((h, c) => expect([h, textWidth(String(h), true) <= widths[c]]).toEqual([h, true]));
    // Text wider than its column (a long "What is needed") is wrapped, never cut off.
    const wraps = sheet.getRange(1, 1, grid.length, 8).getWraps();
    const needs = rowOf(grid, 'Request ID');
    const long = grid.slice(needs + 1).filter((r) => textWidth(String(r[4])) > widths[4]);
    expect(long.length).toBeGreaterThan(0);
    grid.slice(needs + 1).forEach((r, i) => expect(wraps[needs + 1 + i][4]).toBe(textWidth(String(r[4])) > widths[4]));
    // The title and the section headings run on across the empty cells, as Sheets draws them.
    expect(wraps[0][0]).toBe(false);
    expect(wraps[rowOf(grid, 'Money (GBP)')][0]).toBe(false);
  });

  it('counts what is waiting on a board, what the daily check found overdue, and deadlines at risk', () => {
    const w = expected.waiting;
    const from = rowOf(grid, 'Waiting on the boards');
    expect(beside(grid, 'Submitted, waiting for the board to acknowledge', 1, from)).toBe(w.ack);
    expect(beside(grid, 'Acknowledged, waiting for the outcome', 1, from)).toBe(w.outcome);
    expect(beside(grid, 'Overdue for acknowledgement (flagged by the daily check)', 1, from)).toBe(w.overdueAck);
    expect(beside(grid, 'Overdue for an outcome (flagged by the daily check)', 1, from)).toBe(w.overdueOutcome);
    expect(beside(grid, 'Board deadline in the next 7 days, nothing submitted yet', 1, from)).toBe(w.soon);
    expect(beside(grid, 'Board deadline passed, nothing submitted', 1, from)).toBe(w.passed);
    expect(beside(grid, 'Waiting on a board')).toBe(w.ack + w.outcome);
    expect(beside(grid, 'Overdue at a board (acknowledgement or outcome)')).toBe(w.overdueAck + w.overdueOutcome);
  });

  it('adds up the money in GBP, to the penny', () => {
    const m = expected.money;
    const line = (label: string) => grid[rowOf(grid, label)].slice(1, 3);
    expect(line('Fees taken (Paid: yes)')).toEqual([m.takenCount, m.taken / 100]);
    expect(line('Fees waived by the centre (Paid: waived)')).toEqual([m.waivedCount, m.waived / 100]);
    expect(line('Refunds due (grade changed, not yet refunded)')).toEqual([m.dueCount, m.due / 100]);
    expect(line('Refunds issued')).toEqual([m.issuedCount, m.issued / 100]);
    expect(m.dueCount * m.takenCount * m.waivedCount * m.issuedCount).toBeGreaterThan(0);
    const sheet = addOn.env.spreadsheet.getSheetByName(SHEET.dashboard)!;
    expect(sheet.getRange(rowOf(grid, 'Refunds issued') + 1, 3).getDisplayValue()).toMatch(/^£\d+\.\d\d$/);
  });

  it('lists what needs attention, oldest first, with only request ID, name, subject, since when and what', () => {
    const heading = grid.findIndex((r) => String(r[0]).startsWith('Needs attention'));
    expect(grid[heading][0]).toBe(`Needs attention (${expected.attention.length} requests)`);
    expect(grid[heading + 1].slice(0, 5)).toEqual(['Request ID', 'Candidate', 'Subject', 'Since', 'What is needed']);
    const listed = grid.slice(heading + 2).filter((r) => /^[RS]-2026-/.test(String(r[0])));
    expect(listed).toHaveLength(Math.min(100, expected.attention.length));
    for (const line of listed) {
      const row = rows.find((r) => r.record['Request ID'] === line[0])!;
      expect(expected.attention).toContain(line[0]);
      expect(line[1]).toBe(`${row.record.Forename} ${row.record.Surname}`);
      expect(line[2]).toBe(row.record.Subject);
      expect(line[3]).toMatch(/^\d\d\/\d\d\/2026$/);
      expect(line[5]).toBe('');
    }
    const since = listed.map((l) => String(l[3]).split('/').reverse().join('-'));
    expect(since).toEqual([...since].sort());
    if (expected.attention.length > 100) {
      expect(grid[grid.length - 1][0]).toBe(
        `… and ${expected.attention.length - 100} more: see the Flags column of the logs.`,
      );
    }
  });

  it('shows no email address, candidate number or UCI, and names only in the needs-attention list', () => {
    const cells = grid.flat().map(String);
    const text = cells.join('\n');
    expect(text).not.toMatch(/@/);
    for (const r of rows) {
      expect(cells).not.toContain(r.record['Candidate number']);
      expect(text).not.toContain(String(r.record.UCI));
    }
    expect(text).not.toContain('01234 567890');
    const heading = grid.findIndex((r) => String(r[0]).startsWith('Needs attention'));
    const above = grid.slice(0, heading).flat().map(String).join('\n');
    for (const r of rows) expect(above).not.toContain(String(r.record.Surname));
  });

  it('writes values only, with the time of the refresh the UK way', () => {
    const sheet = addOn.env.spreadsheet.getSheetByName(SHEET.dashboard)!;
    const formulas = sheet.getDataRange().getFormulas().flat();
    expect(formulas.every((f) => f === '')).toBe(true);
    expect(beside(grid, 'Last refreshed')).toBe('17/09/2026 09:00');
  });

  it('keeps the two charts setUp built on the board and subject tables, and adds none', () => {
    const sheet = addOn.env.spreadsheet.getSheetByName(SHEET.dashboard)!;
    const charts = sheet.getCharts();
    expect(charts.map((c) => c.getOptions().get('title'))).toEqual([
      'Requests by status, per board',
      'Review outcomes by subject',
    ]);
    const [byBoard] = charts[0].getRanges();
    expect(byBoard!.getValues()).toEqual(
      [['Board', ...STATUSES], ...tableUnder(grid, 'Board', 6).map((r) => r.slice(0, 7))].map((r) => r),
    );
    const [labels, figures] = charts[1].getRanges();
    expect(labels!.getValues().flat()).toEqual(['Subject', ...tableUnder(grid, 'Subject', 10).map((r) => r[0])]);
    expect(figures!.getValues()[0]).toEqual([
      'Grade raised',
      'Grade lowered',
      'Mark changed, grade unchanged',
      'No change',
    ]);
    expect(charts[0].getOptions().get('isStacked')).toBe(true);
  });
});

describe('refreshing the SLT view', () => {
  it('from the menu: rewrites the figures and says so in a toast', () => {
    const addOn = centre();
    season(addOn, 16, 6);
    addOn.bundle.menuRefreshSltView();
    expect(beside(dashboard(addOn.env), 'Requests logged')).toBe(22);
    expect(addOn.env.ui.toasts.at(-1)).toMatch(/SLT dashboard now shows today’s figures/);
    expect(addOn.env.ui.alerts).toHaveLength(0);
  });

  it('leaves the last figures alone until it is refreshed, then replaces them all', () => {
    const addOn = centre();
    season(addOn, 32, 0);
    addOn.run('refreshSltDashboard');
    const before = dashboard(addOn.env);
    const longer = before.length;
    expect(beside(before, 'Requests logged')).toBe(32);
    // The log empties (a new season): the old needs-attention lines must not linger below the new ones.
    addOn.env.spreadsheet.getSheetByName(SHEET.requests)!.deleteRows(2, 32);
    expect(dashboard(addOn.env)).toEqual(before);
    addOn.run('refreshSltDashboard');
    const after = dashboard(addOn.env);
    expect(beside(after, 'Requests logged')).toBe(0);
    expect(after.length).toBeLessThan(longer);
    expect(after[after.length - 1][0]).toBe('Nothing needs attention today.');
  });

  it('writes a subject that looks like a formula as the text it is', () => {
    const addOn = centre();
    const rows = seasonRows(1, SHEET.requests);
    rows[0].record.Subject = '=HYPERLINK("https://example.org","Maths")';
    rows[0].record.Flags = 'Outcome overdue';
    rows[0].record.Status = 'Acknowledged';
    writeLog(addOn.env, SHEET.requests, rows);
    addOn.run('refreshSltDashboard');
    const sheet = addOn.env.spreadsheet.getSheetByName(SHEET.dashboard)!;
    expect(
      sheet
        .getDataRange()
        .getFormulas()
        .flat()
        .every((f) => f === ''),
    ).toBe(true);
    expect(dashboard(addOn.env).flat()).toContain('=HYPERLINK("https://example.org","Maths")');
  });

  it('is refused to an SLT viewer, who cannot edit the dashboard, and nothing changes', () => {
    const addOn = centre();
    season(addOn, 16, 0);
    const before = dashboard(addOn.env);
    addOn.env.setActiveUser(HEAD);
    const answer = addOn.run('refreshSltDashboard');
    expect(answer.ok).toBe(false);
    expect(answer.errors[0].message).toBe(
      'Only the exams officer and the Log editors named in Settings can refresh the SLT view. The figures were not changed; the daily check refreshes them every morning.',
    );
    expect(dashboard(addOn.env)).toEqual(before);
  });

  it('makes the same Spreadsheet calls on 20,000 rows as on 200', () => {
    const measure = (n: number) => {
      const addOn = centre();
      season(addOn, Math.round(n * 0.8), Math.round(n * 0.2));
      addOn.env.calls.reset();
      expect(addOn.run('refreshSltDashboard')).toEqual({ ok: true });
      const byMethod = Object.entries(addOn.env.calls.byMethod()).filter(([m]) => m.startsWith('Spreadsheet.'));
      return { total: addOn.env.calls.total('Spreadsheet'), byMethod: Object.fromEntries(byMethod) };
    };
    const small = measure(200);
    const large = measure(20000);
    expect(large.total).toBe(small.total);
    expect(large.byMethod).toEqual(small.byMethod);
    expect(small.total).toBeLessThan(30);
    // The widths are set once per column (fewer when neighbours share one), never per row.
    expect(small.byMethod['Spreadsheet.Sheet.setColumnWidths'] ?? 0).toBeLessThanOrEqual(8);
    expect(small.byMethod['Spreadsheet.Sheet.setColumnWidth']).toBeUndefined();
  }, 120_000);
});

describe('who can edit the logs and the dashboard', () => {
  // The logs, the dashboard, and every sheet the mailer reads to decide what to send (issue 21).
  const PROTECTED = [
    SHEET.requests,
    SHEET.scripts,
    SHEET.dashboard,
    SHEET.correspondence,
    SHEET.templates,
    SHEET.services,
    SHEET.settings,
    SHEET.candidates,
  ];

  function protectionOf(env: GasEnvironment, name: string) {
    const found = env.spreadsheet.getSheetByName(name)!.getProtections('SHEET' as never);
    expect(found).toHaveLength(1);
    return found[0];
  }

  it('setUp protects the dashboard and both logs for the officer and the Log editors, not the SLT viewers', () => {
    const { env } = centre();
    for (const name of PROTECTED) {
      const p = protectionOf(env, name);
      expect(
        p
          .getEditors()
          .map((u) => u.getEmail())
          .sort(),
      ).toEqual([DEPUTY, OFFICER, OWNER].sort());
      expect(p.isWarningOnly()).toBe(false);
      expect(p.canDomainEdit()).toBe(false);
      expect(p.getDescription()).toMatch(/exams officer/);
    }
  });

  it('an SLT viewer can read every figure but change nothing in a log or on the dashboard', () => {
    const addOn = centre();
    season(addOn, 16, 6);
    addOn.run('refreshSltDashboard');
    const { env } = addOn;
    env.setActiveUser(HEAD);
    for (const name of PROTECTED) {
      const sheet = env.spreadsheet.getSheetByName(name)!;
      // This season has nothing in Candidates or Correspondence yet; the rest can be read.
      if (name !== SHEET.candidates && name !== SHEET.correspondence) {
        expect(sheet.getRange(2, 1).getValue()).not.toBe('');
      }
      expect(() => sheet.getRange(2, 1).setValue('changed')).toThrow(/protected/);
    }
    const log = env.spreadsheet.getSheetByName(SHEET.requests)!;
    const notes = sheetValues(env, SHEET.requests)[0].indexOf('Notes') + 1;
    env.setActiveUser(DEPUTY);
    log.getRange(2, notes).setValue('Deputy’s note');
    env.setActiveUser(OFFICER);
    log.getRange(3, notes).setValue('Officer’s note');
    expect(log.getRange(2, notes, 2, 1).getValues()).toEqual([['Deputy’s note'], ['Officer’s note']]);
  });

  it('setUp puts back a protection someone removed or weakened, and says so', () => {
    const { env, run } = centre();
    protectionOf(env, SHEET.requests).remove();
    protectionOf(env, SHEET.dashboard).setWarningOnly(true);
    protectionOf(env, SHEET.scripts).addEditor(HEAD);
    const result = run('setUp');
    expect(result).toEqual({ ok: true, created: [], repaired: [`${SHEET.requests}: protection`] });
    for (const name of PROTECTED) {
      const p = protectionOf(env, name);
      expect(
        p
          .getEditors()
          .map((u) => u.getEmail())
          .sort(),
      ).toEqual([DEPUTY, OFFICER, OWNER].sort());
      expect(p.isWarningOnly()).toBe(false);
    }
    env.setActiveUser(HEAD);
    expect(() => env.spreadsheet.getSheetByName(SHEET.requests)!.getRange(2, 1).setValue('x')).toThrow(/protected/);
  });

  it('gives a new protection an explicit editor list even when Settings names nobody yet', () => {
    // In Sheets a new protection mirrors the file's own sharing until a script changes its editors.
    const addOn = loadAddOn({ now: NOW });
    addOn.env.calls.reset();
    expect(addOn.run('setUp').ok).toBe(true);
    const calls = addOn.env.calls.byMethod();
    expect(calls['Spreadsheet.Sheet.protect']).toBe(PROTECTED.length);
    expect(
      (calls['Spreadsheet.Protection.addEditors'] ?? 0) + (calls['Spreadsheet.Protection.removeEditors'] ?? 0),
    ).toBe(PROTECTED.length);
    for (const name of PROTECTED)
      expect(
        protectionOf(addOn.env, name)
          .getEditors()
          .map((u) => u.getEmail()),
      ).toEqual([OWNER]);
  });

  it('setUp follows a change to Log editors in Settings', () => {
    const addOn = centre();
    setSettings(addOn, { 'Log editors': 'data.manager@hilltop.example.org' });
    addOn.run('setUp');
    for (const name of PROTECTED) {
      expect(
        protectionOf(addOn.env, name)
          .getEditors()
          .map((u) => u.getEmail())
          .sort(),
      ).toEqual(['data.manager@hilltop.example.org', OFFICER, OWNER].sort());
    }
  });

  it('a second setUp changes nothing: one protection per sheet, two charts', () => {
    const { env, run } = centre();
    const before = JSON.stringify(env.serialize());
    expect(run('setUp')).toEqual({ ok: true, created: [], repaired: [] });
    expect(JSON.stringify(env.serialize())).toBe(before);
    expect(env.spreadsheet.getSheetByName(SHEET.dashboard)!.getCharts()).toHaveLength(2);
    expect(env.spreadsheet.getProtections('SHEET' as never)).toHaveLength(PROTECTED.length);
  });

  it('setUp rebuilds a chart someone deleted, and removes a second copy', () => {
    const { env, run } = centre();
    const sheet = env.spreadsheet.getSheetByName(SHEET.dashboard)!;
    const [byBoard, bySubject] = sheet.getCharts();
    sheet.removeChart(byBoard);
    sheet.insertChart(bySubject.modify().build());
    expect(sheet.getCharts()).toHaveLength(2);
    run('setUp');
    expect(
      sheet
        .getCharts()
        .map((c) => c.getOptions().get('title'))
        .sort(),
    ).toEqual(['Requests by status, per board', 'Review outcomes by subject']);
  });
});
