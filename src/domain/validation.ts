/**
 * Is this request complete, and is it allowed? Every answer is a list of
 * FieldErrors, all at once, each in words the officer would use and beside
 * the field that needs changing.
 *
 * Two layers, because they run in different places:
 * - checkForm: the shape of the form. Runs in the sidebar as the officer
 *   types and again on the server, which never trusts the sidebar: the input
 *   may be anything (tampered, partial, wrong types), so it takes `unknown`.
 * - checkRules: the officer's rules (consent, payment, deadlines, appeals,
 *   duplicates). Needs the `Services` and `Settings` sheets and the logs, so
 *   it runs on the server.
 *
 * Warnings are things to check, not reasons to refuse (an unconfirmed UCI
 * check letter, a Pearson GCSE priority review); they never block a request.
 *
 * Text is kept exactly as typed apart from surrounding spaces: accents,
 * apostrophes and hyphens in names are the candidate's name. A value such as
 * '=HYPERLINK(...)' is only text; the sheet adapter stores it as text.
 *
 * Where the sources are silent, these choices were made:
 * - Every access-to-scripts request needs the candidate's consent (JCQ's
 *   script consent form; domain.md §8), whoever asked; the message says why.
 * - Only a priority review of marking is limited to Level 3. A priority copy
 *   of a script exists to help decide on any review, so GCSE is fine.
 * - An appeal may follow a review of marking (priority or not) or a review of
 *   moderation, not a clerical re-check (JCQ). A late reason can override the
 *   appeal window as it can a board deadline: boards accept explanations.
 * - "Per paper" means the same board, series and component: a resit in a
 *   later series is a new paper. A review of moderation covers the centre's
 *   sample, so its duplicates are per paper, not per candidate.
 */
