/**
 * The add-on's service calls must not grow with the log: on Apps Script each
 * call is a round trip, so an operation that makes one call per row is fast
 * in September's first week and times out by October. Each operation is run
 * on a short log and a long one and the calls compared method by method.
 */
import type { SerializedWorkbook } from '../../emulator/gas';
import { callAsTrigger } from '../../emulator/gas';
import {
  candidateRecords,
  fillSettings,
  SCHOOL_SETTINGS,
  seasonRecords,
  seasonWorkbook,
  writeRows,
} from '../../bench/fixtures';
import { timedBundle } from '../../bench/timed';
import { SHEET } from '../../src/domain/schema';
import { DIST, distHtmlFiles, setUpAddOn, type AddOn } from '../integration/harness';
import { restore } from './helpers';

const NOW = '2026-09-15T06:00:00Z';
const SHORT = 100;
const LONG = 3000;

const workbooks = new Map<number, SerializedWorkbook>();
function season(rows: number): AddOn {
  let wb = workbooks.get(rows);
  if (!wb) {
    wb = seasonWorkbook(DIST, { requests: rows, now: NOW, htmlFiles: distHtmlFiles() });
    workbooks.set(rows, wb);
  }
  return restore(wb, 1500);
}

/** Calls per method, for the given services, made by `work` on a season of `rows` requests. */
function callsAt(rows: number, services: RegExp, work: (addOn: AddOn) => unknown): Record<string, number> {
  const addOn = season(rows);
  addOn.env.calls.reset();
  const answer = work(addOn) as { ok?: boolean; errors?: unknown };
  expect(answer).toMatchObject({ ok: true });
  return Object.fromEntries(Object.entries(addOn.env.calls.byMethod()).filter(([m]) => services.test(m)));
}

const ROUND_TRIPS = /^(Spreadsheet|Mail|Lock|Properties|Script)\./;

function newRequest(addOn: AddOn): unknown {
  return addOn.run('submitRequest', {
    candidateNumber: '0042',
    surname: 'Brown',
    forename: 'Amy',
    email: 'amy.brown@example.org',
    board: 'AQA',
    qualification: 'GCE A level',
    subject: 'Physics',
    component: '7408/1',
    series: 'June 2026',
    service: 'review-of-marking',
    requestedBy: 'candidate',
    consent: true,
    consentDate: '2026-08-20',
    paid: 'yes',
    resultsIssued: '2026-08-13',
  });
}

const only = (calls: Record<string, number>, services: RegExp) =>
  Object.fromEntries(Object.entries(calls).filter(([m]) => services.test(m)));

describe('submitRequest as the log grows', () => {
  let short: Record<string, number>;
  let long: Record<string, number>;
  beforeAll(() => {
    short = callsAt(SHORT, /./, newRequest);
    long = callsAt(LONG, /./, newRequest);
  });

  it(`makes the same round trips on ${LONG} rows as on ${SHORT}`, () => {
    expect(only(long, ROUND_TRIPS)).toEqual(only(short, ROUND_TRIPS));
    // A save with its acknowledgement email: under 80 round trips (4 s at 50 ms each), whatever the log holds.
    expect(Object.values(only(short, ROUND_TRIPS)).reduce((a, b) => a + b, 0)).toBeLessThan(80);
  });

  // Reading a log converts date cells in plain JavaScript (src/sheets/cells.ts dayFormatter), not with
  // one Utilities.formatDate call per cell.
  it(`makes no more Utilities calls on ${LONG} rows than on ${SHORT}`, () => {
    expect(only(long, /^Utilities\./)).toEqual(only(short, /^Utilities\./));
  });
});

/** A request awaiting its outcome in a season of `rows` (the fixture is the same for the same size). */
function awaitingOutcome(rows: number): string {
  const found = seasonRecords(rows, { today: NOW.slice(0, 10) }).find((r) => r.Status === 'Acknowledged');
  if (!found) throw new Error('no acknowledged request in the fixture');
  return String(found['Request ID']);
}

describe.each([
  [
    'recordOutcome',
    (rows: number) => (addOn: AddOn) =>
      addOn.run('recordOutcome', awaitingOutcome(rows), { receivedOn: NOW.slice(0, 10), newMark: '64', newGrade: 'A' }),
  ],
  ['runDailyCheck', () => (addOn: AddOn) => callAsTrigger(addOn.env, addOn.bundle, 'runDailyCheck', {})],
  ['refreshSltDashboard', () => (addOn: AddOn) => addOn.run('refreshSltDashboard')],
])('%s as the log grows', (_name, work) => {
  it(`makes the same round trips on ${LONG} rows as on ${SHORT}, and no per-row Utilities calls`, () => {
    const short = callsAt(SHORT, /./, work(SHORT));
    const long = callsAt(LONG, /./, work(LONG));
    expect(only(long, ROUND_TRIPS)).toEqual(only(short, ROUND_TRIPS));
    expect(only(long, /^Utilities\./)).toEqual(only(short, /^Utilities\./));
  });
});

