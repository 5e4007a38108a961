/**
 * Recording the board's outcome: what a review, a result, a review of
 * moderation or a script needs the officer to type, before outcomeEffects
 * works out what follows.
 */
import { isIsoDate } from './calendar';
import { isServiceCode } from './catalogue';
import { formatUkDate } from './formats';
import type { FieldError, PostResultsRequest } from './types';
import { isEmailAddress } from './requestForm';
import { isResultService, isReview, isScript, stageOf } from './stages';
import { isModerationOutcome } from './outcomes';
import { statusAfterOutcome } from './followUps';
import { type OutcomeContext, type OutcomeEffects, type ScriptRecipient, outcomeEffects } from './outcomeEffects';
import { Reader, type StepAnswer, closedOrWithdrawn, received, refused } from './stepInput';

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
