/**
 * Personal data through the built bundle: a subject access export holds every
 * row about the candidate and none about anyone else; closing the season
 * removes exactly the personal data older than the retention date, keeps the
 * totals, and deletes nothing without the typed confirmation.
 */
import { SHEET } from '../../src/domain/schema';
import { setUpAddOn, sheetRecords, type AddOn } from './harness';
import { crlf, logRow, outcomeRow, putRows } from './dataInOutHelpers';

type Row = Record<string, unknown>;

function setSetting(addOn: AddOn, key: string, value: string): void {
  const sheet = addOn.env.spreadsheet.getSheetByName(SHEET.settings)!;
  const keys = sheet
    .getRange(1, 1, sheet.getLastRow(), 1)
    .getValues()
    .map((r) => r[0]);
  sheet.getRange(keys.indexOf(key) + 1, 2).setValue(value);
}

const CANDIDATES = crlf([
  'Candidate Number,Surname,Forename,Email,Parent Email,Reg Group',
  '0042,Brown,Amy,amy.brown@example.org,brown.family@example.org,13B',
  '0043,Brown,Ben,ben.brown@example.org,brown.family@example.org,11C',
  '0044,Cole,Cat,cat.cole@example.org,,13A',
  '0045,Dale,Dan,dan.dale@example.org,,13A',
  '0046,Evans,Eve,eve.evans@example.org,,13A',
  '0047,Fox,Fay,fay.fox@example.org,,13A',
  '0048,Grey,Gus,gus.grey@example.org,,13A',
  '0049,Hall,Hal,hal.hall@example.org,,13A',
]);

const person = (n: string, surname: string, forename: string) => ({
  'Candidate number': n,
  Surname: surname,
  Forename: forename,
  Email: `${forename.toLowerCase()}.${surname.toLowerCase()}@example.org`,
});

/** The June 2026 season as the officer left it, looked at in June 2027. */
function season(): { requests: Row[]; scripts: Row[]; mail: Row[] } {
  const requests: Row[] = [
    // Amy: no change, closed in September: old.
    outcomeRow('2026-09-10', 'B', { 'Request ID': 'R-2026-0001', Status: 'Closed' }),
    // Ben, Amy's brother: grade raised, every follow-up done by 20 September: old.
    outcomeRow('2026-09-10', 'A', {
      'Request ID': 'R-2026-0002',
      ...person('0043', 'Brown', 'Ben'),
      'Refund issued': '2026-09-20',
      'MIS updated': '2026-09-20',
      'SoR issued': '2026-09-20',
      Status: 'Closed',
    }),
    // Cat: a review in September, then an appeal decided in December: both recent.
    outcomeRow('2026-09-01', 'B', { 'Request ID': 'R-2026-0003', ...person('0044', 'Cole', 'Cat'), Status: 'Closed' }),
    outcomeRow('2026-12-15', 'B', {
      'Request ID': 'R-2026-0004',
      ...person('0044', 'Cole', 'Cat'),
      Service: 'appeal',
      'Related request': 'R-2026-0003',
      Status: 'Closed',
    }),
    // Dan: grade raised in September, the refund never issued: kept until it is.
    outcomeRow('2026-09-10', 'A', { 'Request ID': 'R-2026-0005', ...person('0045', 'Dale', 'Dan') }),
    // Eve: still waiting for the board.
    logRow({ 'Request ID': 'R-2026-0006', ...person('0046', 'Evans', 'Eve'), Status: 'Submitted' }),
    // Fay: withdrawn in August: old.
    logRow({
      'Request ID': 'R-2026-0007',
      ...person('0047', 'Fox', 'Fay'),
      Status: 'Withdrawn',
      Received: '2026-08-21',
    }),
    // Gus: closed exactly on the retention date: not older than it.
    outcomeRow('2026-12-01', 'B', { 'Request ID': 'R-2026-0008', ...person('0048', 'Grey', 'Gus'), Status: 'Closed' }),
  ];
  const scripts: Row[] = [
    logRow({
      'Request ID': 'S-2026-0001',
      Service: 'ats-copy',
      Fee: 0,
      Paid: 'no',
      'Requested by': 'teacher',
      'Teacher email': 't.jones@school.example',
      'Outcome received': '2026-09-05',
      Status: 'Closed',
    }),
  ];
  const mail = (requestId: string, to: string, sent: string, template = 'Request received'): Row => ({
    Sent: sent,
    'Request ID': requestId,
    To: to,
    Template: template,
    Subject: `About ${requestId}`,
    Body: `Message about ${requestId}`,
    Status: 'sent',
  });
  return {
    requests,
    scripts,
    mail: [
      mail('R-2026-0001', 'amy.brown@example.org', '2026-08-20 10:00'),
      mail('R-2026-0002', 'brown.family@example.org', '2026-08-20 10:05'),
      mail('S-2026-0001', 't.jones@school.example', '2026-09-05 12:00', 'Script ready (teacher)'),
      mail('REMINDER-2026', 'brown.family@example.org', '2026-08-12 08:00', 'Results-day reminder'),
      mail('REMINDER-2026', 'cat.cole@example.org', '2026-08-12 08:00', 'Results-day reminder'),
      mail('R-2026-0004', 'cat.cole@example.org', '2026-12-15 09:00', 'Appeal received'),
      mail('DIGEST-2027-05-20', 'officer@example.org', '2027-05-20 07:00', 'Daily digest'),
    ],
  };
}

