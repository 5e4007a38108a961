/**
 * Lists for the MIS, the boards and finance, through the built bundle. The
 * logs are filled by hand (as an officer's log would be) and every expected
 * list is worked out here from those rows, independently of the add-on.
 */
import { readCsv } from '../../src/domain/csv';
import { SHEET } from '../../src/domain/schema';
import { setUpAddOn, sheetRecords, type AddOn } from './harness';
import { logRow, outcomeRow, putRows } from './dataInOutHelpers';

type Row = Record<string, unknown>;

/** A season in both logs: reviews in every state, two boards, an access-to-scripts request. */
function season(): { requests: Row[]; scripts: Row[] } {
  const requests: Row[] = [
    outcomeRow('2026-09-10', 'A', { 'Request ID': 'R-2026-0001' }),
    outcomeRow('2026-09-11', 'C', {
      'Request ID': 'R-2026-0002',
      'Candidate number': '0043',
      Surname: 'Cole',
      Forename: 'Ben',
      Email: 'ben.cole@example.org',
      Paid: 'waived',
    }),
    outcomeRow('2026-09-12', 'A*', {
      'Request ID': 'R-2026-0003',
      'Candidate number': '0044',
      Surname: 'Dale',
      Forename: 'Cat',
      'Original grade': 'A',
      'MIS updated': '2026-09-14',
      'Refund issued': '2026-09-14',
    }),
    outcomeRow('2026-09-12', 'B', { 'Request ID': 'R-2026-0004', Surname: 'Adams', 'Candidate number': '0045' }),
    outcomeRow('2026-09-13', '7', {
      'Request ID': 'R-2026-0005',
      'Candidate number': '0046',
      Surname: 'Evans',
      Forename: 'Dan',
      Board: 'OCR',
      Qualification: 'GCSE',
      Subject: 'Mathematics',
      Component: 'J560/04',
      'Original grade': '6',
      Fee: 42,
      'Requested by': 'teacher',
      'Teacher email': 't.jones@school.example',
    }),
    logRow({ 'Request ID': 'R-2026-0006', Surname: 'Fox', 'Candidate number': '0047', Deadline: '2026-09-24' }),
    logRow({
      'Request ID': 'R-2026-0007',
      Surname: 'Grey',
      'Candidate number': '0048',
      Service: 'priority-review-of-marking',
      Deadline: '2026-08-20',
    }),
    logRow({ 'Request ID': 'R-2026-0008', Surname: 'Hill', 'Candidate number': '0049', Status: 'Withdrawn' }),
    logRow({
      'Request ID': 'R-2026-0009',
      Surname: 'Ince',
      'Candidate number': '0050',
      Board: 'OCR',
      Component: 'H446/01',
    }),
    outcomeRow('2026-09-10', 'A', { 'Request ID': 'R-2026-0010', Surname: 'Jones', Status: 'Withdrawn' }),
  ];
  const scripts: Row[] = [
    logRow({
      'Request ID': 'S-2026-0001',
      Surname: 'Kerr',
      'Candidate number': '0051',
      Service: 'ats-copy',
      Fee: 0,
      Paid: 'no',
      'Original grade': '',
    }),
  ];
  return { requests, scripts };
}

function seasonAddOn(): AddOn {
  const addOn = setUpAddOn();
  addOn.env.clock.set('2026-09-20T09:00:00Z');
  const { requests, scripts } = season();
  putRows(addOn, SHEET.requests, requests);
  putRows(addOn, SHEET.scripts, scripts);
  return addOn;
}

/** What the officer sees in a cell of the Requests log. */
function shown(addOn: AddOn, requestId: string, header: string): string {
  const sheet = addOn.env.spreadsheet.getSheetByName(SHEET.requests)!;
  const values = sheet.getDataRange().getValues();
  const row = values.findIndex((r) => r[values[0].indexOf('Request ID')] === requestId);
  return sheet.getRange(row + 1, values[0].indexOf(header) + 1).getDisplayValue();
}

