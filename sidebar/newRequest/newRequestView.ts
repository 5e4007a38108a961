/**
 * What the "New request" sidebar decides, without the DOM: which choices the
 * Services sheet offers, what to say about a chosen service, which fields it
 * needs, where each error goes. Pure, so jest can test it in node.
 */
import { isIsoDate } from '../../src/domain/calendar';
import { formatCount, formatFee, formatLongDate } from '../../src/domain/formats';
import { CATALOGUE, isServiceCode } from '../../src/domain/catalogue';
import { DRAFT_FIELDS } from '../../src/domain/letters';
import { chooseService, levelFees } from '../../src/domain/services';
import {
  QUALIFICATION_LEVELS,
  type ConsentRule,
  type FieldError,
  type QualificationLevel,
  type RequestForm,
  type ServiceCode,
} from '../../src/domain/types';
import type { CandidateFound, IntakeOptions as IntakeAnswer, Submitted } from '../../src/shared/answers';

export type FieldName = keyof RequestForm;

/** Every key of the form, in the order the page shows them. */
export const FORM_FIELDS: readonly FieldName[] = [
  'candidateNumber',
  'surname',
  'forename',
  'email',
  'uci',
  'board',
  'series',
  'service',
  'qualification',
  'subject',
  'component',
  'requestedBy',
  'teacherEmail',
  'consent',
  'consentDate',
  'paid',
  'reason',
  'relatedRequestId',
  'indicator',
  'candidatesCovered',
  'reasonsReceived',
  'resultsIssued',
  'originalMark',
  'originalGrade',
  'lateReason',
  'overrideReason',
  'notes',
];

/** Fields shown only when the chosen service (or who asked) needs them. */
export const CONDITIONAL_FIELDS = [
  'teacherEmail',
  'consent',
  'consentDate',
  'paid',
  'reason',
  'relatedRequestId',
  'indicator',
  'resultsIssued',
  'originalMark',
  'originalGrade',
  'lateReason',
  'overrideReason',
  'reasonsReceived',
  'candidatesCovered',
] as const satisfies readonly FieldName[];
export type ConditionalField = (typeof CONDITIONAL_FIELDS)[number];

type ServerService = IntakeAnswer['services'][number];

/**
 * One row of getIntakeOptions().services as the page reads it: the server's
 * row, its free-text fields narrowed to what the page can act on.
 */
export interface ServiceOption extends ServerService {
  /** The levels the row prices; empty for every level. */
  levels: QualificationLevel[];
  /** Set when the board prices levels apart and the qualification does not say which: "GCSE £42.00, other levels £48.65". */
  feesByLevel?: string;
  consent: ConsentRule;
  charging: 'paid' | 'free-unless-priced';
  level: 'component' | 'qualification';
}

