/**
 * Recording a request's progress: what the "Update a request" sidebar calls.
 *
 * Each change reads the request's log once and writes only the cells that
 * changed, under the document lock; the Flags are worked out again at once,
 * so the row's colour is right before the next daily check. Emails an
 * outcome calls for go through the one mailer AFTER the lock is released, so
 * sending never holds up other writers and a failed send never undoes what
 * was recorded.
 */
import { CATALOGUE, isServiceCode } from '../domain/catalogue';
import { appealedRequests, checkRequest } from '../domain/dailyCheck';
import { FOLLOW_UP_TEXT, openFollowUps, refundFor } from '../domain/followUps';
import { outcomeMailJobs } from '../domain/outcomeEffects';
import { recordOutcomeStep } from '../domain/outcomeStep';
import { isScript } from '../domain/stages';
import type { StepAnswer } from '../domain/stepInput';
import { recordAcknowledgementStep, recordFollowUpStep, recordSubmissionStep, withdrawStep } from '../domain/steps';
import { formatRequestId, parseRequestId } from '../domain/requestId';
import { LOG_COLUMNS, SHEET } from '../domain/schema';
import { foldName } from '../domain/sortKey';
import type { IsoDate, LogName, MailJob, PostResultsRequest, ServiceRow, Settings, Status } from '../domain/types';
import { sendMail } from '../mail/mailer';
import { withParentCopiesFor } from './parentMail';
import { withDocumentLock } from '../sheets/lock';
import { readLog, requestToRecord, rowToRequest, type LoggedRequest } from '../sheets/requestLog';
import { readServices, readSettings } from '../sheets/settingsSheet';
import { writeRowChanges } from '../sheets/rowPatch';
import { activeSpreadsheet, timeZoneOf, todayIn } from '../sheets/workbook';
import { answer, type Answer } from './respond';
import { refreshDashboardInHold } from './dashboard';
import type {
  FollowUpRecorded,
  OutcomeRecorded,
  Progress,
  RequestMatch,
  RequestsFound,
  Withdrawn,
} from '../shared/answers';

const LOG_FOR_PREFIX: Readonly<Record<'R' | 'S', LogName>> = { R: SHEET.requests, S: SHEET.scripts };

interface Context {
  today: IsoDate;
  settings: Settings;
  services: ServiceRow[];
}

interface Changed<T> {
  ok: true;
  before: LoggedRequest;
  after: PostResultsRequest;
  context: Context;
  step: T;
}

type Refusal = { ok: false; errors: { field: string; message: string }[] };

function sameValue(a: unknown, b: unknown): boolean {
  return (a ?? '') === (b ?? '');
}

/**
 * Finds the request in its log (the ID's letter says which), applies `step`,
 * recomputes the row's flags, and writes the changed cells: all under the
 * lock, reading the log once.
 */
function change<T extends object>(
  requestId: unknown,
  step: (req: PostResultsRequest, context: Context) => StepAnswer<T>,
  options: { refreshDashboard?: boolean } = {},
): Changed<T> | Refusal {
  const parts = parseRequestId(requestId);
  if (parts === null) {
    return {
      ok: false,
      errors: [{ field: 'requestId', message: 'Choose a request: its ID looks like R-2026-0042 or S-2026-0007.' }],
    };
  }
  const id = formatRequestId(parts.prefix, parts.year, parts.counter);
  const ss = activeSpreadsheet();
  const tz = timeZoneOf(ss);
  const today = todayIn(tz);
  return withDocumentLock((): Changed<T> | Refusal => {
    const context: Context = {
      today,
      settings: readSettings(ss, tz).settings,
      services: readServices(ss, tz).services,
    };
    const log = readLog(ss, LOG_FOR_PREFIX[parts.prefix], tz);
    const before = log.requests.find((r) => r.requestId.toUpperCase() === id);
    if (before === undefined) {
      return {
        ok: false,
        errors: [{ field: 'requestId', message: `There is no request ${id} in the ${log.name} log.` }],
      };
    }
    const answered = step(before, context);
    if (!answered.ok) return answered;
    const { request, ...rest } = answered;
    const check = checkRequest(request, {
      today,
      settings: context.settings,
      services: context.services,
      appealed: appealedRequests(log.requests),
    });
    const after: PostResultsRequest = { ...request, flags: check.flagsText, status: check.status };
    const changed = LOG_COLUMNS.filter((c) => !sameValue(before[c.field], after[c.field]));
    writeRowChanges(log.table, before.row, requestToRecord(after), changed, LOG_COLUMNS, tz);
    if (options.refreshDashboard) {
      // In this hold, from the log as just written (its row as the sheet now holds it) and the other
      // log read once: SLT's figures include this change, and no other writer's can be missed.
      // A failed refresh is caught up by the daily check; the outcome stands.
      refreshDashboardInHold(ss, () => {
        const written = rowToRequest(log.table, log.table.rows[before.row - 2], log.name, before.row, tz);
        const mine = log.requests.map((r) => (r === before ? written : r));
        const otherName = log.name === SHEET.requests ? SHEET.scripts : SHEET.requests;
        const other = readLog(ss, otherName, tz, { readOnly: true }).requests;
        return log.name === SHEET.requests ? [...mine, ...other] : [...other, ...mine];
      });
    }
    return { ok: true, before, after, context, step: rest as unknown as T };
  });
}