import { formatLongDate, formatUkDate, isIsoDate, parseUkOrIsoDate } from './calendar';
import { CATALOGUE, parseServiceCode, priorityAllowed } from './catalogue';
import { DEFAULT_REASONS_WINDOW_DAYS, feeAndDeadline } from './deadlines';
import { formatRequestId, parseRequestId } from './requestId';
import { formatMoney } from './money';
import { LEVEL_NAMES, levelsText } from './levels';
import { resultsDayFor } from './resultsDays';
import { chooseService, levelFees, matchKey, seriesOffered, boardsOffered } from './services';
import { checkUci, normalizeUci, uciCandidateNumber, uciCentreNumber } from './uci';
import {
  MIR_INDICATORS,
  PAID_VALUES,
  REQUESTED_BY_VALUES,
  type FieldError,
  type IsoDate,
  type LogName,
  type MirIndicator,
  type Paid,
  type PostResultsRequest,
  type RequestedBy,
  type RequestForm,
  type RequestFormDraft,
  type ServiceCode,
  type ServiceRow,
  type Settings,
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

type TextField = Exclude<keyof RequestForm, 'consent'>;

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

/** A value echoed in a message: quoted, and cut short so a tampered value cannot flood the sidebar. */
function quote(s: string): string {
  const chars = Array.from(s);
  return JSON.stringify(chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : s);
}

function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 'a review of marking', 'an appeal': a service's name as it reads mid-sentence. */
function withArticle(code: ServiceCode): string {
  const name = CATALOGUE[code].name.toLowerCase();
  return `${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name}`;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
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
 * The shape of a request form: required fields, lengths, formats. Returns a
 * draft of trimmed strings whatever came in (invalid dates and choices become
 * ''), every error, and the warnings (UCI check letter not confirmed).
 */
export function checkForm(input: unknown): { form: RequestFormDraft; errors: FieldError[]; warnings: FieldError[] } {
  const errors: FieldError[] = [];
  const warnings: FieldError[] = [];
  const form = emptyDraft();
  const add = (field: keyof RequestForm, message: string) => errors.push({ field, message });

  if (!isRecord(input)) {
    errors.push({
      field: 'form',
      message: 'The request form was empty or could not be read. Please fill it in again.',
    });
  }
  const source: Record<string, unknown> = isRecord(input) ? input : {};

  // 1. Every text field: coerce, trim, bound, refuse hidden characters.
  const raw = {} as Record<TextField, string>;
  for (const field of Object.keys(MAX_LENGTH) as TextField[]) {
    const label = FIELD_LABELS[field];
    const v = own(source, field);
    let s = '';
    if (typeof v === 'string') s = v.trim();
    else if (typeof v === 'number' && Number.isFinite(v)) s = String(v);
    else if (v !== undefined && v !== null) add(field, `${label} must be text.`);
    raw[field] = s;
    if (s === '') continue;
    const n = characters(s);
    if (n > MAX_LENGTH[field]) {
      add(field, `${label} can be at most ${thousands(MAX_LENGTH[field])} characters; this one has ${thousands(n)}.`);
      raw[field] = '';
      continue;
    }
    const control = MULTI_LINE.has(field) ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE;
    if (control.test(s) || LONE_SURROGATE.test(s)) {
      add(field, `${label} contains a hidden control character (such as a tab or line break); please retype it.`);
      raw[field] = '';
    }
  }
  const rejected = new Set(errors.map((e) => e.field));

  // Free text, kept as typed.
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
    form[field] = raw[field];
  }

  // 2. Choices.
  if (raw.service !== '') {
    const code = parseServiceCode(raw.service);
    if (code === null) {
      add('service', `${quote(raw.service)} is not a service the add-on knows; choose one from the list.`);
    } else {
      form.service = code;
    }
  } else if (!rejected.has('service')) {
    add('service', 'Choose a service.');
  }
  const info = form.service === '' ? null : CATALOGUE[form.service];
  const aService = info === null ? 'this service' : withArticle(info.code);

  const requestedBy = raw.requestedBy.toLowerCase();
  if (info?.centre) {
    // The centre's own request: a head of department asks, never a candidate.
    form.requestedBy = 'teacher';
  } else if ((REQUESTED_BY_VALUES as readonly string[]).includes(requestedBy)) {
    form.requestedBy = requestedBy as RequestedBy;
  } else if (raw.requestedBy !== '') {
    add('requestedBy', `Requested by must be the candidate or a teacher, not ${quote(raw.requestedBy)}.`);
  } else if (!rejected.has('requestedBy')) {
    add('requestedBy', 'Say who asked for this: the candidate or a teacher.');
  }

  // Not yet paid is the normal state of a new request, so a blank is 'no'.
  const paid = raw.paid.toLowerCase();
  if (info?.centre)
    form.paid = 'waived'; // the board invoices the centre: no candidate pays
  else if ((PAID_VALUES as readonly string[]).includes(paid)) form.paid = paid as Paid;
  else if (raw.paid !== '') add('paid', `Paid must be yes, no or waived, not ${quote(raw.paid)}.`);

  const consent = own(source, 'consent');
  if (typeof consent === 'boolean') form.consent = consent;
  else if (consent !== undefined && consent !== null) add('consent', 'Consent must be ticked or left unticked.');

  // 3. Candidate. A centre request covers a sample, not one candidate: its candidate details are optional.
  const centre = info?.centre === true;
  if (raw.candidateNumber === '') {
    if (!rejected.has('candidateNumber') && !centre) {
      add('candidateNumber', 'Enter the candidate number (4 digits, like 2058).');
    }
  } else if (!/^\d{4}$/.test(raw.candidateNumber)) {
    add('candidateNumber', `The candidate number must be 4 digits, like 2058; ${quote(raw.candidateNumber)} is not.`);
  } else if (raw.candidateNumber === '0000') {
    add('candidateNumber', 'Candidate number 0000 is not used: candidate numbers run from 0001 to 9999.');
  } else {
    form.candidateNumber = raw.candidateNumber;
  }
  if (form.surname === '' && !rejected.has('surname') && !centre) add('surname', "Enter the candidate's surname.");
  if (form.forename === '' && !rejected.has('forename') && !centre) add('forename', "Enter the candidate's forename.");
  if (centre && form.candidatesCovered === '' && !rejected.has('candidatesCovered')) {
    add(
      'candidatesCovered',
      `Enter the candidates ${aService} covers: their candidate numbers (like 0042, 0107), or "whole cohort".`,
    );
  }

  if (raw.uci !== '') {
    form.uci = normalizeUci(raw.uci);
    const check = checkUci(form.uci);
    if (!check.ok) add('uci', check.message);
    else if (check.warning !== undefined) warnings.push({ field: 'uci', message: check.warning });
  }

  // Whoever asked must hear the outcome: a teacher who asked for a script gets it.
  const teacherGetsScript = form.requestedBy === 'teacher' && info?.log === 'Access to scripts';
  for (const field of ['email', 'teacherEmail'] as const) {
    const value = raw[field];
    if (value !== '' && !isEmailAddress(value)) {
      add(field, `${FIELD_LABELS[field]} ${quote(value)} does not look like an email address.`);
    } else {
      form[field] = value;
    }
  }
  if (raw.email === '' && !teacherGetsScript && !centre && !rejected.has('email')) {
    add('email', "Enter the candidate's email, so they can be told the outcome.");
  }
  if (raw.teacherEmail === '' && teacherGetsScript && !rejected.has('teacherEmail')) {
    add('teacherEmail', "Enter the teacher's email, so the script can be sent to them.");
  }

  // 4. The exam.
  if (form.board === '' && !rejected.has('board')) add('board', 'Choose the exam board.');
  if (form.series === '' && !rejected.has('series')) add('series', 'Choose the series, like June 2026.');
  if (form.subject === '' && !rejected.has('subject')) add('subject', 'Enter the subject, like Chemistry.');
  if (info?.level === 'component' && form.component === '' && !rejected.has('component')) {
    add(
      'component',
      `Enter the component (the paper), like 7405/1: ${withArticle(info.code)} is asked for one paper at a time.`,
    );
  }
  if (info?.priority && form.qualification === '' && !rejected.has('qualification')) {
    add('qualification', `Enter the qualification, like GCE A level: it decides whether ${aService} can be asked for.`);
  }
  if (info?.priority && form.reason === '' && !rejected.has('reason')) {
    add('reason', `Give the reason ${aService} is needed (for example, a university place depends on it).`);
  }

  // 5. Dates: the date picker sends ISO; a typed UK date is accepted too.
  for (const field of ['consentDate', 'resultsIssued', 'reasonsReceived'] as const) {
    if (raw[field] === '') continue;
    const iso = parseUkOrIsoDate(raw[field]);
    if (iso === null) add(field, `${FIELD_LABELS[field]} ${quote(raw[field])} is not a date: type it like 21/08/2026.`);
    else form[field] = iso;
  }

  // 6. Service-specific details.
  if (raw.originalMark !== '') {
    if (/^\d+(\.\d+)?$/.test(raw.originalMark)) form.originalMark = raw.originalMark;
    else add('originalMark', `The original mark must be a number, like 54; ${quote(raw.originalMark)} is not.`);
  }
  if (raw.relatedRequestId !== '') {
    const parts = parseRequestId(raw.relatedRequestId);
    if (parts === null) {
      add('relatedRequestId', `${quote(raw.relatedRequestId)} is not a request ID (they look like R-2026-0042).`);
    } else {
      form.relatedRequestId = formatRequestId(parts.prefix, parts.year, parts.counter);
    }
  } else if (info?.needsRelatedReview && !rejected.has('relatedRequestId')) {
    add(
      'relatedRequestId',
      form.service === 'appeal-hearing'
        ? "An appeal hearing must name the preliminary appeal it follows: enter that request's ID, like R-2026-0043."
        : "An appeal must name the review it follows: enter that request's ID, like R-2026-0042.",
    );
  }
  if (raw.indicator !== '') {
    const indicator = MIR_INDICATORS.find((i) => i.toLowerCase() === raw.indicator.toLowerCase());
    if (indicator === undefined) {
      add('indicator', `The indicator must be X, #, Q or missing, not ${quote(raw.indicator)}.`);
    } else {
      form.indicator = indicator as MirIndicator;
    }
  } else if (form.service === 'mir' && !rejected.has('indicator')) {
    add('indicator', 'Choose the indicator shown on the results: X, #, Q or missing.');
  }

  return { form, errors: inFormOrder(errors), warnings };
}

const FIELD_ORDER: readonly string[] = ['form', ...Object.keys(FIELD_LABELS)];

/** Top to bottom as the form reads, so the officer can work down the list; stable within a field. */
function inFormOrder(list: FieldError[]): FieldError[] {
  const rank = (f: FieldError) => {
    const i = FIELD_ORDER.indexOf(f.field);
    return i < 0 ? FIELD_ORDER.length : i;
  };
  return list
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i)
    .map(({ e }) => e);
}

