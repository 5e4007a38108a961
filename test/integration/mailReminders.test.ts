/**
 * Results-day reminders through the built bundle: a dry run first, then one
 * email per candidate, each at most once however often the run is repeated,
 * crashes or runs out of quota, with a copy of each in Correspondence.
 */
import { SHEET } from '../../src/domain/schema';
import type { MailAppService } from '../../emulator/gas';
import { hookedBundle } from '../reliability/helpers';
import { reviewForm, withBundle } from './harness';
import {
  OFFICER,
  addCandidates,
  asTrigger,
  correspondence,
  manyCandidates,
  patch,
  school,
  sendsPerRecipient,
} from './mailHelpers';

const THREE = [
  { number: '0042', surname: 'Brown', forename: 'Amy', email: 'amy.brown@example.org', tutorGroup: '13B' },
  { number: '0043', surname: 'Ng', forename: 'Li', email: '', tutorGroup: '13B' },
  { number: '2058', surname: 'Patel', forename: 'Ravi', email: 'ravi.patel@example.org', tutorGroup: '11C' },
];

describe('the menu item', () => {
  it('opens the Reminders sidebar, which builds its content with textContent only', () => {
    const { env, bundle } = school();
    bundle.menuSendReminders();
    expect(env.ui.sidebars).toHaveLength(1);
    const page = env.ui.sidebars[0];
    expect(page.getTitle()).toBe('Results-day reminders');
    expect(page.getContent()).toContain('<h1>Results-day reminders</h1>');
    expect(page.getContent()).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML/);
  });
});

