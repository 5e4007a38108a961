/**
 * The daily check: what the officer would otherwise have to remember. Given
 * every request, today's date, the Settings and the Services sheets, it says
 * which flags each request should carry today, which requests can close, and
 * writes the officer's digest. Flags are worked out afresh every time from
 * the log's own columns, so a flag that no longer applies simply is not
 * there the next day, and a date the officer typed into the log by hand
 * counts as much as one recorded from the sidebar.
 *
 * Pure: today is a parameter; nothing here reads a sheet or sends an email.
 */
import { addDays, addWorkingDays, compareDates, daysBetween, isIsoDate, workingDaysBetween } from './calendar';
import { CATALOGUE, isServiceCode } from './catalogue';
import { appealDeadlineFor } from './appealDeadlines';
import { openFollowUps, refundFor } from './followUps';
import { changesRecords, classifyOutcome, noGradeChange } from './outcomes';
import { stageOf } from './stages';
import { formatMoney, formatUkDate } from './formats';
import { findService } from './services';
import {
  FLAGS,
  type Flag,
  type FlagKey,
  type IsoDate,
  type PostResultsRequest,
  type ServiceRow,
  type Settings,
  type Status,
} from './types';

/*
 * How far ahead the check warns. The officer's rules, from the issue that
 * asked for the check; the boards' own windows and deadlines are data
 * (Settings and Services), these are only how early to say so.
 */
/** A request not yet submitted is flagged this many working days before the board's deadline. */
export const DEADLINE_WARNING_WORKING_DAYS = 2;
/** Refund, MIS and Statement of Results should be done within this many working days of the outcome. */
export const FOLLOW_UP_WORKING_DAYS = 5;
/** A no-change outcome is flagged this many calendar days before its appeal window closes. */
export const APPEAL_WARNING_DAYS = 3;

export interface CheckContext {
  today: IsoDate;
  settings: Pick<Settings, 'acknowledgementWorkingDays' | 'appealWindowDays' | 'bankHolidays'> &
    Partial<Pick<Settings, 'appealHearingWindowDays' | 'reasonsWindowDays' | 'eprsWindowDays'>>;
  services: readonly ServiceRow[];
  /** Requests an appeal has been logged against (each appeal's `Related request`). */
  appealed: ReadonlySet<string>;
}

/** Why the check closed a request. */
export type ClosedBecause = 'appeal-window-passed' | 'appeal-logged' | 'follow-ups-done';

export interface RequestCheck {
  requestId: string;
  flags: Flag[];
  /** The Flags cell: labels, each with its detail, joined by '; '. */
  flagsText: string;
  status: Status;
  closed?: ClosedBecause;
}

/** The Flags cell for a set of flags: 'Refund due (£48.65); Update MIS'. */
export function flagsText(flags: readonly Flag[]): string {
  return flags.map((f) => (f.detail ? `${FLAGS[f.flag]} (${f.detail})` : FLAGS[f.flag])).join('; ');
}

/** Every request an appeal or appeal hearing (not withdrawn) names as the one it follows. */
export function appealedRequests(
  rows: ReadonlyArray<Pick<PostResultsRequest, 'service' | 'relatedRequestId' | 'status'>>,
): Set<string> {
  const ids = new Set<string>();
  for (const r of rows) {
    const appeal = r.service === 'appeal' || r.service === 'appeal-hearing';
    if (appeal && r.status !== 'Withdrawn' && r.relatedRequestId.trim() !== '') {
      ids.add(r.relatedRequestId.trim().toUpperCase());
    }
  }
  return ids;
}

function deadlineOf(req: PostResultsRequest, services: readonly ServiceRow[]): IsoDate | null {
  if (isIsoDate(req.deadline)) return req.deadline;
  if (!isServiceCode(req.service)) return null;
  return findService(services, req.board, req.series, req.service, req.qualification)?.deadline ?? null;
}

function turnaroundOf(req: PostResultsRequest, services: readonly ServiceRow[]): number | null {
  if (!isServiceCode(req.service)) return null;
  return findService(services, req.board, req.series, req.service, req.qualification)?.turnaroundDays ?? null;
}

function after(today: IsoDate, day: IsoDate): boolean {
  return compareDates(today, day) > 0;
}

