/**
 * Where a request stands in its life, and what kind of service it is (which
 * decides what its outcome is: a mark and grade, a result, or a script).
 *
 *   Received -> Submitted -> Acknowledged -> Outcome received -> Closed
 *   (and Withdrawn, from any step before an outcome)
 */
import { isIsoDate } from './calendar';
import { isServiceCode } from './catalogue';
import type { PostResultsRequest } from './types';

export type Stage = 'received' | 'submitted' | 'acknowledged' | 'outcome' | 'closed' | 'withdrawn';

/**
 * The step a request has reached. Closed and Withdrawn are the officer's (or
 * the add-on's) word in Status; otherwise the dates decide, so a date the
 * officer typed straight into the log counts as much as one recorded here.
 */
export function stageOf(
  req: Pick<PostResultsRequest, 'status' | 'submittedToBoard' | 'acknowledged' | 'outcomeReceived'>,
): Stage {
  if (req.status === 'Withdrawn') return 'withdrawn';
  if (req.status === 'Closed') return 'closed';
  if (isIsoDate(req.outcomeReceived)) return 'outcome';
  if (isIsoDate(req.acknowledged)) return 'acknowledged';
  if (isIsoDate(req.submittedToBoard)) return 'submitted';
  return 'received';
}

const REVIEWS = [
  'clerical-recheck',
  'review-of-marking',
  'priority-review-of-marking',
  'review-of-moderation',
  'appeal',
  'appeal-hearing',
];
const RESULTS = ['mir', 'late-certification'];

/** A review or an appeal: its outcome is a mark and a grade. */
export function isReview(service: string): boolean {
  return REVIEWS.includes(service);
}

/** Access to scripts: its outcome is the script itself. */
export function isScript(service: string): boolean {
  return isServiceCode(service) && service.startsWith('ats-');
}

/** Missing or incomplete result, late certification: its outcome is a result issued. */
export function isResultService(service: string): boolean {
  return RESULTS.includes(service);
}