describe('the dry run', () => {
  it('shows the first three emails and the count, and sends and writes nothing', () => {
    const addOn = school();
    addCandidates(addOn.env, manyCandidates(5));
    const before = JSON.stringify(addOn.env.serialize());
    const answer = addOn.run('sendResultsDayReminders', { dryRun: true });
    expect(answer).toMatchObject({ ok: true, dryRun: true, candidates: 5, sent: 0, queued: 0, withoutEmail: 0 });
    expect(answer.preview.count).toBe(5);
    expect(answer.preview.emails.map((e: { to: string }) => e.to)).toEqual([
      'c1001@students.example.org',
      'c1002@students.example.org',
      'c1003@students.example.org',
    ]);
    const [first] = answer.preview.emails;
    expect(first.subject).toBe('Your results: re-checks, reviews and copies of your exam papers');
    expect(first.body).toMatch(/^Dear Amy,/);
    expect(first.body).toContain('AQA, June 2026\n- Clerical re-check: £8.70; apply by Thursday 24 September 2026');
    expect(first.body).toContain('- On results day: Mr Okafor (Deputy Head), in the library until 1pm');
    expect(addOn.env.mail.outbox).toHaveLength(0);
    expect(JSON.stringify(addOn.env.serialize())).toBe(before);
  });

  it('is what happens when dryRun is not said to be false', () => {
    const addOn = school();
    addCandidates(addOn.env, THREE);
    expect(addOn.run('sendResultsDayReminders', {})).toMatchObject({ ok: true, dryRun: true, sent: 0 });
    expect(addOn.env.mail.outbox).toHaveLength(0);
  });

  it('filters by tutor group, and counts the candidates who need a letter', () => {
    const addOn = school();
    addCandidates(addOn.env, THREE);
    const answer = addOn.run('sendResultsDayReminders', { dryRun: true, tutorGroup: '13b' });
    expect(answer).toMatchObject({ ok: true, candidates: 2, withoutEmail: 1, preview: { count: 1 } });
    expect(answer.preview.emails[0].to).toBe('amy.brown@example.org');
  });

  it('filters by qualification when the officer has added that column, and says so when not', () => {
    const addOn = school();
    addCandidates(addOn.env, THREE);
    expect(addOn.run('sendResultsDayReminders', { dryRun: true, qualification: 'GCSE' })).toEqual({
      ok: false,
      errors: [{ field: 'qualification', message: expect.stringMatching(/no Qualification column/) }],
    });
    const other = school();
    addCandidates(
      other.env,
      THREE.map((c, i) => ({ ...c, qualification: i === 2 ? 'GCSE' : 'GCE A level' })),
    );
    const gcse = other.run('sendResultsDayReminders', { dryRun: true, qualification: 'gcse' });
    expect(gcse).toMatchObject({ ok: true, candidates: 1, preview: { count: 1 } });
    expect(other.run('getReminderOptions')).toMatchObject({
      ok: true,
      candidates: 3,
      withoutEmail: 1,
      tutorGroups: ['11C', '13B'],
      qualifications: ['GCE A level', 'GCSE'],
    });
  });

  it('refuses to send anything when the template uses a placeholder the add-on does not know', () => {
    const addOn = school();
    addCandidates(addOn.env, THREE);
    const templates = addOn.env.spreadsheet.getSheetByName(SHEET.templates)!;
    templates.getRange(2, 3).setValue('Dear {{firstName}},\n\n{{servicesTable}}');
    for (const dryRun of [true, false]) {
      const answer = addOn.run('sendResultsDayReminders', { dryRun });
      expect(answer.ok).toBe(false);
      expect(answer.errors[0]).toEqual({
        field: 'template',
        message: expect.stringContaining('uses {{firstName}}, which the add-on does not know'),
      });
    }
    expect(addOn.env.mail.outbox).toHaveLength(0);
    expect(correspondence(addOn.env)).toEqual([]);
  });

  it('refuses when Settings leave a value the reminder needs blank (no "talk to ." on results day)', () => {
    const addOn = school();
    addCandidates(addOn.env, THREE);
    const settings = addOn.env.spreadsheet.getSheetByName(SHEET.settings)!;
    const row =
      settings
        .getDataRange()
        .getValues()
        .findIndex((r) => r[0] === 'SLT contact on results day') + 1;
    settings.getRange(row, 2).setValue('');
    const answer = addOn.run('sendResultsDayReminders', { dryRun: false });
    expect(answer).toEqual({
      ok: false,
      errors: [{ field: 'template', message: expect.stringContaining('{{sltContact}}') }],
    });
    expect(addOn.env.mail.outbox).toHaveLength(0);
  });

  it('leaves out, by row and address, a candidate whose forename is blank; the rest still go', () => {
    const addOn = school();
    addCandidates(addOn.env, [...THREE, { number: '0050', surname: 'Khan', forename: '', email: 'k@example.org' }]);
    const answer = addOn.run('sendResultsDayReminders', { dryRun: false });
    expect(answer).toMatchObject({ ok: true, sent: 2 });
    expect(answer.leftOut).toEqual([
      'Candidates row 5 (k@example.org): {{forename}} is empty, so this candidate gets no reminder.',
    ]);
    expect(addOn.env.mail.outbox.map((m) => m.to)).toEqual(['amy.brown@example.org', 'ravi.patel@example.org']);
  });
});

