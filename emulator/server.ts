/**
 * The local emulator: the real dist/Code.js, run by gas-local against the
 * in-memory Sheets/Mail stand-in (emulator/gas), behind a small HTTP server
 * on loopback. The page at / shows the workbook like a spreadsheet window;
 * sidebar pages from dist/ talk to the bundle through a google.script.run shim.
 *
 * Everything the bundle does is synchronous, and Node runs one request
 * handler at a time up to its first await, so calls never interleave: a burst
 * of parallel requests is applied one after another, each persisted before
 * the next starts.
 */
import { DEMO_RESPONSES_SHEET, demoApplicationRows } from './demoApplications';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import {
  callAsScriptRun,
  callAsTrigger,
  createGasEnvironment,
  loadBundle,
  type GasEnvironment,
  type SentMail,
  type SerializedWorkbook,
} from './gas';
import { hookedGlobals } from './gas/hooks';
import type { BundleContext } from './gas/loadBundle';
import { evaluateRules, serialOf, type RuleInput } from './conditionalFormat';
import { injectShim } from './shim';
import { parseTyped, type ParseContext } from './gas/values';
import { emlName, Store, toCsv, type EmlMessage } from './store';

/** Both ts-jest (emulator/server.ts) and the start bundle (.build/emulator.cjs) sit one folder below the root. */
const ROOT = resolve(__dirname, '..');
const PAGE_DIR = join(ROOT, 'emulator', 'page');
const HOST = '127.0.0.1';
const MAX_BODY = 1024 * 1024;
const MAX_ROWS = 500;
const DEMO_USER = 'exams.officer@demo.invalid';
/**
 * Someone with edit access to the file who is not an editor of the sheets the
 * add-on protects: the page can type as them to see Sheets refuse a protected cell.
 */
export const DEMO_COLLEAGUE = 'colleague@demo.invalid';
/** Blank rows drawn below the last used one, so the officer can type a new row in. */
const SPARE_ROWS = 5;
/** Sheets' width for a column nobody has sized, in pixels (the stand-in's getColumnWidth answers it too). */
const DEFAULT_COLUMN_WIDTH = 100;

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

export interface RunningServer {
  url: string;
  server: Server;
  emulator: Emulator;
  close(): Promise<void>;
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

function readAnswers(value: unknown): PromptAnswer[] | undefined {
  if (value === undefined) return undefined;
  const buttons = ['OK', 'CANCEL', 'YES', 'NO', 'CLOSE'];
  if (
    !Array.isArray(value) ||
    value.length > 10 ||
    !value.every(
      (a) =>
        a !== null &&
        typeof a === 'object' &&
        buttons.includes((a as { button?: unknown }).button as string) &&
        ['string', 'undefined'].includes(typeof (a as { text?: unknown }).text),
    )
  ) {
    throw new HttpError(
      400,
      'answers must be a list of { "button": "OK" | "CANCEL" | "YES" | "NO" | "CLOSE", "text": "..." }',
    );
  }
  return value.map((a: { button: PromptAnswer['button']; text?: string }) => ({
    button: a.button,
    text: a.text ?? '',
  }));
}

/** The smallest surface of the stand-in's spreadsheet the server reads and writes. */
interface RangeLike {
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
interface ChartLike {
  getRanges(): (RangeLike | null)[];
  getOptions(): { get(option: string): unknown };
  getContainerInfo(): { getAnchorRow(): number; getAnchorColumn(): number };
}
interface SheetLike {
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
interface SpreadsheetLike {
  getSheets(): SheetLike[];
  getSheetByName(name: string): SheetLike | null;
  deleteSheet(sheet: SheetLike): void;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Names google.script.run can never reach, whatever the bundle holds. */
const REFUSED_NAMES = new Set([
  'constructor',
  'prototype',
  '__proto__',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
  'eval',
  'Function',
]);

export class Emulator {
  readonly env: GasEnvironment;
  readonly store: Store;
  readonly timeZone: string;
  readonly htmlFiles: Record<string, string>;
  private readonly distDir: string;
  private readonly callable: Set<string>;
  private readonly mailQuota: number | undefined;
  private readonly callCostMs: ServerOptions['callCostMs'];
  /** How many of the outbox's messages already have their .eml file. */
  private emlWritten: number;
  private panel:
    | { kind: 'sidebar' | 'dialog'; title: string; html: string; version: number; width?: number; height?: number }
    | undefined;
  private readonly log: (line: string) => void;

  constructor(opts: {
    dataDir: string;
    distDir: string;
    reset: boolean;
    log: (line: string) => void;
    mailQuota?: number;
    callCostMs?: ServerOptions['callCostMs'];
  }) {
    this.log = opts.log;
    this.distDir = opts.distDir;
    this.mailQuota = opts.mailQuota;
    this.callCostMs = opts.callCostMs;
    this.store = new Store(opts.dataDir);
    if (opts.reset) this.store.reset();
    this.htmlFiles = readHtmlFiles(opts.distDir);
    this.timeZone = readTimeZone(opts.distDir);
    const saved = this.store.loadWorkbook<SerializedWorkbook>();
    this.env = createGasEnvironment({ ...this.envOptions(), ...(saved ? { workbook: saved } : {}) });
    // The stand-in's own globals (SpreadsheetApp, Date, console...) are not the bundle's functions.
    const provided = new Set(Object.getOwnPropertyNames(this.env.globals));
    const bundle = this.load();
    this.callable = new Set(
      Object.getOwnPropertyNames(bundle).filter((n) => !provided.has(n) && typeof bundle[n] === 'function'),
    );
    // Messages restored with the workbook got their files in the run that sent them.
    this.emlWritten = this.env.mail.outbox.length;

    if (this.callable.has('onOpen')) this.invoke('onOpen', (ctx) => ctx.onOpen({ authMode: authModeFull(this.env) }));
    if (!saved) this.firstStart();
    this.persist();
  }

