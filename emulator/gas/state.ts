/**
 * The state one environment's services share. Service objects are thin
 * wrappers over it, so several vm contexts loaded with the same environment
 * see one spreadsheet, one lock table and one outbox, as concurrent
 * executions of a real add-on would.
 */
import type { GridRef } from './a1';
import type { VirtualClock, ZonedDateConstructor } from './clock';
import type { CallCounter } from './counter';
import type { SheetData } from './sheetData';

/** Files the Advanced Drive and Sheets services made (advanced.ts), as plain data. */
export interface DrivePermissionData {
  id: string;
  type: 'user' | 'group' | 'domain' | 'anyone';
  role: 'owner' | 'organizer' | 'fileOrganizer' | 'writer' | 'commenter' | 'reader';
  emailAddress?: string;
}

export interface DriveFileData {
  id: string;
  name: string;
  /** Who made it through the add-on: the only account drive.file lets reach it. */
  createdBy: string;
  trashed: boolean;
  appProperties: Record<string, string>;
  permissions: DrivePermissionData[];
  /** Its sheets (a spreadsheet made by Sheets.Spreadsheets.create). */
  sheets: { title: string; rowCount: number; columnCount: number; values: (string | number | boolean)[][] }[];
}

export interface DriveState {
  files: DriveFileData[];
  nextFileId: number;
  nextPermissionId: number;
  /** Google's own "shared with you" notices: who was told, about which file. */
  notices: { to: string; fileId: string; at: string }[];
}

export interface ProtectionData {
  id: string;
  sheetId: number;
  type: 'RANGE' | 'SHEET';
  ref: GridRef | null;
  description: string;
  editors: string[];
  warningOnly: boolean;
  domainEdit: boolean;
  unprotected: GridRef[];
}

export interface ValidationData {
  criteria: string;
  args: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

/** How a range is remembered inside a rule: its sheet and cells, not a live object. */
export interface SheetRef {
  sheetId: number;
  ref: GridRef;
}

export interface WorkbookData {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  sheets: SheetData[];
  activeSheetId: number;
  /** The selection, if a script or the user made one; otherwise A1 of the active sheet. */
  activeRange: SheetRef | null;
  nextSheetId: number;
  protections: ProtectionData[];
  nextProtectionId: number;
  nextChartId: number;
}

export interface SentMail {
  to: string;
  cc: string;
  bcc: string;
  replyTo: string;
  name: string;
  subject: string;
  body: string;
  htmlBody: string;
  noReply: boolean;
  attachments: { name: string; contentType: string; size: number }[];
  sentAt: string;
}

export interface TriggerData {
  id: string;
  handler: string;
  eventType: 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';
  source: 'SPREADSHEETS' | 'CLOCK';
  sourceId: string | null;
  schedule: Record<string, unknown>;
  /** Who created it: it runs as them, and only they see it (getProjectTriggers, getUserTriggers). */
  owner?: string;
  /** The spreadsheet whose add-on created it: an add-on trigger belongs to one user and one document. */
  documentId?: string;
}

export type LockKind = 'document' | 'script' | 'user';

export interface UiRecord {
  sidebars: Classes['HtmlOutput'][];
  /** `html` is the dialog's content; `output` the HtmlOutput that was shown. */
  dialogs: { html: string; title: string; modal: boolean; output: Classes['HtmlOutput'] }[];
  menus: { name: string; items: { caption: string; functionName: string }[] }[];
  toasts: string[];
  alerts: string[];
  /** Answers for the next alerts and prompts, first in first out; default OK (YES for yes/no). */
  responses: (string | { button: string; text?: string })[];
}

/**
 * The classes the state holds or hands out, by name. Their modules import
 * this one, so it cannot import them: each class enters itself here
 * (`declare module './state' { interface Classes { Range: Range } }` in
 * range.ts), and a module that only hands a Range on names it
 * Classes['Range']. So every import points towards this file, and none back.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the class modules, as above
export interface Classes {}

/**
 * How the grid's classes make one another without importing one another at
 * run time: a Range gives its Sheet, a Sheet its Spreadsheet, a text finder
 * the cells it found, and a rule, chart, filter or protection the ranges it
 * remembers by position. index.ts, which imports every class, fills one in
 * for each environment, so the modules import only downwards (range.ts does
 * not load sheet.ts; the Sheet that made a Range is asked of the grid).
 */
export interface Grid {
  range(sheet: SheetData, row: number, column: number, numRows: number, numColumns: number): Classes['Range'];
  /** The range remembered as `ref`, cut to the sheet's size; null when its sheet or every cell of it is gone. */
  fromRef(ref: SheetRef): Classes['Range'] | null;
  /** A Range as its sheet and position; null for anything else. */
  toRef(range: unknown): SheetRef | null;
  sheet(data: SheetData): Classes['Sheet'];
  spreadsheet(): Classes['Spreadsheet'];
}

export interface Ctx {
  counter: CallCounter;
  clock: VirtualClock;
  DateCtor: ZonedDateConstructor;
  scriptTimeZone: string;
  book: WorkbookData;
  /** `first` is the user the environment was made for: `properties.user` is theirs. */
  user: { active: string; owner: string; first: string };
  ui: UiRecord & { available: boolean };
  logs: string[];
  htmlFiles: Record<string, string>;
  mail: { outbox: SentMail[]; quota: number; failAt: { call: number; message: string }[]; sendCalls: number };
  locks: Record<LockKind, { holder: object | null; heldUntil: number }>;
  lockTimeoutMs: number;
  properties: Record<'script' | 'document' | 'user', Map<string, string>>;
  /** The user properties of every other user who has run the script here, by lower-case email. */
  otherUsersProperties: Map<string, Map<string, string>>;
  triggers: TriggerData[];
  nextTriggerId: number;
  authorizationRequired: boolean;
  /** The manifest's oauthScopes while a call into the bundle runs (scopes.ts); null: calls are not held to scopes. */
  grantedScopes: ReadonlySet<string> | null;
  /** Files the add-on made through the Advanced Sheets and Drive services (the SLT view). */
  drive: DriveState;
  /** How the grid's classes make one another (Grid, above). */
  grid: Grid;
}

/** A Date of this environment, so code in the sandbox sees the script's time zone on it. */
export function makeDate(ctx: Ctx, ms: number): Date {
  return new ctx.DateCtor(ms);
}
