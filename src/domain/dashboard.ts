/**
 * The senior leaders' view: how the season is going and where the risks are,
 * worked out from the two logs' rows and today's date.
 *
 * Pure. The adapter reads each log once, passes the rows here, and writes the
 * returned grid in one go. SLT see counts and subjects; the only names are in
 * the "needs attention" list (request ID, candidate name, subject, what is
 * needed, since when): never an email, a candidate number or a UCI.
 *
 * The daily check is the one authority on what is overdue at a board: this
 * module counts its labels in the Flags column rather than working the
 * acknowledgement and turnaround rules out a second time.
 */
import { addDays, isIsoDate } from './calendar';
import { formatUkDate } from './formats';
import { CATALOGUE, isServiceCode } from './catalogue';
import { levelOf } from './levels';
import { refundFor } from './followUps';
import { classifyOutcome, isGradeChange, type OutcomeKind } from './outcomes';
import { isReview } from './stages';
import {
  FLAGS,
  KNOWN_BOARDS,
  SERVICE_CODES,
  STATUSES,
  type FlagLabel,
  type IsoDate,
  type PostResultsRequest,
  type Status,
} from './types';

/** The columns of a log row the dashboard reads. */
export type DashboardRow = Pick<
  PostResultsRequest,
  | 'requestId'
  | 'forename'
  | 'surname'
  | 'board'
  | 'qualification'
  | 'subject'
  | 'service'
  | 'status'
  | 'flags'
  | 'received'
  | 'deadline'
  | 'submittedToBoard'
  | 'acknowledged'
  | 'outcomeReceived'
  | 'originalGrade'
  | 'newGrade'
  | 'originalMark'
  | 'newMark'
  | 'fee'
  | 'paid'
  | 'refundIssued'
>;

/** "Deadlines in the next 7 days": today and the seven days after it. */
export const DEADLINE_WINDOW_DAYS = 7;
/** Subjects shown by name (and charted); the rest are summed on one line, so the chart's rows never move. */
export const TOP_SUBJECTS = 10;
/** Needs-attention lines written; beyond this SLT are pointed to the logs, so the sheet stays a glance. */
export const NEEDS_ATTENTION_LIMIT = 100;
export const OTHER_BOARDS = 'Other boards';

export type StatusCounts = Record<Status, number>;

export interface BoardFigures {
  board: string;
  byStatus: StatusCounts;
  total: number;
}

export interface ServiceFigures {
  /** A service's name as the officer sees it, or 'Service not recognised'. */
  label: string;
  count: number;
}

export interface ReviewOutcomes {
  raised: number;
  lowered: number;
  /** The grade changed but the grades as typed do not say which way. */
  changedUnclear: number;
  /** Same grade, different mark. */
  markChanged: number;
  /** Same grade, same mark (or no marks to compare). */
  noChange: number;
  /** An outcome date with the original or new grade missing: cannot be judged. */
  incomplete: number;
}

export interface SubjectFigures extends ReviewOutcomes {
  subject: string;
  /** Reviews and appeals asked for, not counting withdrawn ones. */
  reviews: number;
  /** No outcome recorded yet. */
  awaitingOutcome: number;
  /** Raised, lowered or changed either way. */
  gradeChanged: number;
}

/** The levels SLT compare; every other level, and a qualification the add-on cannot place, is the third. */
export const DASHBOARD_LEVELS = ['GCSE', 'AS/A level', 'Other or not known'] as const;
export type DashboardLevel = (typeof DASHBOARD_LEVELS)[number];

/** The main counts for one level, read from the log's Qualification column (levelOf). */
export interface LevelFigures {
  level: DashboardLevel;
  /** Every request logged, as "Requests logged" counts them. */
  requests: number;
  /** Reviews and appeals asked for, not counting withdrawn ones. */
  reviews: number;
  withOutcome: number;
  gradeChanged: number;
  raised: number;
  lowered: number;
  awaitingOutcome: number;
}

