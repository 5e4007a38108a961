/**
 * The emulator's state: one stand-in environment (workbook, clock, triggers,
 * outbox) with the real bundle loaded into it, the calls the page makes on
 * it, and every change saved through ../store.ts (restored from it at start).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DEMO_RESPONSES_SHEET, demoApplicationRows } from '../demoApplications';
import {
  callAsScriptRun,
  callAsTrigger,
  createGasEnvironment,
  loadBundle,
  type GasEnvironment,
  type SentMail,
  type SerializedWorkbook,
} from '../gas';
import { hookedGlobals } from '../gas/hooks';
import type { BundleContext } from '../gas/loadBundle';
import { emlName, Store, toCsv } from '../store';
import { dayAfter, formatDate, morningOf, timeDrivenEvent } from './calendar';
import { DEMO_COLLEAGUE, DEMO_USER, headerIndex, seedDemoCandidates, seedDemoSettings } from './demoData';
import { HttpError } from './http';
import { sheetView } from './sheetView';
import type {
  CallOutcome,
  DriveFileView,
  EmlMessage,
  MailView,
  PromptAnswer,
  ServerOptions,
  SpreadsheetLike,
  StateView,
  UiDelta,
} from './types';
import { errorMessage, str, toJson } from './util';

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

  outbox(): MailView[] {
    return this.env.mail.outbox.map((m, i) => {
      const mail = this.emlMessage(m);
      return { id: i + 1, ...mail, eml: `/api/outbox/${encodeURIComponent(emlName(mail, i + 1))}` };
    });
  }

  /** Files the add-on made in Drive (the SLT view), as their readers see them: values only, trailing blank rows left off. */
  driveFiles(): DriveFileView[] {
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

  state(): StateView {
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

  /** The HTML of the sidebar or dialog the last call opened (./pages.ts serves it with the shim). */
  panelContent(): string | undefined {
    return this.panel?.html;
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
