/**
 * A request as the log holds it, for the lifecycle and daily-check rules.
 *
 * The calendar of the fixtures: GCSE results day was Thursday 20 August 2026;
 * Monday 31 August 2026 is the summer bank holiday (in the default Settings).
 *
 *   Thu 20  Fri 21  Sat 22  Sun 23  Mon 24  Tue 25  Wed 26  Thu 27  Fri 28
 *   Sat 29  Sun 30  Mon 31 (bank holiday)  Tue 1 Sep  Wed 2  Thu 3  Fri 4
 */
import { defaultSettings } from '../../src/domain/settings';
import type { PostResultsRequest } from '../../src/domain/types';
import { reviewRequestForm } from '../fixtures/forms';

export const settings = defaultSettings();

/** Amy's form (fixtures/forms.ts) as the log holds it: a late or override reason is folded into the notes. */
const { lateReason: _late, overrideReason: _override, ...amysForm } = reviewRequestForm();

/** Amy Brown's review of marking of AQA A level Chemistry paper 1: B, 61 marks, £48.65 paid. */
export function request(over: Partial<PostResultsRequest> = {}): PostResultsRequest {
  return {
    ...amysForm,
    requestId: 'R-2026-0001',
    sheet: 'Requests',
    received: '2026-08-20',
    consentSource: 'paper form',
    fee: 48.65,
    paidOn: '',
    paymentReference: '',
    deadline: '2026-09-24',
    moderationOutcome: '',
    submittedToBoard: '',
    boardReference: '',
    acknowledged: '',
    outcomeReceived: '',
    newGrade: '',
    newMark: '',
    scriptLink: '',
    refundIssued: '',
    misUpdated: '',
    sorIssued: '',
    status: 'Received',
    flags: '',
    ...over,
  };
}

/** The same request, submitted on Monday 24 August with the board's reference. */
export function submitted(over: Partial<PostResultsRequest> = {}): PostResultsRequest {
  return request({ submittedToBoard: '2026-08-24', boardReference: 'AQA-77123', status: 'Submitted', ...over });
}

/** Submitted on the 24th and acknowledged on the 25th. */
export function acknowledged(over: Partial<PostResultsRequest> = {}): PostResultsRequest {
  return submitted({ acknowledged: '2026-08-25', status: 'Acknowledged', ...over });
}

/** A copy of Amy's script, asked for by her teacher. */
export function scriptRequest(over: Partial<PostResultsRequest> = {}): PostResultsRequest {
  return acknowledged({
    requestId: 'S-2026-0001',
    sheet: 'Access to scripts',
    service: 'ats-copy',
    fee: 0,
    paid: 'no',
    deadline: '2026-10-30',
    requestedBy: 'teacher',
    teacherEmail: 'r.patel@example.org',
    originalGrade: '',
    originalMark: '',
    ...over,
  });
}