export function dashboardLevel(qualification: string): DashboardLevel {
  const level = levelOf(qualification);
  if (level === 'gcse') return 'GCSE';
  if (level === 'a-level') return 'AS/A level';
  return 'Other or not known';
}

export interface Money {
  count: number;
  /** GBP, to the penny. */
  amount: number;
}

export interface AttentionItem {
  requestId: string;
  /** Forename and surname: the one place a name appears on the dashboard. */
  candidate: string;
  subject: string;
  /** What is needed, in the daily check's words, joined by '; '. */
  needed: string;
  /** The date the oldest of those needs started ('' when the log gives none). */
  since: IsoDate | '';
}

export interface DashboardFigures {
  today: IsoDate;
  total: number;
  byStatus: StatusCounts;
  /** The five boards in the contract's order, then every other board together. */
  byBoard: BoardFigures[];
  /** Every service in catalogue order, then any the log holds that is not a service code. */
  byService: ServiceFigures[];
  /** Subjects with at least one review, most reviews first. */
  bySubject: SubjectFigures[];
  /** GCSE, AS/A level, then the rest, always all three (in that order). */
  byLevel: LevelFigures[];
  outcomes: ReviewOutcomes & { withOutcome: number; gradeChanged: number };
  waiting: {
    awaitingAcknowledgement: number;
    awaitingOutcome: number;
    total: number;
    overdueAcknowledgement: number;
    overdueOutcome: number;
    /** Any request overdue for either (a request is counted once). */
    overdue: number;
    deadlineSoonNotSubmitted: number;
    deadlinePassedNotSubmitted: number;
  };
  money: { feesTaken: Money; feesWaived: Money; refundsDue: Money; refundsIssued: Money };
  /** Oldest first. */
  needsAttention: AttentionItem[];
}

function zeroStatuses(): StatusCounts {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;
}

function zeroOutcomes(): ReviewOutcomes {
  return { raised: 0, lowered: 0, changedUnclear: 0, markChanged: 0, noChange: 0, incomplete: 0 };
}

function countOutcome(into: ReviewOutcomes, kind: OutcomeKind | null): void {
  switch (kind) {
    case 'grade-raised':
      into.raised++;
      break;
    case 'grade-lowered':
      into.lowered++;
      break;
    case 'grade-changed':
      into.changedUnclear++;
      break;
    case 'mark-changed':
      into.markChanged++;
      break;
    case 'no-change':
      into.noChange++;
      break;
    default:
      into.incomplete++;
  }
}

const KNOWN_LABELS: readonly FlagLabel[] = Object.values(FLAGS);

export interface FlagEntry {
  /** The daily check's label, or null for something an officer typed. */
  label: FlagLabel | null;
  /** As written, detail included: 'Refund due (£48.65)'. */
  text: string;
}

/**
 * A Flags cell as the daily check writes it: labels, each perhaps followed by
 * its detail in brackets, joined by '; '. A label counts only when it is the
 * whole entry or is followed by its detail, never as part of other words.
 */
export function parseFlags(cell: string): FlagEntry[] {
  const seen = new Set<string>();
  const entries: FlagEntry[] = [];
  for (const raw of String(cell ?? '').split(';')) {
    const text = raw.trim();
    if (text === '' || seen.has(text)) continue;
    seen.add(text);
    const label = KNOWN_LABELS.find((l) => text === l || text.startsWith(`${l} (`)) ?? null;
    entries.push({ label, text });
  }
  return entries;
}

function compact(text: string): string {
  return String(text ?? '')
    .trim()
    .replace(/\s+/g, ' ');
}

function boardName(board: string): string {
  const key = compact(board).toLowerCase();
  return KNOWN_BOARDS.find((b) => b.toLowerCase() === key) ?? OTHER_BOARDS;
}

/** Whole pence, so a season of £8.70s adds up to the penny. */
function pence(fee: number | null): number {
  return fee === null || !Number.isFinite(fee) || fee <= 0 ? 0 : Math.round(fee * 100);
}

