/**
 * What the officer's rules share: the context they judge a request in (today,
 * the Services and Settings sheets, the requests already in the logs) and the
 * answer they build together, each rule adding its errors and warnings.
 */
import type {
  FieldError,
  IsoDate,
  LogName,
  PostResultsRequest,
  RequestForm,
  RequestFormDraft,
  ServiceRow,
  Settings,
} from './types';

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

/** One request being judged: the form, its context, and the answer so far. */
export class RuleCheck {
  readonly answer: RulesAnswer;

  constructor(
    readonly form: RequestFormDraft,
    readonly ctx: RuleContext,
  ) {
    this.answer = { errors: [], warnings: [], fee: null, deadline: null, log: null, notes: form.notes };
  }

  get errors(): FieldError[] {
    return this.answer.errors;
  }

  get warnings(): FieldError[] {
    return this.answer.warnings;
  }

  add(field: keyof RequestForm, message: string): void {
    this.answer.errors.push({ field, message });
  }

  warn(field: keyof RequestForm, message: string): void {
    this.answer.warnings.push({ field, message });
  }

  /** A reason the officer gave for going ahead, kept first in the notes, above the officer's own. */
  noteFirst(line: string): void {
    this.answer.notes = this.answer.notes === '' ? line : `${line}\n${this.answer.notes}`;
  }
}
