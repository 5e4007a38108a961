/**
 * The one way the add-on sends email.
 *
 * MailApp (scope script.send_mail), not GmailApp: the add-on only sends, as
 * the officer, so it needs no Gmail scope that can read the officer's mail.
 *
 * Exactly once, even when a run dies: every job gets a `Correspondence` row
 * (queued) before anything is sent; each send is claimed ("sending", under
 * the document lock, after checking nobody else claimed it) BEFORE MailApp is
 * called and recorded ("sent") straight after, one short lock hold each,
 * never once after the loop. A row left "sending" is reported as uncertain
 * and never sent again by the add-on. What today's quota or the run's time
 * budget cannot take stays queued, with its values in the row, for the daily
 * run (resumeMailQueue). A new batch's first chunk (a Save's one email) is
 * claimed, sent and recorded in the same hold that queued it: the rows are as
 * that hold read and wrote them, so they need no second read or hold.
 *
 * Every message passes two checks (src/domain/mailSafety.ts, the seal in
 * src/mail/seal.ts): where it is queued (queueRefusal: exactly one valid
 * address) and where a claimed row is about to be sent (sendRefusal: one
 * address, and a queued row's seal matches what the add-on queued). A refused
 * message is never sent, its row says why, and nobody else's is held up.
 * Headers are cleaned of control characters in message(), the one place mail
 * is built.
 *
 * They take the lock for each short write themselves, so a long batch never
 * keeps other writers out. Called inside a hold (a Save's one confirmation),
 * they run in that hold (withDocumentLock does not release it early).
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
import { UNSEALED_REASON } from '../domain/mailSeal';
import { mailHeaders, recipientRefusal } from '../domain/mailSafety';
import type { RenderedEmail } from '../domain/templates';
import type { MailJob, MailReport, Settings } from '../domain/types';
import {
  appendCorrespondence,
  locateRows,
  readCorrespondence,
  setColumnCells,
  StatusCells,
  updateCorrespondence,
  type CorrespondenceBook,
  type CorrespondenceRecord,
} from '../sheets/correspondenceSheet';
import { LOCK_WAIT_MS, LockBusyError, withDocumentLock } from '../sheets/lock';
import { activeSpreadsheet } from '../sheets/workbook';
import { composer, type Composer } from './compose';
import { sealer, type Sealer } from './seal';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Apps Script kills an execution at 6 minutes (360 s), whatever it is doing:
 * a run killed between claiming a row and recording it leaves it "sending".
 * So a run stops sending 270 s after it STARTED (not after the mailer was
 * called: the daily check reads both logs, writes Flags and sends the digest
 * first), which leaves 90 s for what comes after the last send: the last
 * chunk's records (a chunk never plans past the deadline), up to 30 s waiting
 * for the lock to clear the sent rows' Queued values (RECORD_WAIT_MS), and
 * the daily check's dashboard refresh (up to 10 s for the lock, then reading
 * both logs and one write: seconds at 20,000 rows) and its run log.
 */
export const RUN_SEND_BUDGET_MS = 270_000;

/** When a run that starts now must stop sending: measure it first thing in each trigger run or server call. */
export function runDeadline(startedMs: number = Date.now()): number {
  return startedMs + RUN_SEND_BUDGET_MS;
}
/** Recording "sent" may wait longer for the lock than claiming: the message has already gone. */
const RECORD_WAIT_MS = 30_000;

const QUOTA_SPENT = "Today's email quota is used up; the rest are queued for the next daily run.";
const OUT_OF_TIME = 'This run used its time; the rest are queued for the next daily run.';

export interface MailOptions {
  /**
   * The run's deadline for sending (epoch ms, from runDeadline at the start of
   * the execution). Without one, the run is taken to start at this call.
   */
  deadline?: number;
}

interface Outgoing {
  requestId: string;
  template: string;
  to: string;
  values: Record<string, string>;
  email: RenderedEmail;
  /** Its Correspondence row (found again by key if the sheet was sorted). */
  row: number;
  /** Already marked "sending" when its row was written. */
  claimed?: boolean;
  /** The keyed digest of what was queued (see mailSeal.ts). */
  seal: string;
  /** True when this run made the message from its own job, or checked the row's seal already. */
  sealChecked: boolean;
  /** Where the address came from, for the officer (the Candidates row to fix). */
  source?: MailJob['recipientSource'];
  /** Why it must not go (a refused recipient): recorded as failed, never sent. */
  refusal?: string;
}

