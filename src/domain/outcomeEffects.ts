/**
 * What an outcome sets in motion: the emails (as data for the mailer, which
 * sends each at most once), the officer's follow-ups and the appeal or EPRS
 * deadline. Pure: nothing here reads a sheet or sends.
 */
import { compareDates } from './calendar';
import { DEFAULT_EPRS_WINDOW_DAYS, type AppealWindows } from './deadlines';
import { familyDeadline, formatLongDate } from './formats';
import { findService } from './services';
import { valuesForRequest } from './templateValues';
import type { IsoDate, MailJob, PostResultsRequest, ServiceRow, Settings, TemplateName } from './types';
import { isEmailAddress } from './requestForm';
import { type OutcomeKind, classifyOutcome, isGradeChange } from './outcomes';
import { FOLLOW_UP_TEXT, refundFor } from './followUps';
import { appealDeadlineFor, eprsDeadlineFor } from './appealDeadlines';

export type ScriptRecipient = 'candidate' | 'teacher';

/** One email an outcome calls for; the mailer fills in the request's own values. */
export interface OutcomeMail {
  template: TemplateName;
  to: string;
  /** Values the request's columns do not hold (e.g. the appeal deadline). */
  extra: Record<string, string>;
}

export interface OutcomeEffects {
  kind: OutcomeKind;
  gradeChanged: boolean;
  /** Emails to send once the log is written. */
  mail: OutcomeMail[];
  /** What the officer must do now, one line each; also what was decided not to be needed (no refund). */
  followUps: string[];
  /** Things the officer should know (nobody could be emailed, direction unknown…). */
  warnings: string[];
  /** For a no-change outcome: the last day to appeal. */
  appealDeadline: IsoDate | null;
}

export interface OutcomeContext {
  today: IsoDate;
  settings: AppealWindows & Partial<Pick<Settings, 'bankHolidays'>>;
  services: readonly ServiceRow[];
}

const TEMPLATE_FOR: Readonly<Record<'grade-raised' | 'grade-lowered' | 'mark-changed' | 'no-change', TemplateName>> = {
  'grade-raised': 'Outcome: grade raised',
  'grade-lowered': 'Outcome: grade lowered',
  'mark-changed': 'Outcome: mark changed, grade unchanged',
  'no-change': 'Outcome: no change',
};

/**
 * What the results showed before, as the email says it. `#` is shown beside
 * a grade (partial absence: work counted for only some papers), never
 * instead of one; X means no result was issued, Q that it was pending.
 */
