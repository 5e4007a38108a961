/**
 * Copies for parents, through the built bundle: off unless the officer turns
 * "Copy emails to parents" on; then each email to a candidate also goes to
 * the Parent email in Candidates as its own message, once, kept on file.
 */
import { SHEET } from '../../src/domain/schema';
import { reviewForm, sheetRecords } from './harness';
import { addCandidates, correspondence, school, sendsPerRecipient, setSettings } from './mailHelpers';

const AMY = 'amy.brown@example.org';
const AMYS_PARENT = 'j.brown@example.net';

const FAMILIES = [
  { number: '0042', surname: 'Brown', forename: 'Amy', email: AMY, parentEmail: AMYS_PARENT },
  { number: '0043', surname: 'Patel', forename: 'Ravi', email: 'ravi.patel@example.org' },
];

function copiesOn() {
  const addOn = school();
  addCandidates(addOn.env, FAMILIES);
  setSettings(addOn.env, { 'Copy emails to parents': 'Yes' });
  return addOn;
}

describe('copies for parents are off by default', () => {
  it('Set up seeds the switch as No, and reminders go to the candidates only', () => {
    const addOn = school();
    addCandidates(addOn.env, FAMILIES);
    const setting = sheetRecords(addOn.env, SHEET.settings).find((r) => r.Setting === 'Copy emails to parents');
    expect(setting?.Value).toBe('No');
    expect(addOn.run('sendResultsDayReminders', { dryRun: false })).toMatchObject({ ok: true, sent: 2 });
    expect(addOn.env.mail.outbox.map((m) => m.to)).toEqual([AMY, 'ravi.patel@example.org']);
  });
});

describe('with "Copy emails to parents" on', () => {
  it('a parent gets their own copy of the results-day reminder, marked as a copy; a candidate with no parent email gets none', () => {
    const addOn = copiesOn();
    const answer = addOn.run('sendResultsDayReminders', { dryRun: false });
    expect(answer).toMatchObject({ ok: true, sent: 3, queued: 0 });
    expect(addOn.env.mail.outbox.map((m) => m.to)).toEqual([AMY, AMYS_PARENT, 'ravi.patel@example.org']);
    const [own, copy] = addOn.env.mail.outbox;
    // One recipient per message: neither address sees the other.
    expect(own.to).toBe(AMY);
    expect(copy.to).toBe(AMYS_PARENT);
    expect(copy.subject).toBe(`Copy: ${own.subject}`);
    expect(copy.body).toMatch(/^This is a copy for the parent or carer of Amy Brown; the same email went to Amy\./);
    expect(copy.body).toContain("Any review or appeal needs Amy's own written consent.");
    expect(copy.body).toContain(own.body.trim().split('\n')[0]);
    expect(own.body).not.toContain('This is a copy');
  });

  it('a second press sends nobody twice, parents included, and every copy is on file', () => {
    const addOn = copiesOn();
    addOn.run('sendResultsDayReminders', { dryRun: false });
    const again = addOn.run('sendResultsDayReminders', { dryRun: false });
    expect(again).toMatchObject({ ok: true, sent: 0, skipped: 3 });
    expect([...sendsPerRecipient(addOn.env).values()]).toEqual([1, 1, 1]);
    const filed = correspondence(addOn.env).filter((r) => r.To === AMYS_PARENT);
    expect(filed).toHaveLength(1);
    expect(filed[0]).toMatchObject({ Template: 'Results-day reminder', Status: 'sent' });
  });

  it('a parent email cell holding two addresses is refused by name of cell; everyone else is reminded', () => {
    const addOn = school();
    addCandidates(addOn.env, [{ ...FAMILIES[0], parentEmail: 'mum@example.net, dad@example.net' }, FAMILIES[1]]);
    setSettings(addOn.env, { 'Copy emails to parents': 'Yes' });
    const answer = addOn.run('sendResultsDayReminders', { dryRun: false });
    expect(answer.sent).toBe(2);
    expect(addOn.env.mail.outbox.map((m) => m.to)).toEqual([AMY, 'ravi.patel@example.org']);
    expect(answer.failed).toHaveLength(1);
    expect(answer.failed[0].reason).toContain('the parent email cell for Brown, Amy');
    expect(answer.failed[0].reason).toContain('Candidates row 2');
  });

  it('the confirmation of a new request is copied to the parent named in Candidates', () => {
    const addOn = copiesOn();
    const saved = addOn.run('submitRequest', reviewForm());
    expect(saved.ok).toBe(true);
    expect(addOn.env.mail.outbox.map((m) => [m.to, m.subject.startsWith('Copy: ')])).toEqual([
      [AMY, false],
      [AMYS_PARENT, true],
    ]);
    expect(saved.emailed).toEqual([AMY, AMYS_PARENT]);
  });

  it('a script a teacher asked for goes to the teacher, and no parent is copied', () => {
    const addOn = copiesOn();
    const saved = addOn.run(
      'submitRequest',
      reviewForm({
        service: 'ats-copy',
        requestedBy: 'teacher',
        teacherEmail: 'mr.ali@hillside.example.org',
        paid: 'no',
        originalMark: '',
        originalGrade: '',
      }),
    );
    expect(saved.ok).toBe(true);
    expect(addOn.env.mail.outbox.map((m) => m.to)).toEqual(['mr.ali@hillside.example.org']);
  });

  it('an outcome is copied to the parent: the grade went up, both are told, once', () => {
    const addOn = copiesOn();
    const id = addOn.run('submitRequest', reviewForm()).requestId;
    addOn.env.mail.clear();
    addOn.env.clock.set('2026-08-24T08:00:00Z');
    addOn.run('recordSubmission', id, { submittedOn: '2026-08-24', boardReference: 'AQA-1' });
    addOn.run('recordAcknowledgement', id, { acknowledgedOn: '2026-08-25' });
    addOn.env.clock.set('2026-09-03T08:00:00Z');
    const outcome = addOn.run('recordOutcome', id, { receivedOn: '2026-09-03', newMark: '67', newGrade: 'A' });
    expect(outcome).toMatchObject({ ok: true, kind: 'grade-raised', emailed: [AMY, AMYS_PARENT] });
    const copy = addOn.env.mail.outbox.find((m) => m.to === AMYS_PARENT)!;
    expect(copy.subject).toMatch(/^Copy: /);
    expect(copy.body).toContain('This is a copy for the parent or carer of Amy Brown');
  });

  it('an unreadable switch is reported and taken as No', () => {
    const addOn = school();
    addCandidates(addOn.env, FAMILIES);
    setSettings(addOn.env, { 'Copy emails to parents': 'sometimes' });
    addOn.run('sendResultsDayReminders', { dryRun: false });
    expect(addOn.env.mail.outbox.map((m) => m.to)).toEqual([AMY, 'ravi.patel@example.org']);
  });
});
