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
import { compareDates, isIsoDate, parseUkOrIsoDate } from './calendar';
import { isServiceCode } from './catalogue';
import { formatUkDate } from './formats';
import type { FieldError, IsoDate, PostResultsRequest } from './types';
import { isEmailAddress } from './requestForm';
import { isResultService, isReview, isScript, stageOf } from './stages';
import { changesRecords, classifyOutcome, isModerationOutcome } from './outcomes';
import { type FollowUp, openFollowUps, refundFor, statusAfterOutcome } from './followUps';
import { type OutcomeContext, type OutcomeEffects, type ScriptRecipient, outcomeEffects } from './outcomeEffects';

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
