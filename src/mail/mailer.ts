/**
 * The one way the add-on sends email.
 *
 * MailApp (scope script.send_mail), not GmailApp: the add-on only sends, as
 * the officer, so it needs no Gmail scope that can read the officer's mail.
 *
 * Exactly once, even when a run dies: every job gets a `Correspondence` row
 * (queued) before anything is sent; each send is claimed ("sending", under
 * the document lock, after checking nobody else claimed it) BEFORE MailApp is
 * called and recorded ("sent") straight after, one lock hold each, never once
 * after the loop. A row left "sending" is reported as uncertain and never
 * sent again by the add-on. What today's quota or the run's time budget
 * cannot take stays queued, with its values in the row, for the daily run
 * (resumeMailQueue).
 *
 * Call these outside withDocumentLock: they take the lock for each short
 * write themselves, so a long batch never keeps other writers out.
 */
import {
  classifyMailError,
  decodeQueuedValues,
  encodeQueuedValues,
  entriesByKey,
  failedStatus,
  mailKey,
  planMail,
} from '../domain/correspondence';
import { formatLongDate } from '../domain/calendar';
import { commonValues } from '../domain/templateValues';
import { renderTemplate, type RenderedEmail } from '../domain/templates';
import type { MailJob, MailReport, Settings } from '../domain/types';
import {
  appendCorrespondence,
  locateEntry,
  readCorrespondence,
  updateCorrespondence,
  type CorrespondenceBook,
  type CorrespondenceRecord,
} from '../sheets/correspondenceSheet';
import { LockBusyError, withDocumentLock } from '../sheets/lock';
import { readSettings } from '../sheets/settingsSheet';
import { readTemplates, type TemplateBook } from '../sheets/templatesSheet';
import { activeSpreadsheet, timeZoneOf, todayIn } from '../sheets/workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Apps Script stops a run at 6 minutes; stop sending at 4½ so what came before and the last records fit. */
export const DEFAULT_TIME_BUDGET_MS = 270_000;
/** Recording "sent" may wait longer for the lock than claiming: the message has already gone. */
const RECORD_WAIT_MS = 30_000;

export interface MailOptions {
  /** How long this run may spend sending, from the call; default DEFAULT_TIME_BUDGET_MS. */
  timeBudgetMs?: number;
}

interface Outgoing {
  requestId: string;
  template: string;
  to: string;
  values: Record<string, string>;
  email: RenderedEmail;
  /** Its Correspondence row (found again by key if the sheet was sorted). */
  row: number;
}

interface Run {
  ss: Spreadsheet;
  timeZone: string;
  settings: Settings;
  started: number;
  budgetMs: number;
  report: MailReport;
}

function emptyReport(): MailReport {
  return { sent: 0, skipped: 0, queued: 0, failed: [], uncertain: [] };
}

function startRun(options: MailOptions): Run {
  const ss = activeSpreadsheet();
  const timeZone = timeZoneOf(ss);
  return {
    ss,
    timeZone,
    settings: readSettings(ss, timeZone).settings,
    started: Date.now(),
    budgetMs: options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS,
    report: emptyReport(),
  };
}

/** Values every message can use without its caller passing them. A job's own values win. */
function baseValues(run: Run): Record<string, string> {
  return { ...commonValues(run.settings), today: formatLongDate(todayIn(run.timeZone)) };
}

