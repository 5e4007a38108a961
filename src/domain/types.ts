/**
 * The officer's vocabulary, in one place. Every module speaks these types;
 * nothing here knows about Apps Script.
 *
 * Dates are always ISO calendar dates (`YYYY-MM-DD`) in the spreadsheet's
 * time zone: a date in the post-results season is a day, not an instant, and
 * strings survive google.script.run, JSON and the sheet adapters unchanged.
 */

/** A calendar date, `YYYY-MM-DD`, in the spreadsheet's time zone. */
export type IsoDate = string;

export const SERVICE_CODES = [
  'clerical-recheck',
  'review-of-marking',
  'priority-review-of-marking',
  'review-of-moderation',
  'appeal',
  'appeal-hearing',
  'mir',
  'late-certification',
  'ats-priority-copy',
  'ats-copy',
  'ats-original',
] as const;
export type ServiceCode = (typeof SERVICE_CODES)[number];

/** The boards as the contract writes them; officers may add others in `Services`. */
export const KNOWN_BOARDS = ['AQA', 'OCR', 'Pearson Edexcel', 'WJEC Eduqas', 'CCEA'] as const;
export type Board = string;

export const LOG_NAMES = ['Requests', 'Access to scripts'] as const;
export type LogName = (typeof LOG_NAMES)[number];

export const PAID_VALUES = ['yes', 'no', 'waived'] as const;
export type Paid = (typeof PAID_VALUES)[number];

export const REQUESTED_BY_VALUES = ['candidate', 'teacher'] as const;
export type RequestedBy = (typeof REQUESTED_BY_VALUES)[number];

export const MIR_INDICATORS = ['X', '#', 'Q', 'missing'] as const;
export type MirIndicator = (typeof MIR_INDICATORS)[number];

/**
 * What a review of moderation can come to. The centre's marks reinstated is
 * the only outcome on which the board refunds the centre's fee (OCR, Pearson);
 * lowered marks never lower a grade published in that series.
 */
export const MODERATION_OUTCOMES = ['reinstated', 'raised', 'unchanged', 'lowered'] as const;
export type ModerationOutcome = (typeof MODERATION_OUTCOMES)[number];

export const STATUSES = ['Received', 'Submitted', 'Acknowledged', 'Outcome received', 'Closed', 'Withdrawn'] as const;
export type Status = (typeof STATUSES)[number];

/** Whose written consent a service needs before the centre may ask the board. */
export type ConsentRule =
  /** Marks and grades can go down: written consent, dated on or after results day. */
  | 'required'
  /** Access to scripts: consent to the centre seeing the script (and its use in class). */
  | 'script-access'
  /** Centre-level or administrative services: no candidate consent. */
  | 'none';

/** What the catalogue knows about each service, independent of board and series. */
export interface ServiceInfo {
  code: ServiceCode;
  /** The name the officer and candidates see. */
  name: string;
  log: LogName;
  /** Letter that starts this log's request IDs. */
  idPrefix: 'R' | 'S';
  /**
   * `paid`: a blank fee in `Services` means "not yet researched" and the request
   * is refused until the officer fills it in. `free-unless-priced`: blank means free.
   */
  charging: 'paid' | 'free-unless-priced';
  consent: ConsentRule;
  /** Asked per component (one paper) or for the whole qualification. */
  level: 'component' | 'qualification';
  /** Priority services need a reason (e.g. a university place) and a Level 3 qualification. */
  priority: boolean;
  /** An appeal must name the review whose outcome it disputes. */
  needsRelatedReview: boolean;
  /** Deadline comes from the related review's outcome, not from `Services`. */
  deadlineFromOutcome: boolean;
  /** Whether the officer may take it after the board's deadline with a reason (late certification: never). */
  lateAccepted: boolean;
  /** A centre request (review of moderation): candidate details optional, the candidates covered recorded instead. */
  centre: boolean;
}

/** The levels at which boards set different fees, deadlines and results days. */
export const QUALIFICATION_LEVELS = ['gcse', 'a-level', 'l12-vocational', 'l3-vocational', 'other'] as const;
export type QualificationLevel = (typeof QUALIFICATION_LEVELS)[number];

/** A results day from Settings: for one series, and one level or (null) every level. */
export interface ResultsDay {
  series: string;
  level: QualificationLevel | null;
  date: IsoDate;
}

