/**
 * The window to take an outcome with no grade change to the next stage:
 * appeal, then hearing, then Ofqual's EPRS. The windows are data (the
 * Services notes, Settings), with their defaults in deadlines.ts.
 */
import { addDays, isIsoDate } from './calendar';
import {
  appealWindowFromNotes,
  DEFAULT_EPRS_WINDOW_DAYS,
  DEFAULT_HEARING_WINDOW_DAYS,
  type AppealWindows,
} from './deadlines';
import { findService } from './services';
import type { IsoDate, PostResultsRequest, ServiceRow } from './types';

/**
 * Calendar days to take an outcome to the next stage: after a review, the
 * preliminary appeal (the board's own window when its `appeal` row in
 * Services says 'appeal window: N days', otherwise Settings' `Appeal window
 * days`); after a preliminary appeal, the appeal hearing (its row's window,
 * otherwise `Appeal hearing window days`). An appeal hearing is the board's
 * last stage: the days are then Ofqual's EPRS window (`EPRS window days`).
 */
export function appealWindowDays(
  req: Pick<PostResultsRequest, 'board' | 'series'> & Partial<Pick<PostResultsRequest, 'service' | 'qualification'>>,
  services: readonly ServiceRow[],
  settings: AppealWindows,
): number {
  if (req.service === 'appeal-hearing') return settings.eprsWindowDays ?? DEFAULT_EPRS_WINDOW_DAYS;
  const next = req.service === 'appeal' ? 'appeal-hearing' : 'appeal';
  const usual =
    next === 'appeal-hearing'
      ? (settings.appealHearingWindowDays ?? DEFAULT_HEARING_WINDOW_DAYS)
      : settings.appealWindowDays;
  const row = findService(services, req.board, req.series, next, req.qualification ?? '');
  return (row === null ? null : appealWindowFromNotes(row.notes)) ?? usual;
}

/**
 * Last day to ask for the next stage (appeal, then hearing), or null when
 * there is no outcome date. After an appeal hearing there is no next stage
 * at the board: see eprsDeadlineFor.
 */
export function appealDeadlineFor(
  req: Pick<PostResultsRequest, 'board' | 'series' | 'outcomeReceived'> & Partial<Pick<PostResultsRequest, 'service'>>,
  services: readonly ServiceRow[],
  settings: AppealWindows,
): IsoDate | null {
  // No appeal follows a clerical re-check (JCQ: only a review of marking or moderation), nor a hearing at the board.
  if (!isIsoDate(req.outcomeReceived) || req.service === 'appeal-hearing' || req.service === 'clerical-recheck') {
    return null;
  }
  return addDays(req.outcomeReceived, appealWindowDays(req, services, settings));
}

/** After an appeal hearing: the last day to apply to Ofqual's Exam Procedures Review Service. */
export function eprsDeadlineFor(
  req: Pick<PostResultsRequest, 'outcomeReceived'>,
  settings: AppealWindows,
): IsoDate | null {
  if (!isIsoDate(req.outcomeReceived)) return null;
  return addDays(req.outcomeReceived, settings.eprsWindowDays ?? DEFAULT_EPRS_WINDOW_DAYS);
}
