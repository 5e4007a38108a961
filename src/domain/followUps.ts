/**
 * What an outcome that changes the school's records still asks of the
 * officer (refund, MIS, Statement of Results), and so whether the request
 * can close.
 */
import { isIsoDate } from './calendar';
import { formatMoney } from './formats';
import type { PostResultsRequest, Status } from './types';
import { type OutcomeKind, changesRecords, classifyOutcome, noGradeChange } from './outcomes';

export interface Refund {
  due: boolean;
  /** GBP to give back when due. */
  amount: number | null;
  /** One line for the officer: the amount, or why there is nothing to refund. */
  note: string;
}

/**
 * Boards do not charge when the grade changes (domain.md §3), so a candidate
 * who paid gets the fee back. Nothing is owed when the centre waived the fee,
 * when the service was free, or when no fee was taken.
 */
export function refundFor(
  req: Pick<PostResultsRequest, 'fee' | 'paid'> & Partial<Pick<PostResultsRequest, 'service' | 'moderationOutcome'>>,
): Refund {
  if (req.service === 'review-of-moderation') {
    // The centre's own fee: the board refunds it (or does not charge it) only when the centre's marks are reinstated.
    if (String(req.moderationOutcome ?? '').trim() !== 'reinstated' || req.fee === null || req.fee <= 0) {
      return {
        due: false,
        amount: null,
        note: "No refund: the board keeps the centre's fee unless the centre's original marks are reinstated.",
      };
    }
    return {
      due: false,
      amount: req.fee,
      note: `The board refunds the centre's fee of ${formatMoney(req.fee)}: the centre's original marks were reinstated. Check it on the board's invoice; no candidate paid.`,
    };
  }
  if (req.paid === 'waived') {
    return { due: false, amount: null, note: 'No refund: the fee was waived (the centre paid it).' };
  }
  if (req.fee === null) return { due: false, amount: null, note: 'No refund: no fee is recorded for this request.' };
  if (req.fee <= 0) return { due: false, amount: 0, note: 'No refund: the service was free.' };
  if (req.paid !== 'yes') return { due: false, amount: null, note: 'No refund: the log says the fee was not paid.' };
  return { due: true, amount: req.fee, note: `Refund ${formatMoney(req.fee)} to the candidate.` };
}

export type FollowUp = 'refund' | 'mis' | 'sor';

export const FOLLOW_UP_TEXT: Readonly<Record<FollowUp, string>> = {
  refund: 'Refund the fee',
  mis: 'Update the MIS with the new grade',
  sor: 'Issue an updated Statement of Results',
};

export type FollowUpFields = Pick<
  PostResultsRequest,
  | 'service'
  | 'qualification'
  | 'outcomeReceived'
  | 'originalGrade'
  | 'newGrade'
  | 'originalMark'
  | 'newMark'
  | 'fee'
  | 'paid'
  | 'refundIssued'
  | 'misUpdated'
  | 'sorIssued'
> &
  Partial<Pick<PostResultsRequest, 'moderationOutcome'>>;

/** The follow-ups a changed result still needs: each is done once its date is in the log. */
export function openFollowUps(req: FollowUpFields): FollowUp[] {
  if (!changesRecords(classifyOutcome(req))) return [];
  const open: FollowUp[] = [];
  if (refundFor(req).due && !isIsoDate(req.refundIssued)) open.push('refund');
  if (!isIsoDate(req.misUpdated)) open.push('mis');
  if (!isIsoDate(req.sorIssued)) open.push('sor');
  return open;
}

/**
 * Closed as soon as nothing is left to do. An outcome with no grade change
 * waits for the window of the next stage (appeal, then hearing); an appeal
 * hearing is the board's last stage, so it closes at once.
 */
export function statusAfterOutcome(req: FollowUpFields, kind: OutcomeKind): Status {
  if (changesRecords(kind)) return openFollowUps(req).length > 0 ? 'Outcome received' : 'Closed';
  // No next stage to wait for: after a hearing it is Ofqual's; after a re-check a review of marking is a new request.
  if (noGradeChange(kind) && req.service !== 'appeal-hearing' && req.service !== 'clerical-recheck') {
    return 'Outcome received';
  }
  return 'Closed';
}
