/**
 * Taking a request through the built bundle: it lands in the right log, in
 * alphabetical order, only when it is complete and allowed; otherwise every
 * problem comes back beside its field and nothing is written.
 */
import { LOG_COLUMNS, SHEET } from '../../src/domain/schema';
import { reviewForm, setUpAddOn, sheetRecords, withBundle, type AddOn } from './harness';

function logRows(addOn: AddOn, log: string) {
  return sheetRecords(addOn.env, log);
}

describe('submitRequest()', () => {
  it('logs a paid, consented review of marking in Requests with an ID, the fee and the deadline', () => {
    const addOn = setUpAddOn();
    const result = addOn.run('submitRequest', reviewForm());
    expect(result).toMatchObject({
      ok: true,
      requestId: 'R-2026-0001',
      sheet: 'Requests',
      fee: 48.65,
      deadline: '2026-09-24',
    });
    const [row] = logRows(addOn, SHEET.requests);
    expect(row).toMatchObject({
      'Request ID': 'R-2026-0001',
      'Candidate number': '0042',
      Surname: 'Brown',
      Forename: 'Amy',
      Board: 'AQA',
      Service: 'Review of marking',
      'Requested by': 'Candidate',
      Consent: true,
      Fee: 48.65,
      Paid: 'yes',
      Status: 'Received',
    });
    const sheet = addOn.env.spreadsheet.getSheetByName(SHEET.requests)!;
    const col = (h: string) => LOG_COLUMNS.findIndex((c) => c.header === h) + 1;
    expect(sheet.getRange(2, col('Received')).getDisplayValue()).toBe('20/08/2026');
    expect(sheet.getRange(2, col('Deadline')).getDisplayValue()).toBe('24/09/2026');
    expect(logRows(addOn, SHEET.scripts)).toEqual([]);
  });

  it('sends access to scripts to its own log with S- IDs', () => {
    const addOn = setUpAddOn();
    const result = addOn.run(
      'submitRequest',
      reviewForm({ service: 'ats-copy', consent: true, paid: 'no', originalMark: '', originalGrade: '' }),
    );
    expect(result).toMatchObject({ ok: true, requestId: 'S-2026-0001', sheet: 'Access to scripts', fee: 0 });
    expect(logRows(addOn, SHEET.scripts).map((r) => r['Request ID'])).toEqual(['S-2026-0001']);
    expect(logRows(addOn, SHEET.requests)).toEqual([]);
  });

  it('refuses a review without written consent, says why, and writes nothing', () => {
    const addOn = setUpAddOn();
    const before = JSON.stringify(addOn.env.serialize());
    const result = addOn.run('submitRequest', reviewForm({ consent: false, consentDate: '' }));
    expect(result.ok).toBe(false);
    const consent = result.errors.find((e: { field: string }) => e.field === 'consent');
    expect(consent.message).toMatch(/go down/);
    expect(JSON.stringify(addOn.env.serialize())).toBe(before);
  });

  it('refuses an unpaid review: requests cannot be processed without payment', () => {
    const addOn = setUpAddOn();
    const result = addOn.run('submitRequest', reviewForm({ paid: 'no' }));
    expect(result.ok).toBe(false);
    expect(result.errors.map((e: { field: string }) => e.field)).toContain('paid');
    expect(logRows(addOn, SHEET.requests)).toEqual([]);
  });

  it('accepts a fee waived by the centre and records it', () => {
    const addOn = setUpAddOn();
    expect(addOn.run('submitRequest', reviewForm({ paid: 'waived' })).ok).toBe(true);
    expect(logRows(addOn, SHEET.requests)[0].Paid).toBe('waived');
  });

  it('returns every error at once, each beside its field', () => {
    const addOn = setUpAddOn();
    const result = addOn.run(
      'submitRequest',
      reviewForm({
        candidateNumber: '42',
        surname: '',
        email: 'not-an-email',
        consent: false,
        consentDate: '',
        paid: 'no',
      }),
    );
    expect(result.ok).toBe(false);
    const fields = result.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['candidateNumber', 'surname', 'email', 'consent', 'paid']));
  });

  it('keeps the log alphabetical by surname then forename, accents and case ignored', () => {
    const addOn = setUpAddOn();
    const people = [
      ['Zephaniah', 'Ola', '0001'],
      ['Ó Briain', 'Cara', '0002'],
      ['brown', 'Zoe', '0003'],
      ['Brown', 'Amy', '0004'],
      ['Åberg', 'Lars', '0005'],
      ['Smith-Jones', 'Ben', '0006'],
      ['Smith', 'Ann', '0007'],
    ];
    for (const [surname, forename, candidateNumber] of people) {
      const r = addOn.run('submitRequest', reviewForm({ surname, forename, candidateNumber }));
      expect({ surname, ok: r.ok, errors: r.errors }).toEqual({ surname, ok: true, errors: undefined });
    }
    expect(logRows(addOn, SHEET.requests).map((r) => `${r.Surname}, ${r.Forename}`)).toEqual([
      'Åberg, Lars',
      'Brown, Amy',
      'brown, Zoe',
      'Ó Briain, Cara',
      'Smith, Ann',
      'Smith-Jones, Ben',
      'Zephaniah, Ola',
    ]);
  });

  it('stores what the officer typed as text: zeros kept, formulas and markup inert', () => {
    const addOn = setUpAddOn();
    const hostile = '=HYPERLINK("http://evil.example","click")';
    const r = addOn.run(
      'submitRequest',
      reviewForm({
        surname: hostile,
        forename: '<script>alert(1)</script>',
        notes: '+SUM(A1:A9)',
        candidateNumber: '0007',
      }),
    );
    expect(r.ok).toBe(true);
    const sheet = addOn.env.spreadsheet.getSheetByName(SHEET.requests)!;
    const formulas = sheet.getDataRange().getFormulas();
    expect(formulas.flat().filter((f) => f !== '')).toEqual([]);
    const [row] = logRows(addOn, SHEET.requests);
    expect(row.Surname).toBe(hostile);
    expect(row.Forename).toBe('<script>alert(1)</script>');
    expect(row.Notes).toBe('+SUM(A1:A9)');
    expect(row['Candidate number']).toBe('0007');
  });

  it("preserves the officer's extra columns and finds columns by header after they are reordered", () => {
    const addOn = setUpAddOn();
    addOn.run('submitRequest', reviewForm({ surname: 'Adams', candidateNumber: '0100' }));
    const sheet = addOn.env.spreadsheet.getSheetByName(SHEET.requests)!;
    // The officer adds a column of their own at the front and moves Status next to it.
    sheet.insertColumnBefore(1);
    sheet.getRange(1, 1, 2, 1).setValues([['Filed?'], ['yes']]);
    const statusCol = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].indexOf('Status') + 1;
    const status = sheet.getRange(1, statusCol, 2, 1).getValues();
    sheet.deleteColumn(statusCol);
    sheet.insertColumnAfter(1);
    sheet.getRange(1, 2, 2, 1).setValues(status);

    const r = addOn.run('submitRequest', reviewForm({ surname: 'Young', candidateNumber: '0200' }));
    expect(r.ok).toBe(true);
    const rows = logRows(addOn, SHEET.requests);
    expect(rows.map((x) => [x['Filed?'], x.Surname, x.Status])).toEqual([
      ['yes', 'Adams', 'Received'],
      ['', 'Young', 'Received'],
    ]);
  });

  it('never reuses an ID after the officer deletes the last row', () => {
    const addOn = setUpAddOn();
    addOn.run('submitRequest', reviewForm({ candidateNumber: '0001' }));
    const second = addOn.run('submitRequest', reviewForm({ candidateNumber: '0002', surname: 'Cole' }));
    expect(second.requestId).toBe('R-2026-0002');
    const sheet = addOn.env.spreadsheet.getSheetByName(SHEET.requests)!;
    sheet.deleteRow(3); // Cole files after Brown
    const third = addOn.run('submitRequest', reviewForm({ candidateNumber: '0003', surname: 'Dale' }));
    expect(third.requestId).toBe('R-2026-0003');
  });

  it('lands 20 interleaved submissions from two browsers as 20 rows with 20 distinct IDs', () => {
    const a = setUpAddOn();
    const b = withBundle(a.env);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const who = i % 2 === 0 ? a : b;
      const r = who.run('submitRequest', reviewForm({ candidateNumber: String(1000 + i), surname: `Name${20 - i}` }));
      expect(r.ok).toBe(true);
      ids.push(r.requestId);
    }
    expect(new Set(ids).size).toBe(20);
    const rows = logRows(a, SHEET.requests);
    expect(rows).toHaveLength(20);
    expect(new Set(rows.map((r) => r['Request ID']))).toEqual(new Set(ids));
  });

  it('tells the officer to try again when the lock cannot be had in 10 s, and writes nothing', () => {
    const addOn = setUpAddOn();
    addOn.env.locks.holdDocumentLock();
    const before = JSON.stringify(addOn.env.serialize().spreadsheet);
    const r = addOn.run('submitRequest', reviewForm());
    expect(r.ok).toBe(false);
    expect(r.errors[0]).toMatchObject({ field: 'form' });
    expect(r.errors[0].message).toMatch(/try again/i);
    addOn.env.locks.releaseAll();
    expect(JSON.stringify(addOn.env.serialize().spreadsheet)).toBe(before);
    expect(logRows(addOn, SHEET.requests)).toEqual([]);
  });

  it('refuses a second open request for the same paper and service, naming the first', () => {
    const addOn = setUpAddOn();
    const first = addOn.run('submitRequest', reviewForm());
    const again = addOn.run('submitRequest', reviewForm());
    expect(again.ok).toBe(false);
    expect(JSON.stringify(again.errors)).toContain(first.requestId);
    expect(logRows(addOn, SHEET.requests)).toHaveLength(1);
  });
});

