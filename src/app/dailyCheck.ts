/**
 * The daily check: the time-driven trigger's handler and the menu's "Run
 * daily check now".
 *
 * A trigger's failure emails nobody (add-on triggers send no failure
 * notices), so this handler never lets an error escape: it records it in a
 * run log (Document properties) and tells the officer in the next digest.
 * It works everything out before it writes anything, so a run that fails
 * leaves the logs as they were, and the next run simply does the work.
 *
 * Cost: each log is read once and each changed column (Flags, and Status
 * where a request closes) written once, so the number of Spreadsheet calls
 * is the same for ten rows as for twenty thousand.
 */
import { formatLongDate, formatUkDate } from '../domain/formats';
import {
  appealedRequests,
  checkRequest,
  digestEntry,
  digestText,
  applicationsDigestBlock,
  unpaidDigestBlock,
  unpaidRequests,
  type DigestEntry,
} from '../domain/dailyCheck';
import { LOG_COLUMNS, SHEET, headerKey } from '../domain/schema';
import type { FlagKey, IsoDate, MailJob, MailReport, Settings } from '../domain/types';
import { resumeMailQueue, runDeadline, sendMail } from '../mail/mailer';
import { refreshDashboardInHold } from './dashboard';
import type { DashboardRefresh } from '../sheets/dashboardSheet';
import { refreshSltViewQuietly } from './sltView';
import { withDocumentLock } from '../sheets/lock';
import { dailyProblems, setDailyLastRun, setDailyProblems, type DailyProblem } from '../sheets/properties';
import { readLog, rowToRequest } from '../sheets/requestLog';
import { readServices, readSettings } from '../sheets/settingsSheet';
import { columnOf, writeColumn, writeTwoColumns, type Cell } from '../sheets/table';
import { activeSpreadsheet, timeZoneOf, todayIn } from '../sheets/workbook';
import { dailyTriggerRan } from './triggers';
import { waitingApplications } from './applications';
import { answer, type Answer } from './respond';

/** The trigger may wait longer for the lock than an officer at the sidebar: nobody is watching it. */
const TRIGGER_LOCK_WAIT_MS = 30_000;
/** Problems since the last digest, oldest first, request IDs only, never names. */
const MAX_PROBLEMS = 20;

const FLAGS_SPEC = LOG_COLUMNS.find((c) => c.field === 'flags')!;
const STATUS_SPEC = LOG_COLUMNS.find((c) => c.field === 'status')!;

export type DigestState = 'sent' | 'already-sent' | 'queued' | 'not-sent' | 'no-address' | 'nothing-flagged';