/**
 * Spreadsheet calls of one operation (issue 15), the same at SHORT and LONG rows. The ceilings are what
 * the per-call cache (src/sheets/callCache.ts) and the merged writes reached (docs/performance.md);
 * the targets (15, 15, 25 plus the emails) are lower still and not reached: see the `it.failing`.
 */
const spreadsheetCalls = (calls: Record<string, number>) =>
  Object.entries(calls)
    .filter(([m]) => m.startsWith('Spreadsheet.'))
    .reduce((sum, [, n]) => sum + n, 0);

describe.each([
  ['submitRequest', 26, 15, () => newRequest],
  // recordOutcome and the daily check refresh the SLT dashboard, whose column
  // widths and wraps (issue 16) cost up to 9 calls more than issue 15 measured (49, 55).
  [
    'recordOutcome',
    40,
    15,
    (rows: number) => (addOn: AddOn) =>
      addOn.run('recordOutcome', awaitingOutcome(rows), { receivedOn: NOW.slice(0, 10), newMark: '64', newGrade: 'A' }),
  ],
  // One email (the digest): its claim, send and record are the "plus what its emails need".
  ['runDailyCheck', 44, 25 + 12, () => (addOn: AddOn) => callAsTrigger(addOn.env, addOn.bundle, 'runDailyCheck', {})],
])('%s: Spreadsheet calls per call', (_name, ceiling, target, work) => {
  let short = 0;
  let long = 0;
  beforeAll(() => {
    short = spreadsheetCalls(callsAt(SHORT, /./, work(SHORT)));
    long = spreadsheetCalls(callsAt(LONG, /./, work(LONG)));
  });
  it(`makes at most ${ceiling}, on ${SHORT} rows and on ${LONG}`, () => {
    expect(short).toBeLessThanOrEqual(ceiling);
    expect(long).toBe(short);
  });
  it.failing(`makes at most ${target} (issue 15's target)`, () => {
    expect(short).toBeLessThanOrEqual(target);
  });
});

describe('the daily digest on a heavy day', () => {
  // The digest lists up to 100 requests under each of its headings, and the mailer keeps a copy of each
  // email in one Correspondence cell, which Sheets limits to 50,000 characters: once six or so headings
  // were full, that write failed and no digest went at all (found by the bench's 10,000-row season:
  // 3,008 flagged, a 62,393-character body). Fixed in 756131e; this keeps it fixed.
  it('still reaches the officer on a busy day of a 6,000-request season', () => {
    const addOn = restore(seasonWorkbook(DIST, { requests: 6000, now: NOW, htmlFiles: distHtmlFiles() }), 1500);
    const answer = callAsTrigger(addOn.env, addOn.bundle, 'runDailyCheck', {}) as { ok: boolean; digest?: string };
    expect(answer).toMatchObject({ ok: true, digest: 'sent' });
    expect(addOn.env.mail.outbox.filter((m) => m.to === SCHOOL_SETTINGS['Exams officer email'])).toHaveLength(1);
  });
});

describe('results-day reminders at Apps Script speed', () => {
  // With the clock moving 50 ms per round trip and 500 ms per send (docs/performance.md), the physical
  // floor is about 540 sends in the 270 s budget. The mailer claims and records in chunks held under one
  // lock (src/mail/mailer.ts sendChunk): one Status write per email, the lock and the row check once per
  // chunk, so one press gets most of a year group out and the next press the rest.
  it('one press sends at least 450 of 1,000 reminders, and a second press the rest, nobody twice', () => {
    const { env } = setUpAddOn({ now: '2026-08-17T07:00:00Z', mailQuota: 1500 });
    fillSettings(env);
    writeRows(env, SHEET.candidates, candidateRecords(1000));
    const addOn = restore(env.serialize(), 1500);
    const bundle = timedBundle(DIST, addOn.env, (service, method) =>
      service === 'Mail' && method === 'sendEmail' ? 500 : 50,
    );
    const answer = JSON.parse(JSON.stringify(bundle.sendResultsDayReminders({ dryRun: false })));
    expect(answer.ok).toBe(true);
    expect(answer.sent + answer.queued).toBe(1000);
    expect(answer.sent).toBeGreaterThanOrEqual(450);
    // The next presses (or the next trigger runs) finish the rest.
    let left = answer.queued;
    for (let press = 0; press < 3 && left > 0; press++) {
      left = JSON.parse(JSON.stringify(bundle.sendResultsDayReminders({ dryRun: false }))).queued;
    }
    expect(left).toBe(0);
    const perRecipient = new Map<string, number>();
    for (const m of addOn.env.mail.outbox) perRecipient.set(m.to, (perRecipient.get(m.to) ?? 0) + 1);
    expect(perRecipient.size).toBe(1000);
    expect([...perRecipient.values()].every((n) => n === 1)).toBe(true);
  });
});