/** The flags one request carries today, and whether it can close. */
export function checkRequest(req: PostResultsRequest, ctx: CheckContext): RequestCheck {
  const { today, settings, services } = ctx;
  const holidays = settings.bankHolidays;
  const flags: Flag[] = [];
  const answer = (status: Status, closed?: ClosedBecause): RequestCheck => ({
    requestId: req.requestId,
    flags,
    flagsText: flagsText(flags),
    status,
    ...(closed ? { closed } : {}),
  });
  const stage = stageOf(req);
  // The Service dropdown warns but takes any text (a log from before the names holds codes), so a typo is said here.
  if (stage !== 'closed' && stage !== 'withdrawn' && !isServiceCode(req.service)) {
    flags.push({
      requestId: req.requestId,
      flag: 'serviceUnknown',
      detail: req.service === '' ? 'blank' : req.service,
    });
  }

  switch (stage) {
    case 'closed':
    case 'withdrawn':
      return answer(req.status);

    case 'received': {
      const deadline = deadlineOf(req, services);
      if (deadline !== null) {
        if (after(today, deadline)) {
          flags.push({
            requestId: req.requestId,
            flag: 'deadlinePassed',
            detail: `deadline ${formatUkDate(deadline)}`,
          });
        } else if (workingDaysBetween(today, deadline, holidays) <= DEADLINE_WARNING_WORKING_DAYS) {
          flags.push({ requestId: req.requestId, flag: 'deadlineNear', detail: `deadline ${formatUkDate(deadline)}` });
        }
      }
      return answer(req.status);
    }

    case 'submitted':
    case 'acknowledged': {
      const submitted = req.submittedToBoard as IsoDate;
      if (stage === 'submitted') {
        const due = addWorkingDays(submitted, settings.acknowledgementWorkingDays, holidays);
        if (after(today, due)) {
          flags.push({
            requestId: req.requestId,
            flag: 'notAcknowledged',
            detail: `submitted ${formatUkDate(submitted)}`,
          });
        }
      }
      const turnaround = turnaroundOf(req, services);
      if (turnaround !== null) {
        const due = addDays(submitted, turnaround);
        if (after(today, due)) {
          flags.push({ requestId: req.requestId, flag: 'outcomeOverdue', detail: `due ${formatUkDate(due)}` });
        }
      }
      return answer(req.status);
    }

    case 'outcome': {
      const kind = classifyOutcome(req);
      if (changesRecords(kind)) {
        const open = openFollowUps(req);
        if (open.length === 0) return answer('Closed', 'follow-ups-done');
        if (open.includes('refund')) {
          flags.push({ requestId: req.requestId, flag: 'refundDue', detail: formatMoney(refundFor(req).amount ?? 0) });
        }
        if (open.includes('mis')) flags.push({ requestId: req.requestId, flag: 'updateMis' });
        if (open.includes('sor')) flags.push({ requestId: req.requestId, flag: 'issueSor' });
        const due = addWorkingDays(req.outcomeReceived, FOLLOW_UP_WORKING_DAYS, holidays);
        if (after(today, due)) {
          flags.push({
            requestId: req.requestId,
            flag: 'followUpOverdue',
            detail: `outcome ${formatUkDate(req.outcomeReceived)}`,
          });
        }
        return answer(req.status);
      }
      if (noGradeChange(kind)) {
        if (ctx.appealed.has(req.requestId.toUpperCase())) return answer('Closed', 'appeal-logged');
        // After an appeal hearing there is no next stage at the board (Ofqual's EPRS is the candidate's).
        const deadline = appealDeadlineFor(req, services, settings);
        if (deadline === null || after(today, deadline)) return answer('Closed', 'appeal-window-passed');
        if (daysBetween(today, deadline) <= APPEAL_WARNING_DAYS) {
          flags.push({
            requestId: req.requestId,
            flag: 'appealWindowClosing',
            detail: `closes ${formatUkDate(deadline)}`,
          });
        }
      }
      return answer(req.status);
    }
  }
}

/** Every request checked, in the order given. */
export function checkRequests(
  rows: readonly PostResultsRequest[],
  ctx: Omit<CheckContext, 'appealed'> & { appealed?: ReadonlySet<string> },
): RequestCheck[] {
  const full: CheckContext = { ...ctx, appealed: ctx.appealed ?? appealedRequests(rows) };
  return rows.map((r) => checkRequest(r, full));
}

// ---------------------------------------------------------------------------
// The digest: one email to the officer, grouped by what to do.
// ---------------------------------------------------------------------------

/** The groups of the digest, most urgent first; each is one thing to do. */
export const DIGEST_GROUPS: ReadonlyArray<{ heading: string; flags: readonly FlagKey[] }> = [
  { heading: 'Choose the service from the list: the Service cell names none', flags: ['serviceUnknown'] },
  { heading: 'Submit to the board now: the deadline has passed', flags: ['deadlinePassed'] },
  { heading: 'Submit to the board: the deadline is near', flags: ['deadlineNear'] },
  { heading: 'Chase the board: no acknowledgement yet', flags: ['notAcknowledged'] },
  { heading: 'Chase the board: the outcome is overdue', flags: ['outcomeOverdue'] },
  {
    heading: `Follow-ups still open ${FOLLOW_UP_WORKING_DAYS} working days after the outcome`,
    flags: ['followUpOverdue'],
  },
  { heading: 'Refund the fee', flags: ['refundDue'] },
  { heading: 'Update the MIS with the new grade', flags: ['updateMis'] },
  { heading: 'Issue an updated Statement of Results', flags: ['issueSor'] },
  { heading: 'Appeal window closing (candidates told of no change)', flags: ['appealWindowClosing'] },
];

/** Lines per group before the rest are summed up: the digest must stay readable. */
export const DIGEST_LINES_PER_GROUP = 100;
/**
 * Characters of request lines in one digest. Its copy in Correspondence is
 * one cell, and a Sheets cell holds at most 50,000 characters; the template's
 * own words and the problems section need the rest.
 */
