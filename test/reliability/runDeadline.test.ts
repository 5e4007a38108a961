/**
 * One deadline per execution. Apps Script kills a run at 6 minutes whatever
 * it is doing, so the mailer's time budget has to count from the start of
 * the trigger run or server call, not from when the mailer is called: the
 * daily check reads both logs, writes Flags and sends the digest first. The
 * clock here charges every service call (bench/timed.ts) and kills an
 * execution at 360 s as Google does.
 */
import type { SerializedWorkbook } from '../../emulator/gas';
import { callAsTrigger } from '../../emulator/gas';
import { EXECUTION_LIMIT_MS, timedExecutions, type CallCost } from '../../bench/timed';
import { seasonWorkbook } from '../../bench/fixtures';
import { SHEET } from '../../src/domain/schema';
import { DIST, distHtmlFiles } from '../integration/harness';
import { readLogView, restore } from './helpers';

const NOW = '2026-09-15T06:00:00Z';

/** The bench's cost model (docs/performance.md): 50 ms a round trip, 500 ms an email. */
const APPS_SCRIPT_SPEED: CallCost = (service, method) => (service === 'Mail' && method === 'sendEmail' ? 500 : 50);

/** A season whose Correspondence holds `queued` reminders waiting (sent on a day with no quota left). */
function seasonWithQueue(requests: number, queued: number): SerializedWorkbook {
  const wb = seasonWorkbook(DIST, { requests, candidates: queued, now: NOW, htmlFiles: distHtmlFiles() });
  const addOn = restore(wb, 0);
  const answer = JSON.parse(JSON.stringify(addOn.bundle.sendResultsDayReminders({ dryRun: false })));
  expect(answer).toMatchObject({ ok: true, sent: 0, queued });
  return addOn.env.serialize();
}

function statuses(addOn: ReturnType<typeof restore>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of readLogView(addOn.env, SHEET.correspondence).rows) {
    const s = String(r.Status).split(':')[0];
    counts[s] = (counts[s] ?? 0) + 1;
  }
  return counts;
}

/** The bench's costs, with the first read of the spreadsheet taking `ms` (a slow day at Google). */
function slowFirstRead(ms: number): CallCost {
  let slowRead = true;
  return (service, method) => {
    if (slowRead && method === 'getValues') {
      slowRead = false;
      return ms;
    }
    return APPS_SCRIPT_SPEED(service, method);
  };
}

describe('the daily check keeps one deadline for the whole run', () => {
  it('sends only what fits after 200 s of its own work, ends inside 6 minutes and leaves nothing "sending"', () => {
    const addOn = restore(seasonWithQueue(100, 600), 1500);
    // The check's first read of the spreadsheet takes 200 s.
    const timed = timedExecutions(DIST, addOn.env, slowFirstRead(200_000), { executionLimitMs: EXECUTION_LIMIT_MS });
    const answer = JSON.parse(JSON.stringify(callAsTrigger(addOn.env, timed.bundle, 'runDailyCheck', {})));

    expect(timed.executions).toHaveLength(1);
    expect(timed.executions[0].killed).toBe(false);
    expect(timed.executions[0].ms).toBeLessThan(EXECUTION_LIMIT_MS);
    expect(answer).toMatchObject({ ok: true, digest: 'sent' });
    const after = statuses(addOn);
    expect(after.sending).toBeUndefined();
    // About 70 s were left for the queue: some went, the rest wait for tomorrow.
    expect(after.sent).toBeGreaterThan(50);
    expect(after.queued).toBeGreaterThan(0);
    expect(after.sent + after.queued).toBe(601);
  });
});

describe('a Reminders press keeps one deadline for the whole call', () => {
  it('counts the Candidates read and the preview against the same 6 minutes as the sends', () => {
    const addOn = restore(
      seasonWorkbook(DIST, { requests: 10, candidates: 600, now: NOW, htmlFiles: distHtmlFiles() }),
      1500,
    );
    const timed = timedExecutions(DIST, addOn.env, slowFirstRead(200_000), { executionLimitMs: EXECUTION_LIMIT_MS });
    const answer = JSON.parse(JSON.stringify(timed.bundle.sendResultsDayReminders({ dryRun: false })));

    expect(timed.executions).toMatchObject([{ name: 'sendResultsDayReminders', killed: false }]);
    expect(timed.executions[0].ms).toBeLessThan(EXECUTION_LIMIT_MS);
    expect(answer).toMatchObject({ ok: true });
    expect(answer.sent).toBeGreaterThan(50);
    expect(answer.sent + answer.queued).toBe(600);
    const after = statuses(addOn);
    expect(after.sending).toBeUndefined();
    expect(after).toEqual({ sent: answer.sent, queued: answer.queued });
  });
});