/** What checkRules needs to know about a request already in a log. */
export type ExistingRequest = Pick<
  PostResultsRequest,
  | 'requestId'
  | 'candidateNumber'
  | 'board'
  | 'component'
  | 'service'
  | 'status'
  | 'outcomeReceived'
  | 'subject'
  | 'series'
>;

export interface RuleContext {
  today: IsoDate;
  services: readonly ServiceRow[];
  settings: Settings;
  /** Every request in both logs. */
  existing: readonly ExistingRequest[];
  /** Results day for the request's qualification, used when the form gives no `resultsIssued`. */
  resultsDay?: IsoDate;
}

export interface RulesAnswer {
  errors: FieldError[];
  warnings: FieldError[];
  /** GBP to record; 0 for a free service; null when not known (the request is then refused). */
  fee: number | null;
  deadline: IsoDate | null;
  /** Null only when the form names no known service. */
  log: LogName | null;
  /** The officer's notes, with the reason for a late acceptance put first. */
  notes: string;
}

const APPEALABLE: readonly ServiceCode[] = ['review-of-marking', 'priority-review-of-marking', 'review-of-moderation'];

/** Services of which a candidate may have only one per paper, ever (AQA: "once for a paper"). */
const ONCE_PER_PAPER: ReadonlyArray<readonly ServiceCode[]> = [
  ['clerical-recheck'],
  ['review-of-marking', 'priority-review-of-marking'],
];

