/**
 * The sheets the add-on owns and the headers it finds its columns by.
 * Officers may reorder columns, add their own and sort rows, so nothing in the
 * code relies on a column's position: only on these header texts.
 */
import type { PostResultsRequest } from './types';

export const SHEET = {
  requests: 'Requests',
  scripts: 'Access to scripts',
  services: 'Services',
  settings: 'Settings',
  candidates: 'Candidates',
  templates: 'Templates',
  correspondence: 'Correspondence',
  dashboard: 'SLT dashboard',
} as const;
export type SheetName = (typeof SHEET)[keyof typeof SHEET];

/** How a column's cells are stored: text never becomes a number, date or formula. */
export type ColumnKind = 'text' | 'date' | 'datetime' | 'money' | 'number' | 'boolean';

export interface ColumnSpec {
  header: string;
  kind: ColumnKind;
  /** Width in pixels that setUp gives a new column. */
  width: number;
}

const text = (header: string, width = 120): ColumnSpec => ({ header, kind: 'text', width });
const date = (header: string, width = 100): ColumnSpec => ({ header, kind: 'date', width });

/** Both logs share one layout; each header maps to one field of a request. */
export const LOG_COLUMNS: ReadonlyArray<ColumnSpec & { field: keyof PostResultsRequest }> = [
  { ...text('Request ID', 110), field: 'requestId' },
  { ...date('Received'), field: 'received' },
  { ...text('Candidate number', 90), field: 'candidateNumber' },
  { ...text('Surname', 130), field: 'surname' },
  { ...text('Forename', 130), field: 'forename' },
  { ...text('Email', 200), field: 'email' },
  { ...text('UCI', 130), field: 'uci' },
  { ...text('Board', 120), field: 'board' },
  { ...text('Qualification', 120), field: 'qualification' },
  { ...text('Subject', 140), field: 'subject' },
  { ...text('Component', 110), field: 'component' },
  { ...text('Series', 100), field: 'series' },
  { ...text('Service', 170), field: 'service' },
  { ...text('Requested by', 100), field: 'requestedBy' },
  { ...text('Teacher email', 200), field: 'teacherEmail' },
  { header: 'Consent', kind: 'boolean', width: 80, field: 'consent' },
  { ...date('Consent date'), field: 'consentDate' },
  { ...text('Consent source', 110), field: 'consentSource' },
  { header: 'Fee', kind: 'money', width: 80, field: 'fee' },
  { ...text('Paid', 80), field: 'paid' },
  { ...date('Paid on'), field: 'paidOn' },
  { ...text('Payment reference', 150), field: 'paymentReference' },
  { ...date('Deadline'), field: 'deadline' },
  { ...date('Results issued'), field: 'resultsIssued' },
  { ...text('Related request', 110), field: 'relatedRequestId' },
  { ...text('Priority reason', 200), field: 'reason' },
  { ...text('Indicator', 80), field: 'indicator' },
  { ...date('Reasons received', 110), field: 'reasonsReceived' },
  { ...text('Candidates covered', 200), field: 'candidatesCovered' },
  { ...date('Submitted to board', 110), field: 'submittedToBoard' },
  { ...text('Board reference', 130), field: 'boardReference' },
  { ...date('Acknowledged'), field: 'acknowledged' },
  { ...date('Outcome received', 110), field: 'outcomeReceived' },
  { ...text('Original grade', 90), field: 'originalGrade' },
  { ...text('New grade', 90), field: 'newGrade' },
  { ...text('Original mark', 90), field: 'originalMark' },
  { ...text('New mark', 90), field: 'newMark' },
  { ...text('Moderation outcome', 160), field: 'moderationOutcome' },
  { ...text('Script link', 200), field: 'scriptLink' },
  { ...date('Refund issued'), field: 'refundIssued' },
  { ...date('MIS updated'), field: 'misUpdated' },
  { ...date('SoR issued'), field: 'sorIssued' },
  { ...text('Status', 120), field: 'status' },
  { ...text('Flags', 260), field: 'flags' },
  { ...text('Notes', 300), field: 'notes' },
];

/**
 * Log columns added after the first season's layout. A log made before them
 * is still read (they read as blank) until Set up adds them at its end; only
 * what writes them (marking payments) needs them there.
 */
export const LATER_LOG_HEADERS: ReadonlySet<string> = new Set(['Consent source', 'Paid on', 'Payment reference']);

/** The log columns every log must have for the add-on to read it. */
export const REQUIRED_LOG_COLUMNS = LOG_COLUMNS.filter((c) => !LATER_LOG_HEADERS.has(c.header));

export const SERVICES_COLUMNS: readonly ColumnSpec[] = [
  text('Board', 130),
  text('Series', 110),
  text('Service', 190),
  // Blank for every level; GCSE, AS/A level, Level 1/2 vocational, Level 3 vocational or Other where the board prices them apart.
  text('Level', 150),
  { header: 'Fee', kind: 'money', width: 80 },
  date('Deadline'),
  { header: 'Turnaround days', kind: 'number', width: 110 },
  text('Notes', 500),
];

export const SETTINGS_COLUMNS: readonly ColumnSpec[] = [text('Setting', 260), text('Value', 360), text('About', 420)];

export const CANDIDATES_COLUMNS: readonly ColumnSpec[] = [
  text('Candidate number', 110),
  text('Surname', 140),
  text('Forename', 140),
  text('Email', 220),
  text('Parent email', 220),
  text('Tutor group', 90),
  text('UCI', 130),
];

export const TEMPLATES_COLUMNS: readonly ColumnSpec[] = [text('Name', 200), text('Subject', 300), text('Body', 600)];

export const CORRESPONDENCE_COLUMNS: readonly ColumnSpec[] = [
  { header: 'Sent', kind: 'datetime', width: 140 },
  text('Request ID', 110),
  text('To', 220),
  text('Template', 160),
  text('Subject', 260),
  text('Body', 500),
  text('Status', 100),
  // A queued email's values (JSON), so the daily run can send it later; emptied once it is sent or refused.
  text('Queued values', 200),
  // The keyed digest of what the add-on queued (src/domain/mailSeal.ts): a queued row sends only if it matches.
  text('Seal', 120),
];

/** Headers of every sheet that has a table layout (the dashboard is laid out by its refresh). */
export const SHEET_COLUMNS: Readonly<Record<Exclude<SheetName, 'SLT dashboard'>, readonly ColumnSpec[]>> = {
  [SHEET.requests]: LOG_COLUMNS,
  [SHEET.scripts]: LOG_COLUMNS,
  [SHEET.services]: SERVICES_COLUMNS,
  [SHEET.settings]: SETTINGS_COLUMNS,
  [SHEET.candidates]: CANDIDATES_COLUMNS,
  [SHEET.templates]: TEMPLATES_COLUMNS,
  [SHEET.correspondence]: CORRESPONDENCE_COLUMNS,
};

/** Header comparison as the contract states it: case and surrounding spaces ignored. */
export function headerKey(header: unknown): string {
  return String(header ?? '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}