function add(money: { count: number; pence: number }, fee: number | null): void {
  money.count++;
  money.pence += pence(fee);
}

const isOpen = (r: DashboardRow) => r.status !== 'Withdrawn' && r.status !== 'Closed';

/** Which date each need counts from, for "since when". */
const NEED_STARTS: Readonly<Record<FlagLabel, (r: DashboardRow) => string>> = {
  [FLAGS.notAcknowledged]: (r) => r.submittedToBoard,
  [FLAGS.outcomeOverdue]: (r) => r.acknowledged || r.submittedToBoard,
  [FLAGS.deadlineNear]: (r) => r.received,
  [FLAGS.deadlinePassed]: (r) => r.received,
  [FLAGS.refundDue]: (r) => r.outcomeReceived,
  [FLAGS.updateMis]: (r) => r.outcomeReceived,
  [FLAGS.issueSor]: (r) => r.outcomeReceived,
  [FLAGS.followUpOverdue]: (r) => r.outcomeReceived,
  [FLAGS.appealWindowClosing]: (r) => r.outcomeReceived,
  [FLAGS.serviceUnknown]: (r) => r.received,
};

type DeadlineState = 'soon' | 'passed' | null;

/** Only a request not yet sent to the board can miss its deadline. */
function deadlineState(r: DashboardRow, today: IsoDate): DeadlineState {
  if (r.status !== 'Received' || !isIsoDate(r.deadline)) return null;
  if (r.deadline < today) return 'passed';
  return r.deadline <= addDays(today, DEADLINE_WINDOW_DAYS) ? 'soon' : null;
}

/**
 * What an open request needs: the daily check's flags, plus a board deadline
 * in the next week (or passed) that the check has not flagged yet because it
 * has not run since the request was logged.
 */
function attentionFor(r: DashboardRow, today: IsoDate): AttentionItem | null {
  if (!isOpen(r)) return null;
  // Only the daily check's own words: whatever else an officer typed in Flags is not for SLT.
  const entries = parseFlags(r.flags).filter((e) => e.label !== null);
  const deadline = deadlineState(r, today);
  const flagged = entries.some((e) => e.label === FLAGS.deadlineNear || e.label === FLAGS.deadlinePassed);
  if (deadline !== null && !flagged) {
    // Worded as the daily check words it, so the list reads the same before and after its next run.
    const label = deadline === 'soon' ? FLAGS.deadlineNear : FLAGS.deadlinePassed;
    entries.push({ label, text: `${label} (deadline ${formatUkDate(r.deadline)})` });
  }
  if (entries.length === 0) return null;
  const starts = entries
    .map((e) => (e.label === null ? '' : NEED_STARTS[e.label](r)))
    .filter((d): d is IsoDate => isIsoDate(d))
    .sort();
  return {
    requestId: compact(r.requestId),
    candidate: compact(`${r.forename} ${r.surname}`),
    subject: compact(r.subject),
    needed: entries.map((e) => e.text).join('; '),
    since: starts[0] ?? (isIsoDate(r.received) ? r.received : ''),
  };
}

function money(m: { count: number; pence: number }): Money {
  return { count: m.count, amount: m.pence / 100 };
}

/** An outcome counts only for a review still asked for: a withdrawn request has none. */
function outcomeOf(r: DashboardRow): OutcomeKind | null {
  return r.status === 'Withdrawn' ? null : classifyOutcome(r);
}

/** Reviews and appeals asked for, not counting withdrawn ones: the requests with a grade outcome. */
function isLiveReview(r: DashboardRow): boolean {
  return r.status !== 'Withdrawn' && isReview(r.service);
}

/** Every request once, under its status. */
export function countByStatus(rows: readonly DashboardRow[]): StatusCounts {
  const byStatus = zeroStatuses();
  for (const r of rows) byStatus[r.status]++;
  return byStatus;
}