export function resultBefore(req: Pick<PostResultsRequest, 'service' | 'indicator' | 'originalGrade'>): string {
  const had = req.originalGrade.replace(/#/g, '').trim();
  if (req.indicator === '#') {
    return had === ''
      ? 'your grade with a # beside it (partial absence: work was only counted for some of your papers)'
      : `${had} with a # beside it (partial absence: work was only counted for some of your papers)`;
  }
  if (had !== '') return had;
  if (req.service === 'late-certification') return 'no certificated result yet';
  if (req.indicator === 'X') return 'X (no result issued)';
  if (req.indicator === 'Q') return 'Q (result pending)';
  return 'no result';
}

/** A date a family is given: a weekend or bank holiday also gives the school's last working day before it. */
function familyDate(date: IsoDate, ctx: OutcomeContext): string {
  return familyDeadline(date, ctx.settings.bankHolidays ?? []);
}

/** What an outcome (already in `req`) sets in motion: the emails, the follow-ups, the appeal deadline. */
export function outcomeEffects(
  req: PostResultsRequest,
  ctx: OutcomeContext,
  recipient: ScriptRecipient = req.requestedBy === 'teacher' ? 'teacher' : 'candidate',
): OutcomeEffects {
  const kind = classifyOutcome(req) as OutcomeKind;
  const effects: OutcomeEffects = {
    kind,
    gradeChanged: isGradeChange(kind),
    mail: [],
    followUps: [],
    warnings: [],
    appealDeadline: null,
  };
  const toCandidate = (template: TemplateName, extra: Record<string, string> = {}) => {
    if (isEmailAddress(req.email)) effects.mail.push({ template, to: req.email, extra });
    else {
      effects.warnings.push(
        `The log has no email address for the candidate on ${req.requestId}, so nobody was emailed: tell the candidate yourself.`,
      );
    }
  };
  const records = () => effects.followUps.push(`${FOLLOW_UP_TEXT.mis}.`, `${FOLLOW_UP_TEXT.sor}.`);

  if (kind === 'script') {
    const to = recipient === 'teacher' ? req.teacherEmail : req.email;
    effects.mail.push({
      template: recipient === 'teacher' ? 'Script ready (teacher)' : 'Script ready (candidate)',
      to,
      extra: { scriptLink: req.scriptLink, scriptRecipient: to },
    });
    return effects;
  }
  if (kind === 'result-issued') {
    // The email promises the school's records and an updated statement: both are follow-ups until done.
    records();
    toCandidate('Outcome: result issued', { previousResult: resultBefore(req) });
    return effects;
  }
  if (kind === 'result-confirmed') {
    effects.warnings.push(
      `The board confirmed the same result for ${req.requestId}; no shipped email fits, so nobody was emailed: tell the candidate yourself.`,
    );
    return effects;
  }
  if (req.service === 'review-of-moderation') return moderationEffects(req, ctx, kind, effects);
  if (isGradeChange(kind)) {
    const refund = refundFor(req);
    effects.followUps.push(refund.note);
    records();
    if (kind === 'grade-changed') {
      effects.warnings.push(
        `The add-on cannot tell whether ${req.newGrade} is higher or lower than ${req.originalGrade} for this qualification, so the candidate was not emailed: tell them yourself.`,
      );
    } else {
      toCandidate(TEMPLATE_FOR[kind as 'grade-raised' | 'grade-lowered']);
    }
    return effects;
  }
  const noRefund =
    kind === 'mark-changed'
      ? 'No refund: the mark changed but the grade did not, so the fee is charged.'
      : 'No refund: nothing changed.';
  // After the appeal hearing the board's process is over: the next step is Ofqual's EPRS, outside the tracker.
  if (req.service === 'appeal-hearing') {
    const eprs = eprsDeadlineFor(req, ctx.settings) as IsoDate;
    const days = ctx.settings.eprsWindowDays ?? DEFAULT_EPRS_WINDOW_DAYS;
    effects.appealDeadline = eprs;
    effects.followUps.push(
      `${noRefund} The board's appeals are finished. The candidate may apply to Ofqual's Exam Procedures Review Service (EPRS) until ${formatLongDate(eprs)} (${days} calendar days); the request is closed.`,
    );
    toCandidate('Appeal hearing outcome: no grade change', {
      eprsDeadline: familyDate(eprs, ctx),
      eprsWindowDays: String(days),
    });
    return effects;
  }
  // After a clerical re-check the next step is a review of marking, not an appeal (JCQ).
  if (req.service === 'clerical-recheck') {
    const review =
      findService(ctx.services, req.board, req.series, 'review-of-marking', req.qualification)?.deadline ?? null;
    if (review !== null && compareDates(ctx.today, review) <= 0) {
      effects.followUps.push(
        `${noRefund} An appeal can only follow a review of marking: the candidate may still ask for a review of marking of this paper until ${formatLongDate(review)}. The request is closed.`,
      );
      toCandidate('Re-check outcome: no grade change', { reviewDeadline: familyDate(review, ctx) });
    } else {
      effects.followUps.push(`${noRefund} The request is closed.`);
      effects.warnings.push(
        `The board's deadline for a review of marking ${review === null ? 'is not in the Services sheet' : `passed on ${formatLongDate(review)}`}, so no shipped email fits and nobody was emailed: tell the candidate the outcome yourself.`,
      );
    }
    return effects;
  }
  // No grade change: the candidate may take it to the next stage within its window.
  const deadline = appealDeadlineFor(req, ctx.services, ctx.settings) as IsoDate;
  effects.appealDeadline = deadline;
  const extra = { appealDeadline: familyDate(deadline, ctx) };
  if (req.service === 'appeal') {
    effects.followUps.push(
      `${noRefund} The candidate may ask for an appeal hearing (stage 2) until ${formatLongDate(deadline)}; the request closes then, or when a hearing is logged.`,
    );
    toCandidate('Appeal outcome: no grade change', extra);
    return effects;
  }
  effects.followUps.push(
    `${noRefund} The candidate may appeal until ${formatLongDate(deadline)}; the request closes then, or when an appeal is logged.`,
  );
  toCandidate(TEMPLATE_FOR[kind === 'mark-changed' ? 'mark-changed' : 'no-change'], extra);
  return effects;
}

/**
 * A review of moderation: the centre's request for one component's sample,
 * so no candidate is emailed (a lowered mark is never told as a grade gone
 * down). Published grades are not lowered in that series, though a lowered
 * mark may carry forward; the fee is the centre's and comes back only when
 * the centre's original marks are reinstated.
 */
function moderationEffects(
  req: PostResultsRequest,
  ctx: OutcomeContext,
  kind: OutcomeKind,
  effects: OutcomeEffects,
): OutcomeEffects {
  const refund = refundFor(req);
  const covered =
    req.candidatesCovered.trim() === ''
      ? 'the candidates covered'
      : `the candidates covered (${req.candidatesCovered.trim()})`;
  effects.followUps.push(refund.note);
  if (kind === 'moderation-raised') {
    effects.followUps.push(
      `Update the MIS with the new grades of ${covered} whose grades rose.`,
      'Issue them updated Statements of Results.',
    );
    effects.warnings.push(
      `A review of moderation covers the centre's sample, so no candidate was emailed: tell ${covered} whose grades rose.`,
    );
    return effects;
  }
  const deadline = appealDeadlineFor(req, ctx.services, ctx.settings) as IsoDate;
  effects.appealDeadline = deadline;
  if (kind === 'moderation-lowered') {
    effects.followUps.push(
      `Do not change the MIS: grades published in ${req.series || 'this series'} are not lowered after a review of moderation. The lowered marks may carry forward if these candidates' marks for ${req.component || 'the component'} are used again (a later series or certification).`,
    );
  }
  effects.followUps.push(
    `The centre may appeal until ${formatLongDate(deadline)}; the request closes then, or when an appeal is logged.`,
  );
  effects.warnings.push("A review of moderation covers the centre's sample, so no candidate was emailed.");
  return effects;
}

/**
 * The emails an outcome asks the mailer for: each keyed by the request, so
 * it goes at most once, with every value its template may use (the request's
 * own, the centre's, and the extra ones the outcome worked out).
 */
export function outcomeMailJobs(req: PostResultsRequest, effects: OutcomeEffects, settings: Settings): MailJob[] {
  return effects.mail.map((m) => ({
    requestId: req.requestId,
    template: m.template,
    to: m.to,
    values: valuesForRequest(req, settings, m.extra),
    // Only what goes to the candidate's own address may be copied to their parent.
    ...(m.to.trim() === req.email.trim() ? { toCandidate: req.candidateNumber } : {}),
  }));
}
