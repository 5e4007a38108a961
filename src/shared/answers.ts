/**
 * What every server function a page calls answers, as plain types: the one
 * description of the seam between the pages (sidebar/) and the server
 * (src/app/). Compiled by both the server's and the sidebar's tsconfig, so it
 * names no Apps Script or DOM type; the server returns these and the pages
 * read them, so a renamed field fails \`npm run typecheck\` on both sides.
 */
import type { ListRow } from '../domain/dataLists';
import type { PaymentsMatched } from '../domain/payments';
import type { ArchiveRow, KeptBecause } from '../domain/seasonClose';
import type { FieldError, IsoDate, LogName, ServiceCode, Status } from '../domain/types';

// Every answer

export type Answer<T extends object> = ({ ok: true } & T) | { ok: false; errors: FieldError[] };

// New request (src/app/newRequest.ts)

export interface Submitted {
  requestId: string;
  sheet: LogName;
  fee: number | null;
  deadline: IsoDate | null;
  warnings: FieldError[];
  /** Who was sent the confirmation email (none when the candidate is told on paper). */
  emailed: string[];
}

export interface IntakeOptions {
  today: IsoDate;
  services: Array<{
    board: string;
    series: string;
    service: ServiceCode;
    name: string;
    /** The levels this row prices (empty: every level); the sidebar picks the row for the qualification typed. */
    levels: string[];
    fee: number | null;
    deadline: IsoDate | null;
    consent: string;
    charging: string;
    level: string;
    priority: boolean;
    needsRelatedReview: boolean;
  }>;
  qualifications: string[];
  subjects: string[];
  components: string[];
}

/** The details the New request form and the consent form take from `Candidates`. */
export interface CandidateFound {
  candidateNumber: string;
  surname: string;
  forename: string;
  email: string;
  uci: string;
  tutorGroup: string;
}

/** `lookupCandidate`: null when the number is not in Candidates. */
export interface CandidateLookup {
  candidate: CandidateFound | null;
}

// Printed letters and forms (src/app/letters.ts)

export interface LettersShown {
  letters: number;
  leftOut: number;
}

export interface ConsentFormShown {
  requestId: string;
}

export interface BlankConsentFormShown {
  candidateFound: boolean;
  notes: string[];
}

// Update a request (src/app/updateRequest.ts)

export type Progress = { requestId: string; status: Status };

export type OutcomeRecorded = Progress & {
  gradeChanged: boolean;
  /** What the outcome was: 'grade-raised', 'no-change', 'script', 'result-issued', 'moderation-lowered'… */
  kind: string;
  /** Addresses emailed now. */
  emailed: string[];
  /** Addresses whose email waits in the queue for the daily check. */
  queued: string[];
  /** What the officer must do now (refund, MIS, SoR), or why nothing is needed. */
  followUps: string[];
  warnings: string[];
};

export type FollowUpRecorded = Progress & { open: string[]; closed: boolean };

export type Withdrawn = Progress & { followUps: string[] };

export interface RequestMatch {
  requestId: string;
  sheet: LogName;
  candidateNumber: string;
  surname: string;
  forename: string;
  subject: string;
  service: string;
  status: Status;
  /** What the update forms need to offer the right steps. */
  serviceName: string;
  board: string;
  qualification: string;
  component: string;
  received: IsoDate | '';
  deadline: IsoDate | '';
  submittedToBoard: IsoDate | '';
  boardReference: string;
  acknowledged: IsoDate | '';
  outcomeReceived: IsoDate | '';
  originalGrade: string;
  originalMark: string;
  newGrade: string;
  newMark: string;
  isScript: boolean;
  requestedBy: string;
  email: string;
  teacherEmail: string;
  scriptLink: string;
  refundIssued: IsoDate | '';
  misUpdated: IsoDate | '';
  sorIssued: IsoDate | '';
  refundDue: boolean;
  refundNote: string;
  openFollowUps: string[];
  flags: string;
  /** A review of moderation: the candidates it covers, and what the board decided. */
  candidatesCovered: string;
  moderationOutcome: string;
}

/** `findRequests(query)`: the requests that match, a page at a time. */
export interface RequestsFound {
  matches: RequestMatch[];
  more: boolean;
  today: IsoDate;
}

// Results-day reminders (src/app/reminders.ts)

export interface RemindersAnswer {
  dryRun: boolean;
  /** Candidates the filters picked. */
  candidates: number;
  /** Sent by this call. */
  sent: number;
  /** Of this batch, still waiting in the queue after this call (what is left to go). */
  queued: number;
  /** Already sent this season (a repeated run): not sent again. */
  skipped: number;
  /**
   * Of this batch, on file as sent once this call is over (earlier calls and
   * runs included): with `queued`, where a page that keeps calling stands.
   */
  sentSoFar: number;
  /** Of this batch, reminders that go or have gone: `sentSoFar + queued`. */
  total: number;
  preview: { count: number; emails: { to: string; subject: string; body: string }[] };
  /** Candidates with no email address: print them a letter. */
  withoutEmail: number;
  /** Candidates left out, by Candidates row and address, and why. */
  leftOut: string[];
  /** Services no family reads about because their fee or deadline is not confirmed ("OCR, June 2026, Review of marking: fee not confirmed"). */
  unconfirmed: string[];
  failed: { to: string; reason: string }[];
  uncertain: { to: string }[];
  stoppedBecause: string;
}