  private envOptions(): Parameters<typeof createGasEnvironment>[0] {
    return {
      timeZone: this.timeZone,
      scriptTimeZone: this.timeZone,
      userEmail: DEMO_USER,
      htmlFiles: this.htmlFiles,
      spreadsheetName: 'Post-Results Tracker (emulator)',
      ...(this.mailQuota !== undefined ? { mailQuota: this.mailQuota } : {}),
    };
  }

  /**
   * A menu item as the officer clicks it. Apps Script would stop at a
   * ui.prompt and wait for her answer; a call here runs to the end at once.
   * So a first click tries the item on a copy of the workbook: if it asks a
   * question, nothing real has happened and the page puts the question to
   * her, then runs the item again with her answers queued.
   */
  menuItem(fn: string, answers?: PromptAnswer[]): CallOutcome & { question?: { text: string } } {
    if (answers) {
      const responses = this.env.ui.responses;
      responses.splice(0, responses.length, ...answers);
      try {
        const outcome = this.run(fn, []);
        // The stand-in records each question asked as an alert; the officer has just answered them.
        const asked = answers.length - responses.length;
        return { ...outcome, ui: { ...outcome.ui, alerts: outcome.ui.alerts.slice(asked) } };
      } finally {
        responses.splice(0, responses.length);
      }
    }
    const question = this.questionAsked(fn);
    if (question !== undefined) return { question: { text: question }, ui: { alerts: [], toasts: [] } };
    return this.run(fn, []);
  }

  /** The first question `fn` puts with ui.prompt, found by running it on a throwaway copy, or undefined. */
  private questionAsked(fn: string): string | undefined {
    if (this.refusal(fn)) return undefined;
    try {
      const copy = createGasEnvironment({ ...this.envOptions(), workbook: this.env.serialize() });
      const ctx = loadBundle(this.distDir, copy);
      // Cancel whatever is asked: the copy is thrown away, and a cancelled item does the least.
      copy.ui.responses.push(...Array.from({ length: 5 }, () => 'CANCEL'));
      const alertsBefore = copy.ui.alerts.length;
      copy.calls.reset();
      try {
        callAsScriptRun(ctx, fn, []);
      } catch {
        // The real run reports any failure.
      }
      if (!copy.calls.byMethod()['Spreadsheet.Ui.prompt']) return undefined;
      return String(copy.ui.alerts[alertsBefore] ?? 'Your answer:');
    } catch (err) {
      this.log(`Could not try ${fn} first: ${errorMessage(err)}`);
      return undefined;
    }
  }

  /** Why google.script.run could not call `name`, or undefined if it could. */
  refusal(name: unknown): string | undefined {
    if (typeof name !== 'string' || name === '') return 'fn must be the name of a server function';
    if (!/^[A-Za-z_$][\w$]*$/.test(name) || REFUSED_NAMES.has(name)) return `"${name}" is not a server function`;
    // Apps Script hides these from the client: a trailing underscore marks a function private.
    if (name.endsWith('_')) return `"${name}" is private (its name ends with "_")`;
    if (!this.callable.has(name)) return `Script function not found: ${name}`;
    return undefined;
  }

  functionNames(): string[] {
    return [...this.callable].filter((n) => this.refusal(n) === undefined).sort();
  }

  /** A call as google.script.run makes it: JSON in, JSON out, exceptions as an error message. */
  run(fn: unknown, args: unknown[]): CallOutcome {
    const refused = this.refusal(fn);
    if (refused) return { error: { message: refused }, ui: { alerts: [], toasts: [] } };
    return this.invoke(fn as string, (ctx) => callAsScriptRun(ctx, fn as string, args));
  }

  fireTrigger(handler: unknown): CallOutcome {
    if (!this.env.triggers.some((t) => t.getHandlerFunction() === handler)) {
      return { error: { message: `No installed trigger runs "${String(handler)}"` }, ui: { alerts: [], toasts: [] } };
    }
    const refused = this.refusal(handler);
    if (refused) return { error: { message: refused }, ui: { alerts: [], toasts: [] } };
    const event = timeDrivenEvent(this.env.clock.now(), authModeFull(this.env));
    // A trigger's answer goes nowhere in Apps Script; the page shows it, so it must be JSON too.
    return this.invoke(handler as string, (ctx) => toJson(callAsTrigger(this.env, ctx, handler as string, event)));
  }

  setToday(today: string): void {
    const midday = new Date(`${today}T12:00:00Z`);
    // A real calendar day: V8 would roll 2025-02-30 on to March rather than refuse it.
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(today) ||
      Number.isNaN(midday.getTime()) ||
      midday.toISOString().slice(0, 10) !== today
    ) {
      throw new HttpError(400, 'today must be a date written YYYY-MM-DD');
    }
    this.env.clock.set(morningOf(today, this.timeZone));
    this.persist();
  }

  advanceDays(days: number): void {
    if (!Number.isInteger(days) || Math.abs(days) > 3660) {
      throw new HttpError(400, 'advanceDays must be a whole number of days (at most ten years)');
    }
    this.env.clock.advanceDays(days);
    this.persist();
  }