describe('sending', () => {
  it('sends one email per recipient, from the centre, replies to the officer, HTML and plain text', () => {
    const addOn = school();
    addCandidates(addOn.env, THREE);
    const answer = addOn.run('sendResultsDayReminders', { dryRun: false });
    expect(answer).toMatchObject({
      ok: true,
      dryRun: false,
      sent: 2,
      queued: 0,
      skipped: 0,
      failed: [],
      uncertain: [],
    });
    const [amy] = addOn.env.mail.outbox;
    expect(amy).toMatchObject({
      to: 'amy.brown@example.org',
      cc: '',
      bcc: '',
      replyTo: OFFICER,
      name: 'Hillside Academy',
      subject: 'Your results: re-checks, reviews and copies of your exam papers',
    });
    expect(amy.body).toMatch(/^Dear Amy,\n\n/);
    expect(amy.htmlBody).toContain('<p><strong>AQA, June 2026</strong></p>\n<ul><li>Clerical re-check: £8.70;');
  });

  it('keeps a copy of each in Correspondence: when, key, recipient, template, subject, body, sent', () => {
    const addOn = school();
    addCandidates(addOn.env, THREE);
    addOn.run('sendResultsDayReminders', { dryRun: false });
    const rows = correspondence(addOn.env);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      'Request ID': 'REMINDER-2026-0042',
      To: 'amy.brown@example.org',
      Template: 'Results-day reminder',
      Subject: 'Your results: re-checks, reviews and copies of your exam papers',
      Body: addOn.env.mail.outbox[0].body,
      Status: 'sent',
      'Queued values': '',
    });
    expect(rows[0].Sent).toBeInstanceOf(Date);
    expect((rows[0].Sent as Date).toISOString()).toBe('2026-08-20T09:00:00.000Z');
  });

  it('a second run sends nobody a second copy', () => {
    const addOn = school();
    addCandidates(addOn.env, THREE);
    addOn.run('sendResultsDayReminders', { dryRun: false });
    const again = addOn.run('sendResultsDayReminders', { dryRun: false });
    expect(again).toMatchObject({ ok: true, sent: 0, queued: 0, skipped: 2 });
    const preview = addOn.run('sendResultsDayReminders', { dryRun: true });
    expect(preview).toMatchObject({ skipped: 2, preview: { count: 0, emails: [] } });
    expect(addOn.env.mail.outbox).toHaveLength(2);
    expect(correspondence(addOn.env)).toHaveLength(2);
  });

  it('reports an invalid address and sends the rest', () => {
    const addOn = school();
    addCandidates(addOn.env, [
      ...THREE,
      { number: '0051', surname: 'Jones', forename: 'Tom', email: 'tom.jones@', tutorGroup: '13B' },
      { number: '0052', surname: 'Khan', forename: 'Ada', email: 'ada.khan@example.org', tutorGroup: '13B' },
    ]);
    const answer = addOn.run('sendResultsDayReminders', { dryRun: false });
    expect(answer).toMatchObject({ ok: true, sent: 3, queued: 0 });
    expect(answer.failed).toEqual([{ to: 'tom.jones@', reason: 'Invalid email: tom.jones@' }]);
    expect(addOn.env.mail.outbox.map((m) => m.to)).toEqual([
      'amy.brown@example.org',
      'ravi.patel@example.org',
      'ada.khan@example.org',
    ]);
    const tom = correspondence(addOn.env).find((r) => r.To === 'tom.jones@');
    expect(tom).toMatchObject({ Status: 'failed: Invalid email: tom.jones@', 'Queued values': '' });
  });

  it('keeps the lock for one short chunk at a time, never for the batch, so a Save gets in between', () => {
    const addOn = school({ mailQuota: 1000 });
    addCandidates(addOn.env, manyCandidates(120));
    const env = addOn.env;
    const other = withBundle(env);
    let answered: { ok: boolean } | null = null;
    // At Apps Script speed (50 ms a round trip, 500 ms a send), time how long each hold of the lock lasts.
    let heldSince: number | null = null;
    const holds: number[] = [];
    const timed = hookedBundle(env, ({ method }) => {
      if (method === 'Lock.releaseLock' && heldSince !== null) {
        holds.push(env.clock.now().getTime() - heldSince);
        heldSince = null;
      }
      // The officer's Save arrives part way through the batch, while the sender is between chunks.
      if (method === 'LockServiceImpl.getDocumentLock' && env.mail.outbox.length >= 4 && answered === null) {
        answered = other.run('submitRequest', reviewForm());
      }
      env.clock.advanceMs(method === 'MailAppService.sendEmail' ? 500 : 50);
      if (method === 'Lock.tryLock') heldSince = env.clock.now().getTime();
    });
    expect(timed.run('sendResultsDayReminders', { dryRun: false })).toMatchObject({ ok: true, sent: 120 });
    expect(answered).toMatchObject({ ok: true, requestId: 'R-2026-0001' });
    // The lock was let go again and again during the batch, and no hold came near the 10 s a Save waits.
    expect(holds.length).toBeGreaterThan(8);
    // (src/sheets/lock.ts: a Save waits up to 10 s for the lock.)
    expect(Math.max(...holds)).toBeLessThan(7_500);
  });
});