function seasonAddOn(): AddOn {
  const addOn = setUpAddOn();
  addOn.env.clock.set('2026-08-10T09:00:00Z');
  expect(addOn.run('importCandidates', CANDIDATES, { dryRun: false })).toMatchObject({ ok: true, added: 8 });
  const { requests, scripts, mail } = season();
  putRows(addOn, SHEET.requests, requests);
  putRows(addOn, SHEET.scripts, scripts);
  putRows(addOn, SHEET.correspondence, mail);
  return addOn;
}

describe('subjectAccessExport(candidateNumber)', () => {
  it("holds Amy's candidate row, every request of hers in both logs and every email about her", () => {
    const addOn = seasonAddOn();
    addOn.env.clock.set('2026-12-20T09:00:00Z');
    const sar = addOn.run('subjectAccessExport', '0042');
    expect(sar.ok).toBe(true);
    expect(sar.candidate).toMatchObject({
      'Candidate number': '0042',
      Surname: 'Brown',
      Forename: 'Amy',
      'Parent email': 'brown.family@example.org',
    });
    expect(sar.requests.map((r: Row) => [r.Sheet, r['Request ID']])).toEqual([
      ['Requests', 'R-2026-0001'],
      ['Access to scripts', 'S-2026-0001'],
    ]);
    expect(sar.requests[0]).toMatchObject({ 'Outcome received': '2026-09-10', 'Original grade': 'B', Fee: 48.65 });
    expect(sar.correspondence.map((m: Row) => [m['Request ID'], m.To])).toEqual([
      ['R-2026-0001', 'amy.brown@example.org'],
      ['S-2026-0001', 't.jones@school.example'],
      ['REMINDER-2026', 'brown.family@example.org'],
    ]);
    expect(sar.correspondence[0].Sent).toBe('2026-08-20 10:00');
  });

  it('holds nothing about anybody else, not even her brother at the same family address', () => {
    const addOn = seasonAddOn();
    const text = JSON.stringify(addOn.run('subjectAccessExport', '0042'));
    for (const other of ['0043', 'Ben', 'ben.brown', 'R-2026-0002', 'Cole', 'cat.cole', 'DIGEST', 'officer@']) {
      expect({ other, found: text.includes(other) }).toEqual({ other, found: false });
    }
  });

  it('includes the rows about her in list tabs the add-on made', () => {
    const addOn = seasonAddOn();
    putRows(addOn, SHEET.requests, [outcomeRow('2026-09-12', 'A', { 'Request ID': 'R-2026-0009' })]);
    const tab = addOn.run('misUpdateList', { toSheet: true }).sheet;
    const sar = addOn.run('subjectAccessExport', '0042');
    expect(sar.otherSheets).toEqual([{ sheet: tab, rows: [expect.objectContaining({ 'Request ID': 'R-2026-0009' })] }]);
  });

  it('answers an unknown candidate with nothing, and refuses what is not a candidate number', () => {
    const addOn = seasonAddOn();
    expect(addOn.run('subjectAccessExport', '9999')).toMatchObject({
      ok: true,
      candidate: null,
      requests: [],
      correspondence: [],
    });
    expect(addOn.run('subjectAccessExport', '42').ok).toBe(false);
  });
});

