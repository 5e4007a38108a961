/**
 * Closing the season: which personal data has been kept long enough, and the
 * archive of counts and money totals (no personal data) that stays.
 *
 * JCQ requires consent forms to be kept at least six months after the outcome
 * of the review or of any later appeal; the school's retention policy sets
 * the period beyond that (`Retention months` in Settings, 6 to 120).
 *
 * The rules:
 * - A request is counted from its last outcome or closure: the latest of its
 *   Outcome received, Refund issued, MIS updated and SoR issued dates, and,
 *   for a review that was appealed, the same dates of the appeal (whose
 *   Related request names the review). A request withdrawn or closed without
 *   an outcome is counted from the latest date on its row.
 * - It goes when that date is before the retention date (today less the
 *   retention months): exactly N months old is not yet older than N months.
 * - Still kept, whatever its age: a request with no outcome that is still
 *   open, and a grade change whose refund, MIS update or new Statement of
 *   Results is still to do.
 * - Correspondence goes with its request; messages not about a request (a
 *   results-day reminder, the officer's digest) go when sent before the
 *   retention date.
 * - A candidate row goes when none of that candidate's requests is left and
 *   the candidate list was last imported before the retention date (or, when
 *   no import is recorded, when this close removes that candidate's requests).
 */
import { isIsoDate } from './calendar';
import { gradeChangeRecorded, refundDue } from './dataLists';
import type { IsoDate, PostResultsRequest } from './types';

export const ARCHIVE_SHEET = 'Season archive';
export const CONFIRM_PHRASE = 'CLOSE SEASON';
export const JCQ_MINIMUM_MONTHS = 6;