describe('quota and queue: 250 candidates, 100 emails a day', () => {
  it('sends 100 and queues 150; the next two daily runs finish the queue with no duplicate', () => {
    const addOn = school({ mailQuota: 100 });
    addCandidates(addOn.env, manyCandidates(250));

    const first = addOn.run('sendResultsDayReminders', { dryRun: false });
    expect(first).toMatchObject({ ok: true, sent: 100, queued: 150, failed: [], uncertain: [] });
    expect(first.stoppedBecause).toMatch(/quota is used up/);
    const statuses = () => correspondence(addOn.env).map((r) => r.Status);
    expect(statuses().filter((s) => s === 'sent')).toHaveLength(100);
    expect(statuses().filter((s) => s === 'queued')).toHaveLength(150);

    // Next morning: a new day's quota, and the daily trigger resumes the queue.
    addOn.env.clock.advanceDays(1);
    addOn.env.mail.setQuota(100);
    const second = asTrigger(addOn, () => addOn.run('sendQueuedEmails'));
    expect(second).toMatchObject({ ok: true, sent: 100, queued: 50, failed: [], uncertain: [] });

    addOn.env.clock.advanceDays(1);
    addOn.env.mail.setQuota(100);
    const third = asTrigger(addOn, () => addOn.run('sendQueuedEmails'));
    expect(third).toMatchObject({ ok: true, sent: 50, queued: 0 });

    const perRecipient = sendsPerRecipient(addOn.env);
    expect(perRecipient.size).toBe(250);
    expect([...perRecipient.values()].every((n) => n === 1)).toBe(true);
    expect(statuses()).toEqual(Array(250).fill('sent'));
    // A queued email is the one the preview showed: same subject and body, filled in for its candidate.
    const last = addOn.env.mail.outbox[249];
    expect(last.to).toBe('c1250@students.example.org');
    expect(last.body).toMatch(/^Dear Chloé,/);
    expect(last.body).toContain('- Review of marking (other levels): £48.65; apply by Thursday 24 September 2026');

    // A fourth run, and a repeat of the whole thing, send nothing.
    addOn.env.mail.setQuota(100);
    expect(addOn.run('sendQueuedEmails')).toMatchObject({ sent: 0, queued: 0 });
    expect(addOn.run('sendResultsDayReminders', { dryRun: false })).toMatchObject({ sent: 0, skipped: 250 });
    expect(addOn.env.mail.outbox).toHaveLength(250);
  });
});

describe('service calls', () => {
  it('putting a batch on file costs the same for 10 candidates as for 250 (one read, one write)', () => {
    const callsFor = (n: number) => {
      const addOn = school({ mailQuota: 0 });
      addCandidates(addOn.env, manyCandidates(n));
      addOn.env.calls.reset();
      expect(addOn.run('sendResultsDayReminders', { dryRun: false })).toMatchObject({ sent: 0, queued: n });
      return Object.fromEntries(
        Object.entries(addOn.env.calls.byMethod()).filter(([m]) => /^(Spreadsheet|Mail|Lock)\./.test(m)),
      );
    };
    expect(callsFor(250)).toEqual(callsFor(10));
  });
});