interface Run {
  ss: Spreadsheet;
  mail: Composer;
  /** No send starts at or after this (epoch ms). */
  deadline: number;
  report: MailReport;
  /** This run's mean time for one MailApp.sendEmail, which sizes its chunks. */
  sendEstimateMs: number;
  sendsTimed: number;
  /** Rows this run sent or refused whose Queued values were not emptied with their Status (columns apart). */
  finished: number[];
  sealer: Sealer;
}

function emptyReport(): MailReport {
  return { sent: 0, skipped: 0, queued: 0, failed: [], uncertain: [] };
}

function startRun(options: MailOptions): Run {
  const ss = activeSpreadsheet();
  return {
    ss,
    mail: composer(ss),
    deadline: options.deadline ?? runDeadline(),
    report: emptyReport(),
    sendEstimateMs: FIRST_SEND_ESTIMATE_MS,
    sendsTimed: 0,
    finished: [],
    sealer: sealer(),
  };
}

function outOfTime(run: Run): boolean {
  return Date.now() >= run.deadline;
}

/**
 * A Sheets cell holds at most 50,000 characters, and a write of more fails
 * (a busy day's digest can be longer). The email always goes whole; the copy
 * on file is cut, and says so.
 */
const CELL_LIMIT = 50_000;

function fitCell(text: string): string {
  if (text.length <= CELL_LIMIT) return text;
  const note = `\n\n[Cut here to fit one cell: the email itself had all ${text.length} characters.]`;
  return text.slice(0, CELL_LIMIT - note.length) + note;
}

/** The Queued values cell as written: a job's values, or '' when they pass what a cell holds. */
function queuedCell(values: Readonly<Record<string, string>>): string {
  const text = encodeQueuedValues(values);
  return text.length <= CELL_LIMIT ? text : '';
}

function sealOf(run: Run, o: Pick<Outgoing, 'requestId' | 'template' | 'to'>, queuedValues: string): string {
  return run.sealer.seal({ requestId: o.requestId, template: o.template, to: o.to, queuedValues });
}

function rowRecord(o: Outgoing, status: 'queued' | 'sending' | 'failed'): CorrespondenceRecord {
  if (status === 'failed') {
    return {
      'Request ID': o.requestId,
      To: o.to,
      Template: o.template,
      Subject: fitCell(o.email.subject),
      Body: fitCell(o.email.text),
      Status: failedStatus(o.refusal ?? ''),
      'Queued values': '',
      Seal: '',
    };
  }
  const values = queuedCell(o.values);
  return {
    ...(status === 'sending' ? { Sent: new Date() } : {}),
    'Request ID': o.requestId,
    To: o.to,
    Template: o.template,
    Subject: fitCell(o.email.subject),
    Body: fitCell(o.email.text),
    Status: status,
    // Kept while sending too: if the run dies, the officer can set the row back to "queued".
    // Values too long for a cell cannot wait in the queue: the daily run reports such a row instead.
    'Queued values': values,
    Seal: o.seal,
  };
}

/**
 * Where a job is queued: the recipient field must be exactly one valid
 * address. Null when it may be queued; otherwise why not, naming the cell.
 */
function queueRefusal(job: Pick<MailJob, 'to' | 'recipientSource'>): string | null {
  return recipientRefusal(job.to, job.recipientSource ?? {});
}

/**
 * Where a claimed row is about to be sent: still exactly one address, and a
 * row read back from the queue carries the seal the add-on gave it.
 */
function sendRefusal(run: Run, o: Outgoing): string | null {
  const recipient = recipientRefusal(o.to, o.source ?? {});
  if (recipient !== null) return recipient;
  if (!o.sealChecked) {
    const fields = { requestId: o.requestId, template: o.template, to: o.to, queuedValues: queuedCell(o.values) };
    if (!run.sealer.verify(fields, o.seal)) return UNSEALED_REASON;
    o.sealChecked = true;
  }
  return null;
}