/** `date` less `months` calendar months; the 31st becomes the month's last day (31 Aug - 6 = 28 Feb). */
export function monthsBefore(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function latest(dates: readonly string[]): IsoDate | null {
  const real = dates.filter(isIsoDate).sort();
  return real.length ? real[real.length - 1] : null;
}

type Dated = Pick<
  PostResultsRequest,
  | 'requestId'
  | 'relatedRequestId'
  | 'status'
  | 'received'
  | 'submittedToBoard'
  | 'acknowledged'
  | 'outcomeReceived'
  | 'refundIssued'
  | 'misUpdated'
  | 'sorIssued'
>;

/** The request's own last outcome or closure date; null while it is open. */
export function closedOn(req: Dated): IsoDate | null {
  const outcome = latest([req.outcomeReceived, req.refundIssued, req.misUpdated, req.sorIssued]);
  if (outcome !== null) return outcome;
  if (req.status === 'Withdrawn' || req.status === 'Closed') {
    return latest([req.received, req.submittedToBoard, req.acknowledged]);
  }
  return null;
}

export type KeptBecause = 'open' | 'follow-up' | 'recent' | 'undated';

export interface RequestVerdict {
  requestId: string;
  /** Counted from this date (with any appeal's); null when open or undated. */
  countedFrom: IsoDate | null;
  remove: boolean;
  keptBecause?: KeptBecause;
}

type Judged = Dated &
  Pick<
    PostResultsRequest,
    'originalGrade' | 'newGrade' | 'qualification' | 'fee' | 'paid' | 'sorIssued' | 'misUpdated' | 'refundIssued'
  >;

function followUpOpen(req: Judged): boolean {
  if (!gradeChangeRecorded(req)) return false;
  return refundDue(req) || !isIsoDate(req.misUpdated) || !isIsoDate(req.sorIssued);
}

export function judgeRequests(requests: readonly Judged[], retentionDate: IsoDate): RequestVerdict[] {
  const appealsOf = new Map<string, Judged[]>();
  for (const r of requests) {
    const review = r.relatedRequestId.trim();
    if (review !== '') appealsOf.set(review, [...(appealsOf.get(review) ?? []), r]);
  }
  const verdictOf = (r: Judged, seen: Set<string>): RequestVerdict => {
    const own = closedOn(r);
    const isOpen = own === null && r.status !== 'Withdrawn' && r.status !== 'Closed';
    // A later appeal (or an appeal of an appeal) extends the review's retention.
    const later = (appealsOf.get(r.requestId) ?? [])
      .filter((a) => !seen.has(a.requestId))
      .map((a) => verdictOf(a, new Set([...seen, a.requestId])));
    if (isOpen || later.some((v) => v.keptBecause === 'open' || v.keptBecause === 'follow-up')) {
      return { requestId: r.requestId, countedFrom: null, remove: false, keptBecause: 'open' };
    }
    if (followUpOpen(r)) return { requestId: r.requestId, countedFrom: own, remove: false, keptBecause: 'follow-up' };
    const countedFrom = latest([own ?? '', ...later.map((v) => v.countedFrom ?? '')]);
    if (countedFrom === null) return { requestId: r.requestId, countedFrom, remove: false, keptBecause: 'undated' };
    if (later.some((v) => v.keptBecause === 'undated')) {
      return { requestId: r.requestId, countedFrom, remove: false, keptBecause: 'undated' };
    }
    return countedFrom < retentionDate
      ? { requestId: r.requestId, countedFrom, remove: true }
      : { requestId: r.requestId, countedFrom, remove: false, keptBecause: 'recent' };
  };
  return requests.map((r) => verdictOf(r, new Set([r.requestId])));
}

export interface ArchiveRow {
  'Closed on': IsoDate;
  Series: string;
  Board: string;
  Service: string;
  Requests: number;
  'Grade changes': number;
  Withdrawn: number;
  'Fees paid': number;
  'Fees waived': number;
  'Refunds issued': number;
}

export const ARCHIVE_HEADERS: ReadonlyArray<keyof ArchiveRow> = [
  'Closed on',
  'Series',
  'Board',
  'Service',
  'Requests',
  'Grade changes',
  'Withdrawn',
  'Fees paid',
  'Fees waived',
  'Refunds issued',
];

const pennies = (n: number) => Math.round(n * 100) / 100;

/** Counts and money totals of the requests that go, by series, board and service: no names, numbers or grades. */
export function archiveRows(
  removed: ReadonlyArray<
    Pick<
      PostResultsRequest,
      | 'series'
      | 'board'
      | 'service'
      | 'status'
      | 'fee'
      | 'paid'
      | 'refundIssued'
      | 'outcomeReceived'
      | 'originalGrade'
      | 'newGrade'
      | 'qualification'
    >
  >,
  today: IsoDate,
): ArchiveRow[] {
  const groups = new Map<string, ArchiveRow>();
  for (const r of removed) {
    const key = JSON.stringify([r.series, r.board, r.service]);
    let g = groups.get(key);
    if (!g) {
      g = {
        'Closed on': today,
        Series: r.series,
        Board: r.board,
        Service: r.service,
        Requests: 0,
        'Grade changes': 0,
        Withdrawn: 0,
        'Fees paid': 0,
        'Fees waived': 0,
        'Refunds issued': 0,
      };
      groups.set(key, g);
    }
    const fee = r.fee ?? 0;
    g.Requests++;
    if (gradeChangeRecorded(r)) g['Grade changes']++;
    if (r.status === 'Withdrawn') g.Withdrawn++;
    if (r.paid === 'yes') g['Fees paid'] = pennies(g['Fees paid'] + fee);
    if (r.paid === 'waived') g['Fees waived'] = pennies(g['Fees waived'] + fee);
    if (isIsoDate(r.refundIssued)) g['Refunds issued'] = pennies(g['Refunds issued'] + fee);
  }
  return [...groups.values()].sort(
    (a, b) => a.Series.localeCompare(b.Series) || a.Board.localeCompare(b.Board) || a.Service.localeCompare(b.Service),
  );
}

export interface MessageRow {
  row: number;
  requestId: string;
  sent: IsoDate | '';
}

/** Correspondence rows that go: those of a request that goes, and old ones not about any request. */
export function messagesToRemove(
  messages: readonly MessageRow[],
  removedIds: ReadonlySet<string>,
  allIds: ReadonlySet<string>,
  retentionDate: IsoDate,
): number[] {
  return messages
    .filter((m) => {
      const id = m.requestId.trim();
      if (removedIds.has(id)) return true;
      if (allIds.has(id)) return false;
      return isIsoDate(m.sent) && m.sent < retentionDate;
    })
    .map((m) => m.row);
}

export interface CandidateRowRef {
  row: number;
  candidateNumber: string;
}

export function candidatesToRemove(
  candidates: readonly CandidateRowRef[],
  keptNumbers: ReadonlySet<string>,
  removedNumbers: ReadonlySet<string>,
  lastImport: IsoDate | '',
  retentionDate: IsoDate,
): number[] {
  const importIsOld = isIsoDate(lastImport) && lastImport < retentionDate;
  return candidates
    .filter((c) => {
      if (keptNumbers.has(c.candidateNumber)) return false;
      if (isIsoDate(lastImport)) return importIsOld;
      return removedNumbers.has(c.candidateNumber);
    })
    .map((c) => c.row);
}
