/**
 * A request as it first goes into a log: the form as the rules accepted it,
 * and every later step (submission, acknowledgement, outcome, refund, MIS)
 * still blank, so the log's row says plainly that nothing has happened yet.
 */
import type { IsoDate, LogName, Paid, PostResultsRequest, RequestForm } from './types';

/** What taking the request decided beyond the form: its ID and log, and what the rules worked out. */
export interface Taking {
  requestId: string;
  sheet: LogName;
  received: IsoDate;
  /** "paper form" or "online form"; kept only when the candidate consented. */
  consentSource: string;
  fee: number | null;
  paid: Paid;
  deadline: IsoDate | null;
  /** The officer's notes, with any late or override reason put first. */
  notes: string;
}

/** The new log row: status Received, no later step recorded, no flag. */
export function newLogRow(form: RequestForm, taking: Taking): PostResultsRequest {
  return {
    ...form,
    requestId: taking.requestId,
    sheet: taking.sheet,
    received: taking.received,
    consentSource: form.consent ? taking.consentSource : '',
    fee: taking.fee,
    paid: taking.paid,
    paidOn: '',
    paymentReference: '',
    deadline: taking.deadline ?? '',
    submittedToBoard: '',
    boardReference: '',
    acknowledged: '',
    outcomeReceived: '',
    newGrade: '',
    newMark: '',
    moderationOutcome: '',
    scriptLink: '',
    refundIssued: '',
    misUpdated: '',
    sorIssued: '',
    status: 'Received',
    flags: '',
    notes: taking.notes,
  };
}
