/**
 * Is this request complete, and is it allowed? Every answer is a list of
 * FieldErrors, all at once, each in words the officer would use and beside
 * the field that needs changing.
 *
 * Two layers, because they run in different places:
 * - checkForm: the shape of the form. Runs in the sidebar as the officer
 *   types and again on the server, which never trusts the sidebar: the input
 *   may be anything (tampered, partial, wrong types), so it takes `unknown`.
 * - checkRules: the officer's rules (consent, payment, deadlines, appeals,
 *   duplicates). Needs the `Services` and `Settings` sheets and the logs, so
 *   it runs on the server.
 *
 * Warnings are things to check, not reasons to refuse (an unconfirmed UCI
 * check letter, a Pearson GCSE priority review); they never block a request.
 *
 * Each rule is a named function in the module of what it is about: the form's
 * fields (requestForm.ts), consent (consent.ts), appeals (appeals.ts), earlier
 * requests of the same paper (earlierRequests.ts), the Services sheet's fee and
 * deadline (feesAndDeadlines.ts); the few that belong to no one subject are here.
 *
 * Where the sources are silent, these choices were made:
 * - Every access-to-scripts request needs the candidate's consent (JCQ's
 *   script consent form; domain.md §8), whoever asked; the message says why.
 * - Only a priority review of marking is limited to Level 3. A priority copy
 *   of a script exists to help decide on any review, so GCSE is fine.
 * - An appeal may follow a review of marking (priority or not) or a review of
 *   moderation, not a clerical re-check (JCQ). A late reason can override the
 *   appeal window as it can a board deadline: boards accept explanations.
 * - "Per paper" means the same board, series and component: a resit in a
 *   later series is a new paper. A review of moderation covers the centre's
 *   sample, so its duplicates are per paper, not per candidate.
 */
import { isIsoDate } from './calendar';
import { formatUkDate } from './formats';
import { CATALOGUE, priorityAllowed } from './catalogue';
import { reasonsReceivedRule, relatedReviewRule } from './appeals';
import { consentRule } from './consent';
import { feeAndDeadline } from './deadlines';
import { duplicatesRule, originalScriptRule } from './earlierRequests';
import { deadlineRule, paymentRule, serviceRowRule } from './feesAndDeadlines';
import { checkForm, inFormOrder, isCompleteForm } from './requestForm';
import { RuleCheck, type RuleContext, type RulesAnswer } from './ruleCheck';
import type { RequestForm, RequestFormDraft, ServiceCode } from './types';
import { uciCandidateNumber, uciCentreNumber } from './uci';
import { quote } from './wording';

export { checkForm, FIELD_LABELS, isCompleteForm, isEmailAddress, MAX_LENGTH } from './requestForm';
export type { ExistingRequest, RuleContext, RulesAnswer } from './ruleCheck';

/** Dates that cannot be in the future, whatever the service. */
export function datesNotInFuture(c: RuleCheck): void {
  const { form, ctx } = c;
  const today = ctx.today;
  const uk = formatUkDate;
  if (isIsoDate(form.resultsIssued) && form.resultsIssued > today) {
    c.add(
      'resultsIssued',
      `The results issue date ${uk(form.resultsIssued)} is in the future (today is ${uk(today)}).`,
    );
  }
  if (isIsoDate(form.consentDate) && form.consentDate > today) {
    c.add('consentDate', `The consent date ${uk(form.consentDate)} is in the future (today is ${uk(today)}).`);
  }
  if (isIsoDate(form.reasonsReceived) && form.reasonsReceived > today) {
    c.add('reasonsReceived', `The reasons date ${uk(form.reasonsReceived)} is in the future (today is ${uk(today)}).`);
  }
}

/** A UCI of this centre for a different candidate number is probably a typing slip, but numbers can be reissued: a warning. */
export function uciMatchesCandidate(c: RuleCheck): void {
  const { form, ctx } = c;
  const uciCentre = form.uci === '' ? null : uciCentreNumber(form.uci);
  const uciNumber = form.uci === '' ? null : uciCandidateNumber(form.uci);
  if (
    uciCentre !== null &&
    uciCentre === ctx.settings.centreNumber &&
    form.candidateNumber !== '' &&
    uciNumber !== form.candidateNumber
  ) {
    c.warn(
      'uci',
      `The UCI ${form.uci} was given to candidate number ${uciNumber} at this centre, but the form says ${form.candidateNumber}. Check both.`,
    );
  }
}

/** A priority review of marking is for candidates whose next step depends on it, and for Level 3 only. */
export function priorityRule(c: RuleCheck, code: ServiceCode): void {
  const { form } = c;
  if (code !== 'priority-review-of-marking' || form.qualification === '') return;
  const allowed = priorityAllowed(form.board, form.qualification);
  if (!allowed.allowed) {
    c.add(
      'qualification',
      `A priority review of marking is only for AS/A level and other Level 3 qualifications (it is for candidates whose university place depends on the outcome); ${quote(form.qualification)} is not one.`,
    );
  } else if (allowed.warning !== undefined) {
    c.warn('qualification', allowed.warning);
  }
}

/**
 * The officer's rules for a request whose shape checkForm has seen. Each rule
 * runs only on the fields it needs, so a form with mistakes still gets every
 * other rule's answer.
 */
export function checkRules(form: RequestFormDraft, ctx: RuleContext): RulesAnswer {
  const answer = applyRules(form, ctx);
  return { ...answer, errors: inFormOrder(answer.errors), warnings: inFormOrder(answer.warnings) };
}

function applyRules(form: RequestFormDraft, ctx: RuleContext): RulesAnswer {
  const c = new RuleCheck(form, ctx);
  datesNotInFuture(c);
  uciMatchesCandidate(c);
  if (form.service === '') return c.answer;
  const code = form.service;
  c.answer.log = CATALOGUE[code].log;
  consentRule(c, code);
  priorityRule(c, code);
  const reviewOutcome = relatedReviewRule(c, code);
  const reasonsReceived = reasonsReceivedRule(c, code, reviewOutcome);
  duplicatesRule(c, code);
  // An original script released means that paper can no longer be reviewed (the board's rule); the officer may override.
  originalScriptRule(c, code);
  const row = serviceRowRule(c, code);
  if (row === null) return c.answer;
  const request = { board: form.board, series: form.series, service: code, qualification: form.qualification };
  const priced = feeAndDeadline(ctx.services, request, { settings: ctx.settings, reviewOutcome, reasonsReceived });
  c.answer.deadline = priced.deadline;
  paymentRule(c, code, row);
  deadlineRule(c, code, row, priced, { reviewOutcome, reasonsReceived });
  return c.answer;
}

export interface ValidatedRequest extends RulesAnswer {
  ok: boolean;
  form: RequestFormDraft;
  /** The form, complete, when there are no errors: what submitRequest stores. */
  request: RequestForm | null;
}

/**
 * Both layers, every error at once. A field the shape check refused is not
 * judged again by the rules (its value is unknown), but every other rule runs.
 */
export function validateRequest(input: unknown, ctx: RuleContext): ValidatedRequest {
  const shape = checkForm(input);
  const rules = checkRules(shape.form, ctx);
  const refused = new Set(shape.errors.map((e) => e.field));
  const errors = inFormOrder([...shape.errors, ...rules.errors.filter((e) => !refused.has(e.field))]);
  const ok = errors.length === 0 && isCompleteForm(shape.form);
  return {
    ...rules,
    ok,
    errors,
    warnings: inFormOrder([...shape.warnings, ...rules.warnings]),
    form: shape.form,
    request: ok && isCompleteForm(shape.form) ? shape.form : null,
  };
}