describe('a run that stops part way', () => {
  it('when the mail service fails on the 38th send, the re-run sends the remaining ones only', () => {
    const addOn = school({ mailQuota: 1000 });
    addCandidates(addOn.env, manyCandidates(250));
    addOn.env.mail.failOnSend(38);
    const first = addOn.run('sendResultsDayReminders', { dryRun: false });
    expect(first).toMatchObject({ ok: true, sent: 37, queued: 213 });
    expect(first.stoppedBecause).toMatch(/email service failed \(Service unavailable: Email\)/);

    const again = addOn.run('sendResultsDayReminders', { dryRun: false });
    expect(again).toMatchObject({ ok: true, sent: 213, skipped: 37, queued: 0 });
    const perRecipient = sendsPerRecipient(addOn.env);
    expect(perRecipient.size).toBe(250);
    expect([...perRecipient.values()].every((n) => n === 1)).toBe(true);
  });

  it('a run killed between the 38th send and its record: 37 sent, one uncertain, never resent; the re-run sends the rest', () => {
    const addOn = school({ mailQuota: 1000 });
    addCandidates(addOn.env, manyCandidates(250));
    const env = addOn.env;
    let dead = false;
    // The 38th email goes, then Apps Script kills the run before it can write anything.
    const dying = hookedBundle(env, ({ method }) => {
      if (dead) throw new Error('Exceeded maximum execution time');
      if (method === 'MailAppService.sendEmail' && env.mail.outbox.length === 37) dead = true;
    });
    const crashed = dying.run('sendResultsDayReminders', { dryRun: false });
    expect(crashed.ok).toBe(false);
    expect(env.mail.outbox).toHaveLength(38);

    const statuses = correspondence(env).map((r) => r.Status);
    expect(statuses.slice(0, 37)).toEqual(Array(37).fill('sent'));
    expect(statuses[37]).toBe('sending');
    expect(statuses.slice(38)).toEqual(Array(212).fill('queued'));

    // The next run (a new execution) reports the uncertain one and sends the rest.
    const rerun = withBundle(env).run('sendResultsDayReminders', { dryRun: false });
    expect(rerun).toMatchObject({ ok: true, sent: 212, skipped: 37, queued: 0 });
    expect(rerun.uncertain).toEqual([{ to: 'c1038@students.example.org' }]);
    const perRecipient = sendsPerRecipient(env);
    expect(perRecipient.size).toBe(250);
    expect([...perRecipient.values()].every((n) => n === 1)).toBe(true);

    // The daily run keeps reporting it until the officer decides; it never sends it.
    const daily = asTrigger(addOn, () => addOn.run('sendQueuedEmails'));
    expect(daily).toMatchObject({
      sent: 0,
      uncertain: [{ to: 'c1038@students.example.org', template: 'Results-day reminder' }],
    });

    // The officer finds it was not sent and sets it back to queued: the next run sends it, once.
    const sheet = env.spreadsheet.getSheetByName(SHEET.correspondence)!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    sheet.getRange(39, headers.indexOf('Status') + 1).setValue('queued');
    env.mail.clear();
    expect(addOn.run('sendQueuedEmails')).toMatchObject({ sent: 1, uncertain: [] });
    expect(env.mail.outbox.map((m) => m.to)).toEqual(['c1038@students.example.org']);
  });

  it('stops itself when its time budget is spent, with every send so far recorded', () => {
    const addOn = school({ mailQuota: 1000 });
    addCandidates(addOn.env, manyCandidates(250));
    // Each send takes 4 seconds of the run's time.
    const unpatch = patch(addOn.env.globals.MailApp as MailAppService, 'sendEmail', (send, ...args) => {
      addOn.env.clock.advanceMs(4000);
      return send(...args);
    });
    const first = addOn.run('sendResultsDayReminders', { dryRun: false });
    // 4½ minutes at 4 s a send: 68 sends start before the budget is spent.
    expect(first).toMatchObject({ ok: true, sent: 68, queued: 182 });
    expect(first.stoppedBecause).toMatch(/used its time/);
    expect(correspondence(addOn.env).filter((r) => r.Status === 'sent')).toHaveLength(68);
    unpatch();
    expect(addOn.run('sendQueuedEmails')).toMatchObject({ sent: 182, queued: 0 });
    expect(sendsPerRecipient(addOn.env).size).toBe(250);
    expect(addOn.env.mail.outbox).toHaveLength(250);
  });

  it('a row marked "sending" before the run is reported as uncertain and not sent', () => {
    const addOn = school();
    addCandidates(addOn.env, THREE);
    const sheet = addOn.env.spreadsheet.getSheetByName(SHEET.correspondence)!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    const row = headers.map(
      (h) =>
        ({
          'Request ID': 'REMINDER-2026-0042',
          To: 'amy.brown@example.org',
          Template: 'Results-day reminder',
          Status: 'sending',
        })[h] ?? '',
    );
    sheet.getRange(2, 1, 1, row.length).setValues([row]);
    const answer = addOn.run('sendResultsDayReminders', { dryRun: false });
    expect(answer).toMatchObject({ ok: true, sent: 1, uncertain: [{ to: 'amy.brown@example.org' }] });
    expect(addOn.env.mail.outbox.map((m) => m.to)).toEqual(['ravi.patel@example.org']);
  });
});