describe('closeSeason({ dryRun, confirm })', () => {
  /** 6 months' retention, a year after the season: the retention date is 1 December 2026. */
  function closing(): AddOn {
    const addOn = seasonAddOn();
    addOn.run('misUpdateList', { toSheet: true });
    setSetting(addOn, 'Retention months', '6');
    addOn.env.clock.set('2027-06-01T09:00:00Z');
    return addOn;
  }
  const GOING = ['R-2026-0001', 'R-2026-0002', 'R-2026-0007', 'S-2026-0001'];
  const state = (addOn: AddOn) => JSON.stringify(addOn.env.serialize().spreadsheet);

  it('lists exactly what will go on a dry run, and deletes nothing', () => {
    const addOn = closing();
    const before = state(addOn);
    const plan = addOn.run('closeSeason', { dryRun: true });
    expect(plan).toMatchObject({ ok: true, dryRun: true, retentionMonths: 6, retentionDate: '2026-12-01' });
    expect(plan.requests.map((r: Row) => r.requestId).sort()).toEqual(GOING);
    expect(plan.removed).toEqual({
      Requests: 3,
      'Access to scripts': 1,
      // Amy's, Ben's and the script's emails, and August's reminders (not about a request, sent before the date).
      Correspondence: 5,
      // Amy, Ben and Fay have nothing left; Hal never had a request; the list was imported in August 2026.
      Candidates: 4,
      // The list tab of August holds one row (Dan's grade change).
      'MIS update list 2026-08-10': 1,
    });
    expect(plan.listTabs).toEqual(['MIS update list 2026-08-10']);
    expect(plan.kept).toEqual({ open: 1, 'follow-up': 1, recent: 3, undated: 0 });
    expect(state(addOn)).toBe(before);
  });

  it('deletes nothing without the typed confirmation, when called by a trigger, or by someone other than the officer', () => {
    const addOn = closing();
    const before = state(addOn);
    for (const options of [{}, { confirm: 'close season' }, { dryRun: false, confirm: 'yes' }]) {
      const r = addOn.run('closeSeason', options);
      expect(r.ok).toBe(false);
      expect(r.errors[0]).toMatchObject({ field: 'confirm' });
    }
    // A time-driven trigger passes its event object.
    const fromTrigger = addOn.bundle.closeSeason({ authMode: 'FULL', triggerUid: '123' }) as { ok: boolean };
    expect(fromTrigger.ok).toBe(false);
    // The logs are protected for the officer; a senior leader given edit access to the file tries.
    for (const log of [SHEET.requests, SHEET.scripts]) {
      const protection = addOn.env.spreadsheet.getSheetByName(log)!.protect();
      protection.removeEditors(protection.getEditors());
      protection.addEditor('officer@example.org');
    }
    addOn.env.setActiveUser('slt.viewer@example.org');
    const before2 = state(addOn);
    expect(addOn.run('closeSeason', { confirm: 'CLOSE SEASON' }).errors[0].message).toMatch(
      /Only someone who may edit the Requests and Access to scripts logs/,
    );
    expect(state(addOn)).toBe(before2);
    // The dry run is for anyone who can open the file.
    expect(addOn.run('closeSeason', { dryRun: true }).ok).toBe(true);
    expect(before).not.toBe('');
  });

  it('with CLOSE SEASON removes exactly the personal data older than the retention date and keeps the totals', () => {
    const addOn = closing();
    const { requests, scripts } = season();
    const going = [...requests, ...scripts].filter((r) => GOING.includes(r['Request ID'] as string));
    const done = addOn.run('closeSeason', { confirm: 'CLOSE SEASON' });
    expect(done).toMatchObject({ ok: true, dryRun: false });
    expect(done.removed).toMatchObject({ Requests: 3, 'Access to scripts': 1, Correspondence: 5, Candidates: 4 });

    // What stays, in filing order; what went is nowhere in the spreadsheet.
    expect(sheetRecords(addOn.env, SHEET.requests).map((r) => r['Request ID'])).toEqual([
      'R-2026-0003',
      'R-2026-0004',
      'R-2026-0005',
      'R-2026-0006',
      'R-2026-0008',
    ]);
    expect(sheetRecords(addOn.env, SHEET.scripts)).toEqual([]);
    expect(sheetRecords(addOn.env, SHEET.correspondence).map((m) => m['Request ID'])).toEqual([
      'R-2026-0004',
      'DIGEST-2027-05-20',
    ]);
    expect(sheetRecords(addOn.env, SHEET.candidates).map((c) => c['Candidate number'])).toEqual([
      '0044',
      '0045',
      '0046',
      '0048',
    ]);
    expect(addOn.env.spreadsheet.getSheetByName('MIS update list 2026-08-10')).toBeNull();
    const everything = state(addOn);
    for (const gone of ['Amy', 'Ben', 'Fay', 'Hal', 'brown.family', 'R-2026-0001', 'R-2026-0002', 'S-2026-0001']) {
      expect({ gone, found: everything.includes(gone) }).toEqual({ gone, found: false });
    }

    // The archive: counts and money, worked out here from the rows that went; no personal data.
    const archive = sheetRecords(addOn.env, 'Season archive');
    const sum = (h: string) => archive.reduce((s, a) => s + Number(a[h]), 0);
    expect(sum('Requests')).toBe(going.length);
    expect(sum('Fees paid')).toBeCloseTo(
      going.filter((r) => r.Paid === 'yes').reduce((s, r) => s + Number(r.Fee), 0),
      2,
    );
    expect(sum('Refunds issued')).toBeCloseTo(48.65, 2);
    expect(sum('Grade changes')).toBe(1);
    expect(sum('Withdrawn')).toBe(1);
    expect(done.archived).toMatchObject({ requests: going.length, refundsIssued: 48.65 });

    // Closing again finds nothing more to remove and archives nothing twice.
    const again = addOn.run('closeSeason', { confirm: 'CLOSE SEASON' });
    expect(again.removed).toEqual({ Requests: 0, 'Access to scripts': 0, Correspondence: 0, Candidates: 0 });
    expect(sheetRecords(addOn.env, 'Season archive')).toHaveLength(archive.length);
  });

  it("keeps the officer's own column with its row when rows below move up", () => {
    const addOn = closing();
    const sheet = addOn.env.spreadsheet.getSheetByName(SHEET.requests)!;
    const width = sheet.getLastColumn();
    sheet.insertColumnAfter(width);
    sheet.getRange(1, width + 1).setValue('Filed in');
    const ids = sheet
      .getRange(2, 1, sheet.getLastRow() - 1, 1)
      .getValues()
      .map((r) => r[0]);
    sheet.getRange(2, width + 1, ids.length, 1).setValues(ids.map((id) => [`Box for ${id}`]));
    addOn.run('closeSeason', { confirm: 'CLOSE SEASON' });
    for (const r of sheetRecords(addOn.env, SHEET.requests)) expect(r['Filed in']).toBe(`Box for ${r['Request ID']}`);
  });
});