  /**
   * The officer types `text` into one cell, as in the Sheets grid: the
   * stand-in reads it as typed input (numbers, UK dates, '0042, formulas),
   * refuses a protected cell or a value a rejecting rule forbids with Sheets'
   * own words, and the workbook is saved. A refusal is Sheets' answer, not a
   * bad request: it comes back as { error } and nothing changes.
   */
  edit(body: Record<string, unknown>): { cell?: string; error?: { message: string } } {
    const { sheet: name, row, column, text } = body;
    if (typeof name !== 'string') throw new HttpError(400, 'sheet must be the name of a sheet');
    const user = body.user === undefined ? DEMO_USER : body.user;
    if (typeof user !== 'string' || user.length > 254 || !/^[^\s@]+@[^\s@]+$/.test(user)) {
      throw new HttpError(400, 'user must be an email address');
    }
    if (typeof text !== 'string') throw new HttpError(400, 'text must be the text typed into the cell');
    const ss: SpreadsheetLike = this.env.spreadsheet;
    const sheet = ss.getSheetByName(name);
    if (!sheet) throw new HttpError(404, `No sheet called "${name}"`);
    const inside = (n: unknown, max: number): n is number =>
      Number.isInteger(n) && (n as number) >= 1 && (n as number) <= max;
    if (!inside(row, sheet.getMaxRows()) || !inside(column, sheet.getMaxColumns())) {
      throw new HttpError(
        400,
        `row and column must be a cell of ${name} (rows 1 to ${sheet.getMaxRows()}, columns 1 to ${sheet.getMaxColumns()})`,
      );
    }
    const cell = sheet.getRange(row, column, 1, 1);
    // Protections are checked against whoever is typing; the bundle's next call runs as the officer again.
    if (user !== DEMO_USER) this.env.setActiveUser(user);
    try {
      cell.setValue(text);
    } catch (err) {
      return { error: { message: errorMessage(err) } };
    } finally {
      if (user !== DEMO_USER) this.env.setActiveUser(DEMO_USER);
    }
    this.persist();
    return { cell: cell.getDisplayValue() };
  }

  today(): string {
    return formatDate(this.env.clock.now(), this.timeZone);
  }

  triggers(): { handler: string; eventType: string }[] {
    return this.env.triggers.map((t) => ({ handler: t.getHandlerFunction(), eventType: String(t.getEventType()) }));
  }

  outbox(): (EmlMessage & { id: number; eml: string })[] {
    return this.env.mail.outbox.map((m, i) => {
      const mail = this.emlMessage(m);
      return { id: i + 1, ...mail, eml: `/api/outbox/${encodeURIComponent(emlName(mail, i + 1))}` };
    });
  }

  /** Files the add-on made in Drive (the SLT view), as their readers see them: values only, trailing blank rows left off. */
  driveFiles(): {
    id: string;
    name: string;
    sheet: string;
    values: unknown[][];
    readers: string[];
    trashed: boolean;
  }[] {
    return this.env.drive.files.map((f) => {
      const values = (f.sheets[0]?.values ?? []).map((r) => [...(r ?? [])]);
      while (values.length > 0 && values[values.length - 1].every((v) => v === '' || v === undefined)) values.pop();
      return {
        id: f.id,
        name: f.name,
        sheet: f.sheets[0]?.title ?? '',
        values,
        readers: f.permissions.filter((p) => p.role === 'reader').map((p) => p.emailAddress ?? ''),
        trashed: f.trashed,
      };
    });
  }

  state(): unknown {
    const ss: SpreadsheetLike = this.env.spreadsheet;
    const parse = { timeZone: this.timeZone, nowMs: this.env.clock.now().getTime() };
    return {
      sheets: ss.getSheets().map((sheet) => sheetView(sheet, this.timeZone, this.today(), parse, this.log)),
      menu: this.menu(),
      outbox: this.outbox(),
      driveFiles: this.driveFiles(),
      today: this.today(),
      triggers: this.triggers(),
      functions: this.functionNames(),
      panel: this.panelInfo(),
      // Who the page can type into the grid as: the officer owns the file; the colleague meets its protections.
      users: [
        { email: DEMO_USER, label: 'the exams officer (owner)' },
        { email: DEMO_COLLEAGUE, label: 'a colleague who can edit the file' },
      ],
    };
  }

  menu(): { caption: string; functionName: string }[] {
    return this.env.ui.menus.flatMap((m) => m.items.map((i) => ({ caption: i.caption, functionName: i.functionName })));
  }

  /** The sheet's display values as CSV, or undefined if there is no such sheet. */
  csv(sheetName: string): string | undefined {
    const ss: SpreadsheetLike = this.env.spreadsheet;
    const sheet = ss.getSheetByName(sheetName);
    if (!sheet) return undefined;
    const rows = sheet.getLastRow();
    const cols = sheet.getLastColumn();
    return toCsv(rows > 0 && cols > 0 ? sheet.getRange(1, 1, rows, cols).getDisplayValues() : []);
  }

  panelHtml(): string | undefined {
    return this.panel ? injectShim(this.panel.html) : undefined;
  }

  pageHtml(page: string): string | undefined {
    if (!/^[\w-]+$/.test(page) || !Object.prototype.hasOwnProperty.call(this.htmlFiles, page)) return undefined;
    return injectShim(this.htmlFiles[page]);
  }

  /** Message files first, then the workbook that lists them: a kill in between leaves a spare file, never a gap. */
  persist(): void {
    const outbox = this.env.mail.outbox;
    for (; this.emlWritten < outbox.length; this.emlWritten++) {
      this.store.writeEml(this.emlMessage(outbox[this.emlWritten]), this.emlWritten + 1);
    }
    this.store.saveWorkbook(this.env.serialize());
  }

  /**
   * Each call gets a fresh context, as each Apps Script execution starts with
   * fresh globals: a bundle that keeps state in a module variable fails here
   * as it would on Google.
   */
  private load(): BundleContext {
    const cost = this.callCostMs;
    if (cost === undefined) return loadBundle(this.distDir, this.env);
    const env = this.env;
    const globals = hookedGlobals(env.globals, ({ service, method }) => env.clock.advanceMs(cost(service, method)));
    return loadBundle(this.distDir, { ...env, globals });
  }

  private panelInfo(): UiDelta['panel'] {
    if (!this.panel) return undefined;
    const { kind, title, version, width, height } = this.panel;
    return {
      kind,
      title,
      url: `/sidebar/current?v=${version}`,
      // A dialog opens at the size the add-on asked for (setWidth / setHeight), as Sheets shows it.
      ...(width ? { width } : {}),
      ...(height ? { height } : {}),
    };
  }

