/**
 * Online applications through the built bundle: a response of the linked
 * form becomes a request only through the sidebar's rules, at most once,
 * and its answers stay text.
 */
import { SHEET } from '../../src/domain/schema';
import type { GasEnvironment } from '../../emulator/gas';
import { RESPONSE_HEADERS, response, type ResponseAnswers } from '../fixtures/applications';
import { sheetRecords, sheetValues, withBundle } from './harness';
import { school } from './mailHelpers';

function addResponses(env: GasEnvironment, answers: ResponseAnswers[], headers: readonly string[] = RESPONSE_HEADERS) {
  const sheet = env.spreadsheet.insertSheet('Form responses 1');
  const rows = [headers as string[], ...answers.map((a) => headers.map((h) => a[h as keyof ResponseAnswers]))];
  // Forms stores each answer as the text the candidate typed: plain-text cells, the timestamp a date.
  headers.forEach((h, i) => {
    if (h !== 'Timestamp') sheet.getRange(1, i + 1, rows.length, 1).setNumberFormat('@');
  });
  sheet.getRange(1, 1, rows.length, headers.length).setValues(rows);
  return sheet;
}

describe('online applications', () => {
  it('lists a clean response as ready, approves it into Requests with online consent, emails the candidate and marks the response', () => {
    const addOn = school();
    addResponses(addOn.env, [response()]);
    const list = addOn.run('listApplications');
    expect(list.ok).toBe(true);
    expect(list.applications).toHaveLength(1);
    const [app] = list.applications;
    expect(app).toMatchObject({ row: 2, candidate: 'Amy Brown', received: '2026-08-20', fee: 48.65, problems: [] });

    const approved = addOn.run('approveApplications', [{ row: app.row, key: app.key }]);
    expect(approved.results).toEqual([
      expect.objectContaining({ ok: true, requestId: 'R-2026-0001', emailed: ['amy.brown@example.org'] }),
    ]);
    const [row] = sheetRecords(addOn.env, SHEET.requests);
    expect(row).toMatchObject({
      'Request ID': 'R-2026-0001',
      Service: 'Review of marking',
      Consent: true,
      'Consent source': 'online form',
      Paid: 'no',
    });
    expect(sheetRecords(addOn.env, 'Form responses 1')[0]['Taken as']).toBe('R-2026-0001');
    expect(addOn.run('listApplications').applications).toEqual([]);
  });

  it('takes a response approved twice, or by two officers at once, only once', () => {
    const addOn = school();
    addResponses(addOn.env, [response()]);
    const [app] = addOn.run('listApplications').applications;
    const other = withBundle(addOn.env);
    const first = addOn.run('approveApplications', [
      { row: app.row, key: app.key },
      { row: app.row, key: app.key },
    ]);
    const second = other.run('approveApplications', [{ row: app.row, key: app.key }]);
    expect(first.results.map((r: { ok: boolean }) => r.ok)).toEqual([true, false]);
    expect(second.results[0].ok).toBe(false);
    expect(second.results[0].errors[0].message).toContain('Already taken: R-2026-0001');
    expect(sheetRecords(addOn.env, SHEET.requests)).toHaveLength(1);
    expect(addOn.env.mail.outbox.filter((m) => m.to === 'amy.brown@example.org')).toHaveLength(1);
  });

  it('reads a responses sheet whose columns the officer reordered', () => {
    const addOn = school();
    addResponses(addOn.env, [response()], [...RESPONSE_HEADERS].reverse());
    const [app] = addOn.run('listApplications').applications;
    expect(app).toMatchObject({ candidateNumber: '0042', candidate: 'Amy Brown', problems: [] });
    expect(addOn.run('approveApplications', [{ row: 2, key: app.key }]).results[0].ok).toBe(true);
    expect(sheetRecords(addOn.env, SHEET.requests)[0]).toMatchObject({ Subject: 'Chemistry', Component: '7405/1' });
  });

  it('shows why a response without consent cannot be approved, and rejects it with the reason emailed', () => {
    const addOn = school();
    addResponses(addOn.env, [response({ Consent: '' })]);
    const [app] = addOn.run('listApplications').applications;
    expect(app.problems.map((p: { field: string }) => p.field)).toContain('consent');
    expect(addOn.run('approveApplications', [{ row: 2, key: app.key }]).results[0].ok).toBe(false);
    expect(sheetRecords(addOn.env, SHEET.requests)).toEqual([]);
    const rejected = addOn.run('rejectApplication', { row: 2, key: app.key }, 'We need your consent: tick I agree.');
    expect(rejected).toMatchObject({ ok: true, emailed: ['amy.brown@example.org'] });
    const mail = addOn.env.mail.outbox.find((m) => m.to === 'amy.brown@example.org')!;
    expect(mail.body).toContain('We need your consent: tick I agree.');
    expect(sheetRecords(addOn.env, 'Form responses 1')[0]['Taken as']).toBe(
      'rejected: We need your consent: tick I agree.',
    );
    expect(addOn.run('rejectApplication', { row: 2, key: app.key }, 'again').ok).toBe(false);
  });

  it('keeps hostile text in every answer as text in the log, never a formula or markup', () => {
    const addOn = school();
    const hostile = '=HYPERLINK("http://evil.example","x")';
    addResponses(addOn.env, [
      response({
        Surname: hostile,
        Forename: '<img src=x onerror=alert(1)>',
        Subject: '+SUM(A1:A9)',
        Component: '@cmd',
        Qualification: '-2+3 GCE A level',
      }),
    ]);
    const [app] = addOn.run('listApplications').applications;
    const approved = addOn.run('approveApplications', [{ row: 2, key: app.key }]);
    expect(approved.results[0]).toMatchObject({ ok: true });
    const log = addOn.env.spreadsheet.getSheetByName(SHEET.requests)!;
    const [headers, values] = sheetValues(addOn.env, SHEET.requests);
    expect(values[headers.indexOf('Surname')]).toBe(hostile);
    expect(values[headers.indexOf('Forename')]).toBe('<img src=x onerror=alert(1)>');
    expect(log.getRange(2, headers.indexOf('Surname') + 1).getFormula()).toBe('');
    expect(log.getRange(2, headers.indexOf('Subject') + 1).getFormula()).toBe('');
    const mail = addOn.env.mail.outbox.find((m) => m.to === 'amy.brown@example.org')!;
    expect(mail.htmlBody ?? '').not.toContain('<img src=x');
  });
});