/** The jobs that can be filled in; the rest go to `failed` with the reason. */
function composeAll(run: Run, jobs: readonly MailJob[]): Outgoing[] {
  const ready: Outgoing[] = [];
  for (const job of jobs) {
    const to = String(job.to ?? '').trim();
    const requestId = String(job.requestId ?? '').trim();
    if (to === '') {
      run.report.failed.push({ requestId, to, reason: 'No email address: this one needs a letter instead.' });
      continue;
    }
    const values = { ...job.values };
    const composed = run.mail.compose(job.template, values);
    const refusal = queueRefusal(job);
    const base = {
      requestId,
      template: job.template,
      to,
      values,
      row: 0,
      sealChecked: true,
      source: job.recipientSource,
    };
    if (refusal !== null) {
      // Kept on file against its candidate, with what would have gone when it could be filled in.
      const email = composed.ok ? composed.email : { subject: '', text: '', html: '', bodyHtml: '' };
      ready.push({ ...base, email, seal: '', refusal });
    } else if (!composed.ok) run.report.failed.push({ requestId, to, reason: composed.reason });
    else ready.push({ ...base, email: composed.email, seal: sealOf(run, base, queuedCell(values)) });
  }
  return ready;
}

/**
 * Sends `jobs`, each at most once ever. A job already on file as sent is
 * skipped; one whose template cannot be filled is refused (nothing sent);
 * what does not fit today's quota or the time budget is queued.
 */
export function sendMail(jobs: MailJob[], options: MailOptions = {}): MailReport {
  if (jobs.length === 0) return emptyReport();
  const run = startRun(options);
  const ready = composeAll(run, jobs);
  if (ready.length === 0) return run.report;
  const quota = MailApp.getRemainingDailyQuota();

  const { book, outgoing, started, waiting } = withDocumentLock(() => {
    const book = readCorrespondence(run.ss, run.mail.timeZone);
    const waiting = book.entries.some((e) => e.status === 'queued' || e.status === 'sending');
    const onFile = entriesByKey(book.entries);
    const decisions = planMail(ready, onFile);
    const outgoing: Outgoing[] = [];
    const fresh: Outgoing[] = [];
    const refusedNew: Outgoing[] = [];
    decisions.forEach((d, i) => {
      const o = ready[i];
      if (o.refusal !== undefined && (d.action === 'new' || d.action === 'retry')) {
        // Refused where it is queued: on file as failed (once), reported, never sent.
        run.report.failed.push({ requestId: o.requestId, to: o.to, reason: o.refusal });
        if (d.action === 'new') refusedNew.push(o);
        else updateCorrespondence(book.table, d.row, rowRecord(o, 'failed'), run.mail.timeZone);
        return;
      }
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
          updateCorrespondence(book.table, o.row, rowRecord(o, 'queued'), run.mail.timeZone);
        }
        outgoing.push(o);
      }
    });
    // The whole batch is on file before the first send, in one write. When the first to go is
    // new, its row is written as "sending" straight away: the send follows as soon as the lock
    // is released, and a single email (the usual case) needs no second write before it goes.
    const first = outgoing[0];
    const claimNow = first !== undefined && fresh[0] === first && quota >= 1 && !outOfTime(run);
    const at = appendCorrespondence(
      book,
      fresh.map((o, i) => rowRecord(o, i === 0 && claimNow ? 'sending' : 'queued')),
      run.mail.timeZone,
    );
    fresh.forEach((o, i) => (o.row = at + i));
    if (claimNow) first.claimed = true;
    appendCorrespondence(
      book,
      refusedNew.map((o) => rowRecord(o, 'failed')),
      run.mail.timeZone,
    );
    // The first chunk goes in this same hold: the rows are as this hold read and wrote them, so
    // nobody can have claimed or moved one, and a single email needs no second hold to go.
    const started = claimNow
      ? sendChunk(run, book, outgoing.slice(0, chunkSize(run, quota, outgoing.length)), quota, true)
      : undefined;
    return { book, outgoing, started, waiting };
  });
  deliver(run, book, outgoing, quota, started);
  if (!waiting && run.report.queued === 0 && run.report.uncertain.length === 0) run.report.queueEmpty = true;
  return run.report;
}

