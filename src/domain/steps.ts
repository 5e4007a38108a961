/**
 * The steps of a request's life besides its outcome (outcomeStep.ts):
 * submission, acknowledgement, follow-ups done, withdrawal. Each takes the
 * request as it is in the log and what the officer typed, and answers either
 * the request as it should now be or every reason it cannot be, beside the
 * field concerned. Pure: "today" is a parameter.
 */
import { isIsoDate } from './calendar';
import { formatUkDate } from './formats';
import type { IsoDate, PostResultsRequest } from './types';
import { stageOf } from './stages';
import { changesRecords, classifyOutcome } from './outcomes';
import { type FollowUp, openFollowUps, refundFor } from './followUps';
import { Reader, type StepAnswer, closedOrWithdrawn, received, refused } from './stepInput';

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