function paperKey(s: string): string {
  return String(s ?? '')
    .replace(/\s+/g, '')
    .toLowerCase();
}

/**
 * The officer's rules for a request whose shape checkForm has seen. Each rule
 * runs only on the fields it needs, so a form with mistakes still gets every
 * other rule's answer.
 */
export function checkRules(form: RequestFormDraft, ctx: RuleContext): RulesAnswer {
  const answer = applyRules(form, ctx);
  return { ...answer, errors: inFormOrder(answer.errors), warnings: inFormOrder(answer.warnings) };
}

function applyRules(form: RequestFormDraft, ctx: RuleContext): RulesAnswer {
  const errors: FieldError[] = [];
  const warnings: FieldError[] = [];
  const add = (field: keyof RequestForm, message: string) => errors.push({ field, message });
  const warn = (field: keyof RequestForm, message: string) => warnings.push({ field, message });
  const today = ctx.today;
  const uk = formatUkDate;
  const answer: RulesAnswer = { errors, warnings, fee: null, deadline: null, log: null, notes: form.notes };

  // Dates that cannot be in the future, whatever the service.
  if (isIsoDate(form.resultsIssued) && form.resultsIssued > today) {
    add('resultsIssued', `The results issue date ${uk(form.resultsIssued)} is in the future (today is ${uk(today)}).`);
  }
  if (isIsoDate(form.consentDate) && form.consentDate > today) {
    add('consentDate', `The consent date ${uk(form.consentDate)} is in the future (today is ${uk(today)}).`);
  }
  if (isIsoDate(form.reasonsReceived) && form.reasonsReceived > today) {
    add('reasonsReceived', `The reasons date ${uk(form.reasonsReceived)} is in the future (today is ${uk(today)}).`);
  }

  // UCI: a different candidate number at this centre is probably a typing slip, but numbers can be reissued.
  const uciCentre = form.uci === '' ? null : uciCentreNumber(form.uci);
  const uciNumber = form.uci === '' ? null : uciCandidateNumber(form.uci);
  if (
    uciCentre !== null &&
    uciCentre === ctx.settings.centreNumber &&
    form.candidateNumber !== '' &&
    uciNumber !== form.candidateNumber
  ) {
    warn(
      'uci',
      `The UCI ${form.uci} was given to candidate number ${uciNumber} at this centre, but the form says ${form.candidateNumber}. Check both.`,
    );
  }

  if (form.service === '') return answer;
  const code = form.service;
  const info = CATALOGUE[code];
  answer.log = info.log;

  // Consent.
  if (info.consent !== 'none') {
    const why =
      info.consent === 'required'
        ? `${capital(withArticle(code))} needs the candidate's written consent: marks and grades can go down as well as up, so the candidate must agree in writing first.`
        : form.requestedBy === 'teacher'
          ? "A teacher wants this script to use in class, so the candidate's written consent is needed first."
          : "The candidate's written consent to the centre seeing their script is needed first.";
    if (!form.consent) add('consent', why);
    else if (form.consentDate === '') add('consentDate', 'Enter the date the candidate gave written consent.');
    // A results date in the future is already an error; judging consent by it would only add a second one.
    // Results are never out before the level's results day (Settings); a later date the officer gives (a result
    // issued late) counts from that day instead.
    const levelDay = ctx.resultsDay ?? resultsDayFor(ctx.settings.resultsDays ?? [], form.series, form.qualification);
    const given = isIsoDate(form.resultsIssued) && form.resultsIssued <= today ? form.resultsIssued : null;
    const resultsDay = given !== null && (levelDay === null || given > levelDay) ? given : levelDay;
    if (isIsoDate(form.consentDate) && isIsoDate(resultsDay) && form.consentDate < resultsDay) {
      add(
        'consentDate',
        `The consent date ${uk(form.consentDate)} is before results day (${uk(resultsDay)}): consent can only be collected after results are published.`,
      );
    }
  }

  // Priority: for candidates whose next step depends on it, and (for reviews) Level 3 only.
  if (code === 'priority-review-of-marking' && form.qualification !== '') {
    const allowed = priorityAllowed(form.board, form.qualification);
    if (!allowed.allowed) {
      add(
        'qualification',
        `A priority review of marking is only for AS/A level and other Level 3 qualifications (it is for candidates whose university place depends on the outcome); ${quote(form.qualification)} is not one.`,
      );
    } else if (allowed.warning !== undefined) {
      warn('qualification', allowed.warning);
    }
  }

  // Appeal: follows a review (stage 1) or a preliminary appeal (stage 2) whose outcome is known, within the window.
  let reviewOutcome: IsoDate | null = null;
  if (info.needsRelatedReview && form.relatedRequestId !== '') {
    reviewOutcome = checkRelatedReview(form, ctx, add, warn);
  }
  let reasonsReceived: IsoDate | null = null;
  if (form.reasonsReceived !== '') {
    if (code !== 'appeal') {
      warn(
        'reasonsReceived',
        'Only a preliminary appeal counts from the reasons for an outcome, so the date is not used.',
      );
    } else if (reviewOutcome !== null && form.reasonsReceived < reviewOutcome) {
      add(
        'reasonsReceived',
        `The reasons date ${uk(form.reasonsReceived)} is before the review's outcome (${uk(reviewOutcome)}): the reasons come after the outcome.`,
      );
    } else if (form.reasonsReceived <= today) {
      reasonsReceived = form.reasonsReceived;
    }
  }

  // Duplicates. A review of moderation covers the centre's whole sample, so it is one per component, not per candidate.
  if ((form.candidateNumber !== '' || info.centre) && form.board !== '') {
    checkDuplicates(form, code, ctx.existing, add);
  }

  // An original script released means that paper can no longer be reviewed (the board's rule); the officer may override.
  checkOriginalScript(form, code, ctx.existing, add, warn, answer);

  // Board, series and service must be in the officer's research.
  if (form.board === '' || form.series === '') return answer;
  const choice = chooseService(ctx.services, form.board, form.series, code, form.qualification);
  if (choice.kind === 'ambiguous') {
    if (!errors.some((e) => e.field === 'qualification')) {
      add(
        'qualification',
        `${form.board} charges ${withArticle(code)} by qualification level (${levelFees(choice.rows)}): enter the qualification, like GCSE or GCE A level, so the right fee and deadline are used.`,
      );
    }
    return answer;
  }
  if (choice.kind === 'notForLevel') {
    if (!errors.some((e) => e.field === 'qualification')) {
      add(
        'qualification',
        `The Services sheet lists ${form.board}, ${form.series}, ${info.name} only for ${choice.rows.map((r) => levelsText(r.levels)).join(', ')}, not for ${LEVEL_NAMES[choice.level]} (${quote(form.qualification)}). If the board offers it at this level, add that row to the Services sheet first.`,
      );
    }
    return answer;
  }
  const row = choice.kind === 'found' ? choice.row : null;
  if (row === null) {
    const boardKnown = boardsOffered(ctx.services).some((b) => matchKey(b) === matchKey(form.board));
    const seriesKnown = seriesOffered(ctx.services, form.board).some((s) => matchKey(s) === matchKey(form.series));
    if (!boardKnown) {
      add(
        'board',
        `${quote(form.board)} is not a board in the Services sheet. Choose one from the list, or add the board's rows to the Services sheet first.`,
      );
    } else if (!seriesKnown) {
      add(
        'series',
        `The Services sheet has no ${form.series} series for ${form.board}. Add its rows to the Services sheet first.`,
      );
    } else {
      add(
        'service',
        `The Services sheet has no row for ${form.board}, ${form.series}, ${info.name}. If the board offers it, add that row to the Services sheet first.`,
      );
    }
    return answer;
  }

  const request = { board: form.board, series: form.series, service: code, qualification: form.qualification };
  const priced = feeAndDeadline(ctx.services, request, { settings: ctx.settings, reviewOutcome, reasonsReceived });
  answer.deadline = priced.deadline;

  // Payment: the school's procedure is that nothing is processed unpaid. A centre request is the centre's to pay.
  if (info.centre) {
    answer.fee = row.fee;
    if (row.fee === null) {
      warn(
        'service',
        `The fee for ${row.board}, ${row.series}, ${info.name} is blank in the Services sheet. The board invoices the centre, so the request is taken; fill in the fee when you know it.`,
      );
    }
  } else if (row.fee === null && info.charging === 'paid') {
    add(
      'service',
      `The fee for ${row.board}, ${row.series}, ${info.name} is blank in the Services sheet. Fill in that row's fee first: blank is not free (enter 0 if the board does not charge).`,
    );
  } else {
    answer.fee = row.fee ?? 0;
    if (answer.fee > 0 && form.paid === 'no') {
      add(
        'paid',
        `Requests cannot be processed without payment: the fee for ${withArticle(code)} is ${formatMoney(answer.fee)}. Mark it paid, or waived if the centre is paying.`,
      );
    }
  }

  // Deadline: late only with the officer's reason, which is kept with the request.
  const deadline = priced.deadline;
  if (deadline === null) {
    if (!info.deadlineFromOutcome) {
      warn(
        'service',
        `The Services sheet has no deadline for ${row.board}, ${row.series}, ${info.name}: check the board's deadline before you submit.`,
      );
    }
  } else if (today > deadline && !info.lateAccepted) {
    add(
      'service',
      `${row.board} does not accept ${info.name.toLowerCase()} applications after its deadline of ${formatLongDate(deadline)} (today is ${formatLongDate(today)}), so it cannot be taken late, even with a reason.`,
    );
  } else if (today > deadline) {
    if (form.lateReason === '') {
      const window =
        code === 'appeal-hearing' ? 'The window to ask for an appeal hearing after' : 'The appeal window for';
      const counted =
        priced.reasonsDeadline === deadline
          ? `${ctx.settings.reasonsWindowDays ?? DEFAULT_REASONS_WINDOW_DAYS} days after its reasons were received on ${uk(reasonsReceived ?? '')}`
          : `${priced.appealWindow?.days} days after its outcome on ${uk(reviewOutcome ?? '')}`;
      const what = info.deadlineFromOutcome
        ? `${window} ${form.relatedRequestId} closed on ${uk(deadline)} (${counted})`
        : `The board's deadline for ${withArticle(code)} (${row.board}, ${row.series}) was ${uk(deadline)}`;
      add(
        'lateReason',
        `${what}; today is ${uk(today)}. It can only be taken late with a reason, which is kept in the notes.`,
      );
    } else {
      const line = `Accepted after the board's deadline of ${uk(deadline)}: ${form.lateReason}`;
      answer.notes = answer.notes === '' ? line : `${line}\n${answer.notes}`;
    }
  }
  if (form.lateReason !== '' && deadline !== null && today <= deadline && info.lateAccepted) {
    warn('lateReason', 'The request is not late, so the late reason is not needed and is not recorded.');
  }
  if (form.lateReason !== '' && deadline === null && info.lateAccepted) {
    // The officer may know a deadline the sheet lacks: keep the reason rather than lose it.
    const line = `Late reason (the Services sheet has no deadline): ${form.lateReason}`;
    answer.notes = answer.notes === '' ? line : `${line}\n${answer.notes}`;
  }
  return answer;
}

