/**
 * Only the officer's own records send mail (issue 21), through the built
 * bundle: a queued row sends only if the add-on queued it, unchanged; one
 * message reaches one address; no header carries a line break; and every
 * sheet the mailer reads is protected like the logs.
 */
import { SHEET } from '../../src/domain/schema';
import type { GasEnvironment } from '../../emulator/gas';
import { reviewForm, sheetValues, withBundle } from './harness';
import { OFFICER, SCHOOL_SETTINGS, addCandidates, asTrigger, correspondence, school, setSettings } from './mailHelpers';

const LOG_EDITOR = 'deputy@hillside.example.org';
const HOSTILE = 'supply.teacher@hillside.example.org';

const THREE = [
  { number: '0042', surname: 'Brown', forename: 'Amy', email: 'amy.brown@example.org', tutorGroup: '13B' },
  {
    number: '0044',
    surname: 'Pupil',
    forename: 'Sam',
    email: 'sam@example.org, parent@example.org',
    tutorGroup: '13B',
  },
  { number: '2058', surname: 'Patel', forename: 'Ravi', email: 'ravi.patel@example.org', tutorGroup: '11C' },
];

/** A row added to Correspondence by hand, with every cell the add-on would have written. */
function plantQueuedRow(env: GasEnvironment, row: Record<string, string>): number {
  const sheet = env.spreadsheet.getSheetByName(SHEET.correspondence)!;
  const headers = sheetValues(env, SHEET.correspondence)[0].map(String);
  const at = Math.max(sheet.getLastRow(), 1) + 1;
  if (sheet.getMaxRows() < at) sheet.insertRowsAfter(sheet.getMaxRows(), 1);
  const range = sheet.getRange(at, 1, 1, headers.length);
  range.setNumberFormat('@');
  range.setValues([headers.map((h) => row[h] ?? '')]);
  return at;
}

const PHISHING = {
  'Request ID': 'R-2026-0001',
  To: 'amy.brown@example.org',
  Template: 'Script ready (candidate)',
  Subject: 'Your script is ready',
  Body: 'Log in to see it',
  Status: 'queued',
  'Queued values': JSON.stringify({
    forename: 'Amy',
    subject: 'Chemistry',
    scriptLink: 'https://login.hillside-academy.example.com/steal',
  }),
  Seal: 'bm90IGEgcmVhbCBzZWFs',
};

function setCell(env: GasEnvironment, row: number, header: string, value: string): void {
  const sheet = env.spreadsheet.getSheetByName(SHEET.correspondence)!;
  const headers = sheetValues(env, SHEET.correspondence)[0].map(String);
  sheet.getRange(row, headers.indexOf(header) + 1).setValue(value);
}