interface Delivery {
  emailed: string[];
  queued: string[];
  problems: string[];
}

/** Sends what the change asked for, once the lock is released; says what became of each email. */
function deliver(jobs: MailJob[]): Delivery {
  const out: Delivery = { emailed: [], queued: [], problems: [] };
  if (jobs.length === 0) return out;
  let report;
  try {
    report = sendMail(jobs);
  } catch (err) {
    console.error(`Post-Results Tracker: sending for ${jobs.map((j) => j.requestId).join(', ')} failed`);
    out.problems.push(
      `The change is saved, but the email could not be sent (${err instanceof Error ? err.message : String(err)}). Check the Correspondence sheet; the daily check sends anything still queued.`,
    );
    return out;
  }
  const failed = new Set(report.failed.map((f) => f.to));
  const uncertain = new Set(report.uncertain.map((u) => u.to));
  for (const f of report.failed) out.problems.push(`Not emailed to ${f.to}: ${f.reason}`);
  for (const u of report.uncertain) {
    out.problems.push(`The email to ${u.to} may or may not have gone: check its row in the Correspondence sheet.`);
  }
  const rest = jobs.filter((j) => !failed.has(j.to) && !uncertain.has(j.to));
  // The mailer sends in order and queues the tail it cannot send today.
  const queuedFrom = rest.length - report.queued;
  rest.forEach((j, i) => (i < queuedFrom ? out.emailed : out.queued).push(j.to));
  if (out.queued.length > 0) {
    out.problems.push(`${report.stoppedBecause ?? 'The email is queued.'} The daily check sends it.`);
  }
  return out;
}

function statusOf(r: PostResultsRequest): { requestId: string; status: Status } {
  return { requestId: r.requestId, status: r.status };
}

// ---------------------------------------------------------------------------
// Entry points.
// ---------------------------------------------------------------------------

/** `recordSubmission(requestId, { submittedOn, boardReference })` */
export function recordSubmission(requestId: unknown, input: unknown): Answer<Progress> {
  return answer((): Answer<Progress> => {
    const done = change(requestId, (req, c) => recordSubmissionStep(req, input, c.today));
    return done.ok ? { ok: true, ...statusOf(done.after) } : done;
  });
}

/** `recordAcknowledgement(requestId, { acknowledgedOn })` */
export function recordAcknowledgement(requestId: unknown, input: unknown): Answer<Progress> {
  return answer((): Answer<Progress> => {
    const done = change(requestId, (req, c) => recordAcknowledgementStep(req, input, c.today));
    return done.ok ? { ok: true, ...statusOf(done.after) } : done;
  });
}

/**
 * `recordOutcome(requestId, { receivedOn, newMark, newGrade, scriptLink,
 * scriptRecipient?, originalGrade?, originalMark? })`. The last two are only
 * needed when the log lacks them: the add-on must know what the grade was.
 */
export function recordOutcome(requestId: unknown, input: unknown): Answer<OutcomeRecorded> {
  return answer((): Answer<OutcomeRecorded> => {
    // One hold for the outcome, SLT's figures (every outcome changes them) and its emails: the
    // mailer runs inside the hold it is given, so the hold is flushed once for all three.
    const recorded = withDocumentLock(() => {
      const done = change(requestId, (req, c) => recordOutcomeStep(req, input, c), { refreshDashboard: true });
      if (!done.ok) return done;
      const { settings } = done.context;
      return {
        done,
        sent: deliver(withParentCopiesFor(outcomeMailJobs(done.after, done.step.effects, settings), settings)),
      };
    });
    if ('ok' in recorded) return recorded;
    const { done, sent } = recorded;
    const { effects } = done.step;
    return {
      ok: true,
      ...statusOf(done.after),
      gradeChanged: effects.gradeChanged,
      kind: effects.kind,
      emailed: sent.emailed,
      queued: sent.queued,
      followUps: effects.followUps,
      warnings: [...effects.warnings, ...sent.problems],
    };
  });
}

