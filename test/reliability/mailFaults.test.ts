/**
 * Email when things go wrong part way through a batch: MailApp failing at the
 * 37th send, the day's quota running out, a run dying between sending and
 * recording. Whatever happened, the next run (the officer pressing Send again,
 * or the daily trigger) finishes the job and nobody is emailed twice.
 */
import type { SerializedWorkbook } from '../../emulator/gas';
import { callAsTrigger } from '../../emulator/gas';
import { candidateRecords, fillSettings, writeRows } from '../../bench/fixtures';
import { SHEET } from '../../src/domain/schema';
import { setUpAddOn, sheetRecords, type AddOn } from '../integration/harness';
import { hookedBundle, restore } from './helpers';

const CANDIDATES = 60;

/** Set up, Settings filled in, 60 candidates with email addresses; the week before GCSE results day. */
function remindersWorkbook(): SerializedWorkbook {
  const { env } = setUpAddOn({ now: '2026-08-17T07:00:00Z' });
  fillSettings(env);
  writeRows(env, SHEET.candidates, candidateRecords(CANDIDATES));
  return env.serialize();
}

const everyone = candidateRecords(CANDIDATES)
  .map((c) => c.Email)
  .sort();

function recipients(addOn: AddOn): string[] {
  return addOn.env.mail.outbox.map((m) => m.to).sort();
}

function correspondenceStatuses(addOn: AddOn): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of sheetRecords(addOn.env, SHEET.correspondence)) {
    const s = String(r.Status);
    counts[s] = (counts[s] ?? 0) + 1;
  }
  return counts;
}

function remind(addOn: AddOn) {
  return addOn.run('sendResultsDayReminders', { dryRun: false });
}

function dailyTrigger(addOn: AddOn) {
  return JSON.parse(JSON.stringify(callAsTrigger(addOn.env, addOn.bundle, 'runDailyCheck', { triggerUid: '1' })));
}

describe('email when MailApp fails part way through a batch', () => {
  let workbook: SerializedWorkbook;
  beforeAll(() => {
    workbook = remindersWorkbook();
  });

  it('stops at the 37th send, queues the rest, and a second press sends each remaining reminder once', () => {
    const addOn = restore(workbook);
    addOn.env.mail.failOnSend(37);
    const first = remind(addOn);
    expect(first).toMatchObject({ ok: true, sent: 36, queued: 24 });
    expect(first.stoppedBecause).toMatch(/email service failed/);
    expect(correspondenceStatuses(addOn)).toEqual({ sent: 36, queued: 24 });

    const second = remind(addOn);
    expect(second).toMatchObject({ ok: true, sent: 24, skipped: 36, queued: 0 });
    expect(recipients(addOn)).toEqual(everyone);
    expect(correspondenceStatuses(addOn)).toEqual({ sent: 60 });

    // A third press changes nothing.
    expect(remind(addOn)).toMatchObject({ ok: true, sent: 0, skipped: 60 });
    expect(recipients(addOn)).toEqual(everyone);
  });

  it('stops at the 37th send and the next daily run sends the rest, each recipient once', () => {
    const addOn = restore(workbook);
    addOn.env.mail.failOnSend(37);
    remind(addOn);
    addOn.env.clock.advanceDays(1);
    const daily = dailyTrigger(addOn);
    expect(daily.ok).toBe(true);
    const toCandidates = recipients(addOn).filter((to) => everyone.includes(to));
    expect(toCandidates).toEqual(everyone);
    expect(correspondenceStatuses(addOn)).toMatchObject({ sent: 60 });
  });

  it('queues what the day’s quota cannot take and the next day’s run sends it, each recipient once', () => {
    const addOn = restore(workbook, 25);
    const first = remind(addOn);
    expect(first).toMatchObject({ ok: true, sent: 25, queued: 35 });
    expect(first.stoppedBecause).toMatch(/quota/);
    expect(addOn.env.mail.outbox).toHaveLength(25);

    // The quota comes back the next morning; the daily trigger resumes the queue.
    addOn.env.clock.advanceDays(1);
    addOn.env.mail.setQuota(100);
    expect(dailyTrigger(addOn).ok).toBe(true);
    expect(recipients(addOn).filter((to) => everyone.includes(to))).toEqual(everyone);
    expect(correspondenceStatuses(addOn)).toMatchObject({ sent: 60 });
    expect(correspondenceStatuses(addOn).queued).toBeUndefined();
  });

  it('never sends again an email whose run died between sending and recording it, and says so', () => {
    const addOn = restore(workbook);
    let sends = 0;
    let dead = false;
    // The run is killed straight after the 10th message leaves (before "sent" is recorded).
    const dying = hookedBundle(addOn.env, ({ method }) => {
      if (dead) throw new Error('Exceeded maximum execution time');
      if (method === 'MailAppService.sendEmail' && ++sends === 10) dead = true;
    });
    const crashed = dying.run('sendResultsDayReminders', { dryRun: false });
    expect(crashed.ok).toBe(false);
    expect(addOn.env.mail.outbox).toHaveLength(10);
    expect(correspondenceStatuses(addOn)).toEqual({ sent: 9, sending: 1, queued: 50 });

    const again = remind(addOn);
    expect(again).toMatchObject({ ok: true, sent: 50 });
    expect(again.uncertain).toHaveLength(1);
    // Everyone has exactly one reminder, including the one whose record was lost.
    expect(recipients(addOn)).toEqual(everyone);
  });

  it('a run killed inside a chunk at Apps Script speed: nobody gets two, the one in flight is named to the officer, never resent', () => {
    const addOn = restore(workbook);
    const env = addOn.env;
    let sends = 0;
    let dead = false;
    // 50 ms a round trip, 500 ms a send: chunks of about ten. The run dies straight after the
    // 15th message leaves, part way through its second chunk, before anything more is written.
    const dying = hookedBundle(env, ({ method }) => {
      if (dead) throw new Error('Exceeded maximum execution time');
      env.clock.advanceMs(method === 'MailAppService.sendEmail' ? 500 : 50);
      if (method === 'MailAppService.sendEmail' && ++sends === 15) dead = true;
    });
    expect(dying.run('sendResultsDayReminders', { dryRun: false }).ok).toBe(false);
    expect(env.mail.outbox).toHaveLength(15);
    // Exactly what a per-message run would leave: 14 on file as sent, the 15th in flight, the rest waiting.
    expect(correspondenceStatuses(addOn)).toEqual({ sent: 14, sending: 1, queued: 45 });
    const inFlight = sheetRecords(env, SHEET.correspondence).find((r) => r.Status === 'sending');

    // The next morning's run sends the 45 still waiting and tells the officer about the one in flight.
    env.clock.advanceDays(1);
    const daily = dailyTrigger(addOn);
    expect(daily.ok).toBe(true);
    const toCandidates = recipients(addOn).filter((to) => everyone.includes(to));
    expect(toCandidates).toEqual(everyone);
    expect(correspondenceStatuses(addOn)).toEqual({ sent: 59, sending: 1 });
    // The queue is resumed after the digest, so the officer reads about it in the next morning's digest.
    env.clock.advanceDays(1);
    expect(dailyTrigger(addOn).ok).toBe(true);
    const toOfficer = env.mail.outbox
      .filter((m) => !everyone.includes(m.to))
      .map((m) => m.body)
      .join('\n');
    expect(toOfficer).toContain(
      `email for ${String(inFlight?.['Request ID'])} to ${String(inFlight?.To)} may or may not have gone`,
    );
    expect(recipients(addOn).filter((to) => everyone.includes(to))).toEqual(everyone);
  });
});