/**
 * Sends what is queued in `Correspondence` (the daily trigger calls this
 * through runDailyCheck) and reports every row still marked "sending".
 */
export function resumeMailQueue(options: MailOptions = {}): MailReport {
  const run = startRun(options);
  const tz = run.mail.timeZone;
  // A read only: each row is checked again under the hold that sends it (sendChunk).
  const book = withDocumentLock(() => readCorrespondence(run.ss, tz), LOCK_WAIT_MS, { flush: false });

  const outgoing: Outgoing[] = [];
  const refused: { requestId: string; to: string; row: number; reason: string }[] = [];
  for (const entry of entriesByKey(book.entries).values()) {
    const id = { requestId: entry.requestId, to: entry.to, template: entry.template };
    if (entry.status === 'sending') run.report.uncertain.push(id);
    if (entry.status !== 'queued') continue;
    // Only a row the add-on queued, unchanged, may send (checked for every row now, whatever the quota).
    if (!run.sealer.verify({ ...id, queuedValues: entry.queuedValues }, entry.seal)) {
      refused.push({ ...id, row: entry.row, reason: UNSEALED_REASON });
      continue;
    }
    const values = decodeQueuedValues(entry.queuedValues);
    const composed = values === null ? null : run.mail.compose(entry.template, values);
    if (values === null || composed === null) {
      refused.push({
        ...id,
        row: entry.row,
        reason:
          entry.queuedValues.trim() === ''
            ? 'It was too long to keep in the queue (its values pass the 50,000 characters a cell holds), so it was not sent; send it again from where it came from.'
            : 'Its Queued values cell cannot be read, so it cannot be filled in; send it again from where it came from.',
      });
    } else if (!composed.ok) {
      refused.push({ ...id, row: entry.row, reason: composed.reason });
    } else {
      // The seal was checked on the cell as read; what goes is made from that same cell.
      outgoing.push({ ...id, values, email: composed.email, row: entry.row, seal: entry.seal, sealChecked: true });
    }
  }
  if (refused.length > 0) {
    withDocumentLock(() => {
      for (const r of refused) {
        updateCorrespondence(book.table, r.row, { Status: failedStatus(r.reason), 'Queued values': '' }, tz);
        run.report.failed.push({ requestId: r.requestId, to: r.to, reason: r.reason });
      }
    });
  }
  deliver(run, book, outgoing, outgoing.length > 0 ? MailApp.getRemainingDailyQuota() : 0);
  return run.report;
}

export interface MailPreview {
  /** How many would be sent now (fillable, not already on file as sent or sending). */
  count: number;
  alreadySent: number;
  uncertain: number;
  /** The first few, as they would go. */
  emails: { to: string; subject: string; body: string }[];
  /** Jobs that cannot be sent, by their place in `jobs`, and why; `recipient` when only its address is at fault. */
  problems: { index: number; requestId: string; to: string; reason: string; missing: string[]; recipient?: true }[];
}

/** What sendMail would do with `jobs`, without sending or writing anything. */
export function previewMail(jobs: readonly MailJob[], show = 3): MailPreview {
  const ss = activeSpreadsheet();
  const mail = composer(ss);
  const preview: MailPreview = { count: 0, alreadySent: 0, uncertain: 0, emails: [], problems: [] };
  const ready: { index: number; job: MailJob; email: RenderedEmail }[] = [];
  jobs.forEach((job, index) => {
    const to = String(job.to ?? '').trim();
    if (to === '') {
      preview.problems.push({ index, requestId: job.requestId, to, reason: 'No email address.', missing: [] });
      return;
    }
    const refusal = queueRefusal(job);
    if (refusal !== null) {
      preview.problems.push({ index, requestId: job.requestId, to, reason: refusal, missing: [], recipient: true });
      return;
    }
    const composed = mail.compose(job.template, job.values);
    if (composed.ok) ready.push({ index, job: { ...job, to }, email: composed.email });
    else
      preview.problems.push({
        index,
        requestId: job.requestId,
        to,
        reason: composed.reason,
        missing: composed.missing,
      });
  });
  const onFile = entriesByKey(readCorrespondence(ss, mail.timeZone).entries);
  planMail(
    ready.map((r) => r.job),
    onFile,
  ).forEach((d, i) => {
    if (d.action === 'skip') preview.alreadySent++;
    else if (d.action === 'uncertain') preview.uncertain++;
    else {
      preview.count++;
      const { job, email } = ready[i];
      if (preview.emails.length < show) preview.emails.push({ to: job.to, subject: email.subject, body: email.text });
    }
  });
  return preview;
}