  private invoke(fn: string, call: (ctx: BundleContext) => unknown): CallOutcome {
    const ui = this.env.ui;
    const before = {
      alerts: ui.alerts.length,
      toasts: ui.toasts.length,
      sidebars: ui.sidebars.length,
      dialogs: ui.dialogs.length,
    };
    let outcome: { result?: unknown; error?: { message: string } };
    try {
      outcome = { result: call(this.load()) };
    } catch (err) {
      const message = errorMessage(err);
      this.log(`${fn} threw: ${message}`);
      outcome = { error: { message } };
    }
    const delta: UiDelta = {
      alerts: ui.alerts.slice(before.alerts).map(String),
      toasts: ui.toasts.slice(before.toasts).map(String),
    };
    const dialog = ui.dialogs.length > before.dialogs ? ui.dialogs[ui.dialogs.length - 1] : undefined;
    const sidebar = ui.sidebars.length > before.sidebars ? ui.sidebars[ui.sidebars.length - 1] : undefined;
    const shown = dialog
      ? {
          kind: 'dialog' as const,
          title: dialog.title || titleOf(dialog.html),
          html: contentOf(dialog.html),
          width: sizeOf(dialog.output, 'getWidth'),
          height: sizeOf(dialog.output, 'getHeight'),
        }
      : sidebar
        ? { kind: 'sidebar' as const, title: titleOf(sidebar), html: contentOf(sidebar) }
        : undefined;
    if (shown) {
      this.panel = { ...shown, version: (this.panel?.version ?? 0) + 1 };
      delta.panel = this.panelInfo();
    }
    this.persist();
    return { ...outcome, ui: delta };
  }

  private emlMessage(m: SentMail): EmlMessage {
    return {
      to: str(m.to),
      cc: str(m.cc),
      bcc: str(m.bcc),
      replyTo: str(m.replyTo),
      name: str(m.name),
      // MailApp sends as the user running the script.
      from: DEMO_USER,
      subject: str(m.subject),
      body: str(m.body),
      htmlBody: str(m.htmlBody),
      sentAt: m.sentAt,
    };
  }

  private firstStart(): void {
    const setUp = this.run('setUp', []);
    const result = setUp.result as { ok?: unknown } | null | undefined;
    if (result?.ok !== true) {
      this.log(`setUp() did not finish on first start: ${JSON.stringify(setUp.error ?? setUp.result)}`);
      return;
    }
    const ss: SpreadsheetLike = this.env.spreadsheet;
    // A new spreadsheet comes with an empty Sheet1; in a workbook made for the add-on it is only clutter.
    const blank = ss.getSheetByName('Sheet1');
    if (blank && blank.getLastRow() === 0 && ss.getSheets().length > 1) ss.deleteSheet(blank);
    seedDemoCandidates(ss);
    seedDemoSettings(ss);
    this.openSeason(ss);
    this.seedDemoApplications();
  }

  /** The linked form's answers, as Forms writes them: plain-text answers, the timestamp a date. */
  private seedDemoApplications(): void {
    const ss = this.env.spreadsheet;
    if (ss.getSheetByName(DEMO_RESPONSES_SHEET)) return;
    const rows = demoApplicationRows(this.env.clock.now());
    const sheet = ss.insertSheet(DEMO_RESPONSES_SHEET);
    sheet.getRange(1, 2, rows.length, rows[0].length - 1).setNumberFormat('@');
    sheet.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
  }

