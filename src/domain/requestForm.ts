/**
 * The request form: its fields, and how what the sidebar sends is read into a
 * draft. One small rule per field or group of fields, run in the order of the
 * form, each adding its errors beside the field that needs changing. Runs in
 * the sidebar as the officer types and again on the server, which never trusts
 * the sidebar: the input may be anything (tampered, partial, wrong types), so
 * it starts from `unknown`.
 *
 * Text is kept exactly as typed apart from surrounding spaces: accents,
 * apostrophes and hyphens in names are the candidate's name. A value such as
 * '=HYPERLINK(...)' is only text; the sheet adapter stores it as text.
 */
import { parseUkOrIsoDate } from './calendar';
import { CATALOGUE, parseServiceCode } from './catalogue';
import { formatCount } from './formats';
import { formatRequestId, parseRequestId } from './requestId';
import { checkUci, normalizeUci } from './uci';
import { quote, withArticle } from './wording';
import {
  MIR_INDICATORS,
  PAID_VALUES,
  REQUESTED_BY_VALUES,
  type FieldError,
  type MirIndicator,
  type Paid,
  type RequestedBy,
  type RequestForm,
  type RequestFormDraft,
  type ServiceInfo,
} from './types';

export const FIELD_LABELS: Readonly<Record<keyof RequestForm, string>> = {
  candidateNumber: 'Candidate number',
  surname: 'Surname',
  forename: 'Forename',
  email: 'Email',
  uci: 'UCI',
  board: 'Board',
  qualification: 'Qualification',
  subject: 'Subject',
  component: 'Component',
  series: 'Series',
  service: 'Service',
  requestedBy: 'Requested by',
  teacherEmail: 'Teacher email',
  consent: 'Consent',
  consentDate: 'Consent date',
  paid: 'Paid',
  resultsIssued: 'Results issued',
  originalMark: 'Original mark',
  originalGrade: 'Original grade',
  relatedRequestId: 'Related request',
  reason: 'Priority reason',
  indicator: 'Indicator',
  lateReason: 'Late reason',
  overrideReason: 'Reason to review after the original script',
  reasonsReceived: 'Reasons received',
  candidatesCovered: 'Candidates covered',
  notes: 'Notes',
};

export type TextField = Exclude<keyof RequestForm, 'consent'>;

/**
 * Longest value accepted, in characters. Generous for real names and codes,
 * small enough that a pasted essay or a tampered megabyte is refused.
 */
export const MAX_LENGTH: Readonly<Record<TextField, number>> = {
  candidateNumber: 20,
  surname: 100,
  forename: 100,
  email: 254,
  uci: 40,
  board: 60,
  qualification: 80,
  subject: 100,
  component: 40,
  series: 40,
  service: 60,
  requestedBy: 20,
  teacherEmail: 254,
  consentDate: 20,
  paid: 20,
  resultsIssued: 20,
  originalMark: 10,
  originalGrade: 30,
  relatedRequestId: 20,
  reason: 500,
  indicator: 20,
  lateReason: 500,
  overrideReason: 500,
  reasonsReceived: 20,
  candidatesCovered: 2000,
  notes: 2000,
};

/** Fields where the officer may write several lines. */
const MULTI_LINE: ReadonlySet<TextField> = new Set<TextField>([
  'reason',
  'lateReason',
  'overrideReason',
  'candidatesCovered',
  'notes',
]);

/*
 * Control characters and the invisible bidirectional overrides (which can make
 * a name display differently from how it sorts and matches) are refused.
 * Letters of any script, emoji and the zero-width joiners that some emoji and
 * Persian names need are allowed.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const EMAIL =
  /^[^\s@"(),:;<>[\]\\]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** The shape of an address (someone@school.org.uk); whether it exists only an email can tell. */
export function isEmailAddress(s: string): boolean {
  return typeof s === 'string' && s.length <= 254 && EMAIL.test(s);
}