/**
 * How long one chunk may keep the document lock: an officer's Save waits up
 * to LOCK_WAIT_MS for it and then needs time of its own.
 */
const CHUNK_HOLD_MS = LOCK_WAIT_MS * 0.6;
/** What one send is assumed to take until this run has timed one (Apps Script's usual). */
const FIRST_SEND_ESTIMATE_MS = 500;

/**
 * How many messages the next chunk takes: as many as fit in the lock hold
 * and in what is left of the run's time, at the send time this run has seen.
 */
function chunkSize(run: Run, quota: number, remaining: number): number {
  const perSend = Math.max(run.sendEstimateMs, 1);
  const left = run.deadline - Date.now();
  return Math.max(1, Math.min(Math.floor(CHUNK_HOLD_MS / perSend), Math.floor(left / perSend), quota, remaining));
}

function timeSend(run: Run, ms: number): void {
  run.sendsTimed++;
  // A running mean: one slow send does not shrink every later chunk.
  run.sendEstimateMs += (ms - run.sendEstimateMs) / Math.min(run.sendsTimed, 20);
}

interface ChunkResult {
  /** How many of the chunk's messages were dealt with (sent, skipped, refused). */
  done: number;
  sent: number;
  stoppedBecause?: string;
}

/**
 * One chunk, under one hold of the document lock: where its rows are now and
 * whether another run took any since this one planned (one read), then for
 * each message one write of the block's Status cells ("sent" for the one
 * before, "sending" for this one) before MailApp is called, and at the end
 * the chunk's Sent times. A run that dies inside the chunk leaves exactly
 * what a per-message run would: the messages before it "sent", the one in
 * flight "sending" (uncertain, never resent), the rest "queued".
 */
function sendChunk(
  run: Run,
  book: CorrespondenceBook,
  chunk: Outgoing[],
  quota: number,
  readInThisHold = false,
): ChunkResult {
  const tz = run.mail.timeZone;
  const report = run.report;
  const keyOf = (o: Outgoing) => mailKey(o.requestId, o.template, o.to);
  // Planned from a read under this same hold: every row is where it was planned, and still its own.
  const where = readInThisHold
    ? null
    : locateRows(
        run.ss,
        book,
        chunk.map((o) => ({ row: o.row, key: keyOf(o) })),
        tz,
      );
  const live: Outgoing[] = where === null ? [...chunk] : [];
  for (const o of where === null ? [] : chunk) {
    const entry = where?.get(keyOf(o)) ?? null;
    if (entry !== null) o.row = entry.row;
    if (o.claimed && entry !== null) live.push(o);
    else if (entry === null || entry.status === 'sent') report.skipped++;
    else if (entry.status === 'sending')
      report.uncertain.push({ requestId: o.requestId, to: o.to, template: o.template });
    else live.push(o);
  }
  const result: ChunkResult = { done: chunk.length - live.length, sent: 0 };
  if (live.length === 0) return result;

  const rows = live.map((o) => o.row);
  const status = new StatusCells(book, Math.min(...rows), Math.max(...rows));
  const sentRows: number[] = [];
  for (const o of live) {
    if (result.sent >= quota) {
      result.stoppedBecause = QUOTA_SPENT;
      break;
    }
    if (outOfTime(run)) {
      result.stoppedBecause = OUT_OF_TIME;
      break;
    }
    // Checked where mail leaves: one address, and a queued row's seal (src/domain/mailSafety.ts, seal.ts).
    const refusal = sendRefusal(run, o);
    if (refusal !== null) {
      if (!status.finish(o.row, failedStatus(refusal))) run.finished.push(o.row);
      report.failed.push({ requestId: o.requestId, to: o.to, reason: refusal });
      result.done++;
      continue;
    }
    status.set(o.row, 'sending');
    // A message claimed when its row was written is on file as "sending" already.
    if (!o.claimed || result.sent > 0) status.write();
    const began = Date.now();
    try {
      MailApp.sendEmail(message(run.mail.settings, o));
    } catch (err) {
      const reason = errorText(err);
      const kind = classifyMailError(reason);
      if (kind === 'recipient') {
        if (!status.finish(o.row, failedStatus(reason))) run.finished.push(o.row);
        report.failed.push({ requestId: o.requestId, to: o.to, reason });
        result.done++;
        continue;
      }
      // Nothing went: this one waits in the queue again, and so does the rest.
      status.set(o.row, 'queued');
      result.stoppedBecause =
        kind === 'quota' ? QUOTA_SPENT : `The email service failed (${reason}); the rest are queued.`;
      break;
    }
    timeSend(run, Date.now() - began);
    // Its queued values go in the same write as "sent" when the columns are side by side.
    if (!status.finish(o.row, 'sent')) run.finished.push(o.row);
    sentRows.push(o.row);
    report.sent++;
    result.sent++;
    result.done++;
  }
  status.write();
  // A row claimed when it was written has the time of its claim in Sent already, moments before it went.
  setColumnCells(
    book.table,
    'Sent',
    sentRows.filter((row) => !live.some((o) => o.claimed && o.row === row)),
    new Date(),
  );
  return result;
}