function render(
  templates: TemplateBook,
  name: string,
  values: Record<string, string>,
): { ok: true; email: RenderedEmail } | { ok: false; reason: string } {
  const template = templates.find(name);
  if (template === null) {
    return {
      ok: false,
      reason: `The Templates sheet has no "${name}" template. Run Set up sheets to put the shipped one back.`,
    };
  }
  const result = renderTemplate(template, values);
  return result.ok ? result : { ok: false, reason: result.errors.join(' ') };
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function queuedRecord(o: Outgoing): CorrespondenceRecord {
  return {
    'Request ID': o.requestId,
    To: o.to,
    Template: o.template,
    Subject: o.email.subject,
    Body: o.email.text,
    Status: 'queued',
    'Queued values': encodeQueuedValues(o.values),
  };
}

/**
 * Sends `jobs`, each at most once ever. A job already on file as sent is
 * skipped; one whose template cannot be filled is refused (nothing sent);
 * what does not fit today's quota or the time budget is queued.
 */
export function sendMail(jobs: MailJob[], options: MailOptions = {}): MailReport {
  if (jobs.length === 0) return emptyReport();
  const run = startRun(options);
  const templates = readTemplates(run.ss);
  const base = baseValues(run);

  const ready: Outgoing[] = [];
  for (const job of jobs) {
    const to = String(job.to ?? '').trim();
    const requestId = String(job.requestId ?? '').trim();
    if (to === '') {
      run.report.failed.push({ requestId, to, reason: 'No email address: this one needs a letter instead.' });
      continue;
    }
    const values = { ...job.values };
    const rendered = render(templates, job.template, { ...base, ...values });
    if (!rendered.ok) {
      run.report.failed.push({ requestId, to, reason: rendered.reason });
      continue;
    }
    ready.push({ requestId, template: job.template, to, values, email: rendered.email, row: 0 });
  }
  if (ready.length === 0) return run.report;

  const { book, outgoing } = withDocumentLock(() => {
    const book = readCorrespondence(run.ss, run.timeZone);
    const onFile = entriesByKey(book.entries);
    const decisions = planMail(ready, onFile);
    const outgoing: Outgoing[] = [];
    const fresh: Outgoing[] = [];
    decisions.forEach((d, i) => {
      const o = ready[i];
      if (d.action === 'skip') run.report.skipped++;
      else if (d.action === 'uncertain') {
        run.report.uncertain.push({ requestId: o.requestId, to: o.to, template: o.template });
      } else if (d.action === 'new') {
        fresh.push(o);
        outgoing.push(o);
      } else {
        o.row = d.row;
        // A refused send asked for again waits in the queue like a new one (rare: one write each).
        if (onFile.get(mailKey(o.requestId, o.template, o.to))?.status === 'failed') {
          updateCorrespondence(book.table, o.row, queuedRecord(o), run.timeZone);
        }
        outgoing.push(o);
      }
    });
    // The whole batch is on file as queued before the first send, in one write.
    const first = appendCorrespondence(book, fresh.map(queuedRecord), run.timeZone);
    fresh.forEach((o, i) => (o.row = first + i));
    return { book, outgoing };
  });
  deliver(run, book, outgoing);
  return run.report;
}

/**
 * Sends what is queued in `Correspondence` (the daily trigger calls this
 * through runDailyCheck) and reports every row still marked "sending".
 */
export function resumeMailQueue(options: MailOptions = {}): MailReport {
  const run = startRun(options);
  const templates = readTemplates(run.ss);
  const base = baseValues(run);
  const book = withDocumentLock(() => readCorrespondence(run.ss, run.timeZone));

  const outgoing: Outgoing[] = [];
  const refused: { o: Pick<Outgoing, 'requestId' | 'to' | 'template' | 'row'>; reason: string }[] = [];
  for (const entry of entriesByKey(book.entries).values()) {
    const id = { requestId: entry.requestId, to: entry.to, template: entry.template };
    if (entry.status === 'sending') run.report.uncertain.push(id);
    if (entry.status !== 'queued') continue;
    const values = decodeQueuedValues(entry.queuedValues);
    if (values === null) {
      refused.push({
        o: { ...id, row: entry.row },
        reason:
          'Its Queued values cell cannot be read, so it cannot be filled in; send it again from where it came from.',
      });
      continue;
    }
    const rendered = render(templates, entry.template, { ...base, ...values });
    if (!rendered.ok) refused.push({ o: { ...id, row: entry.row }, reason: rendered.reason });
    else outgoing.push({ ...id, values, email: rendered.email, row: entry.row });
  }
  if (refused.length > 0) {
    withDocumentLock(() => {
      for (const { o, reason } of refused) {
        updateCorrespondence(book.table, o.row, { Status: failedStatus(reason), 'Queued values': '' }, run.timeZone);
        run.report.failed.push({ requestId: o.requestId, to: o.to, reason });
      }
    });
  }
  deliver(run, book, outgoing);
  return run.report;
}

type Claim = 'claimed' | 'sent' | 'sending' | 'gone';

/** Under the lock: the row is still waiting (nobody else took it), so mark it "sending" with what goes out. */
function claim(run: Run, book: CorrespondenceBook, o: Outgoing): Claim {
  const entry = locateEntry(run.ss, book, o.row, mailKey(o.requestId, o.template, o.to), run.timeZone);
  if (entry === null) return 'gone';
  if (entry.status === 'sent' || entry.status === 'sending') return entry.status;
  o.row = entry.row;
  updateCorrespondence(
    book.table,
    o.row,
    {
      Sent: new Date(),
      Subject: o.email.subject,
      Body: o.email.text,
      Status: 'sending',
      // Kept while sending: if the run dies, the officer can set the row back to "queued".
      'Queued values': encodeQueuedValues(o.values),
    },
    run.timeZone,
  );
  return 'claimed';
}

/** Under the lock: what happened to a claimed row. */
function record(run: Run, book: CorrespondenceBook, o: Outgoing, outcome: CorrespondenceRecord, waitMs?: number): void {
  withDocumentLock(() => {
    const entry = locateEntry(run.ss, book, o.row, mailKey(o.requestId, o.template, o.to), run.timeZone);
    if (entry !== null) updateCorrespondence(book.table, entry.row, outcome, run.timeZone);
  }, waitMs);
}

function deliver(run: Run, book: CorrespondenceBook, outgoing: Outgoing[]): void {
  const report = run.report;
  let quota = outgoing.length > 0 ? MailApp.getRemainingDailyQuota() : 0;
  const stop = (i: number, why: string) => {
    report.queued += outgoing.length - i;
    report.stoppedBecause = why;
  };
  for (let i = 0; i < outgoing.length; i++) {
    const o = outgoing[i];
    if (quota < 1) {
      stop(i, "Today's email quota is used up; the rest are queued for the next daily run.");
      break;
    }
    if (Date.now() - run.started >= run.budgetMs) {
      stop(i, 'This run used its time; the rest are queued for the next daily run.');
      break;
    }
    let claimed: Claim;
    try {
      claimed = withDocumentLock(() => claim(run, book, o));
    } catch (err) {
      if (!(err instanceof LockBusyError)) throw err;
      stop(i, 'The spreadsheet was busy; the rest are queued for the next daily run.');
      break;
    }
    if (claimed === 'sent' || claimed === 'gone') {
      report.skipped++;
      continue;
    }
    if (claimed === 'sending') {
      report.uncertain.push({ requestId: o.requestId, to: o.to, template: o.template });
      continue;
    }

    try {
      MailApp.sendEmail(message(run.settings, o));
    } catch (err) {
      const reason = errorMessage(err);
      const kind = classifyMailError(reason);
      if (kind === 'recipient') {
        record(run, book, o, { Status: failedStatus(reason), 'Queued values': '' });
        report.failed.push({ requestId: o.requestId, to: o.to, reason });
        continue;
      }
      // Nothing went: the row waits in the queue again, and so does the rest.
      record(run, book, o, { Status: 'queued' });
      stop(
        i,
        kind === 'quota'
          ? "Today's email quota is used up; the rest are queued for the next daily run."
          : `The email service failed (${reason}); the rest are queued for the next daily run.`,
      );
      break;
    }
    quota--;
    report.sent++;
    try {
      record(run, book, o, { Sent: new Date(), Status: 'sent', 'Queued values': '' }, RECORD_WAIT_MS);
    } catch (err) {
      if (!(err instanceof LockBusyError)) throw err;
      // It went but is not recorded: the row stays "sending" and the next run reports it as uncertain.
      stop(i + 1, 'The spreadsheet was too busy to record a sent email; the rest are queued.');
      break;
    }
  }
}

/** One recipient; replies go to the officer; the sender's name is the centre. */
function message(settings: Settings, o: Outgoing): GoogleAppsScript.Mail.MailAdvancedParameters {
  const m: GoogleAppsScript.Mail.MailAdvancedParameters = {
    to: o.to,
    subject: o.email.subject,
    body: o.email.text,
    htmlBody: o.email.html,
  };
  if (settings.officerEmail.trim() !== '') m.replyTo = settings.officerEmail.trim();
  if (settings.centreName.trim() !== '') m.name = settings.centreName.trim();
  return m;
}