function characters(s: string): number {
  return Array.from(s).length;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

function own(input: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(input, key) ? input[key] : undefined;
}

function emptyDraft(): RequestFormDraft {
  return {
    candidateNumber: '',
    surname: '',
    forename: '',
    email: '',
    uci: '',
    board: '',
    qualification: '',
    subject: '',
    component: '',
    series: '',
    service: '',
    requestedBy: '',
    teacherEmail: '',
    consent: false,
    consentDate: '',
    paid: 'no',
    resultsIssued: '',
    originalMark: '',
    originalGrade: '',
    relatedRequestId: '',
    reason: '',
    indicator: '',
    lateReason: '',
    overrideReason: '',
    reasonsReceived: '',
    candidatesCovered: '',
    notes: '',
  };
}

/** Whether a draft has every choice made, so it can be stored as a request. */
export function isCompleteForm(form: RequestFormDraft): form is RequestForm {
  return form.service !== '' && form.requestedBy !== '';
}

/**
 * A form being read: the value of every text field, trimmed (or '' when it was
 * missing or refused), the draft built from them so far, and what was found.
 */
export class FormReading {
  readonly errors: FieldError[] = [];
  readonly warnings: FieldError[] = [];
  readonly form: RequestFormDraft = emptyDraft();
  readonly source: Record<string, unknown>;
  readonly raw = {} as Record<TextField, string>;
  /** Fields refused as text (not text, too long, hidden characters): not asked for again. */
  private readonly refused = new Set<string>();

  constructor(input: unknown) {
    if (!isRecord(input)) {
      this.errors.push({
        field: 'form',
        message: 'The request form was empty or could not be read. Please fill it in again.',
      });
    }
    this.source = isRecord(input) ? input : {};
    for (const field of Object.keys(MAX_LENGTH) as TextField[]) this.raw[field] = this.readText(field);
  }

  add(field: keyof RequestForm, message: string): void {
    this.errors.push({ field, message });
  }

  warn(field: keyof RequestForm, message: string): void {
    this.warnings.push({ field, message });
  }

  /** Whether a blank field should be asked for: not when it was refused as text already. */
  missing(field: TextField): boolean {
    return !this.refused.has(field);
  }

  /** The service chosen, once readService has read it. */
  get service(): ServiceInfo | null {
    return this.form.service === '' ? null : CATALOGUE[this.form.service];
  }

  /** 'a review of marking', or 'this service' before one is chosen. */
  get aService(): string {
    const info = this.service;
    return info === null ? 'this service' : withArticle(info.code);
  }

  /** A centre's own request (review of moderation) covers a sample, not one candidate. */
  get centre(): boolean {
    return this.service?.centre === true;
  }

  own(key: string): unknown {
    return own(this.source, key);
  }

  /** Coerce, trim, bound, refuse hidden characters. */
  private readText(field: TextField): string {
    const label = FIELD_LABELS[field];
    const v = own(this.source, field);
    let s = '';
    if (typeof v === 'string') s = v.trim();
    else if (typeof v === 'number' && Number.isFinite(v)) s = String(v);
    else if (v !== undefined && v !== null) this.refuse(field, `${label} must be text.`);
    if (s === '') return '';
    const n = characters(s);
    if (n > MAX_LENGTH[field]) {
      this.refuse(
        field,
        `${label} can be at most ${formatCount(MAX_LENGTH[field])} characters; this one has ${formatCount(n)}.`,
      );
      return '';
    }
    const control = MULTI_LINE.has(field) ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE;
    if (control.test(s) || LONE_SURROGATE.test(s)) {
      this.refuse(
        field,
        `${label} contains a hidden control character (such as a tab or line break); please retype it.`,
      );
      return '';
    }
    return s;
  }

  private refuse(field: TextField, message: string): void {
    this.add(field, message);
    this.refused.add(field);
  }
}

/** Free text, kept as typed. */
export function keepFreeText(f: FormReading): void {
  for (const field of [
    'surname',
    'forename',
    'board',
    'qualification',
    'subject',
    'component',
    'series',
    'originalGrade',
    'reason',
    'lateReason',
    'overrideReason',
    'candidatesCovered',
    'notes',
  ] as const) {
    f.form[field] = f.raw[field];
  }
}

/** The service, by its code or its name, from the add-on's list. */
export function readService(f: FormReading): void {
  const { raw } = f;
  if (raw.service !== '') {
    const code = parseServiceCode(raw.service);
    if (code === null) {
      f.add('service', `${quote(raw.service)} is not a service the add-on knows; choose one from the list.`);
    } else {
      f.form.service = code;
    }
  } else if (f.missing('service')) {
    f.add('service', 'Choose a service.');
  }
}

/** Who asked: the candidate or a teacher. The centre's own request: a head of department asks, never a candidate. */
export function readRequestedBy(f: FormReading): void {
  const { raw } = f;
  const requestedBy = raw.requestedBy.toLowerCase();
  if (f.centre) {
    f.form.requestedBy = 'teacher';
  } else if ((REQUESTED_BY_VALUES as readonly string[]).includes(requestedBy)) {
    f.form.requestedBy = requestedBy as RequestedBy;
  } else if (raw.requestedBy !== '') {
    f.add('requestedBy', `Requested by must be the candidate or a teacher, not ${quote(raw.requestedBy)}.`);
  } else if (f.missing('requestedBy')) {
    f.add('requestedBy', 'Say who asked for this: the candidate or a teacher.');
  }
}

/** Not yet paid is the normal state of a new request, so a blank is 'no'. */
export function readPaid(f: FormReading): void {
  const { raw } = f;
  const paid = raw.paid.toLowerCase();
  if (f.centre)
    f.form.paid = 'waived'; // the board invoices the centre: no candidate pays
  else if ((PAID_VALUES as readonly string[]).includes(paid)) f.form.paid = paid as Paid;
  else if (raw.paid !== '') f.add('paid', `Paid must be yes, no or waived, not ${quote(raw.paid)}.`);
}

/** Consent is a tick box: ticked or not, never text. */
export function readConsent(f: FormReading): void {
  const consent = f.own('consent');
  if (typeof consent === 'boolean') f.form.consent = consent;
  else if (consent !== undefined && consent !== null) f.add('consent', 'Consent must be ticked or left unticked.');
}

/** The candidate: a 4-digit number and a name. A centre request covers a sample instead: the candidates it covers. */
export function requireCandidate(f: FormReading): void {
  const { raw, form, centre } = f;
  if (raw.candidateNumber === '') {
    if (f.missing('candidateNumber') && !centre) {
      f.add('candidateNumber', 'Enter the candidate number (4 digits, like 2058).');
    }
  } else if (!/^\d{4}$/.test(raw.candidateNumber)) {
    f.add('candidateNumber', `The candidate number must be 4 digits, like 2058; ${quote(raw.candidateNumber)} is not.`);
  } else if (raw.candidateNumber === '0000') {
    f.add('candidateNumber', 'Candidate number 0000 is not used: candidate numbers run from 0001 to 9999.');
  } else {
    form.candidateNumber = raw.candidateNumber;
  }
  if (form.surname === '' && f.missing('surname') && !centre) f.add('surname', "Enter the candidate's surname.");
  if (form.forename === '' && f.missing('forename') && !centre) f.add('forename', "Enter the candidate's forename.");
  if (centre && form.candidatesCovered === '' && f.missing('candidatesCovered')) {
    f.add(
      'candidatesCovered',
      `Enter the candidates ${f.aService} covers: their candidate numbers (like 0042, 0107), or "whole cohort".`,
    );
  }
}

/** The UCI, without spaces in capitals; a check letter the unconfirmed table disputes is only a warning. */
export function readUci(f: FormReading): void {
  if (f.raw.uci === '') return;
  f.form.uci = normalizeUci(f.raw.uci);
  const check = checkUci(f.form.uci);
  if (!check.ok) f.add('uci', check.message);
  else if (check.warning !== undefined) f.warnings.push({ field: 'uci', message: check.warning });
}

/** Whoever asked must hear the outcome: a teacher who asked for a script gets it. */
export function readEmails(f: FormReading): void {
  const { raw, form } = f;
  const teacherGetsScript = form.requestedBy === 'teacher' && f.service?.log === 'Access to scripts';
  for (const field of ['email', 'teacherEmail'] as const) {
    const value = raw[field];
    if (value !== '' && !isEmailAddress(value)) {
      f.add(field, `${FIELD_LABELS[field]} ${quote(value)} does not look like an email address.`);
    } else {
      form[field] = value;
    }
  }
  if (raw.email === '' && !teacherGetsScript && !f.centre && f.missing('email')) {
    f.add('email', "Enter the candidate's email, so they can be told the outcome.");
  }
  if (raw.teacherEmail === '' && teacherGetsScript && f.missing('teacherEmail')) {
    f.add('teacherEmail', "Enter the teacher's email, so the script can be sent to them.");
  }
}

/** The exam: board, series and subject, and the paper for a service asked for one paper at a time. */
export function requireExam(f: FormReading): void {
  const { form } = f;
  const info = f.service;
  if (form.board === '' && f.missing('board')) f.add('board', 'Choose the exam board.');
  if (form.series === '' && f.missing('series')) f.add('series', 'Choose the series, like June 2026.');
  if (form.subject === '' && f.missing('subject')) f.add('subject', 'Enter the subject, like Chemistry.');
  if (info?.level === 'component' && form.component === '' && f.missing('component')) {
    f.add(
      'component',
      `Enter the component (the paper), like 7405/1: ${withArticle(info.code)} is asked for one paper at a time.`,
    );
  }
}

/** A priority service needs the qualification (it decides whether it can be asked for) and the reason it is needed. */
export function requirePriorityDetails(f: FormReading): void {
  const { form } = f;
  if (!f.service?.priority) return;
  if (form.qualification === '' && f.missing('qualification')) {
    f.add(
      'qualification',
      `Enter the qualification, like GCE A level: it decides whether ${f.aService} can be asked for.`,
    );
  }
  if (form.reason === '' && f.missing('reason')) {
    f.add('reason', `Give the reason ${f.aService} is needed (for example, a university place depends on it).`);
  }
}

/** Dates: the date picker sends ISO; a typed UK date is accepted too. */
export function readDates(f: FormReading): void {
  for (const field of ['consentDate', 'resultsIssued', 'reasonsReceived'] as const) {
    const typed = f.raw[field];
    if (typed === '') continue;
    const iso = parseUkOrIsoDate(typed);
    if (iso === null) f.add(field, `${FIELD_LABELS[field]} ${quote(typed)} is not a date: type it like 21/08/2026.`);
    else f.form[field] = iso;
  }
}

/** The original mark is a number, like 54. */
export function readOriginalMark(f: FormReading): void {
  const mark = f.raw.originalMark;
  if (mark === '') return;
  if (/^\d+(\.\d+)?$/.test(mark)) f.form.originalMark = mark;
  else f.add('originalMark', `The original mark must be a number, like 54; ${quote(mark)} is not.`);
}

/** An appeal names the review it follows (a hearing, the preliminary appeal), by its request ID. */
export function readRelatedRequest(f: FormReading): void {
  const typed = f.raw.relatedRequestId;
  if (typed !== '') {
    const parts = parseRequestId(typed);
    if (parts === null) {
      f.add('relatedRequestId', `${quote(typed)} is not a request ID (they look like R-2026-0042).`);
    } else {
      f.form.relatedRequestId = formatRequestId(parts.prefix, parts.year, parts.counter);
    }
  } else if (f.service?.needsRelatedReview && f.missing('relatedRequestId')) {
    f.add(
      'relatedRequestId',
      f.form.service === 'appeal-hearing'
        ? "An appeal hearing must name the preliminary appeal it follows: enter that request's ID, like R-2026-0043."
        : "An appeal must name the review it follows: enter that request's ID, like R-2026-0042.",
    );
  }
}

/** A missing or incomplete result (MIR) names the indicator shown on the results. */
export function readIndicator(f: FormReading): void {
  const typed = f.raw.indicator;
  if (typed !== '') {
    const indicator = MIR_INDICATORS.find((i) => i.toLowerCase() === typed.toLowerCase());
    if (indicator === undefined) {
      f.add('indicator', `The indicator must be X, #, Q or missing, not ${quote(typed)}.`);
    } else {
      f.form.indicator = indicator as MirIndicator;
    }
  } else if (f.form.service === 'mir' && f.missing('indicator')) {
    f.add('indicator', 'Choose the indicator shown on the results: X, #, Q or missing.');
  }
}

/** The rules in the order of the form; later ones read what earlier ones decided (the service above all). */
export const FORM_RULES: ReadonlyArray<(f: FormReading) => void> = [
  keepFreeText,
  readService,
  readRequestedBy,
  readPaid,
  readConsent,
  requireCandidate,
  readUci,
  readEmails,
  requireExam,
  requirePriorityDetails,
  readDates,
  readOriginalMark,
  readRelatedRequest,
  readIndicator,
];

/**
 * The shape of a request form: required fields, lengths, formats. Returns a
 * draft of trimmed strings whatever came in (invalid dates and choices become
 * ''), every error, and the warnings (UCI check letter not confirmed).
 */
export function checkForm(input: unknown): { form: RequestFormDraft; errors: FieldError[]; warnings: FieldError[] } {
  const f = new FormReading(input);
  for (const rule of FORM_RULES) rule(f);
  return { form: f.form, errors: inFormOrder(f.errors), warnings: f.warnings };
}

const FIELD_ORDER: readonly string[] = ['form', ...Object.keys(FIELD_LABELS)];

/** Top to bottom as the form reads, so the officer can work down the list; stable within a field. */
export function inFormOrder(list: FieldError[]): FieldError[] {
  const rank = (f: FieldError) => {
    const i = FIELD_ORDER.indexOf(f.field);
    return i < 0 ? FIELD_ORDER.length : i;
  };
  return list
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i)
    .map(({ e }) => e);
}
