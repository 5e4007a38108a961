/**
 * The email that confirms a new request, sent after the request is saved:
 * to the candidate (or to the teacher who asked for a script), with the
 * wording of its service, at most once, and never at the cost of the save.
 */
import type { Sheet } from '../../emulator/gas';
import { SHEET } from '../../src/domain/schema';
import { reviewForm, setUpAddOn } from './harness';
import { OFFICER, correspondence, school } from './mailHelpers';

const AMY = 'amy.brown@example.org';

describe('submitRequest confirms by email', () => {
  it('sends "Request received" to the candidate and says so', () => {
    const addOn = school();
    const answer = addOn.run('submitRequest', reviewForm());
    expect(answer).toMatchObject({ ok: true, requestId: 'R-2026-0001', emailed: [AMY], warnings: [] });
    expect(addOn.env.mail.outbox).toHaveLength(1);
    const [email] = addOn.env.mail.outbox;
    expect(email).toMatchObject({
      to: AMY,
      replyTo: OFFICER,
      name: 'Hillside Academy',
      subject: 'We have your request R-2026-0001: Review of marking, Chemistry',
    });
    expect(email.body).toContain('- Paper: 7405/1\n- Service: Review of marking\n- Fee: £48.65');
    expect(email.body).not.toContain('0042');
    expect(correspondence(addOn.env)).toEqual([
      expect.objectContaining({
        'Request ID': 'R-2026-0001',
        To: AMY,
        Template: 'Request received',
        Status: 'sent',
      }),
    ]);
  });

  it("sends a teacher's request for a script to the teacher", () => {
    const addOn = school();
    const answer = addOn.run(
      'submitRequest',
      reviewForm({
        service: 'ats-copy',
        requestedBy: 'teacher',
        teacherEmail: 'r.shah@hillside.example.org',
        paid: 'no',
        originalMark: '',
        originalGrade: '',
      }),
    );
    expect(answer).toMatchObject({ ok: true, requestId: 'S-2026-0001', emailed: ['r.shah@hillside.example.org'] });
    expect(addOn.env.mail.outbox.map((m) => [m.to, m.subject])).toEqual([
      ['r.shah@hillside.example.org', 'We have your request S-2026-0001: Copy of script, Chemistry'],
    ]);
  });

  it('uses the missing-result wording for a missing or incomplete result', () => {
    const addOn = school();
    const answer = addOn.run(
      'submitRequest',
      reviewForm({ service: 'mir', indicator: 'X', consent: false, consentDate: '', paid: 'no', component: '' }),
    );
    expect(answer).toMatchObject({ ok: true, emailed: [AMY] });
    expect(addOn.env.mail.outbox[0].subject).toBe('We are asking AQA about your Chemistry result');
    expect(correspondence(addOn.env)[0].Template).toBe('Missing or incomplete result raised');
  });

  it('saves the request and warns, sending nothing, when Settings lack what the email needs', () => {
    const addOn = setUpAddOn();
    const answer = addOn.run('submitRequest', reviewForm());
    expect(answer).toMatchObject({ ok: true, requestId: 'R-2026-0001', emailed: [] });
    expect(answer.warnings).toEqual([
      {
        field: 'email',
        message: expect.stringMatching(
          /^The confirmation email was not sent: .*needs \{\{centreName\}\}, \{\{officerName\}\}, but they are empty/,
        ),
      },
    ]);
    expect(addOn.env.mail.outbox).toHaveLength(0);
  });

  it('saves the request and says it is queued when today’s quota is used up', () => {
    const addOn = school({ mailQuota: 0 });
    const answer = addOn.run('submitRequest', reviewForm());
    expect(answer).toMatchObject({ ok: true, emailed: [] });
    expect(answer.warnings[0].message).toMatch(/^The confirmation email is queued\. Today's email quota is used up/);
    expect(correspondence(addOn.env)[0]).toMatchObject({ Status: 'queued' });
    addOn.env.mail.setQuota(100);
    expect(addOn.run('sendQueuedEmails')).toMatchObject({ ok: true, sent: 1, queued: 0 });
    expect(addOn.env.mail.outbox.map((m) => m.to)).toEqual([AMY]);
  });
});

// Correspondence is read and written by name, its add-on columns A to Seal (src/sheets/correspondenceSheet.ts);
// a sheet the officer rearranged is read whole by its handle instead, and the email still goes once.
describe('the confirmation when the officer has rearranged Correspondence', () => {
  it.each([
    ['a column of her own before Sent', (s: Sheet) => s.insertColumnBefore(1)],
    ['a column of her own between Status and Queued values', (s: Sheet) => s.insertColumnAfter(7)],
  ])('is sent once and on file as sent, with %s', (_name, rearrange) => {
    const addOn = school();
    rearrange(addOn.env.spreadsheet.getSheetByName(SHEET.correspondence)!);
    expect(addOn.run('submitRequest', reviewForm())).toMatchObject({ ok: true });
    expect(addOn.env.mail.outbox.filter((m) => m.to === 'amy.brown@example.org')).toHaveLength(1);
    expect(correspondence(addOn.env)).toMatchObject([
      { To: 'amy.brown@example.org', Status: 'sent', 'Queued values': '' },
    ]);
    expect(addOn.run('submitRequest', reviewForm({ component: '7405/2' }))).toMatchObject({ ok: true });
    expect(correspondence(addOn.env).map((r) => r.Status)).toEqual(['sent', 'sent']);
  });
});