export const DIGEST_MAX_LIST_CHARS = 30_000;

export interface DigestEntry {
  requestId: string;
  flag: FlagKey;
  detail?: string;
  candidate: string;
  board: string;
  /** Subject, component and service, as the officer knows the request. */
  about: string;
}

/** A flag with what the officer needs to find the request: its ID, the candidate and the board. */
export function digestEntry(req: PostResultsRequest, flag: Flag): DigestEntry {
  const service = isServiceCode(req.service) ? CATALOGUE[req.service].name.toLowerCase() : req.service;
  const about = [[req.subject, req.component].filter((s) => s.trim() !== '').join(' '), service]
    .filter((s) => s.trim() !== '')
    .join(', ');
  return {
    requestId: req.requestId,
    flag: flag.flag,
    detail: flag.detail,
    candidate: `${req.forename} ${req.surname}`.trim(),
    board: req.board,
    about,
  };
}

function line(e: DigestEntry): string {
  const tail = [e.about, e.detail].filter((s): s is string => s !== undefined && s.trim() !== '').join('; ');
  return `- ${e.requestId} ${e.candidate} (${e.board})${tail ? `: ${tail}` : ''}`;
}

/**
 * The digest's text: a heading per thing to do, then one '- ' line per
 * request; then any problems the add-on itself had since the last digest.
 * Null when there is nothing to say: no digest is sent on a quiet day.
 */
export function digestText(
  entries: readonly DigestEntry[],
  problems: readonly string[] = [],
  /** Whole blocks of other things to do (unpaid requests), after the flags. */
  more: readonly string[] = [],
): string | null {
  const blocks: string[] = [];
  let budget = DIGEST_MAX_LIST_CHARS;
  for (const group of DIGEST_GROUPS) {
    const mine = entries.filter((e) => group.flags.includes(e.flag));
    if (mine.length === 0) continue;
    const shown: string[] = [];
    for (const e of mine.slice(0, DIGEST_LINES_PER_GROUP)) {
      const text = line(e);
      if (text.length + 1 > budget) break;
      budget -= text.length + 1;
      shown.push(text);
    }
    if (mine.length > shown.length) {
      const rest = mine.length - shown.length;
      shown.push(
        shown.length === 0
          ? `- ${rest} ${rest === 1 ? 'request' : 'requests'}: filter the Flags column of the logs to see them.`
          : `- …and ${rest} more: filter the Flags column of the logs to see them all.`,
      );
    }
    blocks.push([`${group.heading} (${mine.length})`, ...shown].join('\n'));
  }
  blocks.push(...more);
  if (problems.length > 0) {
    blocks.push(
      ['The add-on had problems (nothing was changed by a run that failed):', ...problems.map((p) => `- ${p}`)].join(
        '\n',
      ),
    );
  }
  return blocks.length === 0 ? null : blocks.join('\n\n');
}

// ---------------------------------------------------------------------------
// Unpaid requests: chased in the digest, never flagged on the row (payment is not the board's business).
// ---------------------------------------------------------------------------

/**
 * Requests with a fee still marked unpaid more than `days` after they were
 * received, oldest first. A withdrawn or closed request is not chased.
 */
export function unpaidRequests(
  requests: readonly PostResultsRequest[],
  today: IsoDate,
  days: number,
): PostResultsRequest[] {
  return requests
    .filter(
      (r) =>
        r.paid === 'no' &&
        r.fee !== null &&
        r.fee > 0 &&
        r.status !== 'Withdrawn' &&
        r.status !== 'Closed' &&
        isIsoDate(r.received) &&
        daysBetween(r.received, today) > days,
    )
    .sort((a, b) => (a.received < b.received ? -1 : a.received > b.received ? 1 : 0));
}

/** The digest's block for unpaid requests, or null when none is overdue. */
export function unpaidDigestBlock(unpaid: readonly PostResultsRequest[], days: number): string | null {
  if (unpaid.length === 0) return null;
  const lines = unpaid
    .slice(0, DIGEST_LINES_PER_GROUP)
    .map(
      (r) =>
        `- ${r.requestId} ${`${r.forename} ${r.surname}`.trim()} (${r.board}): ${formatMoney(r.fee ?? 0)} unpaid since ${formatUkDate(r.received)}`,
    );
  if (unpaid.length > lines.length)
    lines.push(`- …and ${unpaid.length - lines.length} more: filter Paid = no in the logs.`);
  return [
    `Unpaid more than ${days} days: ask for payment or import the payment report (${unpaid.length})`,
    ...lines,
  ].join('\n');
}

/**
 * The digest's block for online applications waiting on the Applications
 * page (neither taken nor rejected), or null when none waits.
 */
export function applicationsDigestBlock(waiting: number): string | null {
  if (!(waiting > 0)) return null;
  const n = waiting === 1 ? '1 online application waits' : `${waiting} online applications wait`;
  return [
    `Online applications to approve or reject (${waiting})`,
    `- ${n} in the form's responses sheet: open Extensions › Post-Results Tracker › Applications (online form).`,
  ].join('\n');
}
