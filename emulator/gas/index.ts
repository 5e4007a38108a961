/**
 * An in-memory stand-in for the Apps Script services a Sheets add-on uses,
 * for jest tests that load the built bundle with gas-local and for the local
 * web emulator. It aims to fail where real Sheets fails: typed-input parsing,
 * range bounds, quotas, locks, property limits and trigger rules.
 */
import { DriveAdvanced, SheetsAdvanced, newDriveState } from './advanced';
import { Charts } from './charts';
import { VirtualClock, makeZonedDate } from './clock';
import { CallCounter, type ServiceName } from './counter';
import { isValidTimeZone } from './dates';
import { HtmlServiceImpl } from './html';
import { LockServiceImpl, OTHER_PROCESS, holdLock } from './locks';
import { MailAppService } from './mail';
import { PropertiesServiceImpl } from './properties';
import { type SerializedWorkbook, restoreWorkbook, serializeState } from './serialize';
import { LoggerService, SessionService, makeConsole } from './session';
import { Range, rangeFromRef, rangeToRef } from './range';
import { Sheet } from './sheet';
import { SheetData } from './sheetData';
import { Spreadsheet, SpreadsheetAppService } from './spreadsheet';
import type { Ctx, DriveFileData, DriveState, LockKind, SentMail, TriggerData, UiRecord, WorkbookData } from './state';
import { ScriptAppService, triggerDocument, triggerOwner } from './triggers';
import { UtilitiesService } from './utilities';

export type { SerializedWorkbook } from './serialize';
export type { SentMail, TriggerData } from './state';
export type { ServiceName } from './counter';
export type { DriveFileData, DrivePermissionData, DriveState } from './state';
export type { HtmlOutput } from './html';
export type { Spreadsheet } from './spreadsheet';
export type { Sheet } from './sheet';
export type { Range } from './range';
export type { SpreadsheetAppService } from './spreadsheet';
export type { MailAppService } from './mail';
export type { LockServiceImpl as LockServiceType } from './locks';
export type { PropertiesServiceImpl as PropertiesServiceType } from './properties';
export type { ScriptAppService } from './triggers';
export type { HtmlServiceImpl as HtmlServiceType } from './html';
export type { SessionService, LoggerService } from './session';
export type { UtilitiesService } from './utilities';
export { loadBundle, callAsScriptRun, callAsTrigger } from './loadBundle';

export interface GasEnvironmentOptions {
  /** Spreadsheet time zone; default 'Europe/London'. */
  timeZone?: string;
  /** Script time zone (appsscript.json), used by the sandbox's Date; default 'Europe/London'. */
  scriptTimeZone?: string;
  /** Initial virtual clock; default the real now (or the saved workbook's clock). */
  now?: Date | string;
  /** MailApp recipients left today; default 100. */
  mailQuota?: number;
  /** Session's active and effective user; default 'officer@example.org'. */
  userEmail?: string;
  /** The spreadsheet's owner, who can always edit protected ranges; default userEmail. */
  ownerEmail?: string;
  /** name (without .html) -> HTML, for HtmlService.createHtmlOutputFromFile. */
  htmlFiles?: Record<string, string>;
  /** A snapshot from env.serialize() to start from. */
  workbook?: SerializedWorkbook;
  spreadsheetName?: string;
  /** Names of the sheets a new spreadsheet starts with; default ['Sheet1'], as Sheets makes. */
  initialSheets?: string[];
  /** How long holdDocumentLock() and friends hold a lock, in virtual ms; default forever. */
  lockTimeoutMs?: number;
  /** The spreadsheet's id; give each spreadsheet of a shared `project` its own. */
  spreadsheetId?: string;
  /**
   * The script project's installed triggers, shared by every spreadsheet the add-on is used in
   * (pass the same object to two environments: last season's spreadsheet and this one's).
   */
  project?: ScriptProject;
}

/** What one add-on script holds across every spreadsheet and user: its installed triggers. */
export interface ScriptProject {
  triggers: TriggerData[];
}

export function newScriptProject(): ScriptProject {
  return { triggers: [] };
}

