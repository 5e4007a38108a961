/**
 * A request's life after it is logged, and what each outcome sets in motion.
 *
 *   Received -> Submitted -> Acknowledged -> Outcome received -> Closed
 *   (and Withdrawn, from any step before an outcome)
 *
 * Each step takes the request as it is in the log and what the officer typed,
 * and answers either the request as it should now be, or every reason it
 * cannot be, beside the field concerned. Pure: "today" is a parameter, and
 * nothing here reads a sheet or sends an email; the emails an outcome calls
 * for come back as data for the mailer.
 */
import { addDays, compareDates, isIsoDate, parseUkOrIsoDate } from './calendar';
import { isServiceCode } from './catalogue';
import {
  appealWindowFromNotes,
  DEFAULT_EPRS_WINDOW_DAYS,
  DEFAULT_HEARING_WINDOW_DAYS,
  type AppealWindows,
} from './deadlines';
import { compareGrades, normaliseGrade } from './grades';
import { familyDeadline, formatLongDate, formatMoney, formatUkDate } from './formats';
import { findService } from './services';
import { valuesForRequest } from './templateValues';
import {
  MODERATION_OUTCOMES,
  type FieldError,
  type IsoDate,
  type MailJob,
  type PostResultsRequest,
  type ModerationOutcome,
  type ServiceRow,
  type Settings,
  type Status,
  type TemplateName,
} from './types';
import { isEmailAddress } from './requestForm';

// ---------------------------------------------------------------------------
// Where a request stands, and what its outcome means.
// ---------------------------------------------------------------------------

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

export type OutcomeKind =
  | 'grade-raised'
  | 'grade-lowered'
  /** The grade changed but no scale the add-on knows says which way. */
  | 'grade-changed'
  | 'mark-changed'
  | 'no-change'
  | 'script'
  /** A missing result or late certification: the board issued a result (or a different one). */
  | 'result-issued'
  /** The board confirmed the result the candidate already had. */
  | 'result-confirmed'
  /** Review of moderation: the centre's marks reinstated, or the moderated marks raised. */
  | 'moderation-raised'
  /** Review of moderation: marks lowered; grades published in the series are not lowered. */
  | 'moderation-lowered'
  | 'moderation-unchanged';

export function isGradeChange(kind: OutcomeKind | null): boolean {
  return kind === 'grade-raised' || kind === 'grade-lowered' || kind === 'grade-changed';
}

/**
 * Outcomes after which the school's records change: the MIS and an updated
 * Statement of Results (the school's procedure, seed 000). A grade change, a
 * result issued where there was none (or a different one), and moderated
 * marks raised (some candidates' grades may rise).
 */
export function changesRecords(kind: OutcomeKind | null): boolean {
  return isGradeChange(kind) || kind === 'result-issued' || kind === 'moderation-raised';
}

/** The grade did not change, so the candidate (or the centre) may take it to the next stage of appeal. */
export function noGradeChange(kind: OutcomeKind | null): boolean {
  return (
    kind === 'no-change' || kind === 'mark-changed' || kind === 'moderation-unchanged' || kind === 'moderation-lowered'
  );
}

export function isModerationOutcome(x: unknown): x is ModerationOutcome {
  return typeof x === 'string' && (MODERATION_OUTCOMES as readonly string[]).includes(x);
}

/** What each moderation outcome means, as the officer reads it. */
export const MODERATION_OUTCOME_TEXT: Readonly<Record<ModerationOutcome, string>> = {
  reinstated: "The centre's original marks were reinstated",
  raised: "The moderated marks were raised, but not to the centre's original marks",
  unchanged: 'The moderated marks did not change',
  lowered: 'The moderated marks were lowered',
};

function markNumber(mark: string): number | null {
  const s = String(mark ?? '').trim();
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : null;
}

function sameMark(a: string, b: string): boolean {
  const x = markNumber(a);
  const y = markNumber(b);
  if (x !== null && y !== null) return x === y;
  return normaliseGrade(a) === normaliseGrade(b);
}

/**
 * What the recorded outcome was, from the log's own columns; null while there
 * is no outcome or it is too incomplete to judge (a review with no new grade,
 * or no original grade to compare it with).
 */
