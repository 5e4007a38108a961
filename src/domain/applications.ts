/**
 * Online applications: the answers of a Google Form linked to this
 * spreadsheet ("Form responses" sheet), read by header and checked by the
 * very rules of the New request sidebar before the officer approves one.
 *
 * Choices made where the issue was silent:
 * - The form's timestamp is the day the application was received and the
 *   date of the candidate's consent ("I agree" ticked in the form).
 * - Payment comes after approval (the payment system's reference is the
 *   request ID), so an application is checked as if paid and taken as
 *   unpaid ("no"), or "waived" when the form says the school pays. Every
 *   other rule (deadline, fee known for the level, duplicate) applies as is.
 * - The add-on's only write to the responses sheet is its own column,
 *   `Taken as`: the request ID, or `rejected: <reason>`.
 */
import { MONTHS } from './calendar';
import { columnsBySynonym, headerWords } from './candidateImport';
import type { RequestedBy } from './types';

export const RESPONSES_SHEET = 'Form responses';
/** The column the add-on adds to the responses sheet; a marked response is never taken again. */
export const TAKEN_HEADER = 'Taken as';

export const FORM_FIELDS = [
  'timestamp',
  'candidateNumber',
  'surname',
  'forename',
  'email',
  'board',
  'qualification',
  'subject',
  'component',
  'series',
  'service',
  'requestedBy',
  'teacherEmail',
  'consent',
  'payer',
  'originalGrade',
  'reason',
  'notes',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** Header texts the officer's form may use for each answer, best first, compared as headerWords. */
export const FORM_HEADER_SYNONYMS: Readonly<Record<FormField, readonly string[]>> = {
  timestamp: ['timestamp', 'submitted', 'submitted at', 'date submitted'],
  candidateNumber: ['candidate number', 'exam number', 'exam candidate number', 'candidate no', 'cand no'],
  surname: ['surname', 'last name', 'family name', 'legal surname'],
  forename: ['forename', 'first name', 'given name', 'legal forename'],
  email: ['email', 'email address', 'candidate email', 'your email'],
  board: ['board', 'exam board', 'awarding body', 'awarding organisation'],
  qualification: ['qualification', 'level', 'qualification level', 'course'],
  subject: ['subject', 'subject title'],
  component: ['component', 'paper', 'unit', 'component code', 'paper code'],
  series: ['series', 'exam series'],
  service: ['service', 'what are you asking for', 'service requested', 'request'],
  requestedBy: ['requested by', 'who is asking'],
  teacherEmail: ['teacher email', 'teacher s email'],
  consent: ['consent', 'candidate consent', 'i give my consent', 'do you consent'],
  payer: ['who pays', 'payer', 'payment', 'who is paying'],
  originalGrade: ['original grade', 'grade', 'grade awarded'],
  reason: ['priority reason', 'reason', 'why priority'],
  notes: ['notes', 'anything else', 'comments'],
};

/** The questions the officer's form must have; the rest help. */
export const REQUIRED_FORM_FIELDS: readonly FormField[] = [
  'timestamp',
  'candidateNumber',
  'surname',
  'forename',
  'email',
  'board',
  'subject',
  'series',
  'service',
  'consent',
];

/** JCQ's candidate consent wording (Post-results services, candidate consent form), as the form should ask it. */
export const CONSENT_WORDING =
  'I give my consent to the head of my centre to submit a clerical re-check, a review of marking or an appeal (or a request for access to my script). In giving consent I understand that the final subject grade and/or mark awarded following a clerical re-check or a review of marking, and any subsequent appeal, may be lower than, higher than, or the same as the result which was originally awarded.';

/** The form the officer makes in Google Forms, question by question. */
export const FORM_QUESTIONS: ReadonlyArray<{ title: string; kind: string; help: string }> = [
  {
    title: 'Candidate number',
    kind: 'Short answer',
    help: 'Your 4-digit exam candidate number, as on your statement of results.',
  },
  { title: 'Surname', kind: 'Short answer', help: 'As on your statement of results.' },
  { title: 'Forename', kind: 'Short answer', help: 'As on your statement of results.' },
  { title: 'Email', kind: 'Short answer (email)', help: 'Where we send your confirmation and the outcome.' },
  { title: 'Board', kind: 'Drop-down', help: 'AQA, OCR, Pearson Edexcel, WJEC Eduqas or CCEA.' },
  { title: 'Qualification', kind: 'Short answer', help: 'For example GCSE or GCE A level.' },
  { title: 'Subject', kind: 'Short answer', help: 'As on your statement of results.' },
  { title: 'Component', kind: 'Short answer', help: 'The paper (component code), or blank for the whole subject.' },
  { title: 'Series', kind: 'Drop-down', help: 'For example June 2026.' },
  {
    title: 'Service',
    kind: 'Drop-down',
    help: 'Clerical re-check, Review of marking, Priority review of marking, Copy of script, Priority copy of script, Original script.',
  },
  { title: 'Requested by', kind: 'Multiple choice', help: 'candidate or teacher.' },
  { title: 'Teacher email', kind: 'Short answer', help: 'Only when a teacher asks for a copy of a script for class.' },
  {
    title: 'Priority reason',
    kind: 'Short answer',
    help: 'Only for a priority service: the university or college place that depends on it.',
  },
  { title: 'Consent', kind: 'Checkbox (required): "I agree"', help: CONSENT_WORDING },
  { title: 'Who pays', kind: 'Multiple choice', help: 'Parent or carer (online payment) or The school.' },
  { title: 'Notes', kind: 'Paragraph', help: 'Anything else we should know.' },
];

export interface FormColumns {
  columns: Partial<Record<FormField, number>>;
  /** 0-based column of `Taken as`, -1 when the add-on has not added it yet. */
  taken: number;
  /** Questions the add-on needs that the sheet has no column for, as the form should title them. */
  missing: string[];
}

export function matchFormHeaders(headers: readonly string[]): FormColumns {
  const words = headers.map(headerWords);
  const used = new Set<number>();
  const taken = words.indexOf(headerWords(TAKEN_HEADER));
  if (taken >= 0) used.add(taken);
  const columns = columnsBySynonym(words, FORM_FIELDS, FORM_HEADER_SYNONYMS, used);
  const missing = REQUIRED_FORM_FIELDS.filter((f) => columns[f] === undefined).map((f) => {
    const first = FORM_HEADER_SYNONYMS[f][0];
    return first.charAt(0).toUpperCase() + first.slice(1);
  });
  return { columns, taken, missing };
}

/** One response as text: every answer trimmed, the timestamp as an ISO date. */
export type FormAnswers = Record<FormField, string>;

export function answersOf(cells: readonly string[], columns: FormColumns['columns']): FormAnswers {
  const out = {} as FormAnswers;
  for (const f of FORM_FIELDS) {
    const i = columns[f];
    out[f] = i === undefined ? '' : String(cells[i] ?? '').trim();
  }
  return out;
}

/** "I agree" (or yes, or a ticked box) is consent; anything else is not. */
export function isConsent(answer: string): boolean {
  const a = answer.trim().toLowerCase();
  return a === 'true' || a === 'yes' || /^i agree\b/.test(a) || /^i give my consent\b/.test(a);
}

/** "The school" or "the centre" pays: waived for the candidate; anyone else pays through the payment system. */
export function paidFor(payer: string): 'waived' | 'no' {
  return /\b(school|centre|center)\b/i.test(payer) ? 'waived' : 'no';
}

/**
 * The request form the sidebar would have sent for this response: checked
 * as paid (see above) and with the consent dated by the form's timestamp.
 */
export function formFromAnswers(a: FormAnswers): Record<string, unknown> {
  const consent = isConsent(a.consent);
  const paid = paidFor(a.payer);
  const requestedBy: RequestedBy = /teacher/i.test(a.requestedBy) ? 'teacher' : 'candidate';
  return {
    candidateNumber: a.candidateNumber,
    surname: a.surname,
    forename: a.forename,
    email: a.email,
    uci: '',
    board: a.board,
    qualification: a.qualification,
    subject: a.subject,
    component: a.component,
    series: a.series,
    service: a.service,
    requestedBy,
    teacherEmail: requestedBy === 'teacher' ? a.teacherEmail : '',
    consent,
    consentDate: consent ? a.timestamp : '',
    paid: paid === 'waived' ? 'waived' : 'yes',
    resultsIssued: '',
    originalMark: '',
    originalGrade: a.originalGrade,
    relatedRequestId: '',
    reason: a.reason,
    indicator: '',
    lateReason: '',
    overrideReason: '',
    reasonsReceived: '',
    candidatesCovered: '',
    notes: a.notes,
  };
}

/** A response the officer already dealt with: its mark says what it became. */
export function isTaken(mark: string): boolean {
  return mark.trim() !== '';
}

export function rejectionMark(reason: string): string {
  return `rejected: ${reason.trim()}`;
}

/** A series answer that Sheets turned into a date ("June 2026" read as 1 June 2026) back as the series. */
export function seriesFromDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(iso);
  return m ? `${MONTHS[Number(m[2]) - 1]} ${m[1]}` : iso;
}