export interface IntakeOptions extends IntakeAnswer {
  services: ServiceOption[];
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

function strings(x: unknown): string[] {
  return Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string' && s !== '') : [];
}

function text(x: unknown): string {
  return typeof x === 'string' ? x : typeof x === 'number' && Number.isFinite(x) ? String(x) : '';
}

/**
 * getIntakeOptions' answer, checked: rows the page cannot use (an unknown
 * service code, no board) are dropped rather than shown wrongly. Anything
 * the catalogue knows better than the row (consent, charging) falls back to it.
 */
export function readIntakeOptions(answer: unknown): { options: IntakeOptions } | { errors: FieldError[] } {
  if (!isRecord(answer)) {
    return {
      errors: [{ field: 'form', message: 'The add-on sent an answer the sidebar cannot read. Reopen the sidebar.' }],
    };
  }
  if (answer.ok !== true) {
    const errors = Array.isArray(answer.errors)
      ? answer.errors.filter(isRecord).map((e) => ({ field: 'form', message: text(e.message) }))
      : [];
    const usable = errors.filter((e) => e.message !== '');
    return {
      errors: usable.length
        ? usable
        : [
            {
              field: 'form',
              message: 'The Services sheet could not be read. Run Set up sheets, then reopen the sidebar.',
            },
          ],
    };
  }
  const services: ServiceOption[] = [];
  for (const row of Array.isArray(answer.services) ? answer.services : []) {
    if (!isRecord(row) || !isServiceCode(row.service)) continue;
    const board = text(row.board);
    const series = text(row.series);
    if (board === '' || series === '') continue;
    const info = CATALOGUE[row.service];
    const fee = typeof row.fee === 'number' && Number.isFinite(row.fee) ? row.fee : null;
    const deadline = isIsoDate(row.deadline) ? row.deadline : null;
    services.push({
      board,
      series,
      service: row.service,
      name: text(row.name) || info.name,
      levels: Array.isArray(row.levels)
        ? row.levels.filter((l): l is QualificationLevel => QUALIFICATION_LEVELS.includes(l as QualificationLevel))
        : [],
      fee,
      deadline,
      consent:
        row.consent === 'required' || row.consent === 'script-access' || row.consent === 'none'
          ? row.consent
          : info.consent,
      charging: row.charging === 'paid' || row.charging === 'free-unless-priced' ? row.charging : info.charging,
      level: row.level === 'component' || row.level === 'qualification' ? row.level : info.level,
      priority: typeof row.priority === 'boolean' ? row.priority : info.priority,
      needsRelatedReview:
        typeof row.needsRelatedReview === 'boolean' ? row.needsRelatedReview : info.needsRelatedReview,
    });
  }
  return {
    options: {
      today: isIsoDate(answer.today) ? answer.today : '',
      services,
      qualifications: strings(answer.qualifications),
      subjects: strings(answer.subjects),
      components: strings(answer.components),
    },
  };
}

function unique(values: string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) === i);
}

export function boardsOf(services: readonly ServiceOption[]): string[] {
  return unique(services.map((s) => s.board));
}

export function seriesOf(services: readonly ServiceOption[], board: string): string[] {
  return unique(services.filter((s) => s.board === board).map((s) => s.series));
}

export function servicesOf(services: readonly ServiceOption[], board: string, series: string): ServiceOption[] {
  const rows = services.filter((s) => s.board === board && s.series === series);
  return rows.filter((s, i) => rows.findIndex((t) => t.service === s.service) === i);
}

/**
 * The row for the chosen board, series and service at the qualification's
 * level, chosen as the server chooses it. Where the board prices levels apart
 * and the qualification does not say which, the fee is not known yet and the
 * page says what each level costs.
 */
export function findOption(
  services: readonly ServiceOption[],
  board: string,
  series: string,
  service: string,
  qualification = '',
): ServiceOption | null {
  if (!isServiceCode(service)) return null;
  const choice = chooseService(services, board, series, service, qualification);
  if (choice.kind === 'found') return choice.row;
  if (choice.kind === 'none') return null;
  const base = choice.rows.find((r) => r.levels.length === 0) ?? choice.rows[0];
  return { ...base, fee: null, feesByLevel: levelFees(choice.rows) };
}

/** True when `today` is after the (inclusive) deadline. */
export function deadlinePassed(deadline: string | null, today: string): boolean {
  return isIsoDate(deadline) && isIsoDate(today) && today > deadline;
}

export interface ServiceSummary {
  fee: string;
  deadline: string;
  late: boolean;
  log: string;
  consent: string;
  /** Anything else the officer should know before saving ('' when nothing). */
  note: string;
}

export function consentText(consent: ConsentRule, requestedBy: string): string {
  if (consent === 'required') {
    return "Needs the candidate's written consent, dated on or after results day: marks and grades can go down as well as up.";
  }
  if (consent === 'script-access') {
    return requestedBy === 'teacher'
      ? "Needs the candidate's written consent: a teacher will use the script in class."
      : "Needs the candidate's written consent to the centre seeing their script.";
  }
  return 'No candidate consent needed.';
}

const SERVICE_NOTES: Partial<Record<ServiceCode, string>> = {
  'review-of-moderation':
    'A centre request for one component: log it once, with the candidates it covers (or "whole cohort"). The candidate fields may be left blank.',
  'appeal-hearing': 'Stage 2: name the preliminary appeal it follows.',
  'ats-original':
    'Once the original script is requested, a re-check or review of marking of that paper can no longer be requested.',
};