/** The five boards in the contract's order, then every other board together, each by status. */
export function countByBoard(rows: readonly DashboardRow[]): BoardFigures[] {
  const boards = new Map<string, BoardFigures>(
    [...KNOWN_BOARDS, OTHER_BOARDS].map((b) => [b, { board: b, byStatus: zeroStatuses(), total: 0 }]),
  );
  for (const r of rows) {
    const board = boards.get(boardName(r.board)) as BoardFigures;
    board.byStatus[r.status]++;
    board.total++;
  }
  return [...boards.values()];
}

/** Every service in catalogue order, then one line for what the log holds that is not a service. */
export function countByService(rows: readonly DashboardRow[]): ServiceFigures[] {
  const services = new Map<string, number>(SERVICE_CODES.map((c) => [c, 0]));
  let unknownServices = 0;
  for (const r of rows) {
    if (isServiceCode(r.service)) services.set(r.service, (services.get(r.service) ?? 0) + 1);
    else unknownServices++;
  }
  const byService: ServiceFigures[] = SERVICE_CODES.map((c) => ({
    label: CATALOGUE[c].name,
    count: services.get(c) ?? 0,
  }));
  byService.push({ label: 'Service not recognised', count: unknownServices });
  return byService;
}

/** Subjects with at least one review, most reviews first, then most grades changed. */
export function reviewsBySubject(rows: readonly DashboardRow[]): SubjectFigures[] {
  const subjects = new Map<string, SubjectFigures>();
  for (const r of rows) {
    if (!isLiveReview(r)) continue;
    const key = compact(r.subject).toLowerCase();
    let s = subjects.get(key);
    if (!s) {
      s = {
        subject: compact(r.subject) || '(subject not given)',
        reviews: 0,
        awaitingOutcome: 0,
        gradeChanged: 0,
        ...zeroOutcomes(),
      };
      subjects.set(key, s);
    }
    s.reviews++;
    if (isIsoDate(r.outcomeReceived)) {
      const kind = outcomeOf(r);
      countOutcome(s, kind);
      if (isGradeChange(kind)) s.gradeChanged++;
    } else {
      s.awaitingOutcome++;
    }
  }
  return [...subjects.values()].sort(
    (a, b) => b.reviews - a.reviews || b.gradeChanged - a.gradeChanged || a.subject.localeCompare(b.subject),
  );
}

/** GCSE, AS/A level, then the rest, always all three: requests, reviews and their outcomes. */
export function figuresByLevel(rows: readonly DashboardRow[]): LevelFigures[] {
  const levels = new Map<DashboardLevel, LevelFigures>(
    DASHBOARD_LEVELS.map((level) => [
      level,
      { level, requests: 0, reviews: 0, withOutcome: 0, gradeChanged: 0, raised: 0, lowered: 0, awaitingOutcome: 0 },
    ]),
  );
  for (const r of rows) {
    const level = levels.get(dashboardLevel(r.qualification)) as LevelFigures;
    level.requests++;
    if (!isLiveReview(r)) continue;
    level.reviews++;
    if (isIsoDate(r.outcomeReceived)) {
      const kind = outcomeOf(r);
      level.withOutcome++;
      if (isGradeChange(kind)) level.gradeChanged++;
      if (kind === 'grade-raised') level.raised++;
      if (kind === 'grade-lowered') level.lowered++;
    } else {
      level.awaitingOutcome++;
    }
  }
  return [...levels.values()];
}

/** What the reviews with an outcome came to: raised, lowered, unchanged… */
export function reviewOutcomes(rows: readonly DashboardRow[]): DashboardFigures['outcomes'] {
  const outcomes = zeroOutcomes();
  let withOutcome = 0;
  for (const r of rows) {
    if (!isLiveReview(r) || !isIsoDate(r.outcomeReceived)) continue;
    withOutcome++;
    countOutcome(outcomes, outcomeOf(r));
  }
  return { ...outcomes, withOutcome, gradeChanged: outcomes.raised + outcomes.lowered + outcomes.changedUnclear };
}