  /**
   * A demo whose every deadline has passed shows only refusals: if the real
   * date is after the seeded season, start the clock the day after its first
   * deadline (results week): the priority reviews of marking have just
   * closed, which the demo's late application shows, and every other
   * service is still open.
   */
  private openSeason(ss: SpreadsheetLike): void {
    const sheet = ss.getSheetByName('Services');
    if (!sheet || sheet.getLastRow() < 2) return;
    const col = headerIndex(sheet).get('deadline');
    if (col === undefined) return;
    const deadlines = sheet
      .getRange(2, col + 1, sheet.getLastRow() - 1, 1)
      .getValues()
      .map(([v]) => v)
      .filter((v): v is Date => Object.prototype.toString.call(v) === '[object Date]')
      .map((d) => formatDate(d, this.timeZone))
      .sort();
    const today = this.today();
    if (deadlines.length === 0 || deadlines[deadlines.length - 1] >= today) return;
    const start = dayAfter(deadlines[0]);
    this.env.clock.set(morningOf(start, this.timeZone));
    this.log(
      `Demo season: the clock starts on ${start}, the day after the first deadline in Services (the real date is ${today}).`,
    );
  }
}

// ---- first-start demo data -------------------------------------------------

/** Clearly invented people: DEMO in the surname and the tutor group, addresses on the reserved .invalid domain. */
const DEMO_CANDIDATES: Record<string, string>[] = [
  ['0042', 'DEMO Ahmed', 'Aisha'],
  ['0107', 'DEMO Brown', 'Oliver'],
  ['0213', 'DEMO Chen', 'Mei'],
  ['0388', 'DEMO Davies', 'Rhys'],
  ['1204', "DEMO O'Neill", 'Siobhán'],
].map(([num, surname, forename]) => {
  const local = `${forename}.${surname.replace(/^DEMO /, '')}`
    .normalize('NFD')
    .replace(/[^A-Za-z.]/g, '')
    .toLowerCase();
  return {
    'Candidate number': num,
    Surname: surname,
    Forename: forename,
    Email: `${local}@students.demo.invalid`,
    'Parent email': `parent.${local}@demo.invalid`,
    'Tutor group': 'DEMO',
    UCI: '',
  };
});

function headerIndex(sheet: SheetLike): Map<string, number> {
  const cols = sheet.getLastColumn();
  const headers = cols > 0 ? sheet.getRange(1, 1, 1, cols).getValues()[0] : [];
  return new Map(
    headers.map((h, i) => [
      String(h ?? '')
        .trim()
        .toLowerCase(),
      i,
    ]),
  );
}

function seedDemoCandidates(ss: SpreadsheetLike): void {
  const sheet = ss.getSheetByName('Candidates');
  if (!sheet || sheet.getLastRow() > 1) return;
  const index = headerIndex(sheet);
  const width = sheet.getLastColumn();
  const rows = DEMO_CANDIDATES.map((c) => {
    const row: unknown[] = new Array(width).fill('');
    for (const [header, value] of Object.entries(c)) {
      const col = index.get(header.toLowerCase());
      if (col !== undefined) row[col] = value;
    }
    return row;
  });
  // The column is plain-text formatted by setUp, so '0042' stays text with its leading zeros.
  sheet.getRange(2, 1, rows.length, width).setValues(rows);
}

/** Fills only settings that setUp left blank, so an officer's values are never changed. */
function seedDemoSettings(ss: SpreadsheetLike): void {
  const sheet = ss.getSheetByName('Settings');
  if (!sheet || sheet.getLastRow() < 2) return;
  const index = headerIndex(sheet);
  const keyCol = index.get('setting');
  const valueCol = index.get('value');
  if (keyCol === undefined || valueCol === undefined) return;
  // Every setting an email or letter quotes, so the demo's messages read whole; all marked DEMO.
  const demo: Record<string, string> = {
    'centre name': 'DEMO Academy (emulator)',
    'centre number': '99999',
    'centre address': 'DEMO Academy, 1 Example Road, Demotown, DE1 0AA',
    'exams officer name': 'DEMO Exams Officer',
    'exams officer email': DEMO_USER,
    'slt contact on results day': 'DEMO Deputy Head, in the main hall until 12:00 (slt@demo.invalid)',
    'enquiries contact': `DEMO Exams Office (${DEMO_USER})`,
  };
  const rows = sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn()).getValues();
  rows.forEach((row, i) => {
    const value =
      demo[
        String(row[keyCol] ?? '')
          .trim()
          .toLowerCase()
      ];
    if (value !== undefined && String(row[valueCol] ?? '').trim() === '') {
      sheet.getRange(i + 2, valueCol + 1, 1, 1).setValues([[value]]);
    }
  });
}

// ---- helpers ---------------------------------------------------------------

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

/** Rules already reported, so a rule the emulator cannot evaluate is logged once, not at every refresh. */
const reportedRules = new Set<string>();

function sheetView(
  sheet: SheetLike,
  timeZone: string,
  today: string,
  parse: ParseContext,
  log: (line: string) => void,
): SheetView {
  const totalRows = sheet.getLastRow();
  const totalColumns = sheet.getLastColumn();
  const n = Math.min(totalRows, MAX_ROWS);
  if (n < 1 || totalColumns < 1) return { name: sheet.getName(), rows: [], totalRows, totalColumns, spareRows: 0 };
  const spareRows = totalRows <= MAX_ROWS ? Math.max(0, Math.min(SPARE_ROWS, sheet.getMaxRows() - totalRows)) : 0;
  const range = sheet.getRange(1, 1, n, totalColumns);
  const rows = range.getDisplayValues().map((r) => r.map(String));
  const values = range.getValues();
  const backgrounds = range.getBackgrounds().map((r) => r.map((c) => String(c ?? '')));
  let fontColors: string[][] | undefined;
  const rules = readRules(sheet);
  let unshownRules: string[] | undefined;
  if (rules.length > 0) {
    const formulaValues = values.map((r) => r.map((v) => formulaValue(v, timeZone)));
    let formats: ReturnType<typeof evaluateRules>;
    try {
      formats = evaluateRules(rules, formulaValues, serialOf(today));
    } catch (err) {
      // A rule the evaluator trips on must not cost the officer the whole page.
      formats = {
        backgrounds: [],
        fontColors: [],
        unsupported: [`the rules could not be evaluated: ${errorMessage(err)}`],
      };
    }
    formats.backgrounds.forEach((r, i) =>
      r.forEach((c, j) => {
        if (c) backgrounds[i][j] = c;
      }),
    );
    if (formats.fontColors.some((r) => r.some(Boolean))) {
      fontColors = formats.fontColors.map((r) => r.map((c) => c ?? ''));
    }
    if (formats.unsupported.length > 0) {
      unshownRules = formats.unsupported;
      for (const reason of formats.unsupported) {
        const key = `${sheet.getName()}: ${reason}`;
        if (!reportedRules.has(key)) log(`Conditional formatting on ${key}`);
        reportedRules.add(key);
      }
    }
  }
  const { formulas, edits } = editTexts(range, rows, values, parse);
  // Spare rows too: a new row typed into a log gets the column's dropdown, as in Sheets.
  const validations = sheet.getRange(1, 1, n + spareRows, totalColumns).getDataValidations();
  const checkboxes = validations
    .slice(0, n)
    .map((r) => r.map((v) => v !== null && String(v.getCriteriaType()) === 'CHECKBOX'));
  const hasCheckboxes = checkboxes.some((r) => r.some(Boolean));
  const dropdowns = dropdownsOf(validations);
  const charts = sheet.getCharts().map(chartView);
  const columnWidths = Array.from({ length: totalColumns }, (_, c) => sheet.getColumnWidth(c + 1));
  const sized = columnWidths.some((w) => w !== DEFAULT_COLUMN_WIDTH);
  const wraps = range.getWraps();
  const wrapped = wraps.some((r) => r.some(Boolean));
  const bold = range.getFontWeights().map((r) => r.map((w) => w === 'bold'));
  const hasBold = bold.some((r) => r.some(Boolean));
  // Most cells are white: leave the array out rather than ship thousands of '#ffffff'.
  const coloured = backgrounds.some((r) => r.some((c) => c !== '' && c.toLowerCase() !== '#ffffff' && c !== 'white'));
  return {
    name: sheet.getName(),
    rows,
    ...(coloured ? { backgrounds } : {}),
    ...(fontColors ? { fontColors } : {}),
    ...(unshownRules ? { unshownRules } : {}),
    ...(hasCheckboxes ? { checkboxes } : {}),
    ...(sized ? { columnWidths } : {}),
    ...(wrapped ? { wraps } : {}),
    ...(hasBold ? { bold } : {}),
    ...(formulas.length ? { formulas } : {}),
    ...(Object.keys(edits).length ? { edits } : {}),
    ...(dropdowns ? { dropdowns } : {}),
    ...(charts.length ? { charts } : {}),
    totalRows,
    totalColumns,
    spareRows,
  };
}

/**
 * What the page needs to edit a cell as Sheets does. The emulator does not
 * calculate formulas, so a formula cell shows its text (the add-on reads
 * #ERROR! from it). The edit box starts with what Sheets' formula bar holds:
 * the formula, or a quote before text that would otherwise be read as a
 * number, date or formula again, so opening a cell and pressing Enter never
 * changes it.
 */
function editTexts(
  range: RangeLike,
  rows: string[][],
  values: unknown[][],
  parse: ParseContext,
): { formulas: string[]; edits: Record<string, string> } {
  const formulas: string[] = [];
  const edits: Record<string, string> = {};
  const numberFormats = range.getNumberFormats();
  range.getFormulas().forEach((r, i) =>
    r.forEach((f, j) => {
      if (f) {
        formulas.push(`${i}:${j}`);
        rows[i][j] = f;
        return;
      }
      const v = values[i][j];
      if (typeof v !== 'string' || v === '' || numberFormats[i][j] === '@') return;
      const again = parseTyped(v, parse);
      if (again.formula !== undefined || again.value !== v) edits[`${i}:${j}`] = `'${v}`;
    }),
  );
  return { formulas, edits };
}

/** Cells whose rule shows a dropdown (a list, or the values of a range), each list sent once. */
function dropdownsOf(
  validations: ({ getCriteriaType(): unknown; getCriteriaValues(): unknown[] } | null)[][],
): SheetView['dropdowns'] {
  const lists: string[][] = [];
  const known = new Map<string, number>();
  const cells: Record<string, number> = {};
  validations.forEach((r, i) =>
    r.forEach((rule, j) => {
      if (!rule) return;
      const type = String(rule.getCriteriaType());
      if (type !== 'VALUE_IN_LIST' && type !== 'VALUE_IN_RANGE') return;
      const [source, showDropdown] = rule.getCriteriaValues();
      if (showDropdown === false) return;
      const items =
        type === 'VALUE_IN_LIST'
          ? (source as unknown[]).map(String)
          : ((source as RangeLike | null)?.getValues().flat() ?? []).filter((v) => v !== '').map(String);
      const list = [...new Set(items)];
      const key = JSON.stringify(list);
      let index = known.get(key);
      if (index === undefined) {
        index = lists.push(list) - 1;
        known.set(key, index);
      }
      cells[`${i}:${j}`] = index;
    }),
  );
  return lists.length ? { lists, cells } : undefined;
}

function chartView(chart: ChartLike): ChartView {
  const ranges = chart.getRanges().filter((r): r is RangeLike => r !== null);
  // Several ranges side by side (labels in one, figures in another) read as one table.
  const parts = ranges.map((r) => r.getDisplayValues().map((row) => row.map(String)));
  const height = Math.max(0, ...parts.map((p) => p.length));
  const data = Array.from({ length: height }, (_, i) => parts.flatMap((p) => p[i] ?? []));
  const info = chart.getContainerInfo();
  const options = chart.getOptions();
  return {
    title: str(options.get('title')),
    type: str(options.get('type')) || 'chart',
    anchor: `${columnLetters(info.getAnchorColumn())}${info.getAnchorRow()}`,
    source: ranges.map((r) => r.getA1Notation()).join(', '),
    data,
    ...(options.get('isStacked') === true ? { stacked: true } : {}),
  };
}

function columnLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function readRules(sheet: SheetLike): RuleInput[] {
  return sheet.getConditionalFormatRules().flatMap((rule) => {
    const condition = rule.getBooleanCondition();
    // Gradient (colour scale) rules have no boolean condition: not shown.
    if (!condition) return [];
    const ranges = rule
      .getRanges()
      .filter((r): r is NonNullable<typeof r> => r !== null)
      .map((r) => ({ row: r.getRow(), column: r.getColumn(), numRows: r.getNumRows(), numColumns: r.getNumColumns() }));
    return [
      {
        ranges,
        criteria: String(condition.getCriteriaType()),
        args: condition.getCriteriaValues(),
        background: condition.getBackground(),
        fontColor: condition.getFontColor(),
      },
    ];
  });
}

/** A cell as a formula reads it: blank is null, a date is its serial day number in the spreadsheet's zone. */
function formulaValue(v: unknown, timeZone: string): number | string | boolean | null {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  // Dates from the bundle's realm fail instanceof: test the tag.
  if (Object.prototype.toString.call(v) === '[object Date]') {
    const d = v as Date;
    return Number.isNaN(d.getTime()) ? null : serialOf(formatDate(d, timeZone));
  }
  return String(v);
}

function toJson(value: unknown): unknown {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
}

function errorMessage(err: unknown): string {
  // Errors from the vm are another realm's Error: instanceof fails, the shape does not.
  if (err !== null && typeof err === 'object' && 'message' in err) return String((err as { message: unknown }).message);
  return String(err);
}

function authModeFull(env: GasEnvironment): unknown {
  const scriptApp = env.globals.ScriptApp as { AuthMode?: { FULL?: unknown } } | undefined;
  return scriptApp?.AuthMode?.FULL ?? 'FULL';
}

function contentOf(output: unknown): string {
  if (typeof output === 'string') return output;
  const o = output as { getContent?: () => unknown } | null;
  return typeof o?.getContent === 'function' ? String(o.getContent()) : '';
}

function sizeOf(output: unknown, getter: 'getWidth' | 'getHeight'): number | undefined {
  const o = output as Record<string, unknown> | null;
  const read = o && typeof o[getter] === 'function' ? Number((o[getter] as () => unknown).call(o)) : NaN;
  return Number.isFinite(read) && read > 0 ? read : undefined;
}

function titleOf(output: unknown): string {
  const o = output as { getTitle?: () => unknown } | null;
  return typeof o?.getTitle === 'function' ? String(o.getTitle()) : '';
}

/** The fields Apps Script gives a time-driven trigger's handler. */
function timeDrivenEvent(now: Date, authMode: unknown): Record<string, unknown> {
  return {
    authMode,
    triggerUid: 'emulator',
    year: now.getUTCFullYear(),
    month: now.getUTCMonth() + 1,
    'day-of-month': now.getUTCDate(),
    'day-of-week': now.getUTCDay() || 7,
    hour: now.getUTCHours(),
    minute: now.getUTCMinutes(),
    second: now.getUTCSeconds(),
    timezone: 'UTC',
    'week-of-year': isoWeek(now),
  };
}

function str(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

export function formatDate(d: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(d);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * 09:00 on that day in the spreadsheet's zone: the officer's working morning,
 * after the 07:00 daily trigger, so an email "sent today" carries a plausible time.
 */
export function dayAfter(isoDay: string): string {
  return new Date(Date.parse(`${isoDay}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export function morningOf(isoDay: string, timeZone: string): Date {
  // The zone's offset is at most 14 hours either way: find the UTC hour that reads 09:00 there on that day.
  for (let hour = -5; hour <= 23; hour++) {
    const at = new Date(Date.parse(`${isoDay}T00:00:00Z`) + hour * 3_600_000);
    const local = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(at);
    if (formatDate(at, timeZone) === isoDay && Number(local) === 9) return at;
  }
  // A zone with no 09:00 that day (none in practice): midday UTC is at least the right calendar day nearby.
  return new Date(`${isoDay}T12:00:00Z`);
}

function isoWeek(d: Date): number {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  t.setUTCDate(t.getUTCDate() + 4 - (t.getUTCDay() || 7));
  return Math.ceil(((t.getTime() - Date.UTC(t.getUTCFullYear(), 0, 1)) / 86400000 + 1) / 7);
}

function readHtmlFiles(distDir: string): Record<string, string> {
  const files: Record<string, string> = {};
  if (!existsSync(distDir)) return files;
  for (const f of readdirSync(distDir)) {
    if (f.endsWith('.html')) files[basename(f, '.html')] = readFileSync(join(distDir, f), 'utf8');
  }
  return files;
}

function readTimeZone(distDir: string): string {
  try {
    const manifest = JSON.parse(readFileSync(join(distDir, 'appsscript.json'), 'utf8')) as { timeZone?: unknown };
    return typeof manifest.timeZone === 'string' ? manifest.timeZone : 'Europe/London';
  } catch {
    return 'Europe/London';
  }
}

// ---- HTTP ------------------------------------------------------------------

interface PageAssets {
  html: string;
  css: string;
  js: string;
}

function buildPage(): PageAssets {
  const out = esbuild.buildSync({
    entryPoints: [join(PAGE_DIR, 'app.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
  });
  return {
    html: readFileSync(join(PAGE_DIR, 'index.html'), 'utf8'),
    css: readFileSync(join(PAGE_DIR, 'style.css'), 'utf8'),
    js: out.outputFiles[0].text,
  };
}

const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Emails' HTML is shown in sandboxed srcdoc frames, which inherit this policy; inline styles are common there.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "frame-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > MAX_BODY) {
      reject(new HttpError(413, 'Request body is over 1 MB'));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > MAX_BODY) {
        failed = true;
        reject(new HttpError(413, 'Request body is over 1 MB'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolveBody(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', (err) => {
      if (!failed) reject(err);
      failed = true;
    });
  });
}

function decodePathPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new HttpError(400, 'Malformed URL');
  }
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const type = String(req.headers['content-type'] ?? '');
  // A cross-site page can POST text/plain without asking first; application/json needs a preflight we never grant.
  if (!/^application\/json\b/i.test(type)) {
    throw new HttpError(415, 'Send the body as JSON with "Content-Type: application/json"');
  }
  const text = await readBody(req);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'The body is not valid JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new HttpError(400, 'The body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const distDir = resolve(options.distDir ?? join(ROOT, 'dist'));
  const dataDir = resolve(options.dataDir ?? join(ROOT, '.local'));
  const log = options.quiet ? () => undefined : (line: string) => console.log(line);
  if (!existsSync(join(distDir, 'Code.js'))) {
    throw new Error(`${join(distDir, 'Code.js')} is missing: run "npm run build" first`);
  }
  const emulator = new Emulator({
    dataDir,
    distDir,
    reset: options.reset ?? false,
    log,
    mailQuota: options.mailQuota,
    callCostMs: options.callCostMs,
  });
  const page = buildPage();
  let allowedHosts = new Set<string>();

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const status = err instanceof HttpError ? err.status : 500;
      if (status === 500) log(`emulator: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // Stop reading a body we refused, but let the client read why.
      const headers: Record<string, string> = status === 413 ? { Connection: 'close' } : {};
      send(
        res,
        status,
        'application/json; charset=utf-8',
        JSON.stringify({ error: { message: errorMessage(err) } }),
        headers,
      );
      if (status === 413) req.resume();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // DNS rebinding: a hostile name that resolves to 127.0.0.1 still carries its own Host header.
    if (!allowedHosts.has(String(req.headers.host ?? '').toLowerCase())) {
      throw new HttpError(403, 'Unexpected Host header: open the emulator at the address it printed');
    }
    const origin = req.headers.origin;
    if (
      req.method === 'POST' &&
      origin !== undefined &&
      !allowedHosts.has(origin.replace(/^http:\/\//, '').toLowerCase())
    ) {
      throw new HttpError(403, 'Cross-origin calls are refused');
    }
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const get = method === 'GET' || method === 'HEAD';

    if (path === '/' && get)
      return send(res, 200, 'text/html; charset=utf-8', page.html, { 'Content-Security-Policy': PAGE_CSP });
    if (path === '/page.css' && get) return send(res, 200, 'text/css; charset=utf-8', page.css);
    if (path === '/page.js' && get) return send(res, 200, 'text/javascript; charset=utf-8', page.js);
    if (path === '/favicon.ico' && get) return send(res, 204, 'text/plain', '');
    if (path === '/api/state' && get) return sendJson(res, 200, emulator.state());
    if (path === '/api/functions' && get) return sendJson(res, 200, { functions: emulator.functionNames() });

    if (path === '/api/export' && get) {
      const sheet = url.searchParams.get('sheet') ?? '';
      const csv = emulator.csv(sheet);
      if (csv === undefined) throw new HttpError(404, `No sheet called "${sheet}"`);
      const file = `${sheet.replace(/[^\w -]+/g, '').trim() || 'sheet'}.csv`;
      return send(res, 200, 'text/csv; charset=utf-8', csv, {
        'Content-Disposition': `attachment; filename="${file}"; filename*=UTF-8''${encodeURIComponent(file)}`,
      });
    }
    const eml = /^\/api\/outbox\/([^/]+)$/.exec(path);
    if (eml && get) {
      const name = decodePathPart(eml[1]);
      const text = emulator.store.readEml(name);
      if (text === undefined) throw new HttpError(404, 'No such message');
      return send(res, 200, 'message/rfc822', text, {
        'Content-Disposition': `attachment; filename="${name}"`,
      });
    }
    const sidebar = /^\/sidebar\/([^/]+)$/.exec(path);
    if (sidebar && get) {
      const html = sidebar[1] === 'current' ? emulator.panelHtml() : emulator.pageHtml(decodePathPart(sidebar[1]));
      if (html === undefined)
        throw new HttpError(404, sidebar[1] === 'current' ? 'No sidebar is open' : 'No such page in dist/');
      return send(res, 200, 'text/html; charset=utf-8', html, { 'X-Frame-Options': 'SAMEORIGIN' });
    }

    if (method === 'POST' && path.startsWith('/api/')) {
      const body = await readJson(req);
      switch (path) {
        case '/api/run': {
          const args = body.args === undefined ? [] : body.args;
          if (!Array.isArray(args)) throw new HttpError(400, 'args must be an array');
          return sendJson(res, 200, emulator.run(body.fn, args));
        }
        case '/api/menu': {
          const fn = body.functionName;
          if (!emulator.menu().some((m) => m.functionName === fn)) {
            throw new HttpError(400, `"${String(fn)}" is not an item of the add-on menu`);
          }
          return sendJson(res, 200, emulator.menuItem(fn as string, readAnswers(body.answers)));
        }
        case '/api/clock': {
          if (typeof body.today === 'string') emulator.setToday(body.today);
          else if (typeof body.advanceDays === 'number') emulator.advanceDays(body.advanceDays);
          else throw new HttpError(400, 'Send { "today": "YYYY-MM-DD" } or { "advanceDays": n }');
          return sendJson(res, 200, { today: emulator.today() });
        }
        case '/api/trigger':
          return sendJson(res, 200, emulator.fireTrigger(body.handler));
        case '/api/edit':
          return sendJson(res, 200, emulator.edit(body));
      }
    }
    const known = [
      '/',
      '/api/state',
      '/api/export',
      '/api/run',
      '/api/menu',
      '/api/clock',
      '/api/trigger',
      '/api/edit',
    ];
    if (known.includes(path)) throw new HttpError(405, `${method} is not allowed on ${path}`);
    throw new HttpError(404, `Nothing at ${path}`);
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, HOST, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`${HOST}:${port}`, `localhost:${port}`]);
  return {
    url: `http://${HOST}:${port}/`,
    server,
    emulator,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** `node .build/emulator.cjs [--reset]`, as scripts/start.mjs runs it. */
export async function main(argv: string[]): Promise<void> {
  const unknown = argv.filter((a) => a !== '--reset');
  if (unknown.length) {
    console.error(
      `Unknown option ${unknown.join(' ')}. Usage: npm start [-- --reset]; PORT and DATA_DIR from the environment.`,
    );
    process.exitCode = 2;
    return;
  }
  const port = process.env.PORT === undefined || process.env.PORT === '' ? 8080 : Number(process.env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a port number, not "${process.env.PORT}"`);
    process.exitCode = 2;
    return;
  }
  const dataDir = resolve(process.env.DATA_DIR || join(ROOT, '.local'));
  let running: RunningServer;
  try {
    running = await startServer({ port, dataDir, reset: argv.includes('--reset') });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      console.error(`Port ${port} is in use: stop what holds it, or choose another with PORT=8081 npm start`);
    else console.error(errorMessage(err));
    process.exitCode = 1;
    return;
  }
  console.log(`Post-Results Tracker emulator: ${running.url}`);
  console.log(`Data folder: ${dataDir}${argv.includes('--reset') ? ' (started clean)' : ''}`);
  console.log(
    `Emails are not sent: they appear in the page's Outbox tab and as .eml files in ${join(dataDir, 'outbox')}`,
  );
  console.log(`The emulator's today is ${running.emulator.today()} (change it on the page). Stop with Ctrl+C.`);
  const stop = (): void => {
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