/** What the page says about a chosen board, series and service. */
export function summarise(option: ServiceOption, today: string, requestedBy: string): ServiceSummary {
  const info = CATALOGUE[option.service];
  const late = !info.deadlineFromOutcome && deadlinePassed(option.deadline, today);
  let deadline: string;
  if (info.deadlineFromOutcome) {
    deadline =
      option.service === 'appeal-hearing'
        ? "Counted from the preliminary appeal's outcome (14 days, or Settings' Appeal hearing window days)"
        : "Counted from the review's outcome (the appeal window)";
  } else if (option.deadline === null) {
    deadline = "Not in the Services sheet: check the board's deadline";
  } else {
    const passed = info.lateAccepted ? ' (passed)' : ' (passed: the board accepts no late applications)';
    deadline = formatLongDate(option.deadline) + (late ? passed : '');
  }
  const fee =
    option.feesByLevel !== undefined
      ? `${option.feesByLevel}: enter the qualification to see which`
      : formatFee(option.fee, option.charging);
  return {
    fee: info.centre ? `${fee}, paid by the centre` : fee,
    deadline,
    late,
    log: info.log,
    consent: consentText(option.consent, requestedBy),
    note: SERVICE_NOTES[option.service] ?? '',
  };
}

/** Which of the conditional fields the chosen service needs. Nothing chosen: none. */
export function visibleFields(option: ServiceOption | null, requestedBy: string, today: string): Set<ConditionalField> {
  const shown = new Set<ConditionalField>();
  if (option === null) return shown;
  const info = CATALOGUE[option.service];
  const code = option.service;
  if (info.log === 'Access to scripts' && requestedBy === 'teacher') shown.add('teacherEmail');
  if (option.consent !== 'none') {
    shown.add('consent');
    shown.add('consentDate');
  }
  // A centre request is paid by the centre; a candidate's needs Paid when it is charged.
  if (!info.centre && (option.charging === 'paid' || (option.fee !== null && option.fee > 0))) shown.add('paid');
  if (info.centre) shown.add('candidatesCovered');
  if (code === 'appeal') shown.add('reasonsReceived');
  if (option.priority) shown.add('reason');
  if (option.needsRelatedReview) shown.add('relatedRequestId');
  if (code === 'mir') shown.add('indicator');
  if (code !== 'late-certification') shown.add('resultsIssued');
  if (code !== 'mir' && code !== 'late-certification' && !info.centre) {
    shown.add('originalMark');
    shown.add('originalGrade');
  }
  // Late certification is never taken late (the board accepts no late applications), so no late reason is asked for.
  if (!info.deadlineFromOutcome && info.lateAccepted && deadlinePassed(option.deadline, today)) shown.add('lateReason');
  return shown;
}

export type FormValues = { [K in FieldName]: K extends 'consent' ? boolean : string };

export function emptyValues(): FormValues {
  const values = {} as Record<FieldName, string | boolean>;
  for (const f of FORM_FIELDS) values[f] = f === 'consent' ? false : '';
  values.requestedBy = 'candidate';
  values.paid = 'no';
  return values as FormValues;
}

/**
 * What is sent to checkForm and submitRequest: a hidden field is sent empty,
 * so something typed for a service that was then changed is never stored.
 * What the officer typed stays on the page.
 */
export function submission(values: FormValues, shown: ReadonlySet<string>): FormValues {
  const out = { ...values };
  for (const f of CONDITIONAL_FIELDS) {
    if (shown.has(f)) continue;
    if (f === 'consent') out.consent = false;
    else out[f] = '';
  }
  return out;
}

/**
 * Errors by the field they belong beside; 'form' and anything the page has
 * no field for go in the banner. A message is shown once however often it comes.
 */