/** One row of the `Services` sheet, typed. */
export interface ServiceRow {
  board: Board;
  series: string;
  service: ServiceCode;
  /** The levels this row's fee and deadline are for; empty for every level. */
  levels: QualificationLevel[];
  /** GBP; `null` when the cell is blank (not researched: blank is not free). */
  fee: number | null;
  deadline: IsoDate | null;
  /** The board's published time to an outcome, calendar days. */
  turnaroundDays: number | null;
  notes: string;
}

/** The `Settings` sheet, typed, with defaults for what the officer left blank. */
export interface Settings {
  centreName: string;
  centreNumber: string;
  centreAddress: string;
  officerName: string;
  officerEmail: string;
  sltContact: string;
  enquiriesContact: string;
  sltViewers: string[];
  /** Besides the exams officer, who may edit the logs and the SLT dashboard (their protection's editors). */
  logEditors: string[];
  acknowledgementWorkingDays: number;
  appealWindowDays: number;
  /** Calendar days after receiving the reasons for a review outcome, where reasons were asked for (JCQ: 15). */
  reasonsWindowDays: number;
  /** Calendar days after a preliminary appeal's outcome to ask for an appeal hearing (14). */
  appealHearingWindowDays: number;
  /** Calendar days after the appeal hearing's outcome to apply to Ofqual's EPRS (Ofqual: 21). */
  eprsWindowDays: number;
  bankHolidays: IsoDate[];
  /** Results days per series and level; consent is refused when dated before the candidate's. */
  resultsDays: ResultsDay[];
  retentionMonths: number;
  /** Days after it was received that an unpaid request is listed in the daily digest. */
  unpaidReminderDays: number;
  /**
   * Whether each email to a candidate also goes, as its own message, to the
   * Parent email in `Candidates`. Off unless the officer turns it on: the
   * results are the candidate's.
   */
  copyToParents: boolean;
  /** Keep the separate, figures-only "SLT view" spreadsheet shared with `sltViewers`. */
  sltViewSpreadsheet: boolean;
}

export interface FieldError {
  /** The form field (a `RequestForm` key) the message belongs beside; `form` for the whole form. */
  field: string;
  message: string;
}

/**
 * What the sidebar sends to `submitRequest`. Untrusted: any field may be
 * missing or of the wrong type when a call is tampered with, so validation
 * takes `unknown` and returns this shape only once it has checked it.
 */
export interface RequestForm {
  candidateNumber: string;
  surname: string;
  forename: string;
  email: string;
  uci: string;
  board: Board;
  qualification: string;
  subject: string;
  component: string;
  series: string;
  service: ServiceCode;
  requestedBy: RequestedBy;
  teacherEmail: string;
  consent: boolean;
  consentDate: IsoDate | '';
  paid: Paid;
  resultsIssued: IsoDate | '';
  originalMark: string;
  originalGrade: string;
  relatedRequestId: string;
  reason: string;
  indicator: MirIndicator | '';
  lateReason: string;
  /** Why a review goes ahead although the original script of that paper was requested. */
  overrideReason: string;
  /** Preliminary appeal: when the reasons for the review outcome were received, where they were asked for. */
  reasonsReceived: IsoDate | '';
  /** Review of moderation: the candidates in the sample it covers, or "whole cohort". */
  candidatesCovered: string;
  notes: string;
}

/**
 * A `RequestForm` as `checkForm` hands it back: a choice that was not made
 * (or not validly made) is ''. Every `RequestForm` is also a draft, so the
 * rules accept either and can still run on a form with mistakes in it.
 */
export type RequestFormDraft = Omit<RequestForm, 'service' | 'requestedBy'> & {
  service: ServiceCode | '';
  requestedBy: RequestedBy | '';
};

/**
 * A request as held in a log row: the form as it was taken, and what the log
 * adds. The late and override reasons are not columns: they go into Notes.
 */
export interface PostResultsRequest extends Omit<RequestForm, 'lateReason' | 'overrideReason'> {
  requestId: string;
  sheet: LogName;
  received: IsoDate;
  /** Where the consent was given: "paper form" (the sidebar), "online form" (an approved application). */
  consentSource: string;
  fee: number | null;
  /** The day the payment system says the fee was paid, once a payment report is matched. */
  paidOn: IsoDate | '';
  /** The payment system's reference for that payment. */
  paymentReference: string;
  deadline: IsoDate | '';
  /** Review of moderation: what the board decided (a MODERATION_OUTCOMES value), '' before the outcome. */
  moderationOutcome: string;
  submittedToBoard: IsoDate | '';
  boardReference: string;
  acknowledged: IsoDate | '';
  outcomeReceived: IsoDate | '';
  newGrade: string;
  newMark: string;
  scriptLink: string;
  refundIssued: IsoDate | '';
  misUpdated: IsoDate | '';
  sorIssued: IsoDate | '';
  status: Status;
  flags: string;
}

