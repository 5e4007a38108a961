/**
 * The daily trigger failing part way through. A run that fails before it has
 * worked everything out leaves the logs exactly as they were and says so;
 * the next run simply does the work.
 */
import type { SerializedWorkbook } from '../../emulator/gas';
import { callAsTrigger } from '../../emulator/gas';
import { fillSettings, seasonRecords, writeRows } from '../../bench/fixtures';
import { SHEET } from '../../src/domain/schema';
import { setUpAddOn, type AddOn } from '../integration/harness';
import { countCalls, failAtCall, hookedBundle, readLogView, restore } from './helpers';

function dailyTrigger(addOn: AddOn) {
  return JSON.parse(JSON.stringify(callAsTrigger(addOn.env, addOn.bundle, 'runDailyCheck', { triggerUid: '1' })));
}

describe('the daily trigger failing part way through', () => {
  let workbook: SerializedWorkbook;
  let clean: { requests: unknown; scripts: unknown; methods: string[] };
  let before: { requests: unknown; scripts: unknown };
  const logs = (addOn: AddOn) => ({
    requests: readLogView(addOn.env, SHEET.requests).rows,
    scripts: readLogView(addOn.env, SHEET.scripts).rows,
  });

  beforeAll(() => {
    const { env } = setUpAddOn({ now: '2026-09-15T06:00:00Z' });
    fillSettings(env);
    writeRows(env, SHEET.requests, seasonRecords(40, { today: '2026-09-15' }));
    writeRows(env, SHEET.scripts, seasonRecords(10, { today: '2026-09-15', log: SHEET.scripts }));
    workbook = env.serialize();
    const fresh = restore(workbook);
    before = logs(fresh);
    const counter = countCalls();
    const run = hookedBundle(fresh.env, counter.hook);
    const answer = JSON.parse(JSON.stringify(callAsTrigger(fresh.env, run.bundle, 'runDailyCheck', {})));
    expect(answer.ok).toBe(true);
    clean = { ...logs(fresh), methods: counter.methods };
  });

  it('has something to change, so an unchanged log means something', () => {
    expect(clean.requests).not.toEqual(before.requests);
  });

  it('leaves the logs unchanged when a service fails half way, or anywhere once it holds the lock, and the next run does the work', () => {
    const firstWrite = clean.methods.findIndex((m) => /\.(set|insert|delete|clear|append)\w*$/.test(m)) + 1;
    expect(firstWrite).toBeGreaterThan(5);
    const outcomes: string[] = [];
    // Every call up to and including the first write to a log.
    for (let k = 1; k <= firstWrite; k++) {
      const addOn = restore(workbook);
      const failing = hookedBundle(addOn.env, failAtCall(k));
      const answer = JSON.parse(JSON.stringify(callAsTrigger(addOn.env, failing.bundle, 'runDailyCheck', {})));
      const after = logs(addOn);
      // Either the failure stopped the check before it wrote (and it says so), or the check got round it
      // and finished: never a log half updated.
      if (answer.ok) {
        expect([k, after]).toEqual([k, { requests: clean.requests, scripts: clean.scripts }]);
        outcomes.push('finished');
      } else {
        expect([k, after]).toEqual([k, before]);
        expect(answer.errors[0].message).toMatch(/changed nothing/);
        outcomes.push('unchanged');
      }
      // The next morning's run, with nothing failing, does the whole job.
      expect(dailyTrigger(addOn).ok).toBe(true);
      expect([k, logs(addOn)]).toEqual([k, { requests: clean.requests, scripts: clean.scripts }]);
    }
    // Half way through, a failure leaves the logs as they were.
    expect(outcomes[Math.floor(firstWrite / 2) - 1]).toBe('unchanged');
    // Once it holds the lock, any failure before the write stops it with the logs untouched.
    const locked = clean.methods.indexOf('Lock.tryLock') + 1;
    expect(outcomes.slice(locked - 1)).toEqual(outcomes.slice(locked - 1).map(() => 'unchanged'));
  });

  // checkLogs writes the changed columns one after another (Requests Flags, then Access to scripts
  // Flags, then any Status column); a failure between those writes, or at the flush or lock release
  // after them, must not be reported as "changed nothing".
  it('never says it changed nothing when a failure after its first write left a log changed', () => {
    const firstWrite = clean.methods.findIndex((m) => /\.(set|insert|delete|clear|append)\w*$/.test(m)) + 1;
    const released = clean.methods.indexOf('Lock.releaseLock') + 1;
    for (let k = firstWrite + 1; k <= released; k++) {
      const addOn = restore(workbook);
      const failing = hookedBundle(addOn.env, failAtCall(k));
      const answer = JSON.parse(JSON.stringify(callAsTrigger(addOn.env, failing.bundle, 'runDailyCheck', {})));
      const changed = JSON.stringify(logs(addOn)) !== JSON.stringify(before);
      const saidNothing = !answer.ok && /changed nothing/.test(answer.errors[0].message);
      expect([k, changed && saidNothing]).toEqual([k, false]);
    }
  });
});