export function placeErrors(
  errors: readonly FieldError[],
  fields: ReadonlySet<string>,
): { byField: Map<string, string[]>; banner: string[] } {
  const byField = new Map<string, string[]>();
  const banner: string[] = [];
  for (const e of errors) {
    const message = text(e?.message).trim() || 'Something is wrong with this field.';
    const field = text(e?.field);
    if (field !== 'form' && fields.has(field)) {
      const list = byField.get(field) ?? [];
      if (!list.includes(message)) list.push(message);
      byField.set(field, list);
    } else if (!banner.includes(message)) {
      banner.push(message);
    }
  }
  return { byField, banner };
}

/**
 * While the officer types, only the fields they have left are judged (an
 * untouched field is not yet wrong); after a submit, every field is.
 */
export function errorsToShow(
  local: readonly FieldError[],
  server: readonly FieldError[],
  touched: ReadonlySet<string>,
  submitted: boolean,
): FieldError[] {
  const fromLocal = submitted ? local : local.filter((e) => touched.has(e.field));
  const out: FieldError[] = [];
  for (const e of [...fromLocal, ...server]) {
    if (!out.some((o) => o.field === e.field && o.message === e.message)) out.push(e);
  }
  return out;
}

/**
 * A field's name in the error summary: its label as the officer reads it on
 * the form, less the "(optional)" asides, so the summary and the form agree.
 */