/** The officer's own reading of the rules, row by row. */
const changed = (r: Row) =>
  r['Outcome received'] !== undefined && r['New grade'] !== r['Original grade'] && r.Status !== 'Withdrawn';
const ids = (rows: Row[]) => rows.map((r) => r['Request ID']);

describe('misUpdateList()', () => {
  it('lists every grade change not yet marked MIS updated, with the columns the MIS needs', () => {
    const addOn = seasonAddOn();
    const { requests } = season();
    const expected = requests.filter((r) => changed(r) && r['MIS updated'] === undefined);
    const list = addOn.run('misUpdateList');
    expect(list.ok).toBe(true);
    expect([...list.rows.map((r: Row) => r['Request ID'])].sort()).toEqual(ids(expected).sort());
    expect(list.rows.find((r: Row) => r['Request ID'] === 'R-2026-0001')).toEqual({
      'Candidate number': '0042',
      UCI: '',
      Surname: 'Brown',
      Forename: 'Amy',
      Board: 'AQA',
      Qualification: 'GCE A level',
      Subject: 'Chemistry',
      Component: '7405/1',
      'Original mark': '61',
      'New mark': '66',
      'Original grade': 'B',
      'New grade': 'A',
      'Request ID': 'R-2026-0001',
    });
    const csv = readCsv(list.csv);
    expect(csv.ok && csv.records.length).toBe(expected.length + 1);
    expect(csv.ok && csv.records[0].cells[0]).toBe('Candidate number');
  });

  it('takes the UCI from Candidates when the request did not record one', () => {
    const addOn = seasonAddOn();
    putRows(addOn, SHEET.candidates, [
      { 'Candidate number': '0042', Surname: 'Brown', Forename: 'Amy', UCI: '681990012058G' },
    ]);
    const list = addOn.run('misUpdateList');
    expect(list.rows.find((r: Row) => r['Request ID'] === 'R-2026-0001').UCI).toBe('681990012058G');
  });

  it('marking the list as done records today as MIS updated on each request, and empties the list', () => {
    const addOn = seasonAddOn();
    const listed = addOn.run('misUpdateList').rows.map((r: Row) => r['Request ID']);
    const done = addOn.run('markMisUpdated', listed);
    expect(done).toEqual({ ok: true, updated: listed.length, alreadyMarked: 0 });
    expect(addOn.run('misUpdateList').rows).toEqual([]);
    for (const id of listed) expect(shown(addOn, id, 'MIS updated')).toBe('20/09/2026');
    // Dale's earlier MIS date is untouched, and so is everyone else's blank.
    expect(shown(addOn, 'R-2026-0003', 'MIS updated')).toBe('14/09/2026');
    expect(shown(addOn, 'R-2026-0006', 'MIS updated')).toBe('');
    // A second mark changes nothing.
    expect(addOn.run('markMisUpdated', listed)).toEqual({ ok: true, updated: 0, alreadyMarked: listed.length });
  });

  it('refuses unknown IDs and requests without a grade change, marking nothing', () => {
    const addOn = seasonAddOn();
    const before = JSON.stringify(addOn.env.serialize().spreadsheet);
    expect(addOn.run('markMisUpdated', ['R-2026-0001', 'R-2026-0999']).errors[0].message).toMatch(/R-2026-0999/);
    expect(addOn.run('markMisUpdated', ['R-2026-0006']).errors[0].message).toMatch(/no grade change/);
    expect(addOn.run('markMisUpdated', 'R-2026-0001').ok).toBe(false);
    expect(addOn.run('markMisUpdated', ['=1+1']).ok).toBe(false);
    expect(JSON.stringify(addOn.env.serialize().spreadsheet)).toBe(before);
  });

  it('adds the list as a new sheet tab on request, candidate numbers kept as text', () => {
    const addOn = seasonAddOn();
    const list = addOn.run('misUpdateList', { toSheet: true });
    expect(list.sheet).toBe('MIS update list 2026-09-20');
    const rows = sheetRecords(addOn.env, list.sheet);
    expect(rows.map((r) => r['Request ID'])).toEqual(list.rows.map((r: Row) => r['Request ID']));
    expect(rows[0]['Candidate number']).toBe(list.rows[0]['Candidate number']);
    expect(typeof rows[0]['Candidate number']).toBe('string');
    // Asked twice the same day: a second tab, never an overwrite.
    expect(addOn.run('misUpdateList', { toSheet: true }).sheet).toBe('MIS update list 2026-09-20 (2)');
  });
});

