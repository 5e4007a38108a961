import { closeHeadline, keptLine, readCloseSeason, removalLines } from '../../sidebar/closeSeason/closeSeasonView';
import { downloadHref } from '../../sidebar/dom';
import { importHeadline, lineText, looksMisdecoded, readImport } from '../../sidebar/import/importView';
import { listHeadline, listRowText, readList } from '../../sidebar/lists/listsView';
import { refusal } from '../../sidebar/read';
import { readSubjectAccess, subjectAccessHeadline } from '../../sidebar/subjectAccess/subjectAccessView';

describe('the Import candidates page', () => {
  const preview = {
    ok: true,
    dryRun: true,
    added: 3,
    updated: 1,
    unchanged: 40,
    refused: [{ line: 7, reason: 'The candidate number is not 4 digits.' }],
    warnings: [],
    unmatched: ['Adno'],
    columns: [{ header: 'Exam Candidate Number', column: 'Candidate number' }],
  };

  it('says what a preview would do and that nothing is saved yet', () => {
    const read = readImport(preview);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(importHeadline(read.value)).toBe(
      'Preview: 3 new candidates, 1 updated, 40 unchanged, 1 row refused. Nothing is saved until you press Import.',
    );
    expect(lineText(read.value.refused[0])).toBe('Line 7: The candidate number is not 4 digits.');
    expect(importHeadline({ ...read.value, dryRun: false })).toMatch(/^Imported: 3 new candidates/);
    expect(importHeadline({ ...read.value, added: 0, updated: 0 })).toMatch(/^Nothing to import/);
  });

  it("shows the server's messages for a refusal, and a plain one for an unreadable answer", () => {
    expect(
      readImport({ ok: false, errors: [{ field: 'csvText', message: 'No column holds the candidate number.' }] }),
    ).toEqual({
      ok: false,
      messages: ['No column holds the candidate number.'],
    });
    expect(readImport('<b>oops</b>')).toMatchObject({ ok: false, messages: [expect.stringMatching(/cannot read/)] });
    expect(refusal(null)).toEqual([expect.stringMatching(/cannot read/)]);
  });

  it('notices a Windows file read as UTF-8', () => {
    expect(looksMisdecoded('Se\uFFFDn')).toBe(true);
    expect(looksMisdecoded('Seán')).toBe(false);
  });
});

describe('the Lists page', () => {
  it('reads a list and describes each row in a line', () => {
    const read = readList({
      ok: true,
      rows: [
        {
          'Candidate number': '0042',
          Surname: 'Brown',
          Forename: 'Amy',
          Subject: 'Chemistry',
          Component: '7405/1',
          'Original grade': 'B',
          'New grade': 'A',
        },
      ],
      csv: '\uFEFFCandidate number\r\n0042\r\n',
      fileName: 'MIS update list 2026-09-20.csv',
    });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(listHeadline('mis', read.value)).toBe('1 grade change to enter in the MIS.');
    expect(listRowText(read.value.rows[0])).toBe('Brown, Amy (0042): Chemistry 7405/1 B → A');
    expect(
      listRowText({
        Surname: 'Cole',
        Forename: 'Ben',
        'Candidate number': '0043',
        Amount: 48.65,
        'Paid by': 'Candidate',
        Subject: 'Physics',
      }),
    ).toBe('Cole, Ben (0043): £48.65 to candidate, Physics');
    expect(listHeadline('refunds', { ...read.value, rows: [], total: 0 })).toBe('No refund is due.');
    expect(listHeadline('board', { ...read.value, rows: [] }, 'OCR')).toBe('Nothing is waiting to go to OCR.');
  });

  it('downloads the CSV as it came, accents and line ends intact', () => {
    const href = downloadHref('\uFEFFName\r\nSeán\r\n', 'text/csv');
    expect(href.startsWith('data:text/csv;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(href.slice(href.indexOf(',') + 1))).toBe('\uFEFFName\r\nSeán\r\n');
  });

  it('refuses a list answer without rows or CSV', () => {
    expect(readList({ ok: true, rows: 'x' }).ok).toBe(false);
  });
});

describe('the Subject access dialog', () => {
  it('sums up what is held', () => {
    const read = readSubjectAccess({
      ok: true,
      candidateNumber: '0042',
      candidate: { Surname: 'Brown' },
      candidateRows: [{ Surname: 'Brown' }],
      requests: [{ 'Request ID': 'R-2026-0001' }, { 'Request ID': 'S-2026-0001' }],
      correspondence: [{ To: 'amy@example.org' }],
      otherSheets: [{ sheet: 'MIS update list 2026-09-20', rows: [{ Surname: 'Brown' }] }],
    });
    expect(read.ok && subjectAccessHeadline(read.value)).toBe(
      'Candidate 0042: a row in Candidates, 2 requests, 1 email, 1 row in list tabs.',
    );
    const online = readSubjectAccess({ ok: true, candidateNumber: '0042', formResponses: [{ Subject: 'Physics' }] });
    expect(online.ok && subjectAccessHeadline(online.value)).toBe(
      'Candidate 0042: no row in Candidates, 0 requests, 0 emails, 1 online application.',
    );
  });
});

describe('the Close season dialog', () => {
  const dry = {
    ok: true,
    dryRun: true,
    retentionMonths: 18,
    retentionDate: '2025-12-01',
    removed: { Requests: 3, 'Access to scripts': 0, Correspondence: 5, Candidates: 4, 'MIS update list 2026-08-10': 0 },
    requests: [{ sheet: 'Requests', requestId: 'R-2026-0001', countedFrom: '2025-09-10' }],
    listTabs: ['MIS update list 2026-08-10'],
    kept: { open: 1, 'follow-up': 2, recent: 3, undated: 0 },
    archived: { requests: 3, feesPaid: 97.3, refundsIssued: 48.65 },
    warnings: [],
  };

  it('lists what would go, sheet by sheet, including an empty list tab, and what stays', () => {
    const read = readCloseSeason(dry);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(closeHeadline(read.value)).toBe(
      'Personal data counted from before 2025-12-01 (18 months ago) will be deleted:',
    );
    expect(removalLines(read.value)).toEqual([
      'Requests: 3 rows',
      'Correspondence: 5 rows',
      'Candidates: 4 rows',
      'The list tab "MIS update list 2026-08-10" (0 rows)',
    ]);
    expect(keptLine(read.value)).toBe(
      'Kept: 1 still open, 2 with a refund, MIS update or Statement of Results still to do, 3 not yet 18 months old.',
    );
    expect(closeHeadline({ ...read.value, dryRun: false })).toBe(
      'Season closed: 3 requests archived as totals and deleted.',
    );
  });
});