export function summaryLabel(labelText: string): string {
  return labelText
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The fields the summary lists after a Save, in the form's order: what the
 * page found at once and what the server then added, each field once.
 */
export function fieldsToFix(errors: readonly FieldError[], fields: readonly string[]): string[] {
  const named = new Set(errors.map((e) => text(e?.field)));
  return fields.filter((f) => named.has(f));
}

/** What a look-up fills in: the server's CandidateFound, less what the form holds already. */
export type CandidateDetails = Pick<CandidateFound, 'surname' | 'forename' | 'email' | 'uci'>;
export const CANDIDATE_FIELDS: readonly (keyof CandidateDetails)[] = ['surname', 'forename', 'email', 'uci'];

/** The messages of an `{ ok: false, errors }` answer, as one sentence; '' when there are none. */
export function problemOf(answer: unknown): string {
  if (!isRecord(answer) || !Array.isArray(answer.errors)) return '';
  return answer.errors
    .map((e) => (isRecord(e) ? text(e.message).trim() : ''))
    .filter(Boolean)
    .join(' ');
}

/** lookupCandidate's answer: the candidate, null when not in the sheet, or what went wrong. */
export function readCandidate(answer: unknown): { found: CandidateDetails | null } | { problem: string } {
  if (!isRecord(answer) || answer.ok !== true) {
    return { problem: problemOf(answer) || 'The Candidates sheet could not be read.' };
  }
  const c = answer.candidate;
  if (c === null || c === undefined) return { found: null };
  if (!isRecord(c)) return { problem: 'The Candidates sheet could not be read.' };
  return { found: { surname: text(c.surname), forename: text(c.forename), email: text(c.email), uci: text(c.uci) } };
}

/**
 * Fills the candidate's details from a look-up without losing what the
 * officer typed: a field is filled when it is empty or still holds what the
 * previous look-up put there; when the number is not in the sheet, the
 * previous look-up's values are taken away again.
 */
export function fillCandidate(
  current: CandidateDetails,
  lastFilled: Partial<CandidateDetails>,
  found: CandidateDetails | null,
): { values: CandidateDetails; filled: Partial<CandidateDetails>; kept: (keyof CandidateDetails)[] } {
  const values = { ...current };
  const filled: Partial<CandidateDetails> = {};
  const kept: (keyof CandidateDetails)[] = [];
  for (const k of CANDIDATE_FIELDS) {
    const mine = current[k] !== '' && current[k] !== lastFilled[k];
    if (found === null) {
      if (!mine) values[k] = '';
      continue;
    }
    if (found[k] === '') {
      if (!mine) values[k] = '';
    } else if (!mine) {
      values[k] = found[k];
      filled[k] = found[k];
    } else if (current[k] === found[k]) {
      filled[k] = found[k];
    } else {
      kept.push(k);
    }
  }
  return { values, filled, kept };
}

const CANDIDATE_LABELS: Record<keyof CandidateDetails, string> = {
  surname: 'surname',
  forename: 'forename',
  email: 'email',
  uci: 'UCI',
};

export function lookupMessage(found: CandidateDetails | null, kept: readonly (keyof CandidateDetails)[]): string {
  if (found === null) return 'Not in the Candidates sheet — type the details.';
  const name = [found.forename, found.surname].filter(Boolean).join(' ');
  const head = name ? `Found in Candidates: ${name}.` : 'Found in Candidates.';
  if (kept.length === 0) return head;
  return `${head} Kept what you typed for ${kept.map((k) => CANDIDATE_LABELS[k]).join(', ')}.`;
}

export const NOTES_MAX = 2000;

/** '12 of 2,000 characters', or how many to remove. Counts characters as validation does. */
export function notesCounter(notes: string): { text: string; over: boolean } {
  const n = Array.from(notes).length;
  if (n > NOTES_MAX) {
    const extra = n - NOTES_MAX;
    return { text: `${formatCount(extra)} character${extra === 1 ? '' : 's'} too many`, over: true };
  }
  return { text: `${formatCount(n)} of ${formatCount(NOTES_MAX)} characters`, over: false };
}

/** submitRequest's answer as the page keeps it: its warnings as sentences. */
export interface SubmitSuccess extends Pick<Submitted, 'requestId' | 'fee' | 'deadline'> {
  /** The log it went to, as the server named it. */
  sheet: string;
  /** Things the officer should check (saved anyway), like a deadline missing from Services. */
  warnings: string[];
}

/** submitRequest's answer: success, the errors to show, or null when it cannot be read. */
export function readSubmitAnswer(
  answer: unknown,
): { ok: true; saved: SubmitSuccess } | { ok: false; errors: FieldError[] } {
  if (isRecord(answer) && answer.ok === true && typeof answer.requestId === 'string') {
    return {
      ok: true,
      saved: {
        requestId: answer.requestId,
        sheet: text(answer.sheet),
        fee: typeof answer.fee === 'number' && Number.isFinite(answer.fee) ? answer.fee : null,
        deadline: isIsoDate(answer.deadline) ? answer.deadline : null,
        warnings: Array.isArray(answer.warnings)
          ? answer.warnings.map((w) => (isRecord(w) ? text(w.message).trim() : '')).filter(Boolean)
          : [],
      },
    };
  }
  if (isRecord(answer) && answer.ok === false && Array.isArray(answer.errors) && answer.errors.length > 0) {
    return {
      ok: false,
      errors: answer.errors.map((e) =>
        isRecord(e) ? { field: text(e.field), message: text(e.message) } : { field: 'form', message: '' },
      ),
    };
  }
  return {
    ok: false,
    errors: [
      {
        field: 'form',
        message: 'The add-on gave an answer the sidebar cannot read. Check the log before trying again.',
      },
    ],
  };
}

/** The success notice, one sentence per fact, then anything to check. */
export function successText(saved: SubmitSuccess): string[] {
  const log = saved.sheet ? `the ${saved.sheet} log` : 'the log';
  return [
    `Saved as ${saved.requestId} in ${log}.`,
    `Fee: ${saved.fee === null ? 'not known' : formatFee(saved.fee, 'free-unless-priced')}.`,
    `Deadline: ${saved.deadline === null ? 'none recorded' : formatLongDate(saved.deadline)}.`,
    ...saved.warnings.map((w) => `Check: ${w}`),
  ];
}

export type DraftValues = Record<(typeof DRAFT_FIELDS)[number], string>;

/** The form so far, for printing the consent form before saving: trimmed, the teacher's email only if a teacher asked. */
export function consentDraft(values: FormValues): DraftValues {
  const draft = {} as DraftValues;
  for (const f of DRAFT_FIELDS) draft[f] = values[f].trim();
  if (draft.requestedBy !== 'teacher') draft.teacherEmail = '';
  return draft;
}

/** The success notice's offer to print the saved request's form, which carries its ID. */
export function printSavedFormLabel(saved: SubmitSuccess): string {
  return `Print the form for ${saved.requestId} (to file with the signed one)`;
}