export interface GasEnvironment {
  /** Pass to gas-local (or use loadBundle): the Apps Script globals, including a virtual-clock Date. */
  globals: Record<string, unknown>;
  /** The fake active spreadsheet (calls on it are counted like the script's). */
  readonly spreadsheet: Spreadsheet;
  clock: { now(): Date; set(d: Date | string): void; advanceDays(n: number): void; advanceMs(n: number): void };
  mail: {
    readonly outbox: SentMail[];
    setQuota(n: number): void;
    remaining(): number;
    /** The nth sendEmail call from now throws `message` and sends nothing. */
    failOnSend(nth: number, message?: string): void;
    clear(): void;
  };
  locks: {
    holdDocumentLock(forMs?: number): void;
    holdScriptLock(forMs?: number): void;
    holdUserLock(forMs?: number): void;
    /**
     * An execution has ended: Apps Script frees whatever locks it still held
     * (a run killed inside withDocumentLock never reaches releaseLock). Locks
     * held by "another process" (the hold* calls above) stay.
     */
    endExecution(): void;
    releaseAll(): void;
  };
  calls: { total(service?: ServiceName): number; byMethod(): Record<string, number>; reset(): void };
  /** Everything the script showed. Set `available = false` to run as a trigger (getUi throws). */
  ui: UiRecord & { available: boolean };
  properties: { script: Map<string, string>; document: Map<string, string>; user: Map<string, string> };
  /** This spreadsheet's installed triggers, every user's: plain data plus Trigger's getters (not counted). */
  readonly triggers: TriggerInfo[];
  /**
   * Runs `fn` as Apps Script runs an installable trigger: as the user who created it (Session's
   * active and effective user), with no UI.
   */
  asTrigger<T>(trigger: TriggerData, fn: () => T): T;
  /** Lines from Logger.log and console.*. */
  logs: string[];
  setAuthorizationRequired(required: boolean): void;
  /**
   * Runs `fn` (a call into the bundle) granted only `scopes`, the manifest's
   * oauthScopes: a service call needing another throws as on Apps Script.
   * null grants everything (a manifest without oauthScopes). Calls a test makes
   * on `spreadsheet` outside it are never refused.
   */
  withGrantedScopes<T>(scopes: readonly string[] | null, fn: () => T): T;
  /**
   * Files in Drive made through the Advanced Sheets and Drive services (live, not counted),
   * Google's own sharing notices, and a user's hand: put a file in the bin, or delete it.
   */
  drive: {
    readonly files: DriveFileData[];
    readonly notices: DriveState['notices'];
    trash(id: string): void;
    remove(id: string): void;
  };
  /** Switches Session's user, e.g. to an SLT viewer who is not an editor of protected ranges. */
  setActiveUser(email: string): void;
  /** Selects cells as the user would, e.g. "'Requests'!A5:C5" (not counted as a script call). */
  select(a1Notation: string): void;
  serialize(): SerializedWorkbook;
}

/** A trigger as tests see it: its data, and the getters a script would call. */
export interface TriggerInfo extends TriggerData {
  getHandlerFunction(): string;
  getEventType(): string;
  getTriggerSource(): string;
  getTriggerSourceId(): string | null;
  getUniqueId(): string;
}

function triggerInfo(t: TriggerData): TriggerInfo {
  return {
    ...t,
    schedule: { ...t.schedule },
    getHandlerFunction: () => t.handler,
    getEventType: () => t.eventType,
    getTriggerSource: () => t.source,
    getTriggerSourceId: () => t.sourceId,
    getUniqueId: () => t.id,
  };
}

function newWorkbook(timeZone: string, name: string, sheetNames: string[]): WorkbookData {
  if (sheetNames.length === 0) throw new Error('A spreadsheet needs at least one sheet.');
  return {
    id: '1EmulatedSpreadsheetId000000000000000000000',
    name,
    timeZone,
    locale: 'en_GB',
    sheets: sheetNames.map((n, i) => new SheetData(i, n)),
    activeSheetId: 0,
    activeRange: null,
    nextSheetId: sheetNames.length,
    protections: [],
    nextProtectionId: 1,
    nextChartId: 1,
  };
}

