/**
 * The shapes the emulator's server modules share, in a module that imports
 * nothing, so any of them can name a shape without importing another.
 */

export interface ServerOptions {
  /** 0 picks a free port. */
  port?: number;
  dataDir?: string;
  distDir?: string;
  /** Forget the saved workbook, clock and outbox first. */
  reset?: boolean;
  /** No console output (tests). */
  quiet?: boolean;
  /** MailApp recipients left each day; default the stand-in's 100. */
  mailQuota?: number;
  /**
   * Virtual ms each service call of the bundle moves the clock on (tests):
   * with Apps Script's costs, a run that watches its time budget (the
   * mailer) stops where it would on Google, while the call itself still
   * answers at once. Unset, the clock moves only when told to.
   */
  callCostMs?: (service: string, method: string) => number;
}

/** What a call did to the spreadsheet's UI, for the page to show. */
export interface UiDelta {
  alerts: string[];
  toasts: string[];
  /** A sidebar or dialog the call opened; the page shows it in its side panel. */
  panel?: { kind: 'sidebar' | 'dialog'; title: string; url: string; width?: number; height?: number };
}

export type CallOutcome = { result?: unknown; error?: { message: string }; ui: UiDelta };

/** The officer's answer to a ui.prompt or a yes/no alert: the button she pressed and what she typed. */
export interface PromptAnswer {
  button: 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';
  text: string;
}

/** The smallest surface of the stand-in's spreadsheet the server reads and writes. */
export interface RangeLike {
  getA1Notation(): string;
  getDataValidations(): ({ getCriteriaType(): unknown; getCriteriaValues(): unknown[] } | null)[][];
  getFormulas(): string[][];
  getNumberFormats(): string[][];
  getDisplayValue(): string;
  setValue(value: unknown): unknown;
  getDisplayValues(): string[][];
  getBackgrounds(): string[][];
  getFontWeights(): string[][];
  getWraps(): boolean[][];
  getValues(): unknown[][];
  setValues(values: unknown[][]): unknown;
}
interface ConditionalRuleLike {
  getRanges(): ({ getRow(): number; getColumn(): number; getNumRows(): number; getNumColumns(): number } | null)[];
  getBooleanCondition(): {
    getCriteriaType(): unknown;
    getCriteriaValues(): unknown[];
    getBackground(): string | null;
    getFontColor(): string | null;
  } | null;
}
export interface ChartLike {
  getRanges(): (RangeLike | null)[];
  getOptions(): { get(option: string): unknown };
  getContainerInfo(): { getAnchorRow(): number; getAnchorColumn(): number };
}
export interface SheetLike {
  getName(): string;
  getCharts(): ChartLike[];
  getConditionalFormatRules(): ConditionalRuleLike[];
  getLastRow(): number;
  getLastColumn(): number;
  getMaxRows(): number;
  getMaxColumns(): number;
  getColumnWidth(column: number): number;
  getRange(row: number, column: number, numRows: number, numColumns: number): RangeLike;
}
export interface SpreadsheetLike {
  getSheets(): SheetLike[];
  getSheetByName(name: string): SheetLike | null;
  deleteSheet(sheet: SheetLike): void;
}

export interface SheetView {
  name: string;
  rows: string[][];
  /** Each cell's colour as the officer sees it: conditional formatting over the cell's own background. */
  backgrounds?: string[][];
  /** Text colours set by conditional formatting ('' where none). */
  fontColors?: string[][];
  /** Conditional format rules the emulator could not evaluate, so their colours are missing from the grid. */
  unshownRules?: string[];
  /** Cells with a checkbox rule, which Sheets draws as a tick box rather than TRUE or FALSE. */
  checkboxes?: boolean[][];
  /** Each column's width in pixels, as setColumnWidth(s) left it; absent when every column has Sheets' default. */
  columnWidths?: number[];
  /** Cells set to wrap their text onto more lines (absent when none is). */
  wraps?: boolean[][];
  /** Bold cells (absent when none is): the page draws row 1 bold anyway, as its header. */
  bold?: boolean[][];
  /** Embedded charts with the cells they draw, for the page to show as simple bars. */
  charts?: ChartView[];
  /** Cells ("row:column", from 0) that hold a formula, shown as its text. */
  formulas?: string[];
  /** Where the edit box must start with other text than the cell shows ("row:column" to text). */
  edits?: Record<string, string>;
  /** Dropdown cells ("row:column", spare rows included) and the list each offers. */
  dropdowns?: { lists: string[][]; cells: Record<string, number> };
  totalRows: number;
  totalColumns: number;
  /** Blank rows the page draws below the last used one, for typing a new row. */
  spareRows: number;
}

export interface ChartView {
  title: string;
  type: string;
  /** Where the chart sits, like "E2". */
  anchor: string;
  source: string;
  /** The display values of its data, first row and first column as Sheets reads them for labels. */
  data: string[][];
  /** Stacked series (setStacked()): the page draws them as one bar per row. */
  stacked?: boolean;
}

/** One email as a message file needs it; sentAt is ISO. */
export interface EmlMessage {
  to: string;
  cc: string;
  bcc: string;
  replyTo: string;
  name: string;
  from: string;
  subject: string;
  body: string;
  htmlBody: string;
  sentAt: string;
}

/** An email as the page lists it: the message, its number and where its .eml file is served. */
export type MailView = EmlMessage & { id: number; eml: string };

/** A file the add-on made in Drive (the SLT view), as its readers see it. */
export interface DriveFileView {
  id: string;
  name: string;
  sheet: string;
  values: unknown[][];
  readers: string[];
  trashed: boolean;
}

/** What `/api/state` answers: everything the emulator's page draws. */
export interface StateView {
  sheets: SheetView[];
  menu: { caption: string; functionName: string }[];
  outbox: MailView[];
  driveFiles: DriveFileView[];
  today: string;
  triggers: { handler: string; eventType: string }[];
  functions: string[];
  panel: UiDelta['panel'];
  /** Who the page can type into the grid as. */
  users: { email: string; label: string }[];
}