export interface DailyCheckDone {
  flagged: { requestId: string; flag: FlagKey }[];
  /** True only when this run sent the day's digest. */
  digestSent: boolean;
  digest: DigestState;
  /** Requests this run closed (appeal window passed, appeal logged, follow-ups done). */
  closed: string[];
  /** What "Run daily check now" tells the officer, in her words; the emulator shows it when the trigger fires. */
  summary: string;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function readProblems(): DailyProblem[] {
  try {
    return dailyProblems();
  } catch {
    return [];
  }
}

function writeProblems(problems: DailyProblem[]): void {
  setDailyProblems(problems.slice(-MAX_PROBLEMS));
}

/** A problem for the next digest; the same problem is listed once however many runs meet it. */
function recordProblem(timeZone: string, problem: string): void {
  // An error message can be long; the digest only needs enough to act on.
  const text = problem.length > 500 ? `${problem.slice(0, 499)}…` : problem;
  try {
    const problems = readProblems().filter((p) => p.text !== text);
    problems.push({ at: Utilities.formatDate(new Date(), timeZone, 'dd/MM/yyyy HH:mm'), text });
    writeProblems(problems);
    console.error(`Post-Results Tracker daily check: ${text}`);
  } catch (err) {
    // The run log itself failed: the execution log is all that is left.
    console.error(`Post-Results Tracker daily check: could not record a problem (${errorText(err)})`);
  }
}

function mailProblems(report: MailReport): string[] {
  return [
    ...report.failed.map((f) => `The email for ${f.requestId} to ${f.to} was not sent: ${f.reason}`),
    ...report.uncertain.map(
      (u) =>
        `The "${u.template}" email for ${u.requestId} to ${u.to} may or may not have gone (a run stopped while sending). Check with the recipient, then set its Status in Correspondence to "sent", or to "queued" to send it again.`,
    ),
  ];
}

/**
 * Who gets the digest: the officer in Settings, and nobody else. The trigger's
 * own account (Session.getEffectiveUser) would need the userinfo.email scope,
 * which the add-on does not ask for; without it Google answers '' and the
 * digest would silently go nowhere. A blank setting is said plainly instead.
 */
function officerAddress(settingsEmail: string): string {
  return settingsEmail.trim();
}

function zoneAndToday(): { timeZone: string; today: IsoDate } {
  let timeZone = 'Europe/London';
  try {
    timeZone = timeZoneOf(activeSpreadsheet());
  } catch {
    // Without access to the spreadsheet, the script's own zone (Europe/London in the manifest).
    timeZone = Session.getScriptTimeZone() || timeZone;
  }
  return { timeZone, today: todayIn(timeZone) };
}

/**
 * When the add-on needs the officer's approval again (a new version asked
 * for more), the trigger can do nothing useful: it emails the officer, at
 * most once a day, how to approve it.
 */
function askForApproval(url: string | null, deadline: number): void {
  const { timeZone, today } = zoneAndToday();
  let officerEmail = '';
  try {
    officerEmail = readSettings(activeSpreadsheet(), timeZone).settings.officerEmail;
  } catch {
    // The Settings sheet may be out of reach too; then there is no one to ask.
  }
  const to = officerAddress(officerEmail);
  if (to === '') {
    console.error('Post-Results Tracker daily check: needs approval again, and Exams officer email is blank.');
    return;
  }
  const digest = [
    'Post-Results Tracker needs your approval again before the daily check can run',
    '- Open the tracker spreadsheet and choose Extensions › Post-Results Tracker › Run daily check now, then allow what it asks.',
    ...(url ? [`- Or approve it here: ${url}`] : []),
    '- Until then nothing is flagged and no digest is sent.',
  ].join('\n');
  try {
    sendMail([{ requestId: `REAPPROVE-${today}`, template: 'Daily digest', to, values: { digest } }], { deadline });
  } catch (err) {
    console.error(`Post-Results Tracker daily check: could not ask for approval (${errorText(err)})`);
  }
}

interface Checked {
  entries: DigestEntry[];
  flagged: { requestId: string; flag: FlagKey }[];
  closed: string[];
  officerEmail: string;
  /** The digest's unpaid-requests block, when any is overdue. */
  unpaid: string | null;
  /** The settings, when they ask for the SLT view spreadsheet; null (no Sheets or Drive call at all) when not. */
  sltView: Settings | null;
  /** The dashboard as refreshed in the same hold; null when it could not be. */
  dashboard: DashboardRefresh | null;
}

/**
 * Reads both logs, works out every row's flags and status, then writes the
 * changed columns: all of it under the lock, the writes only once everything
 * is known.
 */
/** How far the writes got: a failure must say truthfully what it left behind. */
interface WriteProgress {
  planned: number;
  done: number;
}

function checkLogs(today: IsoDate, timeZone: string, progress: WriteProgress): Checked {
  const ss = activeSpreadsheet();
  return withDocumentLock((): Checked => {
    const settings = readSettings(ss, timeZone).settings;
    const services = readServices(ss, timeZone).services;
    const logs = [SHEET.requests, SHEET.scripts].map((name) => readLog(ss, name, timeZone));
    const appealed = appealedRequests(logs.flatMap((l) => l.requests));
    const days = settings.unpaidReminderDays;
    const unpaid = unpaidRequests(
      logs.flatMap((l) => l.requests),
      today,
      days,
    );
    const result: Checked = {
      entries: [],
      flagged: [],
      closed: [],
      officerEmail: settings.officerEmail,
      unpaid: unpaidDigestBlock(unpaid, days),
      sltView: settings.sltViewSpreadsheet ? settings : null,
      dashboard: null,
    };
    const writes: Array<() => void> = [];

    for (const log of logs) {
      const table = log.table;
      const flagsCol = columnOf(table, FLAGS_SPEC.header);
      const statusCol = columnOf(table, STATUS_SPEC.header);
      // Every data row keeps what it holds unless the check changes it (blank rows and the officer's notes too).
      const flags: Cell[] = table.rows.map((r) => r[flagsCol] ?? '');
      const statuses: Cell[] = table.rows.map((r) => r[statusCol] ?? '');
      let flagsChanged = false;
      let statusChanged = false;
      for (const req of log.requests) {
        const check = checkRequest(req, { today, settings, services, appealed });
        const i = req.row - 2;
        if (String(flags[i]).trim() !== check.flagsText) {
          flags[i] = check.flagsText;
          flagsChanged = true;
        }
        if (check.closed !== undefined && headerKey(statuses[i]) !== headerKey('Closed')) {
          statuses[i] = check.status;
          statusChanged = true;
          result.closed.push(req.requestId);
        }
        for (const flag of check.flags) {
          result.flagged.push({ requestId: req.requestId, flag: flag.flag });
          result.entries.push(digestEntry(req, flag));
        }
      }
      if (flagsChanged && statusChanged) {
        writes.push(() =>
          writeTwoColumns(
            table,
            { spec: STATUS_SPEC, values: statuses },
            { spec: FLAGS_SPEC, values: flags },
            timeZone,
          ),
        );
      } else if (flagsChanged) writes.push(() => writeColumn(table, FLAGS_SPEC, flags, timeZone));
      else if (statusChanged) writes.push(() => writeColumn(table, STATUS_SPEC, statuses, timeZone));
      // What the dashboard below reads: each row as the sheet holds it once the writes are done.
      if (flagsChanged || statusChanged) {
        log.requests = log.requests.map((req) => {
          const cells = table.rows[req.row - 2];
          if (flags[req.row - 2] === cells[flagsCol] && statuses[req.row - 2] === cells[statusCol]) return req;
          const updated = [...cells];
          updated[flagsCol] = flags[req.row - 2];
          updated[statusCol] = statuses[req.row - 2];
          return rowToRequest(table, updated, log.name, req.row, timeZone);
        });
      }
    }
    progress.planned = writes.length;
    for (const write of writes) {
      write();
      progress.done++;
    }
    // SLT see the day's flags without anyone pressing Refresh: in this hold, from the rows just written.
    result.dashboard = refreshDashboardInHold(ss, () => logs.flatMap((l) => l.requests));
    return result;
  }, TRIGGER_LOCK_WAIT_MS);
}

/** `queue.empty` is set when the digest's send saw nothing else waiting in Correspondence. */
function sendDigest(
  checked: Checked,
  today: IsoDate,
  timeZone: string,
  deadline: number,
  queue: { empty: boolean },
): DigestState {
  const problems = readProblems();
  const applications = applicationsDigestBlock(waitingApplications(timeZone));
  const text = digestText(
    checked.entries,
    problems.map((p) => `${p.at}: ${p.text}`),
    [checked.unpaid, applications].filter((b): b is string => b !== null),
  );
  const to = officerAddress(checked.officerEmail);
  if (to === '') {
    // Said even on a quiet day: the officer must know before the day a request is late.
    if (text !== null) recordProblem(timeZone, 'No digest could be sent: Exams officer email is blank in Settings.');
    return 'no-address';
  }
  if (text === null) return 'nothing-flagged';
  const job: MailJob = {
    requestId: `DIGEST-${today}`,
    template: 'Daily digest',
    to,
    values: { digest: text, today: formatLongDate(today) },
    recipientSource: { field: 'Exams officer email', fix: 'the Settings sheet' },
  };
  const report = sendMail([job], { deadline });
  queue.empty = report.queueEmpty === true;
  if (report.sent > 0) {
    // Reported: the officer has them now. Problems met after the read stay for tomorrow.
    const told = new Set(problems.map((p) => p.text));
    writeProblems(readProblems().filter((p) => !told.has(p.text)));
    return 'sent';
  }
  for (const p of mailProblems(report)) recordProblem(timeZone, p);
  if (report.skipped > 0) return 'already-sent';
  return report.queued > 0 ? 'queued' : 'not-sent';
}

/** `runDailyCheck()`: the daily trigger's handler, and "Run daily check now". Never throws. */
export function runDailyCheck(): Answer<DailyCheckDone> {
  return answer((): Answer<DailyCheckDone> => {
    // One deadline for the whole execution: the reads, flags and digest below use the same 6 minutes as the sends.
    const deadline = runDeadline();
    const auth = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
    if (auth.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED) {
      askForApproval(auth.getAuthorizationUrl(), deadline);
      return {
        ok: false,
        errors: [
          {
            field: 'form',
            message:
              'Post-Results Tracker needs your approval again: open the add-on menu and allow what it asks. The officer has been emailed.',
          },
        ],
      };
    }

    const { timeZone, today } = zoneAndToday();
    let checked: Checked;
    const progress: WriteProgress = { planned: 0, done: 0 };
    try {
      checked = checkLogs(today, timeZone, progress);
    } catch (err) {
      const left = whatFailureLeft(progress);
      recordProblem(timeZone, `The daily check of ${formatUkDate(today)} failed and ${left}: ${errorText(err)}`);
      resumeQueue(timeZone, deadline);
      return {
        ok: false,
        errors: [
          {
            field: 'form',
            message: `The daily check could not finish and ${left}: ${errorText(err)} It is in the run log and will be in the next digest.`,
          },
        ],
      };
    }

    let digest: DigestState = 'not-sent';
    const queue = { empty: false };
    try {
      digest = sendDigest(checked, today, timeZone, deadline, queue);
    } catch (err) {
      recordProblem(timeZone, `The digest of ${formatUkDate(today)} could not be sent: ${errorText(err)}`);
    }
    // The digest's hold read Correspondence moments ago: when nothing else was waiting, reading it again finds nothing.
    if (!queue.empty) resumeQueue(timeZone, deadline);
    const dashboard = checked.dashboard;
    if (dashboard === null) recordProblem(timeZone, 'The SLT dashboard could not be refreshed.');
    else if (checked.sltView !== null) {
      // The view is written from the figures just written: the logs are not read again.
      const view = refreshSltViewQuietly(dashboard, checked.sltView);
      if (!view.ok) recordProblem(timeZone, `The SLT view spreadsheet could not be refreshed: ${view.reason}`);
      else for (const notice of view.notices) recordProblem(timeZone, notice);
    }
    try {
      setDailyLastRun({
        at: new Date().toISOString(),
        ok: true,
        flagged: checked.flagged.length,
        closed: checked.closed.length,
      });
      dailyTriggerRan(today);
    } catch {
      // Only a record of the run; the run itself is done.
    }
    const done = { flagged: checked.flagged, digestSent: digest === 'sent', digest, closed: checked.closed };
    return { ok: true, ...done, summary: dailyCheckSummary(done) };
  });
}

/**
 * What a failed run left in the logs. Everything is worked out before the
 * first write, so a failure before it changed nothing; one between the
 * column writes (or after them, at the flush or the lock's release) did
 * change some, and the officer is told so. Either way the next run puts
 * every flag right, because flags are worked out afresh each time.
 */
function whatFailureLeft(progress: WriteProgress): string {
  if (progress.done === 0) return 'changed nothing';
  if (progress.done < progress.planned) {
    return "left the logs part-written: some Flags or Status cells already show today's check and some do not (the next run puts them all right)";
  }
  return 'had already updated the Flags and Status in the logs, but sent no digest (the next run sends it)';
}

/** The daily trigger also sends what the mailer queued (over quota, out of time). */
function resumeQueue(timeZone: string, deadline: number): void {
  try {
    const report = resumeMailQueue({ deadline });
    for (const p of mailProblems(report)) recordProblem(timeZone, p);
  } catch (err) {
    recordProblem(timeZone, `Queued emails could not be sent: ${errorText(err)}`);
  }
}

export const OFFICER_EMAIL_MISSING =
  'No digest can be sent until Exams officer email is filled in on the Settings sheet.';

const DIGEST_SAID: Readonly<Record<DigestState, string>> = {
  sent: 'The digest has been emailed to you.',
  'already-sent': "Today's digest had already been sent, so it was not sent again.",
  queued: "The digest is queued (today's email quota or this run's time is used up); it goes with the next run.",
  'not-sent': 'The digest could not be sent; the reason will be in the next digest.',
  'no-address': OFFICER_EMAIL_MISSING,
  'nothing-flagged': 'Nothing needs doing, so no digest was sent.',
};

/** What "Run daily check now" tells the officer. Request IDs only. */
export function dailyCheckSummary(done: Omit<DailyCheckDone, 'summary'>): string {
  const requests = new Set(done.flagged.map((f) => f.requestId)).size;
  const lines = [
    requests === 0
      ? 'No request is flagged.'
      : `${requests} ${requests === 1 ? 'request is' : 'requests are'} flagged: see the Flags column of the logs (red rows are late, amber rows have something to do).`,
  ];
  if (done.closed.length > 0) {
    const shown = done.closed.slice(0, 10).join(', ');
    const more = done.closed.length > 10 ? ` and ${done.closed.length - 10} more` : '';
    lines.push(`Closed: ${shown}${more}.`);
  }
  lines.push(DIGEST_SAID[done.digest]);
  return lines.join('\n');
}
