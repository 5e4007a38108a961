/**
 * The fee and deadline that apply to one request.
 *
 * Most deadlines are typed by the officer in `Services`. An appeal's is not a
 * date in the calendar but a window after its review's outcome (JCQ: 30
 * calendar days); Settings holds the usual window (`Appeal window days`) and
 * a board whose window differs (OCR vocational: 14 days) says so in the Notes
 * of its `appeal` row as `appeal window: 14 days`. A phrase in Notes, not a
 * new column, so the officer's existing sheet keeps working; the exact words
 * are needed so that other numbers in the notes ("stage 2 hearing within 14
 * days of the stage-1 outcome") never change the window by accident.
 */
import { addDays, isIsoDate } from './calendar';
import { CATALOGUE } from './catalogue';
import { findService } from './services';
import type { Board, IsoDate, ServiceCode, ServiceRow, Settings } from './types';

/** Last day, inclusive, for a request that must be made within `weeks` weeks of results ("within six weeks of receipt of results"). */
export function deadlineFromResults(resultsIssued: IsoDate, weeks: number): IsoDate {
  return addDays(resultsIssued, weeks * 7);
}

/** Last day, inclusive, to appeal: `windowDays` calendar days after the review outcome was received. */
export function appealDeadline(outcomeReceived: IsoDate, windowDays: number): IsoDate {
  return addDays(outcomeReceived, windowDays);
}

const APPEAL_WINDOW_NOTE = /appeal window\s*:?\s*(\d{1,3})\s*(?:calendar\s+)?days?\b/i;

/** The window an `appeal` row's Notes sets ('appeal window: 14 days'), or null when it sets none. */
export function appealWindowFromNotes(notes: string): number | null {
  const m = APPEAL_WINDOW_NOTE.exec(String(notes ?? ''));
  if (m === null) return null;
  const days = Number(m[1]);
  return days >= 1 ? days : null;
}

/** JCQ: 15 calendar days from receiving the reasons for a review outcome, where they were asked for (domain.md §2). */
export const DEFAULT_REASONS_WINDOW_DAYS = 15;
/** 14 calendar days from receiving the preliminary appeal's outcome to ask for a hearing (domain.md §2). */
export const DEFAULT_HEARING_WINDOW_DAYS = 14;
/** Ofqual's published window for its Exam Procedures Review Service: 21 calendar days after the final appeal outcome. */
export const DEFAULT_EPRS_WINDOW_DAYS = 21;

/** The windows an appeal's deadline is counted with; only the first is always given (older callers). */
export type AppealWindows = Pick<Settings, 'appealWindowDays'> &
  Partial<Pick<Settings, 'reasonsWindowDays' | 'appealHearingWindowDays' | 'eprsWindowDays'>>;

export interface FeeAndDeadline {
  /** The `Services` row, or null when the board does not offer the service in that series. */
  row: ServiceRow | null;
  /** GBP as in the row; null when the row is missing or its fee is blank. */
  fee: number | null;
  /** For an appeal, the end of its window; otherwise the row's deadline. Null when unknown. */
  deadline: IsoDate | null;
  turnaroundDays: number | null;
  /** For an appeal: the window used, and where it came from. */
  appealWindow?: { days: number; from: 'services' | 'settings' };
  /** For a preliminary appeal whose reasons were asked for: the end of the window counted from the reasons. */
  reasonsDeadline?: IsoDate;
}

export function feeAndDeadline(
  services: readonly ServiceRow[],
  request: { board: Board; series: string; service: ServiceCode; qualification?: string },
  context: { settings: AppealWindows; reviewOutcome?: IsoDate | '' | null; reasonsReceived?: IsoDate | '' | null },
): FeeAndDeadline {
  const row = findService(services, request.board, request.series, request.service, request.qualification ?? '');
  const answer: FeeAndDeadline = {
    row,
    fee: row?.fee ?? null,
    deadline: row?.deadline ?? null,
    turnaroundDays: row?.turnaroundDays ?? null,
  };
  if (!CATALOGUE[request.service].deadlineFromOutcome) return answer;

  const fromNotes = row === null ? null : appealWindowFromNotes(row.notes);
  const usual =
    request.service === 'appeal-hearing'
      ? (context.settings.appealHearingWindowDays ?? DEFAULT_HEARING_WINDOW_DAYS)
      : context.settings.appealWindowDays;
  answer.appealWindow = fromNotes === null ? { days: usual, from: 'settings' } : { days: fromNotes, from: 'services' };
  const outcome = context.reviewOutcome;
  answer.deadline = isIsoDate(outcome) ? appealDeadline(outcome, answer.appealWindow.days) : null;
  // Reasons asked for: the appeal may also come within 15 days of them, whichever ends later.
  const reasons = context.reasonsReceived;
  if (request.service === 'appeal' && isIsoDate(reasons)) {
    answer.reasonsDeadline = addDays(reasons, context.settings.reasonsWindowDays ?? DEFAULT_REASONS_WINDOW_DAYS);
    if (answer.deadline === null || answer.reasonsDeadline > answer.deadline) answer.deadline = answer.reasonsDeadline;
  }
  return answer;
}