export interface ReminderChoices {
  candidates: number;
  withoutEmail: number;
  tutorGroups: string[];
  /** Empty when the Candidates sheet has no Qualification column. */
  qualifications: string[];
  template: string;
}

export interface QueueAnswer {
  sent: number;
  queued: number;
  failed: { to: string; reason: string }[];
  uncertain: { to: string; template: string }[];
  stoppedBecause: string;
}

// Import candidates (src/app/import.ts)

export interface ImportAnswer {
  dryRun: boolean;
  added: number;
  updated: number;
  unchanged: number;
  refused: { line: number; reason: string }[];
  unmatched: string[];
  warnings: { line: number; reason: string }[];
  /** Which header of the file went into which column of Candidates. */
  columns: { header: string; column: string }[];
  headerLine: number;
}

// Lists (src/app/lists.ts)

export interface ListAnswer {
  rows: ListRow[];
  csv: string;
  /** A suggested file name for the download. */
  fileName: string;
  /** The new tab, when one was asked for. */
  sheet?: string;
}

export type BoardList = ListAnswer & { board: string };
/** `total` in GBP. */
export type RefundList = ListAnswer & { total: number };

/** What the Lists page offers: the boards of Services and of the logs. */
export interface ListOptions {
  boards: string[];
  today: IsoDate;
}

export interface MisMarked {
  updated: number;
  alreadyMarked: number;
}

export type JsonCell = string | number | boolean;
export type JsonRow = Record<string, JsonCell>;

// Subject access export (src/app/subjectAccess.ts)

export interface SubjectAccessAnswer {
  candidateNumber: string;
  exportedOn: IsoDate;
  /** The candidate's row in Candidates (the first, if the number is there twice); null if none. */
  candidate: JsonRow | null;
  /** Every row of Candidates with that number. */
  candidateRows: JsonRow[];
  /** Every row of both logs with that number, each with its `Sheet`. */
  requests: JsonRow[];
  /** Every email about those requests, or not about a request and sent to the candidate's addresses. */
  correspondence: JsonRow[];
  /** Rows with that number in list tabs the add-on made. */
  otherSheets: { sheet: string; rows: JsonRow[] }[];
  /** Every row of the linked form's responses sheet with that number (online applications), each with its `Sheet`. */
  formResponses: JsonRow[];
}

// Close season (src/app/closeSeason.ts)

export interface CloseSeasonAnswer {
  dryRun: boolean;
  retentionMonths: number;
  /** Personal data counted from before this date goes. */
  retentionDate: IsoDate;
  /** Rows removed (or, on a dry run, to be removed) per sheet; a list tab counts its rows. */
  removed: Record<string, number>;
  /** Exactly what goes: the requests by ID with the date they are counted from, and the list tabs. */
  requests: { sheet: string; requestId: string; countedFrom: IsoDate }[];
  listTabs: string[];
  /** Requests that stay, by reason: still open, a follow-up to do, not old enough, no date to count from. */
  kept: Record<KeptBecause, number>;
  archived: { sheet: string; rows: ArchiveRow[]; requests: number; feesPaid: number; refundsIssued: number };
  warnings: string[];
}

// Applications (src/app/applications.ts)

export interface ApplicationView {
  /** Sheet row of the response; with `key`, what approve and reject are given back. */
  row: number;
  key: string;
  received: IsoDate | '';
  candidateNumber: string;
  candidate: string;
  email: string;
  board: string;
  subject: string;
  component: string;
  service: string;
  consent: boolean;
  paid: 'no' | 'waived';
  inCandidates: boolean;
  fee: number | null;
  deadline: IsoDate | null;
  problems: FieldError[];
  warnings: FieldError[];
}

export interface Approved {
  row: number;
  ok: boolean;
  requestId?: string;
  sheet?: string;
  emailed?: string[];
  warnings?: FieldError[];
  errors?: FieldError[];
}

export interface ApplicationsList {
  applications: ApplicationView[];
  taken: number;
  today: IsoDate;
}

export interface ApprovedList {
  results: Approved[];
}

export interface Rejected {
  emailed: string[];
  warnings: FieldError[];
}

// Match payments (src/app/payments.ts)

export interface PaymentsAnswer extends PaymentsMatched {
  refused: { line: number; reason: string }[];
  applied: number;
}