describe('mail only from rows the add-on wrote', () => {
  it('never sends a queued row planted by hand: it is marked, and the officer is told', () => {
    const addOn = school();
    const row = plantQueuedRow(addOn.env, PHISHING);
    const answer = addOn.run('sendQueuedEmails');
    expect(answer).toMatchObject({ ok: true, sent: 0, queued: 0 });
    expect(answer.failed).toEqual([
      {
        to: 'amy.brown@example.org',
        reason: expect.stringMatching(/^Not sent: this queued row was not written by the add-on/),
      },
    ]);
    expect(addOn.env.mail.outbox).toHaveLength(0);
    const [planted] = correspondence(addOn.env);
    expect(planted.Status).toMatch(/^failed: Not sent: this queued row was not written by the add-on/);
    expect(planted['Queued values']).toBe('');
    // Marked, so no later run meets it again.
    expect(withBundle(addOn.env).run('sendQueuedEmails')).toMatchObject({ sent: 0, failed: [] });
    expect(row).toBe(2);
  });

  it('the daily run refuses it too, and the next digest names the row', () => {
    const addOn = school();
    plantQueuedRow(addOn.env, PHISHING);
    asTrigger(addOn, () => addOn.run('runDailyCheck'));
    expect(addOn.env.mail.outbox).toEqual([]);
    addOn.env.clock.advanceDays(1);
    asTrigger(addOn, () => addOn.run('runDailyCheck'));
    const digests = addOn.env.mail.outbox.filter((m) => m.to === OFFICER);
    expect(digests).toHaveLength(1);
    expect(digests[0].body).toContain(
      'The email for R-2026-0001 to amy.brown@example.org was not sent: Not sent: this queued row was not written by the add-on',
    );
    expect(addOn.env.mail.outbox.some((m) => m.body.includes('steal'))).toBe(false);
  });

  it('never sends a row the add-on queued once its recipient or values were changed; the untouched one still goes', () => {
    const addOn = school({ mailQuota: 0 });
    addCandidates(addOn.env, [THREE[0], THREE[2]]);
    expect(addOn.run('sendResultsDayReminders', { dryRun: false })).toMatchObject({ sent: 0, queued: 2 });
    setCell(addOn.env, 2, 'To', 'someone.else@example.net');
    addOn.env.mail.setQuota(100);
    const answer = addOn.run('sendQueuedEmails');
    expect(answer).toMatchObject({ sent: 1 });
    expect(answer.failed).toEqual([
      { to: 'someone.else@example.net', reason: expect.stringMatching(/^Not sent: this queued row was not written/) },
    ]);
    expect(addOn.env.mail.outbox.map((m) => m.to)).toEqual(['ravi.patel@example.org']);

    const again = school({ mailQuota: 0 });
    addCandidates(again.env, [THREE[0]]);
    again.run('sendResultsDayReminders', { dryRun: false });
    const values = String(correspondence(again.env)[0]['Queued values']).replace(
      'Amy',
      'Amy, log in at https://evil.example',
    );
    setCell(again.env, 2, 'Queued values', values);
    again.env.mail.setQuota(100);
    expect(again.run('sendQueuedEmails')).toMatchObject({ sent: 0, failed: [expect.anything()] });
    expect(again.env.mail.outbox).toHaveLength(0);
  });

  it('sends what the officer queued from her own runs, and seals it with a key no sheet holds', () => {
    const addOn = school({ mailQuota: 1 });
    addCandidates(addOn.env, [THREE[0], THREE[2]]);
    expect(addOn.run('sendResultsDayReminders', { dryRun: false })).toMatchObject({ sent: 1, queued: 1 });
    addOn.env.mail.setQuota(100);
    expect(asTrigger(addOn, () => addOn.run('sendQueuedEmails'))).toMatchObject({ sent: 1, failed: [] });
    const seals = correspondence(addOn.env).map((r) => String(r.Seal));
    expect(seals.every((s) => /^[A-Za-z0-9+/]{43}=$/.test(s))).toBe(true);
    const key = [...addOn.env.properties.user.values()].find((v) => v.length >= 32)!;
    expect(key).toBeDefined();
    expect(JSON.stringify(addOn.env.serialize().spreadsheet).includes(key)).toBe(false);
    expect(JSON.stringify(Object.fromEntries(addOn.env.properties.document))).not.toContain(key);
    expect(JSON.stringify(Object.fromEntries(addOn.env.properties.script))).not.toContain(key);
  });

  it("a row another user queued is sealed with that user's key: the officer's run refuses it rather than trust it", () => {
    const addOn = school({ mailQuota: 0 });
    setSettings(addOn.env, { 'Log editors': LOG_EDITOR });
    addOn.run('setUp');
    addCandidates(addOn.env, [THREE[0]]);
    addOn.env.setActiveUser(LOG_EDITOR);
    expect(addOn.run('sendResultsDayReminders', { dryRun: false })).toMatchObject({ ok: true, queued: 1 });
    addOn.env.setActiveUser('officer@example.org');
    addOn.env.mail.setQuota(100);
    const answer = addOn.run('sendQueuedEmails');
    expect(answer).toMatchObject({ sent: 0, failed: [{ to: 'amy.brown@example.org' }] });
    expect(addOn.env.mail.outbox).toHaveLength(0);
  });

  it('an editor who is not the officer or a Log editor cannot add a row to Correspondence, Templates, Settings or Candidates', () => {
    const addOn = school();
    addOn.env.setActiveUser(HOSTILE);
    for (const name of [SHEET.correspondence, SHEET.templates, SHEET.settings, SHEET.candidates, SHEET.services]) {
      const sheet = addOn.env.spreadsheet.getSheetByName(name)!;
      expect(() => sheet.getRange(sheet.getMaxRows(), 1).setValue('queued')).toThrow(/protected/);
    }
  });

  it('Set up sheets puts the protection of Correspondence back when someone removed it', () => {
    const addOn = school();
    const sheet = addOn.env.spreadsheet.getSheetByName(SHEET.correspondence)!;
    sheet.getProtections('SHEET' as never)[0].remove();
    const result = addOn.run('setUp');
    expect(result.repaired).toContain('Correspondence: protection');
    addOn.env.setActiveUser(HOSTILE);
    expect(() => sheet.getRange(2, 1).setValue('x')).toThrow(/protected/);
  });
});