export function classifyOutcome(
  req: Pick<
    PostResultsRequest,
    'service' | 'qualification' | 'outcomeReceived' | 'originalGrade' | 'newGrade' | 'originalMark' | 'newMark'
  > &
    Partial<Pick<PostResultsRequest, 'moderationOutcome'>>,
): OutcomeKind | null {
  if (!isIsoDate(req.outcomeReceived)) return null;
  if (isScript(req.service)) return 'script';
  if (isResultService(req.service)) return resultChanged(req) ? 'result-issued' : 'result-confirmed';
  if (!isReview(req.service)) return null;
  const moderation = String(req.moderationOutcome ?? '').trim();
  if (req.service === 'review-of-moderation' && isModerationOutcome(moderation)) {
    if (moderation === 'reinstated' || moderation === 'raised') return 'moderation-raised';
    return moderation === 'lowered' ? 'moderation-lowered' : 'moderation-unchanged';
  }
  if (req.newGrade.trim() === '' || req.originalGrade.trim() === '') return null;
  switch (compareGrades(req.qualification, req.originalGrade, req.newGrade)) {
    case 'up':
      return 'grade-raised';
    case 'down':
      return 'grade-lowered';
    case 'unknown':
      return 'grade-changed';
    default: {
      const marked = req.newMark.trim() !== '' && req.originalMark.trim() !== '';
      return marked && !sameMark(req.originalMark, req.newMark) ? 'mark-changed' : 'no-change';
    }
  }
}

/** A missing result or late certification: a result where there was none, or a different one. */
function resultChanged(
  req: Pick<PostResultsRequest, 'qualification' | 'originalGrade' | 'newGrade' | 'originalMark' | 'newMark'>,
): boolean {
  const had = req.originalGrade.trim();
  if (had === '') return req.newGrade.trim() !== '';
  if (compareGrades(req.qualification, had, req.newGrade) !== 'same') return true;
  return req.newMark.trim() !== '' && !sameMark(req.originalMark, req.newMark);
}

// ---------------------------------------------------------------------------
// Follow-ups after a grade change: refund, MIS, Statement of Results.
// ---------------------------------------------------------------------------

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

type FollowUpFields = Pick<
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

// ---------------------------------------------------------------------------
// The appeal window after an outcome with no change.
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// Reading what the officer typed.
// ---------------------------------------------------------------------------

export type StepAnswer<T extends object = object> =
  ({ ok: true; request: PostResultsRequest } & T) | { ok: false; errors: FieldError[] };

// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex -- a reason may run over several lines
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

class Reader {
  readonly errors: FieldError[] = [];
  private readonly input: Record<string, unknown>;

  constructor(input: unknown) {
    this.input =
      input !== null && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  }

  add(field: string, message: string): void {
    if (!this.errors.some((e) => e.field === field)) this.errors.push({ field, message });
  }

  has(field: string): boolean {
    return this.errors.some((e) => e.field === field);
  }

  private raw(key: string): unknown {
    return Object.prototype.hasOwnProperty.call(this.input, key) ? this.input[key] : undefined;
  }

  given(key: string): boolean {
    const v = this.raw(key);
    return v !== undefined && v !== null && String(v).trim() !== '';
  }

  text(key: string, label: string, max: number, multiLine = false): string {
    const v = this.raw(key);
    if (v === undefined || v === null) return '';
    if (typeof v !== 'string' && typeof v !== 'number') {
      this.add(key, `${label} should be text.`);
      return '';
    }
    const s = String(v).trim();
    if ((multiLine ? CONTROL_MULTI_LINE : CONTROL).test(s)) {
      this.add(key, `${label} contains characters that cannot be stored; retype it.`);
      return '';
    }
    if (Array.from(s).length > max) {
      this.add(key, `${label} is too long: at most ${max} characters.`);
      return '';
    }
    return s;
  }

  /** A date as typed (ISO or day-first UK), checked against today and the dates it must follow. */
  date(
    key: string,
    what: string,
    today: IsoDate,
    after: ReadonlyArray<{ date: IsoDate | ''; what: string }>,
    required = true,
  ): IsoDate | '' {
    const v = this.raw(key);
    if (v === undefined || v === null || String(v).trim() === '') {
      if (required) this.add(key, `Enter the date ${what}, like ${formatUkDate(today)}.`);
      return '';
    }
    const d = parseUkOrIsoDate(typeof v === 'string' ? v : String(v));
    if (d === null) {
      this.add(key, `"${String(v).slice(0, 30)}" is not a date: type it like ${formatUkDate(today)}.`);
      return '';
    }
    if (compareDates(d, today) > 0) {
      this.add(
        key,
        `${formatUkDate(d)} is in the future (today is ${formatUkDate(today)}): record it once it has happened.`,
      );
      return '';
    }
    for (const a of after) {
      if (isIsoDate(a.date) && compareDates(d, a.date) < 0) {
        this.add(key, `${formatUkDate(d)} is before ${a.what} (${formatUkDate(a.date)}).`);
        return '';
      }
    }
    return d;
  }
}