/**
 * Requests waiting on a board, overdue by the daily check's flags, and board
 * deadlines soon or missed with nothing submitted.
 */
export function waitingOnBoards(rows: readonly DashboardRow[], today: IsoDate): DashboardFigures['waiting'] {
  const waiting = {
    awaitingAcknowledgement: 0,
    awaitingOutcome: 0,
    total: 0,
    overdueAcknowledgement: 0,
    overdueOutcome: 0,
    overdue: 0,
    deadlineSoonNotSubmitted: 0,
    deadlinePassedNotSubmitted: 0,
  };
  for (const r of rows) {
    if (r.status === 'Submitted') waiting.awaitingAcknowledgement++;
    if (r.status === 'Acknowledged') waiting.awaitingOutcome++;
    if (isOpen(r)) {
      const labels = parseFlags(r.flags).map((e) => e.label);
      const ack = labels.includes(FLAGS.notAcknowledged);
      const out = labels.includes(FLAGS.outcomeOverdue);
      if (ack) waiting.overdueAcknowledgement++;
      if (out) waiting.overdueOutcome++;
      if (ack || out) waiting.overdue++;
    }
    const deadline = deadlineState(r, today);
    if (deadline === 'soon') waiting.deadlineSoonNotSubmitted++;
    if (deadline === 'passed') waiting.deadlinePassedNotSubmitted++;
  }
  waiting.total = waiting.awaitingAcknowledgement + waiting.awaitingOutcome;
  return waiting;
}

/** Fees taken and waived, refunds due and issued: how many, and how much to the penny. */
export function moneyFigures(rows: readonly DashboardRow[]): DashboardFigures['money'] {
  const cash = {
    feesTaken: { count: 0, pence: 0 },
    feesWaived: { count: 0, pence: 0 },
    refundsDue: { count: 0, pence: 0 },
    refundsIssued: { count: 0, pence: 0 },
  };
  for (const r of rows) {
    // Money taken stays taken when a request is later withdrawn; what happens to it then is the officer's note.
    if (r.paid === 'yes' && pence(r.fee) > 0) add(cash.feesTaken, r.fee);
    if (r.paid === 'waived' && pence(r.fee) > 0) add(cash.feesWaived, r.fee);
    if (isIsoDate(r.refundIssued) && pence(r.fee) > 0) add(cash.refundsIssued, r.fee);
    if (isGradeChange(outcomeOf(r)) && refundFor(r).due && !isIsoDate(r.refundIssued)) add(cash.refundsDue, r.fee);
  }
  return {
    feesTaken: money(cash.feesTaken),
    feesWaived: money(cash.feesWaived),
    refundsDue: money(cash.refundsDue),
    refundsIssued: money(cash.refundsIssued),
  };
}

/** Every open request that needs something, oldest need first; one without a date goes last. */
export function needsAttention(rows: readonly DashboardRow[], today: IsoDate): AttentionItem[] {
  const attention: AttentionItem[] = [];
  for (const r of rows) {
    const item = attentionFor(r, today);
    if (item) attention.push(item);
  }
  return attention.sort(
    (a, b) =>
      (a.since === '' ? 1 : 0) - (b.since === '' ? 1 : 0) ||
      a.since.localeCompare(b.since) ||
      a.requestId.localeCompare(b.requestId),
  );
}

export function dashboardFigures(rows: readonly DashboardRow[], today: IsoDate): DashboardFigures {
  return {
    today,
    total: rows.length,
    byStatus: countByStatus(rows),
    byBoard: countByBoard(rows),
    byService: countByService(rows),
    bySubject: reviewsBySubject(rows),
    byLevel: figuresByLevel(rows),
    outcomes: reviewOutcomes(rows),
    waiting: waitingOnBoards(rows, today),
    money: moneyFigures(rows),
    needsAttention: needsAttention(rows, today),
  };
}
