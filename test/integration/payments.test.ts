/**
 * Payments through the built bundle: a ParentPay-style report matched to the
 * requests approved from online applications; only sure matches are applied.
 */
import { SHEET } from '../../src/domain/schema';
import type { GasEnvironment } from '../../emulator/gas';
import { RESPONSE_HEADERS, response, type ResponseAnswers } from '../fixtures/applications';
import { sheetRecords, type AddOn } from './harness';
import { school } from './mailHelpers';

function approveAll(addOn: AddOn, env: GasEnvironment, answers: ResponseAnswers[]): string[] {
  const sheet = env.spreadsheet.insertSheet('Form responses 1');
  const rows = [[...RESPONSE_HEADERS], ...answers.map((a) => RESPONSE_HEADERS.map((h) => a[h]))];
  RESPONSE_HEADERS.forEach((h, i) => {
    if (h !== 'Timestamp') sheet.getRange(1, i + 1, rows.length, 1).setNumberFormat('@');
  });
  sheet.getRange(1, 1, rows.length, RESPONSE_HEADERS.length).setValues(rows);
  const apps = addOn.run('listApplications').applications;
  const done = addOn.run(
    'approveApplications',
    apps.map((a: { row: number; key: string }) => ({ row: a.row, key: a.key })),
  );
  return done.results.map((r: { requestId: string }) => r.requestId);
}

const BOM = '\uFEFF';

describe('matching a payment report', () => {
  it('reads a CSV with a BOM, CRLF and a quoted comma, and marks the request its reference names paid', () => {
    const addOn = school();
    expect(approveAll(addOn, addOn.env, [response()])).toEqual(['R-2026-0001']);
    const csv =
      BOM +
      'Payer,Pupil,Reference,Amount,Date\r\n' +
      '"Brown, Sarah",Amy Brown,Exam review R-2026-0001,£48.65,21/08/2026\r\n' +
      '"Khan, Imran",Zara Khan,Exam review,30.00,21/08/2026\r\n';
    const preview = addOn.run('previewPayments', csv);
    expect(preview).toMatchObject({ ok: true, applied: 0, unpaid: [] });
    expect(preview.matched).toEqual([
      expect.objectContaining({
        requestId: 'R-2026-0001',
        by: 'request ID',
        payment: expect.objectContaining({ payer: 'Brown, Sarah', pence: 4865 }),
      }),
    ]);
    expect(preview.unmatchedPayments.map((p: { payer: string }) => p.payer)).toEqual(['Khan, Imran']);
    expect(sheetRecords(addOn.env, SHEET.requests)[0].Paid).toBe('no');

    const applied = addOn.run('applyPayments', csv);
    expect(applied).toMatchObject({ ok: true, applied: 1 });
    const [row] = sheetRecords(addOn.env, SHEET.requests);
    expect(row).toMatchObject({ Paid: 'yes', 'Payment reference': 'Exam review R-2026-0001 / Brown, Sarah' });
    expect(row['Paid on']).toBeInstanceOf(Date);
    // A second import of the same report finds nothing left to mark.
    expect(addOn.run('applyPayments', csv)).toMatchObject({ ok: true, applied: 0 });
  });

  it('matches by candidate and amount without an ID, but shows and never applies a payment that could be two requests', () => {
    const addOn = school();
    approveAll(addOn, addOn.env, [
      response(),
      response({ Component: '7405/2', Timestamp: new Date('2026-08-20T08:20:00Z') }),
      response({ 'Candidate number': '0051', Surname: 'Evans', Forename: 'Tom', Email: 'tom@example.org' }),
    ]);
    const csv =
      'Payer,Reference,Amount,Date\n' +
      'Mrs Brown,Amy Brown review,48.65,2026-08-21\n' +
      'Mr Evans,Tom Evans 0051,48.65,2026-08-21\n';
    const preview = addOn.run('previewPayments', csv);
    expect(preview.matched.map((m: { requestId: string; by: string }) => [m.requestId, m.by])).toEqual([
      ['R-2026-0003', 'candidate and amount'],
    ]);
    expect(preview.ambiguous).toHaveLength(1);
    expect(preview.ambiguous[0].requestIds.sort()).toEqual(['R-2026-0001', 'R-2026-0002']);
    addOn.run('applyPayments', csv);
    const paid = sheetRecords(addOn.env, SHEET.requests).map((r) => [r['Request ID'], r.Paid]);
    expect(paid.sort()).toEqual([
      ['R-2026-0001', 'no'],
      ['R-2026-0002', 'no'],
      ['R-2026-0003', 'yes'],
    ]);
  });
});