describe('boardSubmissionList(board)', () => {
  it("lists each board's requests not yet submitted, nearest deadline first", () => {
    const addOn = seasonAddOn();
    const { requests, scripts } = season();
    for (const board of ['AQA', 'OCR']) {
      const expected = [...requests, ...scripts].filter(
        (r) =>
          r.Board === board &&
          r['Submitted to board'] === undefined &&
          r.Status !== 'Withdrawn' &&
          r.Status !== 'Closed',
      );
      const list = addOn.run('boardSubmissionList', board);
      expect({ board, ids: [...list.rows.map((r: Row) => r['Request ID'])].sort() }).toEqual({
        board,
        ids: ids(expected).sort(),
      });
    }
    const aqa = addOn.run('boardSubmissionList', 'aqa');
    expect(aqa.rows[0]).toMatchObject({
      'Request ID': 'R-2026-0007',
      Service: 'Priority review of marking',
      'Consent date': '2026-08-20',
      Deadline: '2026-08-20',
    });
    expect(addOn.run('boardSubmissionList', '').ok).toBe(false);
  });
});

describe('refundList()', () => {
  it('lists every refund due with amount and payer, and the total; a waived fee is never refunded', () => {
    const addOn = seasonAddOn();
    const { requests } = season();
    const expected = requests.filter(
      (r) => changed(r) && Number(r.Fee) > 0 && r.Paid === 'yes' && r['Refund issued'] === undefined,
    );
    const list = addOn.run('refundList');
    expect([...list.rows.map((r: Row) => r['Request ID'])].sort()).toEqual(ids(expected).sort());
    expect(list.total).toBeCloseTo(
      expected.reduce((s, r) => s + Number(r.Fee), 0),
      2,
    );
    const evans = list.rows.find((r: Row) => r['Request ID'] === 'R-2026-0005');
    expect(evans).toMatchObject({ 'Paid by': 'Teacher', 'Payer email': 't.jones@school.example', Amount: 42 });
    expect(list.rows.map((r: Row) => r['Request ID'])).not.toContain('R-2026-0002');
  });
});

describe('the lists as the logs grow', () => {
  it('make the same Spreadsheet calls for 10 requests as for 600', () => {
    const callsFor = (n: number, work: (a: AddOn) => unknown) => {
      const addOn = setUpAddOn();
      addOn.env.clock.set('2026-09-20T09:00:00Z');
      putRows(
        addOn,
        SHEET.requests,
        Array.from({ length: n }, (_, i) =>
          outcomeRow('2026-09-10', i % 2 ? 'A' : 'B', {
            'Request ID': `R-2026-${String(i + 1).padStart(4, '0')}`,
            'Candidate number': String(1000 + i),
            Surname: `Name${i}`,
          }),
        ),
      );
      addOn.env.calls.reset();
      expect(work(addOn)).toMatchObject({ ok: true });
      return Object.fromEntries(
        Object.entries(addOn.env.calls.byMethod()).filter(([m]) => m.startsWith('Spreadsheet.')),
      );
    };
    for (const work of [
      (a: AddOn) => a.run('misUpdateList', { toSheet: true }),
      (a: AddOn) => a.run('boardSubmissionList', 'AQA'),
      (a: AddOn) => a.run('refundList'),
      (a: AddOn) =>
        a.run(
          'markMisUpdated',
          a.run('misUpdateList').rows.map((r: Row) => r['Request ID']),
        ),
    ]) {
      expect(callsFor(600, work)).toEqual(callsFor(10, work));
    }
  });
});