describe('an email longer than a cell holds (50,000 characters)', () => {
  it('goes whole; its copy on file is cut to fit, and says so', () => {
    const addOn = school();
    addCandidates(addOn.env, [THREE[0]]);
    const templates = addOn.env.spreadsheet.getSheetByName(SHEET.templates)!;
    templates.getRange(2, 3).setValue(['Dear {{forename}},', ...Array(60).fill('{{servicesTable}}')].join('\n\n'));
    expect(addOn.run('sendResultsDayReminders', { dryRun: false })).toMatchObject({ ok: true, sent: 1 });
    const [email] = addOn.env.mail.outbox;
    expect(email.body.length).toBeGreaterThan(60_000);
    const [row] = correspondence(addOn.env);
    expect(row.Status).toBe('sent');
    const body = String(row.Body);
    expect(body.length).toBeLessThanOrEqual(50_000);
    expect(email.body.startsWith(body.slice(0, 40_000))).toBe(true);
    expect(body).toMatch(
      new RegExp(`\\[Cut here to fit one cell: the email itself had all ${email.body.length} characters\\.\\]$`),
    );
  });

  it('cannot wait in the queue when its values alone pass the limit: the next run says so, sends nothing', () => {
    const addOn = school({ mailQuota: 0 });
    addCandidates(addOn.env, [THREE[0]]);
    // A Services sheet of 200 boards makes a services table of over 60,000 characters.
    const services = addOn.env.spreadsheet.getSheetByName(SHEET.services)!;
    const rows = Array.from({ length: 200 }, (_, b) =>
      ['clerical-recheck', 'review-of-marking', 'priority-review-of-marking', 'ats-copy', 'ats-original'].map(
        (service) => [
          `Board number ${b + 1} with a long name for this test`,
          'June 2026',
          service,
          '',
          48.65,
          '24/09/2026',
          20,
          'check before season',
        ],
      ),
    ).flat();
    services.insertRowsAfter(services.getMaxRows(), rows.length);
    services.getRange(52, 1, rows.length, 8).setValues(rows);
    const first = addOn.run('sendResultsDayReminders', { dryRun: false });
    expect(first).toMatchObject({ ok: true, sent: 0, queued: 1 });
    const [row] = correspondence(addOn.env);
    expect({ status: row.Status, values: row['Queued values'] }).toEqual({ status: 'queued', values: '' });
    addOn.env.mail.setQuota(100);
    const next = addOn.run('sendQueuedEmails');
    expect(next).toMatchObject({ ok: true, sent: 0, queued: 0 });
    expect(next.failed).toEqual([
      { to: 'amy.brown@example.org', reason: expect.stringMatching(/^It was too long to keep in the queue/) },
    ]);
    expect(addOn.env.mail.outbox).toHaveLength(0);
  });
});

describe('hostile values from the Candidates sheet', () => {
  it('arrive inert in the email and stay text in Correspondence', () => {
    const addOn = school();
    addCandidates(addOn.env, [
      { number: '0042', surname: 'Brown', forename: '<script>alert(1)</script>', email: 'a@example.org' },
      { number: '0043', surname: 'Ng', forename: '=HYPERLINK("http://evil.example","x")', email: 'b@example.org' },
      { number: '0044', surname: 'Khan', forename: '{{officerEmail}}', email: 'c@example.org' },
    ]);
    expect(addOn.run('sendResultsDayReminders', { dryRun: false })).toMatchObject({ ok: true, sent: 3 });
    const [a, b, c] = addOn.env.mail.outbox;
    expect(a.htmlBody).not.toContain('<script>');
    expect(a.htmlBody).toContain('Dear &#60;script&#62;alert(1)&#60;/script&#62;,');
    expect(b.body).toMatch(/^Dear =HYPERLINK\("http:\/\/evil.example","x"\),/);
    expect(c.body).toMatch(/^Dear \{ \{officerEmail\} \},/);
    for (const m of [a, b, c]) expect(`${m.subject}${m.body}${m.htmlBody}`).not.toContain('{{');
    const sheet = addOn.env.spreadsheet.getSheetByName(SHEET.correspondence)!;
    const formulas = sheet
      .getDataRange()
      .getFormulas()
      .flat()
      .filter((f) => f !== '');
    expect(formulas).toEqual([]);
  });
});
