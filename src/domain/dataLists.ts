/**
 * The lists the officer takes out of the logs: grade changes for the MIS,
 * requests to enter on each board's site, refunds for the finance office.
 * Pure: rows in, rows out; the adapter writes them as CSV or a sheet tab.
 *
 * - A grade change is recorded when a request has an Outcome received date
 *   and an Original grade and a New grade that differ (on the qualification's
 *   scale, so 'A star' and 'A*' are the same grade).
 * - A refund is due on a grade change when a fee above £0 was paid ('yes')
 *   and no Refund issued date is recorded. A waived fee was paid by the
 *   centre, so there is nothing to give back to the family.
 * - A request waits for the board when it has no Submitted to board date and
 *   is not withdrawn or closed.
 */
import { isIsoDate } from './calendar';
import { isServiceCode, serviceName } from './catalogue';
import { compareGrades } from './grades';
import { compareNames } from './sortKey';
import type { PostResultsRequest } from './types';

export type ListRow = Record<string, string | number>;

export function gradeChangeRecorded(
  req: Pick<PostResultsRequest, 'status' | 'outcomeReceived' | 'originalGrade' | 'newGrade' | 'qualification'>,
): boolean {
  if (req.status === 'Withdrawn' || !isIsoDate(req.outcomeReceived)) return false;
  if (req.originalGrade.trim() === '' || req.newGrade.trim() === '') return false;
  return compareGrades(req.qualification, req.originalGrade, req.newGrade) !== 'same';
}

export function refundDue(
  req: Pick<
    PostResultsRequest,
    'status' | 'outcomeReceived' | 'originalGrade' | 'newGrade' | 'qualification' | 'fee' | 'paid' | 'refundIssued'
  >,
): boolean {
  return (
    gradeChangeRecorded(req) && req.fee !== null && req.fee > 0 && req.paid === 'yes' && !isIsoDate(req.refundIssued)
  );
}

export function needsMisUpdate(
  req: Pick<
    PostResultsRequest,
    'status' | 'outcomeReceived' | 'originalGrade' | 'newGrade' | 'qualification' | 'misUpdated'
  >,
): boolean {
  return gradeChangeRecorded(req) && !isIsoDate(req.misUpdated);
}

export function awaitingSubmission(req: Pick<PostResultsRequest, 'status' | 'submittedToBoard'>): boolean {
  return req.status !== 'Withdrawn' && req.status !== 'Closed' && !isIsoDate(req.submittedToBoard);
}

/** Boards compare as the officer means them: case and spacing ignored. */
export function sameBoard(a: string, b: string): boolean {
  const key = (s: string) =>
    String(s ?? '')
      .trim()
      .replace(/\s+/g, ' ')
      .toLowerCase();
  return key(a) === key(b) && key(a) !== '';
}

function serviceShown(code: string): string {
  return isServiceCode(code) ? serviceName(code) : code;
}

/** The UCI from the log, or from the Candidates sheet when the request did not record one. */
function uciOf(req: Pick<PostResultsRequest, 'uci' | 'candidateNumber'>, ucis: ReadonlyMap<string, string>): string {
  return req.uci.trim() || ucis.get(req.candidateNumber) || '';
}

export const MIS_LIST_HEADERS = [
  'Candidate number',
  'UCI',
  'Surname',
  'Forename',
  'Board',
  'Qualification',
  'Subject',
  'Component',
  'Original mark',
  'New mark',
  'Original grade',
  'New grade',
  'Request ID',
] as const;

/** Every grade change not yet marked "MIS updated", in filing order. */
export function misUpdateRows(
  requests: readonly PostResultsRequest[],
  ucis: ReadonlyMap<string, string> = new Map(),
): ListRow[] {
  return requests
    .filter(needsMisUpdate)
    .sort(compareNames)
    .map((r) => ({
      'Candidate number': r.candidateNumber,
      UCI: uciOf(r, ucis),
      Surname: r.surname,
      Forename: r.forename,
      Board: r.board,
      Qualification: r.qualification,
      Subject: r.subject,
      Component: r.component,
      'Original mark': r.originalMark,
      'New mark': r.newMark,
      'Original grade': r.originalGrade,
      'New grade': r.newGrade,
      'Request ID': r.requestId,
    }));
}

export const BOARD_LIST_HEADERS = [
  'Candidate number',
  'Surname',
  'Forename',
  'UCI',
  'Qualification',
  'Subject',
  'Component',
  'Service',
  'Consent date',
  'Series',
  'Deadline',
  'Request ID',
] as const;

/**
 * What the board's site asks for, for every request to that board not yet
 * submitted: the nearest deadline first, then in filing order, so the
 * officer enters them in one sitting and the urgent ones first.
 */
export function boardSubmissionRows(
  requests: readonly PostResultsRequest[],
  board: string,
  ucis: ReadonlyMap<string, string> = new Map(),
): ListRow[] {
  const byDeadline = (a: PostResultsRequest, b: PostResultsRequest) => {
    const da = isIsoDate(a.deadline) ? a.deadline : '9999-12-31';
    const db = isIsoDate(b.deadline) ? b.deadline : '9999-12-31';
    return da < db ? -1 : da > db ? 1 : compareNames(a, b);
  };
  return requests
    .filter((r) => sameBoard(r.board, board) && awaitingSubmission(r))
    .sort(byDeadline)
    .map((r) => ({
      'Candidate number': r.candidateNumber,
      Surname: r.surname,
      Forename: r.forename,
      UCI: uciOf(r, ucis),
      Qualification: r.qualification,
      Subject: r.subject,
      Component: r.component,
      Service: serviceShown(r.service),
      'Consent date': r.consentDate,
      Series: r.series,
      Deadline: r.deadline,
      'Request ID': r.requestId,
    }));
}

export const REFUND_LIST_HEADERS = [
  'Request ID',
  'Candidate number',
  'Surname',
  'Forename',
  'Paid by',
  'Payer email',
  'Amount',
  'Board',
  'Subject',
  'Component',
  'Service',
  'Outcome received',
] as const;

/**
 * Every refund due, in filing order. The log records who made the request
 * and that its fee was paid; that person is the payer (a fee the centre paid
 * is recorded as waived and is never on this list).
 */
export function refundRows(requests: readonly PostResultsRequest[]): ListRow[] {
  return requests
    .filter(refundDue)
    .sort(compareNames)
    .map((r) => {
      const teacher = r.requestedBy === 'teacher';
      return {
        'Request ID': r.requestId,
        'Candidate number': r.candidateNumber,
        Surname: r.surname,
        Forename: r.forename,
        'Paid by': teacher ? 'Teacher' : 'Candidate',
        'Payer email': teacher ? r.teacherEmail : r.email,
        Amount: r.fee ?? 0,
        Board: r.board,
        Subject: r.subject,
        Component: r.component,
        Service: serviceShown(r.service),
        'Outcome received': r.outcomeReceived,
      };
    });
}

/** Sum of a money column, to the penny. */
export function totalOf(rows: readonly ListRow[], header: string): number {
  return (
    Math.round(rows.reduce((sum, r) => sum + (typeof r[header] === 'number' ? (r[header] as number) : 0), 0) * 100) /
    100
  );
}