describe('subject access and online applications', () => {
  it("includes the candidate's form responses, and the rejection sent to the address she gave there", () => {
    const addOn = school();
    addResponses(addOn.env, [
      response(),
      response({ 'Candidate number': '0043', Surname: 'Brown', Forename: 'Ben', Email: 'ben@example.org' }),
      response({ Subject: 'Physics', Component: '7408/1', Email: 'amy.b@example.net', Consent: '' }),
    ]);
    const [amy] = addOn.run('listApplications').applications;
    addOn.run('approveApplications', [{ row: amy.row, key: amy.key }]);
    const physics = addOn.run('listApplications').applications.find((a: { row: number }) => a.row === 4);
    expect(addOn.run('rejectApplication', { row: 4, key: physics.key }, 'No consent given.').ok).toBe(true);

    const exported = addOn.run('subjectAccessExport', '0042');
    expect(exported.ok).toBe(true);
    expect(exported.formResponses).toHaveLength(2);
    expect(exported.formResponses.map((r: Record<string, unknown>) => [r.Sheet, r.Subject, r['Taken as']])).toEqual([
      ['Form responses 1', 'Chemistry', 'R-2026-0001'],
      ['Form responses 1', 'Physics', 'rejected: No consent given.'],
    ]);
    expect(exported.formResponses[0].Consent).toBe('I agree');
    const sentTo = exported.correspondence.map((m: Record<string, unknown>) => m.To);
    expect(sentTo).toEqual(expect.arrayContaining(['amy.brown@example.org', 'amy.b@example.net']));
    expect(JSON.stringify(exported)).not.toContain('ben@example.org');
    expect(addOn.run('subjectAccessExport', '0043').formResponses).toHaveLength(1);
  });

  it('answers no form responses when no form is linked', () => {
    const addOn = school();
    expect(addOn.run('subjectAccessExport', '0042')).toMatchObject({ ok: true, formResponses: [] });
  });
});

describe('the daily digest and online applications', () => {
  function digestRun(addOn: ReturnType<typeof school>) {
    addOn.env.ui.available = false;
    try {
      return addOn.run('runDailyCheck');
    } finally {
      addOn.env.ui.available = true;
    }
  }
  const digests = (addOn: ReturnType<typeof school>) =>
    addOn.env.mail.outbox.filter((m) => m.subject.startsWith('Post-results: what needs doing'));

  it('says how many responses wait, neither taken nor rejected, even on a day with nothing flagged', () => {
    const addOn = school();
    addResponses(addOn.env, [
      response(),
      response({ Subject: 'Physics', Component: '7408/1' }),
      response({ Subject: 'Biology', Component: '7402/1', Consent: '' }),
      response({ Subject: 'History', Component: '7042/1' }),
    ]);
    const apps = addOn.run('listApplications').applications;
    addOn.run('approveApplications', [{ row: apps[0].row, key: apps[0].key }]);
    addOn.run('rejectApplication', { row: apps[2].row, key: apps[2].key }, 'No consent given.');

    expect(digestRun(addOn)).toMatchObject({ ok: true, digest: 'sent' });
    const [digest] = digests(addOn);
    expect(digest.body).toContain('Online applications to approve or reject (2)');
    expect(digest.body).toContain('2 online applications wait');
  });

  it('reads no responses sheet, at no Spreadsheet call, until the Applications page has found one', () => {
    const bare = school();
    bare.env.calls.reset();
    expect(digestRun(bare)).toMatchObject({ ok: true, digest: 'nothing-flagged' });
    const without = bare.env.calls.byMethod();

    const linked = school();
    addResponses(linked.env, [response()]);
    linked.env.calls.reset();
    expect(digestRun(linked)).toMatchObject({ ok: true, digest: 'nothing-flagged' });
    const spreadsheetCalls = (calls: Record<string, number>) =>
      Object.fromEntries(Object.entries(calls).filter(([m]) => m.startsWith('Spreadsheet.')));
    expect(spreadsheetCalls(linked.env.calls.byMethod())).toEqual(spreadsheetCalls(without));

    linked.run('listApplications');
    linked.env.clock.advanceMs(24 * 3600_000);
    linked.env.calls.reset();
    expect(digestRun(linked)).toMatchObject({ ok: true, digest: 'sent' });
    expect(linked.env.calls.total('Spreadsheet')).toBeGreaterThan(
      Object.values(spreadsheetCalls(without)).reduce((a, b) => a + b, 0),
    );
    expect(digests(linked)[0].body).toContain('1 online application waits');
  });
});
