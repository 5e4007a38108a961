import {
  boardSubmissionRows,
  gradeChangeRecorded,
  misUpdateRows,
  refundDue,
  refundRows,
  totalOf,
} from '../../src/domain/dataLists';
import { acknowledged, request } from './requestFixture';

/** Amy's review came back on 10 September with her grade raised from B to A. */
const raised = (over = {}) =>
  acknowledged({ outcomeReceived: '2026-09-10', newGrade: 'A', newMark: '68', status: 'Outcome received', ...over });

describe('a grade change recorded', () => {
  it('needs an outcome date and an original and new grade that differ on the scale', () => {
    expect(gradeChangeRecorded(raised())).toBe(true);
    expect(gradeChangeRecorded(raised({ outcomeReceived: '' }))).toBe(false);
    expect(gradeChangeRecorded(raised({ newGrade: 'B' }))).toBe(false);
    expect(gradeChangeRecorded(raised({ newGrade: '' }))).toBe(false);
    expect(gradeChangeRecorded(raised({ originalGrade: 'A*', newGrade: 'a star' }))).toBe(false);
    expect(gradeChangeRecorded(raised({ newGrade: 'C' }))).toBe(true);
    expect(gradeChangeRecorded(raised({ status: 'Withdrawn' }))).toBe(false);
  });
});

describe('a refund due', () => {
  it('is a grade change whose fee above £0 the family paid, not yet refunded', () => {
    expect(refundDue(raised())).toBe(true);
    expect(refundDue(raised({ refundIssued: '2026-09-15' }))).toBe(false);
    expect(refundDue(raised({ newGrade: 'B' }))).toBe(false);
    expect(refundDue(raised({ fee: 0 }))).toBe(false);
    expect(refundDue(raised({ fee: null }))).toBe(false);
    expect(refundDue(raised({ paid: 'no' }))).toBe(false);
  });

  it('is never due on a waived fee: the centre paid it, so nothing goes back to the family', () => {
    expect(refundDue(raised({ paid: 'waived' }))).toBe(false);
  });
});

describe('the MIS list', () => {
  it('lists grade changes not yet marked MIS updated, in filing order, with the UCI from Candidates when the log has none', () => {
    const rows = misUpdateRows(
      [
        raised({ requestId: 'R-2026-0003', surname: 'Zed', candidateNumber: '0300' }),
        raised({ requestId: 'R-2026-0001' }),
        raised({ requestId: 'R-2026-0002', misUpdated: '2026-09-12' }),
        request({ requestId: 'R-2026-0004' }),
      ],
      new Map([['0042', '681990012058G']]),
    );
    expect(rows.map((r) => r['Request ID'])).toEqual(['R-2026-0001', 'R-2026-0003']);
    expect(rows[0]).toEqual({
      'Candidate number': '0042',
      UCI: '681990012058G',
      Surname: 'Brown',
      Forename: 'Amy',
      Board: 'AQA',
      Qualification: 'GCE A level',
      Subject: 'Chemistry',
      Component: '7405/1',
      'Original mark': '61',
      'New mark': '68',
      'Original grade': 'B',
      'New grade': 'A',
      'Request ID': 'R-2026-0001',
    });
  });
});

describe("a board's submission list", () => {
  it("lists that board's requests not yet submitted, nearest deadline first, with what the board's site asks for", () => {
    const rows = boardSubmissionRows(
      [
        request({ requestId: 'R-2026-0001', deadline: '2026-09-24' }),
        request({ requestId: 'R-2026-0002', service: 'priority-review-of-marking', deadline: '2026-08-20' }),
        request({ requestId: 'R-2026-0003', board: 'OCR' }),
        request({ requestId: 'R-2026-0004', submittedToBoard: '2026-08-24' }),
        request({ requestId: 'R-2026-0005', status: 'Withdrawn' }),
      ],
      ' aqa ',
    );
    expect(rows.map((r) => r['Request ID'])).toEqual(['R-2026-0002', 'R-2026-0001']);
    expect(rows[1]).toMatchObject({
      'Candidate number': '0042',
      Surname: 'Brown',
      Forename: 'Amy',
      Component: '7405/1',
      Service: 'Review of marking',
      'Consent date': '2026-08-20',
    });
  });
});

describe('the refund list', () => {
  it('gives the amount and who paid, and totals to the penny', () => {
    const rows = refundRows([
      raised({ requestId: 'R-2026-0001' }),
      raised({ requestId: 'R-2026-0002', requestedBy: 'teacher', teacherEmail: 't.jones@school.example', fee: 8.7 }),
      raised({ requestId: 'R-2026-0003', paid: 'waived' }),
    ]);
    expect(rows.map((r) => [r['Request ID'], r['Paid by'], r['Payer email'], r.Amount])).toEqual([
      ['R-2026-0001', 'Candidate', 'amy.brown@example.org', 48.65],
      ['R-2026-0002', 'Teacher', 't.jones@school.example', 8.7],
    ]);
    expect(totalOf(rows, 'Amount')).toBe(57.35);
  });
});