function refused(errors: FieldError[]): { ok: false; errors: FieldError[] } {
  return { ok: false, errors };
}

function received(req: PostResultsRequest) {
  return { date: req.received, what: 'the day the request was received' };
}

/** Why a step cannot happen at this stage, or null when it can. */
function closedOrWithdrawn(req: PostResultsRequest, doing: string): string | null {
  if (req.status === 'Withdrawn') return `${req.requestId} was withdrawn, so ${doing} cannot be recorded.`;
  if (req.status === 'Closed') return `${req.requestId} is closed, so ${doing} cannot be recorded.`;
  return null;
}

// ---------------------------------------------------------------------------
// The steps.
// ---------------------------------------------------------------------------

/** Submitted to the board, with the board's reference. Recording it again corrects it until the board acknowledges. */
export function recordSubmissionStep(req: PostResultsRequest, input: unknown, today: IsoDate): StepAnswer {
  const r = new Reader(input);
  const stop = closedOrWithdrawn(req, 'a submission');
  if (stop !== null) return refused([{ field: 'submittedOn', message: stop }]);
  const stage = stageOf(req);
  if (stage === 'acknowledged' || stage === 'outcome') {
    const when = stage === 'outcome' ? `its outcome was recorded` : `the board acknowledged it`;
    return refused([
      {
        field: 'submittedOn',
        message: `${req.requestId} is already past submission (${when}); correct the dates in the log itself if they are wrong.`,
      },
    ]);
  }
  const submittedOn = r.date('submittedOn', 'it was submitted to the board', today, [received(req)]);
  const boardReference = r.text('boardReference', 'The board reference', 100);
  if (r.errors.length > 0) return refused(r.errors);
  return {
    ok: true,
    request: { ...req, submittedToBoard: submittedOn, boardReference, status: 'Submitted' },
  };
}

/** The board's acknowledgement: only after a submission, never dated before it. */
export function recordAcknowledgementStep(req: PostResultsRequest, input: unknown, today: IsoDate): StepAnswer {
  const r = new Reader(input);
  const stop = closedOrWithdrawn(req, 'an acknowledgement');
  if (stop !== null) return refused([{ field: 'acknowledgedOn', message: stop }]);
  const stage = stageOf(req);
  if (stage === 'received') {
    return refused([
      {
        field: 'acknowledgedOn',
        message: `${req.requestId} has not been recorded as submitted to the board yet: record the submission first.`,
      },
    ]);
  }
  if (stage === 'outcome') {
    return refused([
      {
        field: 'acknowledgedOn',
        message: `${req.requestId} already has its outcome, which counts as the board's acknowledgement.`,
      },
    ]);
  }
  const acknowledgedOn = r.date('acknowledgedOn', 'the board acknowledged it', today, [
    received(req),
    { date: req.submittedToBoard, what: 'it was submitted to the board' },
  ]);
  if (r.errors.length > 0) return refused(r.errors);
  return { ok: true, request: { ...req, acknowledged: acknowledgedOn, status: 'Acknowledged' } };
}

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

