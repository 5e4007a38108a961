/**
 * Appeals: a preliminary appeal (stage 1) follows a review of marking (priority
 * or not) or a review of moderation, not a clerical re-check (JCQ); an appeal
 * hearing (stage 2) follows a preliminary appeal. Either needs the earlier
 * request's outcome, and its window counts from that outcome (or, for a
 * preliminary appeal, from the reasons for it when they were asked for).
 */
import { isIsoDate } from './calendar';
import { formatUkDate } from './formats';
import { CATALOGUE } from './catalogue';
import { paperKey } from './earlierRequests';
import { parseRequestId } from './requestId';
import type { RuleCheck } from './ruleCheck';
import { matchKey } from './services';
import type { IsoDate, ServiceCode } from './types';
import { withArticle } from './wording';

const APPEALABLE: readonly ServiceCode[] = ['review-of-marking', 'priority-review-of-marking', 'review-of-moderation'];

/**
 * The request an appeal follows must exist, be the right stage, be the same
 * candidate's and board's, and have its outcome. Returns that outcome's date
 * when the appeal may follow it (its window counts from it), otherwise null.
 */
export function relatedReviewRule(c: RuleCheck, code: ServiceCode): IsoDate | null {
  if (!CATALOGUE[code].needsRelatedReview || c.form.relatedRequestId === '') return null;
  return checkRelatedReview(c);
}

/**
 * Only a preliminary appeal counts from the reasons for an outcome, which come
 * after the outcome. Returns the date to count from, or null.
 */
export function reasonsReceivedRule(c: RuleCheck, code: ServiceCode, reviewOutcome: IsoDate | null): IsoDate | null {
  const { form, ctx } = c;
  if (form.reasonsReceived === '') return null;
  if (code !== 'appeal') {
    c.warn(
      'reasonsReceived',
      'Only a preliminary appeal counts from the reasons for an outcome, so the date is not used.',
    );
    return null;
  }
  if (reviewOutcome !== null && form.reasonsReceived < reviewOutcome) {
    c.add(
      'reasonsReceived',
      `The reasons date ${formatUkDate(form.reasonsReceived)} is before the review's outcome (${formatUkDate(reviewOutcome)}): the reasons come after the outcome.`,
    );
    return null;
  }
  return form.reasonsReceived <= ctx.today ? form.reasonsReceived : null;
}

/** Returns the review's outcome date when the appeal may follow it. */
function checkRelatedReview(c: RuleCheck): IsoDate | null {
  const { form, ctx } = c;
  const id = form.relatedRequestId;
  const review = ctx.existing.find((e) => parseRequestId(e.requestId) !== null && sameId(e.requestId, id));
  if (review === undefined) {
    c.add('relatedRequestId', `There is no request ${id} in the logs.`);
    return null;
  }
  const hearing = form.service === 'appeal-hearing';
  if (hearing && review.service !== 'appeal') {
    c.add(
      'relatedRequestId',
      review.service === 'appeal-hearing'
        ? `${id} is already an appeal hearing, the board's last stage: after it the candidate may apply to Ofqual's Exam Procedures Review Service, not to the board.`
        : `${id} is ${withArticle(review.service)}: an appeal hearing can only follow a preliminary appeal (stage 1). Log the preliminary appeal first.`,
    );
    return null;
  }
  if (!hearing && !APPEALABLE.includes(review.service)) {
    c.add(
      'relatedRequestId',
      review.service === 'appeal'
        ? `${id} is a preliminary appeal: to take it further, choose the service Appeal hearing (stage 2).`
        : `${id} is ${withArticle(review.service)}: an appeal can only follow a review of marking or a review of moderation.`,
    );
    return null;
  }
  let ok = true;
  if (review.status === 'Withdrawn') {
    c.add('relatedRequestId', `${id} was withdrawn, so there is no outcome to appeal.`);
    return null;
  }
  if (
    review.service !== 'review-of-moderation' &&
    form.candidateNumber !== '' &&
    review.candidateNumber !== form.candidateNumber
  ) {
    c.add('relatedRequestId', `${id} is for candidate ${review.candidateNumber}, not ${form.candidateNumber}.`);
    ok = false;
  }
  if (form.board !== '' && matchKey(review.board) !== matchKey(form.board)) {
    c.add('relatedRequestId', `${id} was made to ${review.board}, not ${form.board}.`);
    ok = false;
  }
  if (!isIsoDate(review.outcomeReceived)) {
    c.add(
      'relatedRequestId',
      hearing
        ? `${id} has no outcome recorded yet: an appeal hearing can only be asked for once the preliminary appeal's outcome has been received.`
        : `${id} has no outcome recorded yet: an appeal can only be made once the review's outcome has been received.`,
    );
    return null;
  }
  if (form.component !== '' && paperKey(review.component) !== paperKey(form.component)) {
    c.warn(
      'component',
      `${id} was for component ${review.component}, not ${form.component}: check that the appeal is about the same paper.`,
    );
  }
  return ok ? review.outcomeReceived : null;
}

function sameId(a: string, b: string): boolean {
  const pa = parseRequestId(a);
  const pb = parseRequestId(b);
  return pa !== null && pb !== null && pa.prefix === pb.prefix && pa.year === pb.year && pa.counter === pb.counter;
}