/** Returns the review's outcome date when the appeal may follow it. */
function checkRelatedReview(
  form: RequestFormDraft,
  ctx: RuleContext,
  add: (field: keyof RequestForm, message: string) => void,
  warn: (field: keyof RequestForm, message: string) => void,
): IsoDate | null {
  const id = form.relatedRequestId;
  const review = ctx.existing.find((e) => parseRequestId(e.requestId) !== null && sameId(e.requestId, id));
  if (review === undefined) {
    add('relatedRequestId', `There is no request ${id} in the logs.`);
    return null;
  }
  const hearing = form.service === 'appeal-hearing';
  if (hearing && review.service !== 'appeal') {
    add(
      'relatedRequestId',
      review.service === 'appeal-hearing'
        ? `${id} is already an appeal hearing, the board's last stage: after it the candidate may apply to Ofqual's Exam Procedures Review Service, not to the board.`
        : `${id} is ${withArticle(review.service)}: an appeal hearing can only follow a preliminary appeal (stage 1). Log the preliminary appeal first.`,
    );
    return null;
  }
  if (!hearing && !APPEALABLE.includes(review.service)) {
    add(
      'relatedRequestId',
      review.service === 'appeal'
        ? `${id} is a preliminary appeal: to take it further, choose the service Appeal hearing (stage 2).`
        : `${id} is ${withArticle(review.service)}: an appeal can only follow a review of marking or a review of moderation.`,
    );
    return null;
  }
  let ok = true;
  if (review.status === 'Withdrawn') {
    add('relatedRequestId', `${id} was withdrawn, so there is no outcome to appeal.`);
    return null;
  }
  if (
    review.service !== 'review-of-moderation' &&
    form.candidateNumber !== '' &&
    review.candidateNumber !== form.candidateNumber
  ) {
    add('relatedRequestId', `${id} is for candidate ${review.candidateNumber}, not ${form.candidateNumber}.`);
    ok = false;
  }
  if (form.board !== '' && matchKey(review.board) !== matchKey(form.board)) {
    add('relatedRequestId', `${id} was made to ${review.board}, not ${form.board}.`);
    ok = false;
  }
  if (!isIsoDate(review.outcomeReceived)) {
    add(
      'relatedRequestId',
      hearing
        ? `${id} has no outcome recorded yet: an appeal hearing can only be asked for once the preliminary appeal's outcome has been received.`
        : `${id} has no outcome recorded yet: an appeal can only be made once the review's outcome has been received.`,
    );
    return null;
  }
  if (form.component !== '' && paperKey(review.component) !== paperKey(form.component)) {
    warn(
      'component',
      `${id} was for component ${review.component}, not ${form.component}: check that the appeal is about the same paper.`,
    );
  }
  return ok ? review.outcomeReceived : null;
}

