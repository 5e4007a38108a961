/**
 * Reading what the officer typed for a step: text with no control
 * characters, dates neither in the future nor before the dates they follow,
 * every problem beside its field.
 */
import { compareDates, isIsoDate, parseUkOrIsoDate } from './calendar';
import { formatUkDate } from './formats';
import type { FieldError, IsoDate, PostResultsRequest } from './types';

export type StepAnswer<T extends object = object> =
  ({ ok: true; request: PostResultsRequest } & T) | { ok: false; errors: FieldError[] };

// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex -- a reason may run over several lines
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export class Reader {
  readonly errors: FieldError[] = [];
  private readonly input: Record<string, unknown>;

  constructor(input: unknown) {
    this.input =
      input !== null && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  }

  add(field: string, message: string): void {
    if (!this.errors.some((e) => e.field === field)) this.errors.push({ field, message });
  }

  has(field: string): boolean {
    return this.errors.some((e) => e.field === field);
  }

  private raw(key: string): unknown {
    return Object.prototype.hasOwnProperty.call(this.input, key) ? this.input[key] : undefined;
  }

  given(key: string): boolean {
    const v = this.raw(key);
    return v !== undefined && v !== null && String(v).trim() !== '';
  }

  text(key: string, label: string, max: number, multiLine = false): string {
    const v = this.raw(key);
    if (v === undefined || v === null) return '';
    if (typeof v !== 'string' && typeof v !== 'number') {
      this.add(key, `${label} should be text.`);
      return '';
    }
    const s = String(v).trim();
    if ((multiLine ? CONTROL_MULTI_LINE : CONTROL).test(s)) {
      this.add(key, `${label} contains characters that cannot be stored; retype it.`);
      return '';
    }
    if (Array.from(s).length > max) {
      this.add(key, `${label} is too long: at most ${max} characters.`);
      return '';
    }
    return s;
  }

  /** A date as typed (ISO or day-first UK), checked against today and the dates it must follow. */
  date(
    key: string,
    what: string,
    today: IsoDate,
    after: ReadonlyArray<{ date: IsoDate | ''; what: string }>,
    required = true,
  ): IsoDate | '' {
    const v = this.raw(key);
    if (v === undefined || v === null || String(v).trim() === '') {
      if (required) this.add(key, `Enter the date ${what}, like ${formatUkDate(today)}.`);
      return '';
    }
    const d = parseUkOrIsoDate(typeof v === 'string' ? v : String(v));
    if (d === null) {
      this.add(key, `"${String(v).slice(0, 30)}" is not a date: type it like ${formatUkDate(today)}.`);
      return '';
    }
    if (compareDates(d, today) > 0) {
      this.add(
        key,
        `${formatUkDate(d)} is in the future (today is ${formatUkDate(today)}): record it once it has happened.`,
      );
      return '';
    }
    for (const a of after) {
      if (isIsoDate(a.date) && compareDates(d, a.date) < 0) {
        this.add(key, `${formatUkDate(d)} is before ${a.what} (${formatUkDate(a.date)}).`);
        return '';
      }
    }
    return d;
  }
}

export function refused(errors: FieldError[]): { ok: false; errors: FieldError[] } {
  return { ok: false, errors };
}

export function received(req: PostResultsRequest) {
  return { date: req.received, what: 'the day the request was received' };
}

/** Why a step cannot happen at this stage, or null when it can. */
export function closedOrWithdrawn(req: PostResultsRequest, doing: string): string | null {
  if (req.status === 'Withdrawn') return `${req.requestId} was withdrawn, so ${doing} cannot be recorded.`;
  if (req.status === 'Closed') return `${req.requestId} is closed, so ${doing} cannot be recorded.`;
  return null;
}
