/**
 * A school as the officer fills in Settings, and a request as the log holds
 * it, for the template, letter and mail tests. Hillside Academy is invented;
 * the exam facts are the June 2026 seed rows.
 */
import { defaultSettings } from '../../src/domain/settings';
import type { PostResultsRequest, Settings } from '../../src/domain/types';

export const SCHOOL: Settings = {
  ...defaultSettings(),
  centreName: 'Hillside Academy',
  centreNumber: '68199',
  centreAddress: 'Hill Road, Leeds LS6 2AA',
  officerName: 'Jo Patel',
  officerEmail: 'exams@hillside.example.org',
  sltContact: 'Mr Okafor (Deputy Head), in the library until 1pm',
  enquiriesContact: 'the exams office (exams@hillside.example.org, 0113 496 0000)',
};

/** Amy Brown's review of marking of AQA A level Chemistry paper 1: B, 61 marks, £48.65 paid. */
export function amysReview(over: Partial<PostResultsRequest> = {}): PostResultsRequest {
  return {
    requestId: 'R-2026-0001',
    sheet: 'Requests',
    received: '2026-08-20',
    candidateNumber: '0042',
    surname: 'Brown',
    forename: 'Amy',
    email: 'amy.brown@example.org',
    uci: '',
    board: 'AQA',
    qualification: 'GCE A level',
    subject: 'Chemistry',
    component: '7405/1',
    series: 'June 2026',
    service: 'review-of-marking',
    requestedBy: 'candidate',
    teacherEmail: '',
    consent: true,
    consentDate: '2026-08-20',
    fee: 48.65,
    paid: 'yes',
    deadline: '2026-09-24',
    resultsIssued: '2026-08-13',
    relatedRequestId: '',
    reason: '',
    indicator: '',
    submittedToBoard: '',
    boardReference: '',
    acknowledged: '',
    outcomeReceived: '',
    originalGrade: 'B',
    newGrade: '',
    originalMark: '61',
    newMark: '',
    scriptLink: '',
    refundIssued: '',
    misUpdated: '',
    sorIssued: '',
    status: 'Received',
    flags: '',
    notes: '',
    ...over,
  };
}