export function createGasEnvironment(options: GasEnvironmentOptions = {}): GasEnvironment {
  const saved = options.workbook;
  const timeZone = options.timeZone ?? 'Europe/London';
  const scriptTimeZone = options.scriptTimeZone ?? 'Europe/London';
  for (const tz of [timeZone, scriptTimeZone]) if (!isValidTimeZone(tz)) throw new Error(`Unknown time zone: ${tz}`);
  const clock = new VirtualClock(options.now ?? saved?.clock, scriptTimeZone);
  const userEmail = options.userEmail ?? 'officer@example.org';
  const lockFree = () => ({ holder: null, heldUntil: 0 });

  const ctx: Ctx = {
    counter: new CallCounter(),
    clock,
    DateCtor: makeZonedDate(clock, scriptTimeZone),
    scriptTimeZone,
    book: saved
      ? restoreWorkbook(saved)
      : newWorkbook(timeZone, options.spreadsheetName ?? 'Post-results tracker', options.initialSheets ?? ['Sheet1']),
    user: { active: userEmail, owner: options.ownerEmail ?? userEmail, first: userEmail },
    ui: { sidebars: [], dialogs: [], menus: [], toasts: [], alerts: [], responses: [], available: true },
    logs: [],
    htmlFiles: { ...(options.htmlFiles ?? {}) },
    mail: {
      outbox: saved ? saved.outbox.map((m) => ({ ...m })) : [],
      quota: options.mailQuota ?? saved?.mailQuota ?? 100,
      failAt: [],
      sendCalls: 0,
    },
    locks: { document: lockFree(), script: lockFree(), user: lockFree() },
    lockTimeoutMs: options.lockTimeoutMs ?? Infinity,
    properties: {
      script: new Map(Object.entries(saved?.properties.script ?? {})),
      document: new Map(Object.entries(saved?.properties.document ?? {})),
      user: new Map(Object.entries(saved?.properties.user ?? {})),
    },
    otherUsersProperties: new Map(),
    triggers:
      options.project?.triggers ?? (saved ? saved.triggers.map((t) => ({ ...t, schedule: { ...t.schedule } })) : []),
    nextTriggerId: saved?.nextTriggerId ?? 1,
    authorizationRequired: false,
    grantedScopes: null,
    drive: saved?.drive ? structuredClone(saved.drive) : newDriveState(),
    grid: {
      range: (sheet, row, column, numRows, numColumns) => new Range(ctx, sheet, row, column, numRows, numColumns),
      fromRef: (ref) => rangeFromRef(ctx, ref),
      toRef: rangeToRef,
      sheet: (data) => new Sheet(ctx, data),
      spreadsheet: () => new Spreadsheet(ctx),
    },
  };
  if (saved && options.timeZone) ctx.book.timeZone = options.timeZone;
  if (options.spreadsheetId) ctx.book.id = options.spreadsheetId;

  const globals: Record<string, unknown> = {
    SpreadsheetApp: new SpreadsheetAppService(ctx),
    MailApp: new MailAppService(ctx),
    LockService: new LockServiceImpl(ctx),
    PropertiesService: new PropertiesServiceImpl(ctx),
    ScriptApp: new ScriptAppService(ctx),
    HtmlService: new HtmlServiceImpl(ctx),
    Session: new SessionService(ctx),
    Utilities: new UtilitiesService(ctx),
    Logger: new LoggerService(ctx),
    console: makeConsole(ctx),
    Charts,
    Sheets: new SheetsAdvanced(ctx),
    Drive: new DriveAdvanced(ctx),
    Date: ctx.DateCtor,
  };

  const hold = (kind: LockKind) => (forMs?: number) => holdLock(ctx, kind, forMs ?? ctx.lockTimeoutMs);

  return {
    globals,
    get spreadsheet() {
      return new Spreadsheet(ctx);
    },
    clock: {
      now: () => clock.now(),
      set: (d) => clock.set(d),
      advanceDays: (n) => clock.advanceDays(n),
      advanceMs: (n) => clock.advanceMs(n),
    },
    mail: {
      get outbox() {
        return ctx.mail.outbox;
      },
      setQuota: (n) => {
        ctx.mail.quota = n;
      },
      remaining: () => ctx.mail.quota,
      failOnSend: (nth, message = 'Service unavailable: Email') => {
        if (!Number.isInteger(nth) || nth < 1) throw new Error('failOnSend: nth must be a positive integer');
        ctx.mail.failAt.push({ call: ctx.mail.sendCalls + nth, message });
      },
      clear: () => {
        ctx.mail.outbox.length = 0;
        ctx.mail.failAt.length = 0;
      },
    },
    locks: {
      holdDocumentLock: hold('document'),
      holdScriptLock: hold('script'),
      holdUserLock: hold('user'),
      endExecution: () => {
        for (const kind of ['document', 'script', 'user'] as const) {
          if (ctx.locks[kind].holder !== OTHER_PROCESS) ctx.locks[kind] = lockFree();
        }
      },
      releaseAll: () => {
        ctx.locks = { document: lockFree(), script: lockFree(), user: lockFree() };
      },
    },
    calls: {
      total: (service) => ctx.counter.total(service),
      byMethod: () => ctx.counter.byMethod(),
      reset: () => ctx.counter.reset(),
    },
    ui: ctx.ui,
    properties: ctx.properties,
    get triggers() {
      return ctx.triggers.filter((t) => triggerDocument(ctx, t) === ctx.book.id).map(triggerInfo);
    },
    asTrigger: (trigger, fn) => {
      const before = { user: ctx.user.active, ui: ctx.ui.available };
      ctx.user.active = triggerOwner(ctx, trigger);
      ctx.ui.available = false;
      try {
        return fn();
      } finally {
        ctx.user.active = before.user;
        ctx.ui.available = before.ui;
      }
    },
    logs: ctx.logs,
    drive: {
      get files() {
        return ctx.drive.files;
      },
      get notices() {
        return ctx.drive.notices;
      },
      trash: (id) => {
        const f = ctx.drive.files.find((x) => x.id === id);
        if (f) f.trashed = true;
      },
      remove: (id) => {
        ctx.drive.files = ctx.drive.files.filter((x) => x.id !== id);
      },
    },
    setAuthorizationRequired: (required) => {
      ctx.authorizationRequired = required;
    },
    withGrantedScopes: (scopes, fn) => {
      const before = ctx.grantedScopes;
      ctx.grantedScopes = scopes === null ? null : new Set(scopes);
      try {
        return fn();
      } finally {
        ctx.grantedScopes = before;
      }
    },
    setActiveUser: (email) => {
      ctx.user.active = email;
    },
    select: (a1Notation) => {
      ctx.counter.depth++;
      try {
        new Spreadsheet(ctx).getRange(a1Notation).activate();
      } finally {
        ctx.counter.depth--;
      }
    },
    serialize: () => serializeState(ctx),
  };
}
