/**
 * What was asked before for the same paper. "Per paper" means the same board,
 * series and component: a resit in a later series is a new paper. A review of
 * moderation covers the centre's sample, so its duplicates are per paper, not
 * per candidate.
 */
import { CATALOGUE } from './catalogue';
import type { ExistingRequest, RuleCheck } from './ruleCheck';
import { matchKey } from './services';
import type { ServiceCode } from './types';
import { withArticle } from './wording';

/** Services of which a candidate may have only one per paper, ever (AQA: "once for a paper"). */
const ONCE_PER_PAPER: ReadonlyArray<readonly ServiceCode[]> = [
  ['clerical-recheck'],
  ['review-of-marking', 'priority-review-of-marking'],
];

/** A paper or subject as matched: spaces and case do not count ('7405 / 1' is '7405/1'). */
export function paperKey(s: string): string {
  return String(s ?? '')
    .replace(/\s+/g, '')
    .toLowerCase();
}

/**
 * One open request per service and paper: update it rather than make a new
 * one; and a re-check or a review of marking only once per paper, ever.
 */
export function duplicatesRule(c: RuleCheck, code: ServiceCode): void {
  const { form } = c;
  const existing = c.ctx.existing;
  const info = CATALOGUE[code];
  if ((form.candidateNumber === '' && !info.centre) || form.board === '') return;
  const byComponent = info.level === 'component';
  const paper = byComponent ? form.component : form.subject;
  if (paper === '') return;
  const samePaper = (e: ExistingRequest) =>
    (code === 'review-of-moderation' || e.candidateNumber === form.candidateNumber) &&
    matchKey(e.board) === matchKey(form.board) &&
    matchKey(e.series) === matchKey(form.series) &&
    paperKey(byComponent ? e.component : e.subject) === paperKey(paper);
  const who = code === 'review-of-moderation' ? 'The centre' : `Candidate ${form.candidateNumber}`;

  const open = existing.filter(
    (e) => e.service === code && e.status !== 'Closed' && e.status !== 'Withdrawn' && samePaper(e),
  );
  if (open.length > 0) {
    c.add(
      'service',
      `${who} already has an open ${info.name.toLowerCase()} for ${form.board} ${paper}: ${open.map((e) => e.requestId).join(', ')}. Update that request instead of making a new one.`,
    );
    return;
  }
  const family = ONCE_PER_PAPER.find((f) => f.includes(code));
  if (family === undefined) return;
  const earlier = existing.find((e) => family.includes(e.service) && e.status !== 'Withdrawn' && samePaper(e));
  if (earlier !== undefined) {
    c.add(
      'service',
      `${who} has already had ${withArticle(earlier.service)} of ${form.board} ${paper} (${earlier.requestId}): the board allows only one per paper.`,
    );
  }
}

/** The services that look at a paper's marking again: none once its original script has been released. */
const REVIEWS_OF_A_PAPER: readonly ServiceCode[] = [
  'clerical-recheck',
  'review-of-marking',
  'priority-review-of-marking',
];

/**
 * Once the original script of a component is requested, that component can
 * no longer be reviewed (schools citing the boards, domain.md §1). Asking for
 * the original warns the officer; a later review of the same component (same
 * candidate, board, subject, component and series) is refused unless the
 * officer gives a reason, which is kept first in the Notes.
 */
export function originalScriptRule(c: RuleCheck, code: ServiceCode): void {
  const { form } = c;
  const existing = c.ctx.existing;
  const paper = form.component === '' ? 'this paper' : form.component;
  if (code === 'ats-original') {
    c.warn(
      'service',
      `Once the original script of ${paper} is requested, a clerical re-check or review of marking of that paper can no longer be requested. Check that the candidate does not want one first.`,
    );
  }
  const reviewing = REVIEWS_OF_A_PAPER.includes(code);
  const original = reviewing
    ? existing.find(
        (e) =>
          e.service === 'ats-original' &&
          e.status !== 'Withdrawn' &&
          form.candidateNumber !== '' &&
          e.candidateNumber === form.candidateNumber &&
          matchKey(e.board) === matchKey(form.board) &&
          matchKey(e.series) === matchKey(form.series) &&
          matchKey(e.subject) === matchKey(form.subject) &&
          form.component !== '' &&
          paperKey(e.component) === paperKey(form.component),
      )
    : undefined;
  if (original === undefined) {
    if (form.overrideReason !== '') {
      c.warn(
        'overrideReason',
        'No original script of this paper was requested, so the reason is not needed and is not recorded.',
      );
    }
    return;
  }
  if (form.overrideReason === '') {
    c.add(
      'overrideReason',
      `The original script of ${form.board} ${form.subject} ${form.component} was requested for candidate ${form.candidateNumber} (${original.requestId}), so ${withArticle(code)} of that paper can no longer be requested. Only if the board has agreed to it, give the reason to go ahead; it is kept in the notes.`,
    );
    return;
  }
  c.noteFirst(`Requested although the original script was requested (${original.requestId}): ${form.overrideReason}`);
}
