/**
 * ScriptApp: installable triggers with the add-on rules that bite in
 * production — one time-driven trigger per user per document, and none that
 * runs more often than hourly.
 */
import { instrument } from './counter';
import { isInteger } from './errors';
import { isValidTimeZone } from './dates';
import type { Ctx, TriggerData } from './state';

export const AuthMode = { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' } as const;
export const AuthorizationStatus = { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' } as const;
export const EventType = {
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_CHANGE: 'ON_CHANGE',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
} as const;
export const TriggerSource = { SPREADSHEETS: 'SPREADSHEETS', CLOCK: 'CLOCK' } as const;
export const WeekDay = {
  MONDAY: 'MONDAY',
  TUESDAY: 'TUESDAY',
  WEDNESDAY: 'WEDNESDAY',
  THURSDAY: 'THURSDAY',
  FRIDAY: 'FRIDAY',
  SATURDAY: 'SATURDAY',
  SUNDAY: 'SUNDAY',
} as const;

const sameUser = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Who made a trigger (one saved before owners were recorded was the environment's first user's). */
export function triggerOwner(ctx: Ctx, t: TriggerData): string {
  return t.owner ?? ctx.user.first;
}

/** The spreadsheet a trigger belongs to (one saved before documents were recorded is this one). */
export function triggerDocument(ctx: Ctx, t: TriggerData): string {
  return t.documentId ?? ctx.book.id;
}

function mine(ctx: Ctx, t: TriggerData): boolean {
  return sameUser(triggerOwner(ctx, t), ctx.user.active);
}

function install(ctx: Ctx, data: Omit<TriggerData, 'id' | 'owner' | 'documentId'>): Trigger {
  // "Each add-on can only have one trigger of each type, per user, per document."
  if (
    data.eventType === 'CLOCK' &&
    ctx.triggers.some((t) => t.eventType === 'CLOCK' && mine(ctx, t) && triggerDocument(ctx, t) === ctx.book.id)
  ) {
    throw new Error(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
  }
  // The trigger list may be shared with other spreadsheets of the same project: ids stay unique across them.
  const next = Math.max(ctx.nextTriggerId, ...ctx.triggers.map((t) => Number(t.id) + 1).filter(Number.isFinite));
  ctx.nextTriggerId = next + 1;
  const stored: TriggerData = { id: String(next), ...data, owner: ctx.user.active, documentId: ctx.book.id };
  ctx.triggers.push(stored);
  return new Trigger(ctx, stored);
}

export class Trigger {
  constructor(
    readonly _ctx: Ctx,
    readonly _data: TriggerData,
  ) {}
  getHandlerFunction(): string {
    return this._data.handler;
  }
  getEventType(): string {
    return this._data.eventType;
  }
  getTriggerSource(): string {
    return this._data.source;
  }
  getTriggerSourceId(): string | null {
    return this._data.sourceId;
  }
  getUniqueId(): string {
    return this._data.id;
  }
}
instrument(Trigger, 'Script', 'Trigger');

export class ClockTriggerBuilder {
  private schedule: Record<string, unknown> = {};

  constructor(
    readonly _ctx: Ctx,
    readonly _handler: string,
  ) {}

  private _positive(name: string, n: unknown): number {
    if (!isInteger(n) || n < 1) throw new Error(`Invalid argument: ${name}. The value must be a positive integer.`);
    return n;
  }

  everyMinutes(n: unknown): ClockTriggerBuilder {
    this._positive('minutes', n);
    // Add-ons may not run a time-driven trigger more often than once an hour.
    throw new Error('Add-ons may not create time-based triggers that run more often than once per hour.');
  }
  everyHours(n: unknown): ClockTriggerBuilder {
    this.schedule.everyHours = this._positive('hours', n);
    return this;
  }
  everyDays(n: unknown): ClockTriggerBuilder {
    this.schedule.everyDays = this._positive('days', n);
    return this;
  }
  everyWeeks(n: unknown): ClockTriggerBuilder {
    this.schedule.everyWeeks = this._positive('weeks', n);
    return this;
  }
  onWeekDay(day: string): ClockTriggerBuilder {
    this.schedule.onWeekDay = String(day);
    return this;
  }
  atHour(hour: unknown): ClockTriggerBuilder {
    if (!isInteger(hour) || hour < 0 || hour > 23) throw new Error('Invalid argument: hour');
    this.schedule.atHour = hour;
    return this;
  }
  nearMinute(minute: unknown): ClockTriggerBuilder {
    if (!isInteger(minute) || minute < 0 || minute > 59) throw new Error('Invalid argument: minute');
    this.schedule.nearMinute = minute;
    return this;
  }
  inTimezone(timezone: unknown): ClockTriggerBuilder {
    if (!isValidTimeZone(timezone)) throw new Error(`Invalid argument: ${String(timezone)}`);
    this.schedule.timezone = timezone;
    return this;
  }
  after(ms: unknown): ClockTriggerBuilder {
    if (typeof ms !== 'number' || ms < 0) throw new Error('Invalid argument: durationMilliseconds');
    this.schedule.at = new Date(this._ctx.clock.nowMs() + ms).toISOString();
    return this;
  }
  at(date: unknown): ClockTriggerBuilder {
    if (Object.prototype.toString.call(date) !== '[object Date]') throw new Error('Invalid argument: date');
    this.schedule.at = new Date((date as Date).getTime()).toISOString();
    return this;
  }
  create(): Trigger {
    const s = this.schedule;
    if (s.everyHours === undefined && s.everyDays === undefined && s.everyWeeks === undefined && s.at === undefined) {
      throw new Error('The trigger has no schedule: call everyHours, everyDays, everyWeeks, at or after first.');
    }
    return install(this._ctx, {
      handler: this._handler,
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: null,
      schedule: { ...s },
    });
  }
}
instrument(ClockTriggerBuilder, 'Script', 'ClockTriggerBuilder');

export class SpreadsheetTriggerBuilder {
  private event: TriggerData['eventType'] | null = null;

  constructor(
    readonly _ctx: Ctx,
    readonly _handler: string,
    readonly _sourceId: string,
  ) {}

  onOpen(): SpreadsheetTriggerBuilder {
    this.event = 'ON_OPEN';
    return this;
  }
  onEdit(): SpreadsheetTriggerBuilder {
    this.event = 'ON_EDIT';
    return this;
  }
  onChange(): SpreadsheetTriggerBuilder {
    this.event = 'ON_CHANGE';
    return this;
  }
  onFormSubmit(): SpreadsheetTriggerBuilder {
    this.event = 'ON_FORM_SUBMIT';
    return this;
  }
  create(): Trigger {
    if (!this.event) throw new Error('The trigger has no event: call onOpen, onEdit, onChange or onFormSubmit first.');
    return install(this._ctx, {
      handler: this._handler,
      eventType: this.event,
      source: 'SPREADSHEETS',
      sourceId: this._sourceId,
      schedule: {},
    });
  }
}
instrument(SpreadsheetTriggerBuilder, 'Script', 'SpreadsheetTriggerBuilder');

export class TriggerBuilder {
  constructor(
    readonly _ctx: Ctx,
    readonly _handler: string,
  ) {}
  timeBased(): ClockTriggerBuilder {
    return new ClockTriggerBuilder(this._ctx, this._handler);
  }
  forSpreadsheet(spreadsheet: unknown): SpreadsheetTriggerBuilder {
    const id =
      typeof spreadsheet === 'string'
        ? spreadsheet
        : typeof (spreadsheet as { getId?: unknown })?.getId === 'function'
          ? String((spreadsheet as { getId(): string }).getId())
          : null;
    if (id !== this._ctx.book.id) throw new Error('Invalid argument: spreadsheet');
    return new SpreadsheetTriggerBuilder(this._ctx, this._handler, id);
  }
}
instrument(TriggerBuilder, 'Script', 'TriggerBuilder');

export class AuthorizationInfo {
  constructor(readonly _ctx: Ctx) {}
  getAuthorizationStatus(): string {
    return this._ctx.authorizationRequired ? AuthorizationStatus.REQUIRED : AuthorizationStatus.NOT_REQUIRED;
  }
  getAuthorizationUrl(): string | null {
    return this._ctx.authorizationRequired ? 'https://script.google.com/macros/authorize?emulated=1' : null;
  }
}
instrument(AuthorizationInfo, 'Script', 'AuthorizationInfo');

export class ScriptAppService {
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = WeekDay;

  constructor(readonly _ctx: Ctx) {}

  newTrigger(functionName: unknown): TriggerBuilder {
    if (typeof functionName !== 'string' || functionName === '') throw new Error('Invalid argument: functionName');
    return new TriggerBuilder(this._ctx, functionName);
  }
  /** The current user's triggers in this project, whichever spreadsheet made them. */
  getProjectTriggers(): Trigger[] {
    return this._ctx.triggers.filter((t) => mine(this._ctx, t)).map((t) => new Trigger(this._ctx, t));
  }
  /** The current user's triggers for this add-on in one spreadsheet. */
  getUserTriggers(spreadsheet: unknown): Trigger[] {
    const id =
      typeof (spreadsheet as { getId?: unknown })?.getId === 'function'
        ? String((spreadsheet as { getId(): string }).getId())
        : null;
    if (id === null) throw new Error('Invalid argument: document');
    return this._ctx.triggers
      .filter((t) => mine(this._ctx, t) && triggerDocument(this._ctx, t) === id)
      .map((t) => new Trigger(this._ctx, t));
  }
  deleteTrigger(trigger: unknown): void {
    if (!(trigger instanceof Trigger)) throw new Error('Invalid argument: trigger');
    // A script can only delete the current user's own triggers.
    const i = this._ctx.triggers.findIndex((t) => t.id === trigger._data.id && mine(this._ctx, t));
    if (i >= 0) this._ctx.triggers.splice(i, 1);
  }
  getAuthorizationInfo(authMode: unknown): AuthorizationInfo {
    void authMode;
    return new AuthorizationInfo(this._ctx);
  }
  getScriptId(): string {
    return 'emulated-script-id';
  }
  getOAuthToken(): string {
    return 'emulated-oauth-token';
  }
  getService(): { getUrl(): string } {
    return { getUrl: () => 'https://script.google.com/macros/s/emulated/exec' };
  }
}
instrument(ScriptAppService, 'Script', 'ScriptApp');