/** The services that look at a paper's marking again: none once its original script has been released. */
const REVIEWS_OF_A_PAPER: readonly ServiceCode[] = [
  'clerical-recheck',
  'review-of-marking',
  'priority-review-of-marking',
];

/**
 * Once the original script of a component is requested, that component can
 * no longer be reviewed (schools citing the boards, domain.md §1). Asking for
 * the original warns the officer; a later review of the same component (same
 * candidate, board, subject, component and series) is refused unless the
 * officer gives a reason, which is kept first in the Notes.
 */
function checkOriginalScript(
  form: RequestFormDraft,
  code: ServiceCode,
  existing: readonly ExistingRequest[],
  add: (field: keyof RequestForm, message: string) => void,
  warn: (field: keyof RequestForm, message: string) => void,
  answer: RulesAnswer,
): void {
  const paper = form.component === '' ? 'this paper' : form.component;
  if (code === 'ats-original') {
    warn(
      'service',
      `Once the original script of ${paper} is requested, a clerical re-check or review of marking of that paper can no longer be requested. Check that the candidate does not want one first.`,
    );
  }
  const reviewing = REVIEWS_OF_A_PAPER.includes(code);
  const original = reviewing
    ? existing.find(
        (e) =>
          e.service === 'ats-original' &&
          e.status !== 'Withdrawn' &&
          form.candidateNumber !== '' &&
          e.candidateNumber === form.candidateNumber &&
          matchKey(e.board) === matchKey(form.board) &&
          matchKey(e.series) === matchKey(form.series) &&
          matchKey(e.subject) === matchKey(form.subject) &&
          form.component !== '' &&
          paperKey(e.component) === paperKey(form.component),
      )
    : undefined;
  if (original === undefined) {
    if (form.overrideReason !== '') {
      warn(
        'overrideReason',
        'No original script of this paper was requested, so the reason is not needed and is not recorded.',
      );
    }
    return;
  }
  if (form.overrideReason === '') {
    add(
      'overrideReason',
      `The original script of ${form.board} ${form.subject} ${form.component} was requested for candidate ${form.candidateNumber} (${original.requestId}), so ${withArticle(code)} of that paper can no longer be requested. Only if the board has agreed to it, give the reason to go ahead; it is kept in the notes.`,
    );
    return;
  }
  const line = `Requested although the original script was requested (${original.requestId}): ${form.overrideReason}`;
  answer.notes = answer.notes === '' ? line : `${line}\n${answer.notes}`;
}