describe('lookupCandidate() and getIntakeOptions()', () => {
  it('fills the form from the Candidates sheet, keeping leading zeros', () => {
    const addOn = setUpAddOn();
    const sheet = addOn.env.spreadsheet.getSheetByName(SHEET.candidates)!;
    sheet.getRange(2, 1, 1, 7).setValues([['0042', 'Brown', 'Amy', 'amy@example.org', '', '13B', '681990012058G']]);
    expect(addOn.run('lookupCandidate', '0042')).toEqual({
      ok: true,
      candidate: {
        candidateNumber: '0042',
        surname: 'Brown',
        forename: 'Amy',
        email: 'amy@example.org',
        uci: '681990012058G',
        tutorGroup: '13B',
      },
    });
    expect(addOn.run('lookupCandidate', '9999')).toEqual({ ok: true, candidate: null });
    expect(addOn.run('lookupCandidate', 'abc').ok).toBe(false);
  });

  it('offers the boards, series and services of the Services sheet with fee and deadline', () => {
    const addOn = setUpAddOn();
    const options = addOn.run('getIntakeOptions');
    expect(options.ok).toBe(true);
    expect(options.today).toBe('2026-08-20');
    expect(options.services).toContainEqual(
      expect.objectContaining({
        board: 'AQA',
        series: 'June 2026',
        service: 'clerical-recheck',
        fee: 8.7,
        deadline: '2026-09-24',
        consent: 'required',
      }),
    );
  });
});