/** `recordFollowUp(requestId, { refundIssuedOn, misUpdatedOn, sorIssuedOn })`: any of the three. */
export function recordFollowUp(requestId: unknown, input: unknown): Answer<FollowUpRecorded> {
  return answer((): Answer<FollowUpRecorded> => {
    const done = change(requestId, (req, c) => recordFollowUpStep(req, input, c.today));
    if (!done.ok) return done;
    return {
      ok: true,
      ...statusOf(done.after),
      open: done.step.open.map((f) => FOLLOW_UP_TEXT[f]),
      closed: done.after.status === 'Closed',
    };
  });
}

/** `withdrawRequest(requestId, { reason })`: the reason goes into Notes. */
export function withdrawRequest(requestId: unknown, input: unknown): Answer<Withdrawn> {
  return answer((): Answer<Withdrawn> => {
    const done = change(requestId, (req, c) => withdrawStep(req, input, c.today));
    if (!done.ok) return done;
    const r = done.before;
    const followUps = done.step.tellBoard
      ? [
          `Tell ${r.board} it is withdrawn: it was submitted on the board's website${r.boardReference ? ` (reference ${r.boardReference})` : ''}.`,
        ]
      : [];
    return { ok: true, ...statusOf(done.after), followUps };
  });
}

// ---------------------------------------------------------------------------
// Finding a request.
// ---------------------------------------------------------------------------

export const MAX_MATCHES = 50;

function toMatch(r: LoggedRequest): RequestMatch {
  return {
    requestId: r.requestId,
    sheet: r.sheet,
    candidateNumber: r.candidateNumber,
    surname: r.surname,
    forename: r.forename,
    subject: r.subject,
    service: r.service,
    status: r.status,
    serviceName: isServiceCode(r.service) ? CATALOGUE[r.service].name : String(r.service),
    board: r.board,
    qualification: r.qualification,
    component: r.component,
    received: r.received,
    deadline: r.deadline,
    submittedToBoard: r.submittedToBoard,
    boardReference: r.boardReference,
    acknowledged: r.acknowledged,
    outcomeReceived: r.outcomeReceived,
    originalGrade: r.originalGrade,
    originalMark: r.originalMark,
    newGrade: r.newGrade,
    newMark: r.newMark,
    isScript: isScript(r.service),
    requestedBy: r.requestedBy,
    email: r.email,
    teacherEmail: r.teacherEmail,
    scriptLink: r.scriptLink,
    refundIssued: r.refundIssued,
    misUpdated: r.misUpdated,
    sorIssued: r.sorIssued,
    refundDue: refundFor(r).due,
    refundNote: refundFor(r).note,
    openFollowUps: openFollowUps(r),
    flags: r.flags,
    candidatesCovered: r.candidatesCovered,
    moderationOutcome: r.moderationOutcome,
  };
}

/** What a query asks for: an exact request ID, an exact candidate number, or part of a name. */
function matcher(query: string): (r: LoggedRequest) => boolean {
  const id = parseRequestId(query);
  if (id !== null) {
    const wanted = formatRequestId(id.prefix, id.year, id.counter);
    return (r) => r.requestId.toUpperCase() === wanted;
  }
  if (/^\d{1,4}$/.test(query)) {
    const wanted = query.padStart(4, '0');
    return (r) => r.candidateNumber === wanted;
  }
  const wanted = foldName(query);
  return (r) => {
    const surname = foldName(r.surname);
    const forename = foldName(r.forename);
    return (
      surname.includes(wanted) || `${forename} ${surname}`.includes(wanted) || `${surname} ${forename}`.includes(wanted)
    );
  };
}

/**
 * `findRequests(query)`: by request ID, candidate number, or part of a
 * surname (accents, case and punctuation ignored: "obri" finds O'Brien and
 * "muller" finds Müller). Both logs, in log order, at most MAX_MATCHES.
 */
export function findRequests(query: unknown): Answer<RequestsFound> {
  return answer((): Answer<RequestsFound> => {
    const text = typeof query === 'string' || typeof query === 'number' ? String(query).trim() : '';
    if (text === '' || foldName(text) === '') {
      return {
        ok: false,
        errors: [{ field: 'query', message: 'Type a request ID, a candidate number or part of a surname.' }],
      };
    }
    if (text.length > 100) {
      return { ok: false, errors: [{ field: 'query', message: 'That is too long to be a name or an ID.' }] };
    }
    const ss = activeSpreadsheet();
    const tz = timeZoneOf(ss);
    const test = matcher(text);
    const found: LoggedRequest[] = [];
    for (const name of [SHEET.requests, SHEET.scripts] as const) {
      found.push(...readLog(ss, name, tz).requests.filter(test));
    }
    return {
      ok: true,
      matches: found.slice(0, MAX_MATCHES).map(toMatch),
      more: found.length > MAX_MATCHES,
      today: todayIn(tz),
    };
  });
}