/** Sends `outgoing` in chunks; `started` is a first chunk already sent (in the hold that queued it). */
function deliver(
  run: Run,
  book: CorrespondenceBook,
  outgoing: Outgoing[],
  quotaAtStart: number,
  started?: ChunkResult,
): void {
  const report = run.report;
  let quota = quotaAtStart - (started?.sent ?? 0);
  let i = started?.done ?? 0;
  const stop = (why: string) => {
    report.queued += outgoing.length - i;
    report.stoppedBecause = why;
  };
  if (started?.stoppedBecause !== undefined) {
    stop(started.stoppedBecause);
    i = outgoing.length;
  }
  while (i < outgoing.length) {
    if (quota < 1) {
      stop(QUOTA_SPENT);
      break;
    }
    if (outOfTime(run)) {
      stop(OUT_OF_TIME);
      break;
    }
    const chunk = outgoing.slice(i, i + chunkSize(run, quota, outgoing.length - i));
    let result: ChunkResult;
    try {
      result = withDocumentLock(() => sendChunk(run, book, chunk, quota));
    } catch (err) {
      if (!(err instanceof LockBusyError)) throw err;
      stop('The spreadsheet was busy; the rest are queued for the next daily run.');
      break;
    }
    quota -= result.sent;
    i += result.done;
    if (result.stoppedBecause !== undefined) {
      stop(result.stoppedBecause);
      break;
    }
  }
  clearQueuedValues(run, book);
}

/**
 * A sent or refused message's values are no longer needed in the queue: one
 * short lock hold at the end of the run empties them all. (A run that dies
 * first leaves them; its rows are "sent" or "failed", so they never go again.)
 */
function clearQueuedValues(run: Run, book: CorrespondenceBook): void {
  if (run.finished.length === 0) return;
  try {
    withDocumentLock(() => setColumnCells(book.table, 'Queued values', run.finished, ''), RECORD_WAIT_MS);
  } catch (err) {
    if (!(err instanceof LockBusyError)) throw err;
  }
  run.finished = [];
}

/** An error's message, read by shape: Apps Script's errors need not be this script's Error. */
function errorText(err: unknown): string {
  if (err !== null && typeof err === 'object' && 'message' in err) return String((err as { message: unknown }).message);
  return String(err);
}

/**
 * The one place mail is built. One recipient; replies go to the officer; the
 * sender's name is the centre. No header carries a line break or any other
 * control character (cleanHeader), whatever a Settings value or a template
 * holds; a reply-to that is not exactly one address is left off (replies
 * then go to the sending account).
 */
function message(settings: Settings, o: Outgoing): GoogleAppsScript.Mail.MailAdvancedParameters {
  return { ...mailHeaders(settings, o.to, o.email.subject), body: o.email.text, htmlBody: o.email.html };
}