describe('one recipient, checked where mail leaves', () => {
  it('refuses a cell with two addresses, says which candidate and row, and reminds everyone else', () => {
    const addOn = school();
    addCandidates(addOn.env, THREE);
    const preview = addOn.run('sendResultsDayReminders', { dryRun: true });
    expect(preview.preview.count).toBe(2);
    expect(preview.leftOut).toContain(
      'Not sent: the email cell for Pupil, Sam holds two addresses; one message goes to one address only. Put one address in Candidates row 3 and send it again.',
    );

    const answer = addOn.run('sendResultsDayReminders', { dryRun: false });
    expect(answer).toMatchObject({ ok: true, sent: 2, queued: 0 });
    expect(answer.failed).toEqual([
      {
        to: 'sam@example.org, parent@example.org',
        reason:
          'Not sent: the email cell for Pupil, Sam holds two addresses; one message goes to one address only. Put one address in Candidates row 3 and send it again.',
      },
    ]);
    expect(addOn.env.mail.outbox.map((m) => m.to)).toEqual(['amy.brown@example.org', 'ravi.patel@example.org']);
    const sam = correspondence(addOn.env).find((r) => r['Request ID'] === 'REMINDER-2026-0044')!;
    expect(sam).toMatchObject({
      To: 'sam@example.org, parent@example.org',
      Template: 'Results-day reminder',
      Status:
        'failed: Not sent: the email cell for Pupil, Sam holds two addresses; one message goes to one address only. Put one address in Candidates row 3 and send it again.',
      'Queued values': '',
    });

    // Run again: still refused, still one row on file for Sam.
    const again = addOn.run('sendResultsDayReminders', { dryRun: false });
    expect(again).toMatchObject({ sent: 0, skipped: 2, failed: [expect.objectContaining({ to: sam.To })] });
    expect(correspondence(addOn.env).filter((r) => r['Request ID'] === 'REMINDER-2026-0044')).toHaveLength(1);
    expect(addOn.env.mail.outbox).toHaveLength(2);

    // Once the officer fixes the cell, Sam's family gets theirs.
    addCandidates(addOn.env, [THREE[0], { ...THREE[1], email: 'parent@example.org' }, THREE[2]]);
    expect(addOn.run('sendResultsDayReminders', { dryRun: false })).toMatchObject({ sent: 1, failed: [] });
    expect(addOn.env.mail.outbox.map((m) => m.to)).toContain('parent@example.org');
  });

  it('refuses two addresses in a queued row whichever path wrote it, and sends the rest of the queue', () => {
    const addOn = school({ mailQuota: 0 });
    addCandidates(addOn.env, [THREE[0], THREE[2]]);
    addOn.run('sendResultsDayReminders', { dryRun: false });
    plantQueuedRow(addOn.env, { ...PHISHING, To: 'a@example.org; b@example.org' });
    addOn.env.mail.setQuota(100);
    const answer = addOn.run('sendQueuedEmails');
    expect(answer.sent).toBe(2);
    expect(answer.failed).toEqual([{ to: 'a@example.org; b@example.org', reason: expect.stringMatching(/^Not sent/) }]);
    expect(addOn.env.mail.outbox.every((m) => !m.to.includes(',') && !m.to.includes(';'))).toBe(true);
  });

  it('a line break in an email cell is refused as two addresses, never sent as an extra header', () => {
    const addOn = school();
    addCandidates(addOn.env, [{ ...THREE[0], email: 'amy.brown@example.org\r\nBcc: all-parents@example.org' }]);
    const answer = addOn.run('sendResultsDayReminders', { dryRun: false });
    expect(answer).toMatchObject({ sent: 0, failed: [{ reason: expect.stringMatching(/holds two addresses/) }] });
    expect(addOn.env.mail.outbox).toHaveLength(0);
  });
});