function sameId(a: string, b: string): boolean {
  const pa = parseRequestId(a);
  const pb = parseRequestId(b);
  return pa !== null && pb !== null && pa.prefix === pb.prefix && pa.year === pb.year && pa.counter === pb.counter;
}

function checkDuplicates(
  form: RequestFormDraft,
  code: ServiceCode,
  existing: readonly ExistingRequest[],
  add: (field: keyof RequestForm, message: string) => void,
): void {
  const info = CATALOGUE[code];
  const byComponent = info.level === 'component';
  const paper = byComponent ? form.component : form.subject;
  if (paper === '') return;
  const samePaper = (e: ExistingRequest) =>
    (code === 'review-of-moderation' || e.candidateNumber === form.candidateNumber) &&
    matchKey(e.board) === matchKey(form.board) &&
    matchKey(e.series) === matchKey(form.series) &&
    paperKey(byComponent ? e.component : e.subject) === paperKey(paper);
  const who = code === 'review-of-moderation' ? 'The centre' : `Candidate ${form.candidateNumber}`;

  const open = existing.filter(
    (e) => e.service === code && e.status !== 'Closed' && e.status !== 'Withdrawn' && samePaper(e),
  );
  if (open.length > 0) {
    add(
      'service',
      `${who} already has an open ${info.name.toLowerCase()} for ${form.board} ${paper}: ${open.map((e) => e.requestId).join(', ')}. Update that request instead of making a new one.`,
    );
    return;
  }
  const family = ONCE_PER_PAPER.find((f) => f.includes(code));
  if (family === undefined) return;
  const earlier = existing.find((e) => family.includes(e.service) && e.status !== 'Withdrawn' && samePaper(e));
  if (earlier !== undefined) {
    add(
      'service',
      `${who} has already had ${withArticle(earlier.service)} of ${form.board} ${paper} (${earlier.requestId}): the board allows only one per paper.`,
    );
  }
}

export interface ValidatedRequest extends RulesAnswer {
  ok: boolean;
  form: RequestFormDraft;
  /** The form, complete, when there are no errors: what submitRequest stores. */
  request: RequestForm | null;
}

/**
 * Both layers, every error at once. A field the shape check refused is not
 * judged again by the rules (its value is unknown), but every other rule runs.
 */
export function validateRequest(input: unknown, ctx: RuleContext): ValidatedRequest {
  const shape = checkForm(input);
  const rules = checkRules(shape.form, ctx);
  const refused = new Set(shape.errors.map((e) => e.field));
  const errors = inFormOrder([...shape.errors, ...rules.errors.filter((e) => !refused.has(e.field))]);
  const ok = errors.length === 0 && isCompleteForm(shape.form);
  return {
    ...rules,
    ok,
    errors,
    warnings: inFormOrder([...shape.warnings, ...rules.warnings]),
    form: shape.form,
    request: ok && isCompleteForm(shape.form) ? shape.form : null,
  };
}