const URL_SHAPE = /^https?:\/\/[^\s<>"]+$/i;

/** Why no outcome can be recorded for the request as it stands, or null when one can. */
export function outcomeNotYet(req: PostResultsRequest): FieldError | null {
  const stop = closedOrWithdrawn(req, 'an outcome');
  if (stop !== null) return { field: 'receivedOn', message: stop };
  const stage = stageOf(req);
  if (stage === 'received') {
    return {
      field: 'receivedOn',
      message: `${req.requestId} has not been recorded as submitted to the board yet: record the submission first.`,
    };
  }
  if (stage === 'outcome') {
    return {
      field: 'receivedOn',
      message: `An outcome for ${req.requestId} was already recorded on ${formatUkDate(req.outcomeReceived)}. To correct it, edit the log itself.`,
    };
  }
  if (!isServiceCode(req.service)) {
    return {
      field: 'requestId',
      message: `${req.requestId} has "${String(req.service).slice(0, 40)}" in its Service column, which is not a service the add-on knows: correct it in the log first.`,
    };
  }
  return null;
}

/** A missing or late result: the result the board has now issued, to tell the candidate. */
function requireIssuedResult(r: Reader, newGrade: string): void {
  if (newGrade === '' && !r.has('newGrade')) {
    r.add('newGrade', 'Enter the result the board has now issued (the grade), to tell the candidate.');
  }
}

/** A review of moderation covers the centre's sample: its outcome is what happened to the moderated marks. */
function readModerationOutcome(r: Reader): string {
  const moderationOutcome = r.text('moderationOutcome', 'The moderation outcome', 20).toLowerCase();
  if (!isModerationOutcome(moderationOutcome) && !r.has('moderationOutcome')) {
    r.add(
      'moderationOutcome',
      "Choose what the board decided: the centre's original marks reinstated, the moderated marks raised, unchanged or lowered.",
    );
  }
  return moderationOutcome;
}

/**
 * A review needs the grade after it, and the grade (and mark, when a new mark
 * is given) before it to compare with: from the log, or typed here when the log has none.
 */
function readReviewGrades(
  r: Reader,
  req: PostResultsRequest,
  newMark: string,
  newGrade: string,
): { originalGrade: string; originalMark: string } {
  let originalGrade = req.originalGrade;
  let originalMark = req.originalMark;
  if (newGrade === '' && !r.has('newGrade'))
    r.add('newGrade', 'Enter the grade after the review, as the board gives it.');
  if (originalGrade.trim() === '') {
    originalGrade = r.text('originalGrade', 'The original grade', 20);
    if (originalGrade === '' && !r.has('originalGrade')) {
      r.add(
        'originalGrade',
        `The log has no original grade for ${req.requestId}: enter the grade before the review, so the add-on can tell whether it changed.`,
      );
    }
  }
  if (newMark !== '' && originalMark.trim() === '') {
    originalMark = r.text('originalMark', 'The original mark', 20);
    if (originalMark === '' && !r.has('originalMark')) {
      r.add(
        'originalMark',
        `The log has no original mark for ${req.requestId}: enter the mark before the review, so the add-on can tell whether it changed.`,
      );
    }
  }
  return { originalGrade, originalMark };
}

function whoAsked(req: PostResultsRequest): ScriptRecipient {
  return req.requestedBy === 'teacher' ? 'teacher' : 'candidate';
}

/** A script: the link to its file, and who it goes to (whoever asked, unless the officer says otherwise), who must have an email. */
function readScript(r: Reader, req: PostResultsRequest): { scriptLink: string; recipient: ScriptRecipient } {
  let recipient = whoAsked(req);
  const scriptLink = r.text('scriptLink', 'The script link', 2000);
  if (scriptLink === '' && !r.has('scriptLink')) {
    r.add(
      'scriptLink',
      'Enter the link to the script file (for example its Google Drive link), to send to whoever asked.',
    );
  } else if (scriptLink !== '' && !URL_SHAPE.test(scriptLink)) {
    r.add(
      'scriptLink',
      'The script link should be a web address starting https:// (for example its Google Drive link).',
    );
  }
  const who = r.text('scriptRecipient', 'Who the script went to', 20).toLowerCase();
  if (who === 'candidate' || who === 'teacher') recipient = who;
  else if (who !== '') r.add('scriptRecipient', 'Choose who the script goes to: the candidate or the teacher.');
  const address = recipient === 'teacher' ? req.teacherEmail : req.email;
  if (!r.has('scriptRecipient') && !isEmailAddress(address)) {
    r.add(
      'scriptRecipient',
      recipient === 'teacher'
        ? `The log has no teacher email for ${req.requestId}: add it in the Teacher email column, or send the script to the candidate.`
        : `The log has no email address for the candidate on ${req.requestId}: add it in the Email column first.`,
    );
  }
  return { scriptLink, recipient };
}

/**
 * The board's outcome. Before an acknowledgement was recorded it is still
 * accepted (the board plainly had the request) and the acknowledgement is
 * recorded with the outcome's date. A review needs the new grade (and the
 * original grade to compare it with, taken from the log or given here); a
 * script needs the link to the file and goes to whoever asked for it.
 */
export function recordOutcomeStep(
  req: PostResultsRequest,
  input: unknown,
  ctx: OutcomeContext,
): StepAnswer<{ effects: OutcomeEffects }> {
  const notYet = outcomeNotYet(req);
  if (notYet !== null) return refused([notYet]);
  const r = new Reader(input);
  const receivedOn = r.date('receivedOn', 'the outcome was received', ctx.today, [
    received(req),
    { date: req.submittedToBoard, what: 'it was submitted to the board' },
    { date: req.acknowledged, what: 'the board acknowledged it' },
  ]);
  const newMark = r.text('newMark', 'The new mark', 20);
  const newGrade = r.text('newGrade', 'The new grade', 20);
  const moderation = req.service === 'review-of-moderation';
  const script = isScript(req.service);

  if (isResultService(req.service)) requireIssuedResult(r, newGrade);
  const moderationOutcome = moderation ? readModerationOutcome(r) : req.moderationOutcome;
  const grades =
    isReview(req.service) && !moderation
      ? readReviewGrades(r, req, newMark, newGrade)
      : { originalGrade: req.originalGrade, originalMark: req.originalMark };
  const sent = script ? readScript(r, req) : { scriptLink: req.scriptLink, recipient: whoAsked(req) };
  if (r.errors.length > 0) return refused(r.errors);

  const request: PostResultsRequest = {
    ...req,
    outcomeReceived: receivedOn,
    acknowledged: isIsoDate(req.acknowledged) ? req.acknowledged : receivedOn,
    newMark,
    newGrade,
    ...grades,
    moderationOutcome,
    scriptLink: sent.scriptLink,
  };
  const effects = outcomeEffects(request, ctx, sent.recipient);
  request.status = statusAfterOutcome(request, effects.kind);
  return { ok: true, request, effects };
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
 * Dates of the follow-ups done: refund issued, MIS updated, Statement of
 * Results issued (any of them). The request closes when none is left open.
 */
export function recordFollowUpStep(
  req: PostResultsRequest,
  input: unknown,
  today: IsoDate,
): StepAnswer<{ open: FollowUp[] }> {
  const r = new Reader(input);
  if (req.status === 'Withdrawn') {
    return refused([{ field: 'refundIssuedOn', message: `${req.requestId} was withdrawn: it has no follow-ups.` }]);
  }
  if (!isIsoDate(req.outcomeReceived)) {
    return refused([
      {
        field: 'refundIssuedOn',
        message: `${req.requestId} has no outcome yet: follow-ups are recorded after the outcome.`,
      },
    ]);
  }
  const outcome = { date: req.outcomeReceived, what: 'the outcome was received' };
  const keys = ['refundIssuedOn', 'misUpdatedOn', 'sorIssuedOn'] as const;
  if (!keys.some((k) => r.given(k))) {
    return refused([{ field: 'refundIssuedOn', message: 'Enter the date of at least one follow-up done.' }]);
  }
  const refundIssuedOn = r.date('refundIssuedOn', 'the refund was issued', today, [outcome], false);
  const misUpdatedOn = r.date('misUpdatedOn', 'the MIS was updated', today, [outcome], false);
  const sorIssuedOn = r.date('sorIssuedOn', 'the updated Statement of Results was issued', today, [outcome], false);
  if (refundIssuedOn !== '' && !refundFor(req).due && !isIsoDate(req.refundIssued)) {
    r.add('refundIssuedOn', `No refund is due on ${req.requestId}. ${refundFor(req).note}`);
  }
  if (r.errors.length > 0) return refused(r.errors);

  const request: PostResultsRequest = {
    ...req,
    refundIssued: refundIssuedOn || req.refundIssued,
    misUpdated: misUpdatedOn || req.misUpdated,
    sorIssued: sorIssuedOn || req.sorIssued,
  };
  const open = openFollowUps(request);
  if (req.status !== 'Closed') {
    const kind = classifyOutcome(request);
    if (changesRecords(kind) && open.length === 0) request.status = 'Closed';
  }
  return { ok: true, request, open };
}

/** Withdrawn, with the reason kept in Notes. Not once the outcome is in: then there is nothing to withdraw. */
export function withdrawStep(
  req: PostResultsRequest,
  input: unknown,
  today: IsoDate,
): StepAnswer<{ tellBoard: boolean }> {
  const r = new Reader(input);
  if (req.status === 'Withdrawn')
    return refused([{ field: 'reason', message: `${req.requestId} is already withdrawn.` }]);
  if (req.status === 'Closed')
    return refused([{ field: 'reason', message: `${req.requestId} is closed: it cannot be withdrawn.` }]);
  if (isIsoDate(req.outcomeReceived)) {
    return refused([
      {
        field: 'reason',
        message: `The board's outcome for ${req.requestId} is already recorded (${formatUkDate(req.outcomeReceived)}): it cannot be withdrawn now.`,
      },
    ]);
  }
  const reason = r.text('reason', 'The reason', 500, true);
  if (reason === '' && !r.has('reason')) r.add('reason', 'Say why the request is withdrawn (it is kept in the Notes).');
  if (r.errors.length > 0) return refused(r.errors);
  const line = `Withdrawn on ${formatUkDate(today)}: ${reason}`;
  return {
    ok: true,
    request: { ...req, status: 'Withdrawn', notes: req.notes.trim() === '' ? line : `${req.notes}\n${line}` },
    tellBoard: isIsoDate(req.submittedToBoard),
  };
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