describe('no line break in any header', () => {
  // eslint-disable-next-line no-control-regex -- the point of the test
  const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

  /** Reminders, a request's confirmation and the next morning's digest, with these Settings. */
  function everyKindOfMail(settings: Record<string, string>) {
    const addOn = school();
    setSettings(addOn.env, settings);
    addCandidates(addOn.env, [THREE[0]]);
    // Settings reach the subject line too when a template puts them there.
    const templates = addOn.env.spreadsheet.getSheetByName(SHEET.templates)!;
    const rows = sheetValues(addOn.env, SHEET.templates);
    for (const name of ['Results-day reminder', 'Request received', 'Daily digest']) {
      const at = rows.findIndex((r) => r[0] === name);
      templates.getRange(at + 1, 2).setValue(`{{centreName}} ({{officerName}}): ${String(rows[at][1])}`);
    }
    expect(addOn.run('sendResultsDayReminders', { dryRun: false })).toMatchObject({ ok: true, sent: 1 });
    expect(addOn.run('submitRequest', reviewForm())).toMatchObject({ ok: true, emailed: [THREE[0].email] });
    // A refused row today gives the officer a digest tomorrow.
    plantQueuedRow(addOn.env, PHISHING);
    asTrigger(addOn, () => addOn.run('runDailyCheck'));
    addOn.env.clock.advanceDays(1);
    expect(asTrigger(addOn, () => addOn.run('runDailyCheck'))).toMatchObject({ ok: true, digestSent: true });
    const outbox = addOn.env.mail.outbox;
    expect(outbox.map((m) => m.to)).toEqual([THREE[0].email, THREE[0].email, OFFICER]);
    return outbox;
  }

  it('a CR/LF in every Settings value that reaches a header leaves every header clean', () => {
    const hostile = Object.fromEntries(
      Object.entries(SCHOOL_SETTINGS).map(([k, v]) => [k, `${v}\r\nBcc: everyone@example.org\u2028X-Other: 1`]),
    );
    // An address with a line break inside is not an address: Settings itself refuses it. One around it is trimmed.
    hostile['Exams officer email'] = `\r\n${OFFICER}\r\n`;
    for (const m of everyKindOfMail(hostile)) {
      for (const header of [m.to, m.replyTo, m.name, m.subject]) expect(header).not.toMatch(CONTROL);
      expect(m.name).toBe('Hillside Academy Bcc: everyone@example.org X-Other: 1');
      expect(m.subject).toMatch(/^Hillside Academy Bcc: everyone@example.org X-Other: 1 \(Jo Patel Bcc: /);
      expect(m.replyTo).toBe(OFFICER);
      expect([m.cc, m.bcc]).toEqual(['', '']);
    }
  });
});
