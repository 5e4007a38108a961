/**
 * Hostile text in every answer of an online application: whatever the
 * candidate typed reaches the log as text (the stand-in's stored cell, not
 * a formula), the email and the Applications page as text, never markup.
 */
import { SHEET } from '../../src/domain/schema';
import type { GasEnvironment } from '../../emulator/gas';
import { RESPONSE_HEADERS, response, type ResponseAnswers } from '../fixtures/applications';
import { sheetValues } from './harness';
import { school } from './mailHelpers';

const EXTRA = ['Original grade', 'Priority reason', 'Notes'] as const;
type Answers = ResponseAnswers & Partial<Record<(typeof EXTRA)[number], string>>;
const HEADERS = [...RESPONSE_HEADERS, ...EXTRA];

function addResponses(env: GasEnvironment, answers: Answers[]) {
  const sheet = env.spreadsheet.insertSheet('Form responses 1');
  const rows = [HEADERS as string[], ...answers.map((a) => HEADERS.map((h) => a[h as keyof Answers] ?? ''))];
  HEADERS.forEach((h, i) => {
    if (h !== 'Timestamp') sheet.getRange(1, i + 1, rows.length, 1).setNumberFormat('@');
  });
  sheet.getRange(1, 1, rows.length, HEADERS.length).setValues(rows);
}

const HOSTILE = {
  Surname: '=HYPERLINK("http://x","y")',
  Forename: '<script>alert(1)</script>',
  Qualification: "'GCE A level",
  Subject: '+1',
  Component: '-2',
  'Requested by': '@SUM(A1)',
  Consent: 'I agree <b>x</b>',
  'Who pays': '<b>x</b>',
  'Original grade': "'B",
  Notes: 'first line\r\nsecond line =1+1\rthird',
} satisfies Partial<Answers>;

describe('hostile answers of an online application', () => {
  it('are stored in the log as the text typed, never a formula', () => {
    const addOn = school();
    addResponses(addOn.env, [response(HOSTILE)]);
    const [app] = addOn.run('listApplications').applications;
    expect(app.problems).toEqual([]);
    const approved = addOn.run('approveApplications', [{ row: app.row, key: app.key }]);
    expect(approved.results[0]).toMatchObject({ ok: true, requestId: 'R-2026-0001' });

    const log = addOn.env.spreadsheet.getSheetByName(SHEET.requests)!;
    const [headers, stored] = sheetValues(addOn.env, SHEET.requests);
    const cell = (h: string) => stored[(headers as string[]).indexOf(h)];
    expect(cell('Surname')).toBe(HOSTILE.Surname);
    expect(cell('Forename')).toBe(HOSTILE.Forename);
    expect(cell('Subject')).toBe('+1');
    expect(cell('Component')).toBe('-2');
    expect(cell('Qualification')).toBe(HOSTILE.Qualification);
    expect(String(cell('Notes'))).toContain('second line =1+1');
    // No cell of the new row, nor the response's mark, is a formula in the stand-in's store.
    const formulas = log.getRange(2, 1, 1, headers.length).getFormulas()[0];
    expect(formulas.filter((f) => f !== '')).toEqual([]);
    const responses = addOn.env.spreadsheet.getSheetByName('Form responses 1')!;
    const all = responses.getDataRange().getFormulas().flat();
    expect(all.filter((f) => f !== '')).toEqual([]);
  });

  it('never become markup in the confirmation email or the Applications page', () => {
    const addOn = school();
    addResponses(addOn.env, [response(HOSTILE)]);
    const [app] = addOn.run('listApplications').applications;
    // The page is given the answers as data, exactly as typed; it shows them with textContent (sidebar/dom.ts).
    expect(app).toMatchObject({ candidate: `${HOSTILE.Forename} ${HOSTILE.Surname}`, subject: '+1', component: '-2' });
    addOn.run('approveApplications', [{ row: app.row, key: app.key }]);
    const mail = addOn.env.mail.outbox.find((m) => m.to === 'amy.brown@example.org')!;
    expect(mail).toBeDefined();
    const html = String(mail.htmlBody ?? '');
    for (const markup of ['<script', '<b>x', 'alert(1)</script>']) expect(html).not.toContain(markup);
    // The HTML part shows the name escaped; the plain part is text, which no mail reader renders as markup.
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(mail.body).toContain(`${HOSTILE.Forename} ${HOSTILE.Surname}`);
    addOn.run('showApplicationsSidebar');
    const page = addOn.env.ui.sidebars.at(-1)!;
    expect(page.getContent()).toContain('Applications');
    expect(page.getContent()).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  it('in the answers the rules check (number, email, service) are listed as problems, never taken', () => {
    const addOn = school();
    addResponses(addOn.env, [
      response({
        'Candidate number': '=1+1',
        Email: '<b>x</b>@example.org',
        'Exam board': '@SUM(A1)',
        Service: '=HYPERLINK("http://x","y")',
      }),
    ]);
    const [app] = addOn.run('listApplications').applications;
    expect(app).toMatchObject({ email: '<b>x</b>@example.org', board: '@SUM(A1)' });
    expect(app.problems.map((p: { field: string }) => p.field)).toEqual(
      expect.arrayContaining(['candidateNumber', 'email', 'service']),
    );
    expect(addOn.run('approveApplications', [{ row: app.row, key: app.key }]).results[0].ok).toBe(false);
    expect(sheetValues(addOn.env, SHEET.requests)).toHaveLength(1);
    expect(addOn.env.mail.outbox).toEqual([]);
  });
});
