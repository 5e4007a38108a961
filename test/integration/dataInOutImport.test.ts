/**
 * Importing candidates from the MIS, through the built bundle: a preview
 * writes nothing, a confirm writes once under the lock, a second import of
 * the same file changes nothing, and values stay exactly as the MIS wrote them.
 */
import { SHEET } from '../../src/domain/schema';
import { setUpAddOn, sheetRecords, type AddOn } from './harness';
import { ARBOR_FILE, BROMCOM_FILE, SIMS_FILE, crlf, uci } from './dataInOutHelpers';

function candidates(addOn: AddOn) {
  return sheetRecords(addOn.env, SHEET.candidates);
}

function spreadsheetState(addOn: AddOn): string {
  return JSON.stringify(addOn.env.serialize().spreadsheet);
}

describe('importCandidates()', () => {
  it('previews a SIMS export without writing anything, then imports it on confirm', () => {
    const addOn = setUpAddOn();
    const before = spreadsheetState(addOn);
    const preview = addOn.run('importCandidates', SIMS_FILE, { dryRun: true });
    expect(preview).toMatchObject({
      ok: true,
      dryRun: true,
      added: 3,
      updated: 0,
      unchanged: 0,
      refused: [],
      unmatched: ['Adno'],
    });
    expect(spreadsheetState(addOn)).toBe(before);
    expect(candidates(addOn)).toEqual([]);

    const done = addOn.run('importCandidates', SIMS_FILE, { dryRun: false });
    expect(done).toMatchObject({ ok: true, dryRun: false, added: 3, updated: 0, unchanged: 0 });
    expect(candidates(addOn)).toEqual([
      {
        'Candidate number': '0042',
        Surname: 'Brown',
        Forename: 'Amy',
        Email: 'amy.brown@example.org',
        'Parent email': 'parent.brown@example.org',
        'Tutor group': '13B',
        UCI: uci('0042'),
      },
      {
        'Candidate number': '1001',
        Surname: "O'Neill",
        Forename: 'Seán',
        Email: 'sean.oneill@example.org',
        'Parent email': '',
        'Tutor group': '13C',
        UCI: uci('1001'),
      },
      {
        'Candidate number': '0007',
        Surname: '=HYPERLINK("http://evil.example")',
        Forename: 'Zoe',
        Email: 'zoe@example.org',
        'Parent email': '',
        'Tutor group': '13C',
        UCI: '',
      },
    ]);
  });

  it("stores every value as text: '0042' keeps its zeros and a name beginning with = is no formula", () => {
    const addOn = setUpAddOn();
    addOn.run('importCandidates', SIMS_FILE, { dryRun: false });
    const sheet = addOn.env.spreadsheet.getSheetByName(SHEET.candidates)!;
    expect(
      sheet
        .getDataRange()
        .getFormulas()
        .flat()
        .filter((f) => f !== ''),
    ).toEqual([]);
    expect(sheet.getRange(2, 1).getValue()).toBe('0042');
    expect(
      sheet
        .getRange(2, 1, 3, 7)
        .getNumberFormats()
        .flat()
        .every((f) => f === '@'),
    ).toBe(true);
  });

  it('changes nothing when the same file is imported again', () => {
    const addOn = setUpAddOn();
    addOn.run('importCandidates', BROMCOM_FILE, { dryRun: false });
    const before = spreadsheetState(addOn);
    const again = addOn.run('importCandidates', BROMCOM_FILE, { dryRun: false });
    expect(again).toMatchObject({ ok: true, added: 0, updated: 0, unchanged: 3, refused: [] });
    expect(spreadsheetState(addOn)).toBe(before);
  });

  it('reads a Bromcom export with a BOM, CRLF, quoted commas and a quoted line break', () => {
    const addOn = setUpAddOn();
    const r = addOn.run('importCandidates', BROMCOM_FILE, { dryRun: false });
    expect(r).toMatchObject({ ok: true, added: 3, refused: [], unmatched: ['Admission Number', 'Notes'] });
    expect(candidates(addOn).map((c) => [c['Candidate number'], c.Surname, c.Forename, c['Tutor group']])).toEqual([
      ['0042', 'Brown', 'Amy', '13B'],
      ['0044', 'Smith, Jr', 'Cal', '13A'],
      ['0045', 'Dale', 'Di', '13A'],
    ]);
  });

  it("updates candidates from a later Arbor export by candidate number, leaving the officer's columns and other rows alone", () => {
    const addOn = setUpAddOn();
    addOn.run('importCandidates', SIMS_FILE, { dryRun: false });
    const sheet = addOn.env.spreadsheet.getSheetByName(SHEET.candidates)!;
    // The officer's own column, with a formula, and a candidate typed by hand.
    sheet.getRange(1, 8).setValue('Access arrangements');
    sheet.getRange(2, 8, 2, 1).setValues([['25% extra time'], ['=1+1']]);
    sheet.getRange(5, 1, 1, 3).setValues([['0099', 'Hand', 'Typed']]);

    const r = addOn.run('importCandidates', ARBOR_FILE, { dryRun: false });
    // Amy is the same in both systems; Ben Cole is new.
    expect(r).toMatchObject({ ok: true, added: 1, updated: 0, unchanged: 1, unmatched: ['Student', 'Date of Birth'] });
    const rows = candidates(addOn);
    expect(rows.map((c) => [c['Candidate number'], c.Surname])).toEqual([
      ['0042', 'Brown'],
      ['1001', "O'Neill"],
      ['0007', '=HYPERLINK("http://evil.example")'],
      ['0099', 'Hand'],
      ['0043', 'Cole'],
    ]);
    expect(sheet.getRange(2, 8).getValue()).toBe('25% extra time');
    expect(sheet.getRange(3, 8).getFormula()).toBe('=1+1');
    expect(sheet.getRange(6, 8).getValue()).toBe('');

    const changed = addOn.run(
      'importCandidates',
      'Candidate Number,Email,Reg Group\n0042,amy.new@example.org,13B\n1001,,12C\n',
      { dryRun: false },
    );
    expect(changed).toMatchObject({ ok: true, added: 0, updated: 2, unchanged: 0 });
    const after = candidates(addOn);
    expect(after[0]).toMatchObject({ Email: 'amy.new@example.org', 'Tutor group': '13B', Surname: 'Brown' });
    // A blank cell in the file never clears what the sheet holds.
    expect(after[1]).toMatchObject({ Email: 'sean.oneill@example.org', 'Tutor group': '12C' });
    expect(after).toHaveLength(5);
  });

  it('refuses ten bad rows one by one with their line numbers, and writes nothing until confirmed', () => {
    const addOn = setUpAddOn();
    const file = crlf([
      'Candidate Number,Surname,Forename,Email,Parent Email,UCI',
      '0100,Good,One,one@example.org,,', // 2
      '12345,Long,Number,,,', // 3
      'AB12,Letters,Number,,,', // 4
      ',No,Number,,,', // 5
      '0101,Bad,Email,not-an-email,,', // 6
      '0102,Bad,Parent,,parent@,', // 7
      '0103,Short,Uci,,,68199001', // 8
      '"0104","Wrong, Letter",Uci,,,6819900101041', // 9
      '0100,Twice,Same,,,', // 10
      '0105,,Nameless,,,', // 11
      '"0106","Two', // 12
      'Lines",Name,,,', // 13
      '0107,Good,Two,,,', // 14
    ]);
    const before = spreadsheetState(addOn);
    const preview = addOn.run('importCandidates', file, { dryRun: true });
    expect(preview.ok).toBe(true);
    expect(preview.added).toBe(2);
    expect(preview.refused.map((r: { line: number }) => r.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(spreadsheetState(addOn)).toBe(before);
    const done = addOn.run('importCandidates', file, { dryRun: false });
    expect(done.refused).toEqual(preview.refused);
    expect(candidates(addOn).map((c) => c['Candidate number'])).toEqual(['0100', '0107']);
  });

  it('refuses a file with no candidate number column, and anything that is not text, writing nothing', () => {
    const addOn = setUpAddOn();
    const before = spreadsheetState(addOn);
    const r = addOn.run('importCandidates', 'Adno,Surname,Forename\n1234,Brown,Amy\n', { dryRun: false });
    expect(r.ok).toBe(false);
    expect(r.errors[0]).toMatchObject({ field: 'csvText' });
    expect(r.errors[0].message).toMatch(/Adno/);
    expect(addOn.run('importCandidates', 42, { dryRun: true }).ok).toBe(false);
    expect(addOn.run('importCandidates', 'Candidate Number\n0042\n', { dryRun: 'yes' }).ok).toBe(false);
    expect(spreadsheetState(addOn)).toBe(before);
  });

  it('waits for the lock to write, and writes nothing if it cannot have it', () => {
    const addOn = setUpAddOn();
    addOn.env.locks.holdDocumentLock();
    const before = spreadsheetState(addOn);
    // A preview needs no lock.
    expect(addOn.run('importCandidates', SIMS_FILE, { dryRun: true }).ok).toBe(true);
    const r = addOn.run('importCandidates', SIMS_FILE, { dryRun: false });
    expect(r.ok).toBe(false);
    expect(r.errors[0].message).toMatch(/try again/i);
    addOn.env.locks.releaseAll();
    expect(spreadsheetState(addOn)).toBe(before);
  });

  it('imports 2,000 candidates in one call, with the same Spreadsheet calls as 20', () => {
    const file = (n: number) =>
      crlf([
        'Candidate Number,Legal Surname,Forename,Email,Reg Group,UCI',
        ...Array.from({ length: n }, (_, i) => {
          const number = String(1000 + i).padStart(4, '0');
          return `${number},Surname${i},Forename${i},c${i}@example.org,11A,${uci(number)}`;
        }),
      ]);
    const callsFor = (n: number) => {
      const addOn = setUpAddOn();
      const sheet = addOn.env.spreadsheet.getSheetByName(SHEET.candidates)!;
      // Both sheets must grow to take the file (a new sheet has 1,000 rows), so shrink the small one's.
      if (n < sheet.getMaxRows()) sheet.deleteRows(n, sheet.getMaxRows() - n);
      addOn.env.calls.reset();
      const r = addOn.run('importCandidates', file(n), { dryRun: false });
      expect(r).toMatchObject({ ok: true, added: n, refused: [] });
      expect(candidates(addOn)).toHaveLength(n);
      return Object.fromEntries(
        Object.entries(addOn.env.calls.byMethod()).filter(([m]) => m.startsWith('Spreadsheet.')),
      );
    };
    const small = callsFor(20);
    const large = callsFor(2000);
    expect(large).toEqual(small);
  });
});