/** What the board said, as the officer records it. */
export interface Outcome {
  receivedOn: IsoDate;
  newMark: string;
  newGrade: string;
  scriptLink: string;
}

/** Answer of every server function called by the sidebar. */
export type Result<T extends object> = ({ ok: true } & T) | { ok: false; errors: FieldError[] };

/** The emails the add-on sends, each a row of the `Templates` sheet the officer can edit. */
export const TEMPLATE_NAMES = [
  'Results-day reminder',
  'Application information',
  'Request received',
  'Outcome: grade raised',
  'Outcome: grade lowered',
  'Outcome: mark changed, grade unchanged',
  'Outcome: no change',
  'Outcome: result issued',
  'Re-check outcome: no grade change',
  'Appeal outcome: no grade change',
  'Appeal hearing outcome: no grade change',
  'Script ready (candidate)',
  'Script ready (teacher)',
  'Missing or incomplete result raised',
  'Appeal received',
  'Daily digest',
  'Application not accepted',
] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/**
 * One email to send: a template, one recipient, and the values for its
 * placeholders. `requestId` keys the exactly-once record in `Correspondence`
 * (with template and recipient); messages not about one request use a
 * stable key of their own, e.g. `REMINDER-2026` or `DIGEST-2026-08-21`.
 */
export interface MailJob {
  requestId: string;
  template: TemplateName;
  to: string;
  values: Record<string, string>;
  /**
   * Where `to` came from, to tell the officer what to fix when it is not
   * exactly one valid address: `field` "the email cell for Pupil, Sam",
   * `fix` "Candidates row 7". Absent: "the recipient field".
   */
  recipientSource?: { field?: string; fix?: string };
  /**
   * The candidate number, when this message goes to the candidate themselves
   * (not a teacher, not the officer): only such a message can be copied to
   * the candidate's parent (see parentCopies.ts).
   */
  toCandidate?: string;
}

/** What a batch of MailJobs came to. Recipients only, never grades; a refusal may name the cell to fix. */
export interface MailReport {
  sent: number;
  /** Already in `Correspondence` as sent: not sent again. */
  skipped: number;
  /** Over today's quota or the run's time budget: kept in the queue for the daily trigger. */
  queued: number;
  /** Refused (invalid address, template error): reported to the officer, the batch goes on. */
  failed: { requestId: string; to: string; reason: string }[];
  /** Marked "sending" by a run that crashed: never resent automatically; the officer checks. */
  uncertain: { requestId: string; to: string; template: string }[];
  /** Why the run stopped before the end, when it did (quota, time budget, the mail service failing). */
  stoppedBecause?: string;
  /**
   * True when the queue was seen empty: the read this run made under the lock held no row "queued" or
   * "sending", and the run left none queued or uncertain. A resumeMailQueue straight after would find nothing.
   */
  queueEmpty?: boolean;
}

/**
 * What the daily check (and a recorded outcome) can flag on a request. The
 * `Flags` column holds the labels, joined by '; ', so an officer reads them
 * and the dashboard counts them; conditional formatting colours the row.
 */
export const FLAGS = {
  notAcknowledged: 'Not acknowledged by the board',
  deadlineNear: 'Board deadline near: not yet submitted',
  deadlinePassed: 'Board deadline passed: not submitted',
  outcomeOverdue: 'Outcome overdue',
  refundDue: 'Refund due',
  updateMis: 'Update MIS',
  issueSor: 'Issue updated SoR',
  followUpOverdue: 'Follow-up overdue',
  appealWindowClosing: 'Appeal window closing',
  serviceUnknown: 'Service not recognised',
} as const;
export type FlagKey = keyof typeof FLAGS;
export type FlagLabel = (typeof FLAGS)[FlagKey];

/** One flag on one request, as runDailyCheck reports it. */
export interface Flag {
  requestId: string;
  flag: FlagKey;
  /** e.g. "£48.65" for a refund, or the date something became due. */
  detail?: string;
}
