/**
 * Where each figure of the SLT dashboard goes: one rectangular grid that the
 * adapter writes with a single setValues, and the cells each chart draws.
 *
 * The charts are built once by setUp on fixed cells, so everything above the
 * needs-attention list has a fixed size whatever the season holds: all five
 * boards and every status, every service, the top subjects on a fixed number
 * of rows (blank when there are fewer). Only the list at the bottom grows,
 * and it is capped. A refresh therefore only rewrites values.
 */
import { formatUkDate } from './formats';
import {
  NEEDS_ATTENTION_LIMIT,
  TOP_SUBJECTS,
  dashboardFigures,
  type DashboardFigures,
  type Money,
  type SubjectFigures,
} from './dashboard';
import type { ColumnKind } from './schema';
import { STATUSES } from './types';

export type DashboardValue = string | number;
/** How a cell is stored: text stays text (never a formula), counts are numbers, money is GBP. */
export type DashboardCellKind = Extract<ColumnKind, 'text' | 'number' | 'money'>;

/** 1-based, as Sheets counts. */
export interface GridBlock {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface DashboardChart {
  /** Also how setUp recognises the chart it built (by its title), so a second setUp builds no second chart. */
  title: string;
  /** The label column first, then the figures; the first row holds the series names. */
  ranges: GridBlock[];
  anchor: { row: number; column: number };
}

export interface DashboardLayout {
  values: DashboardValue[][];
  kinds: DashboardCellKind[][];
  bold: boolean[][];
  /** Cells whose text is wider than its column: wrapped onto more lines, never cut off. */
  wrap: boolean[][];
  /** Pixels for columns A to H, from the longest label each holds (see columnWidths). */
  widths: number[];
  charts: DashboardChart[];
}

export const DASHBOARD_TITLE = 'Post-results season: the senior leaders’ view';
/** Columns A to H hold the figures; the charts sit to their right. */
export const DASHBOARD_WIDTH = 8;
const CHART_COLUMN = DASHBOARD_WIDTH + 2;

export const CHART_TITLES = {
  statusByBoard: 'Requests by status, per board',
  outcomesBySubject: 'Review outcomes by subject',
} as const;

/** The narrowest and widest a column is made: A holds the labels, B to H the figures and their headers. */
export const LABEL_COLUMN_WIDTH = { min: 220, max: 440 } as const;
export const FIGURE_COLUMN_WIDTH = { min: 90, max: 240 } as const;

/*
 * Text widths in pixels for Sheets' default font (Arial 10), by kind of
 * character: close enough to size a column without measuring, which a script
 * cannot do. Bold is about a tenth wider. The padding is Sheets' cell inset.
 */
const NARROW = new Set(" .,:;'!|()[]ijlftrI-");
const WIDE = new Set('mwMW@%');
const CELL_PADDING = 12;

/** The estimated width in pixels of `text` in one line of a cell. */
export function textWidth(text: string, bold = false): number {
  let w = 0;
  for (const ch of text) {
    if (NARROW.has(ch)) w += 3.8;
    else if (WIDE.has(ch)) w += 11;
    else if (ch >= 'A' && ch <= 'Z') w += 8.9;
    else if (ch >= '0' && ch <= '9') w += 7.4;
    else w += 7;
  }
  return Math.ceil(w * (bold ? 1.1 : 1) + CELL_PADDING);
}

/**
 * Each column's width from the longest text it holds, within its bounds.
 * Rows that `span` (the title, notes, section headings) are left out: they
 * overflow into the empty cells to their right, as Sheets draws them.
 */
export function columnWidths(
  values: readonly DashboardValue[][],
  bold: readonly boolean[][],
  span: readonly boolean[],
): number[] {
  return Array.from({ length: DASHBOARD_WIDTH }, (_, c) => {
    const bounds = c === 0 ? LABEL_COLUMN_WIDTH : FIGURE_COLUMN_WIDTH;
    let widest = 0;
    values.forEach((row, r) => {
      if (span[r]) return;
      const text = String(row[c] ?? '');
      if (text !== '') widest = Math.max(widest, textWidth(text, bold[r][c]));
    });
    return Math.min(bounds.max, Math.max(bounds.min, widest));
  });
}

type Cell = DashboardValue | Money | null;

class Grid {
  readonly values: DashboardValue[][] = [];
  readonly kinds: DashboardCellKind[][] = [];
  readonly bold: boolean[][] = [];
  readonly span: boolean[] = [];

  /** The 1-based row the next line lands on. */
  get next(): number {
    return this.values.length + 1;
  }

  line(cells: readonly Cell[], bold = false, span = false): number {
    const values: DashboardValue[] = [];
    const kinds: DashboardCellKind[] = [];
    for (let c = 0; c < DASHBOARD_WIDTH; c++) {
      const cell = cells[c];
      if (cell === null || cell === undefined) {
        values.push('');
        kinds.push('text');
      } else if (typeof cell === 'object') {
        values.push(cell.amount);
        kinds.push('money');
      } else {
        values.push(cell);
        kinds.push(typeof cell === 'number' ? 'number' : 'text');
      }
    }
    this.values.push(values);
    this.kinds.push(kinds);
    this.bold.push(values.map(() => bold));
    this.span.push(span);
    return this.values.length;
  }

  /** A line of one text that runs on across the empty cells to its right. */
  note(text: string, bold = false): number {
    return this.line([text], bold, true);
  }

  heading(text: string): number {
    return this.note(text, true);
  }

  blank(): void {
    this.line([]);
  }
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function subjectLine(s: SubjectFigures | undefined): Cell[] {
  if (!s) return [];
  return [s.subject, s.reviews, s.gradeChanged, s.raised, s.lowered, s.markChanged, s.noChange, s.awaitingOutcome];
}

function sumSubjects(rest: readonly SubjectFigures[]): Cell[] {
  const total = (f: (s: SubjectFigures) => number) => rest.reduce((n, s) => n + f(s), 0);
  return [
    `All other subjects (${rest.length})`,
    total((s) => s.reviews),
    total((s) => s.gradeChanged),
    total((s) => s.raised),
    total((s) => s.lowered),
    total((s) => s.markChanged),
    total((s) => s.noChange),
    total((s) => s.awaitingOutcome),
  ];
}

/**
 * Who reads the grid: the `SLT dashboard` sheet inside the tracker, or the
 * separate "SLT view" spreadsheet, whose readers must not see a name.
 */
export type DashboardAudience = 'sheet' | 'view';

export const SLT_VIEW_INTRO =
  'Figures only, copied from the exams officer’s tracker by its daily check and by “Refresh SLT view”. No candidate’s name, email address or UCI is here.';

/**
 * The dashboard as a grid. `refreshedAt` is the time of this refresh as the
 * officer reads it (e.g. '21/08/2026 07:00'), already in the school's time zone.
 * For the 'view' the needs-attention list has no Candidate column.
 */
export function layoutDashboard(
  f: DashboardFigures,
  refreshedAt: string,
  audience: DashboardAudience = 'sheet',
): DashboardLayout {
  const g = new Grid();
  g.note(DASHBOARD_TITLE, true);
  g.line(['Last refreshed', refreshedAt]);
  g.note(
    audience === 'view'
      ? SLT_VIEW_INTRO
      : 'Figures only, refreshed by the daily check, after each recorded outcome and by “Refresh SLT view”. Anything typed here is replaced.',
  );
  g.blank();

  g.heading('At a glance');
  g.line(['Requests logged', f.total]);
  g.line(['Waiting on a board', f.waiting.total]);
  g.line(['Overdue at a board (acknowledgement or outcome)', f.waiting.overdue]);
  g.line([`Board deadline in the next 7 days, nothing submitted yet`, f.waiting.deadlineSoonNotSubmitted]);
  g.line(['Grades changed by a review', f.outcomes.gradeChanged]);
  g.line(['Refunds due', f.money.refundsDue]);
  g.blank();

  g.heading('Requests by board and status');
  const boardHeader = g.line(['Board', ...STATUSES, 'Total'], true);
  for (const b of f.byBoard) g.line([b.board, ...STATUSES.map((s) => b.byStatus[s]), b.total]);
  const lastBoard = g.next - 1;
  g.line(['All boards', ...STATUSES.map((s) => f.byStatus[s]), f.total], true);
  g.blank();

  g.heading('Requests by service');
  g.line(['Service', 'Requests'], true);
  for (const s of f.byService) g.line([s.label, s.count]);
  g.blank();

  g.heading('Outcomes of reviews (re-checks, reviews of marking and moderation, appeals)');
  g.line(['Outcome', 'Requests'], true);
  g.line(['Grade raised', f.outcomes.raised]);
  g.line(['Grade lowered', f.outcomes.lowered]);
  g.line(['Grade changed (the grades as typed do not say which way)', f.outcomes.changedUnclear]);
  g.line(['Grade unchanged, mark changed', f.outcomes.markChanged]);
  g.line(['Grade unchanged, mark unchanged', f.outcomes.noChange]);
  g.line(['Outcome recorded without both grades', f.outcomes.incomplete]);
  g.line(['Reviews with an outcome', f.outcomes.withOutcome], true);
  g.blank();

  g.heading('Waiting on the boards');
  g.line(['Item', 'Requests'], true);
  g.line(['Submitted, waiting for the board to acknowledge', f.waiting.awaitingAcknowledgement]);
  g.line(['Acknowledged, waiting for the outcome', f.waiting.awaitingOutcome]);
  g.line(['Overdue for acknowledgement (flagged by the daily check)', f.waiting.overdueAcknowledgement]);
  g.line(['Overdue for an outcome (flagged by the daily check)', f.waiting.overdueOutcome]);
  g.line(['Board deadline in the next 7 days, nothing submitted yet', f.waiting.deadlineSoonNotSubmitted]);
  g.line(['Board deadline passed, nothing submitted', f.waiting.deadlinePassedNotSubmitted]);
  g.blank();

  g.heading('Money (GBP)');
  g.line(['Item', 'Requests', 'Amount'], true);
  const m = f.money;
  g.line(['Fees taken (Paid: yes)', m.feesTaken.count, m.feesTaken]);
  g.line(['Fees waived by the centre (Paid: waived)', m.feesWaived.count, m.feesWaived]);
  g.line(['Refunds due (grade changed, not yet refunded)', m.refundsDue.count, m.refundsDue]);
  g.line(['Refunds issued', m.refundsIssued.count, m.refundsIssued]);
  g.blank();

  g.heading(`Reviews by subject (the ${TOP_SUBJECTS} subjects with most reviews)`);
  const subjectHeader = g.line(
    [
      'Subject',
      'Reviews',
      'Grade changed',
      'Grade raised',
      'Grade lowered',
      'Mark changed, grade unchanged',
      'No change',
      'Awaiting outcome',
    ],
    true,
  );
  for (let i = 0; i < TOP_SUBJECTS; i++) g.line(subjectLine(f.bySubject[i]));
  const lastSubject = g.next - 1;
  g.line(sumSubjects(f.bySubject.slice(TOP_SUBJECTS)));
  g.blank();

  g.heading('By level (from the Qualification column)');
  g.line(
    [
      'Level',
      'Requests',
      'Reviews',
      'Reviews with an outcome',
      'Grade changed',
      'Grade raised',
      'Grade lowered',
      'Awaiting outcome',
    ],
    true,
  );
  for (const l of f.byLevel) {
    g.line([l.level, l.requests, l.reviews, l.withOutcome, l.gradeChanged, l.raised, l.lowered, l.awaitingOutcome]);
  }
  g.blank();

  const shown = f.needsAttention.slice(0, NEEDS_ATTENTION_LIMIT);
  g.heading(`Needs attention (${plural(f.needsAttention.length, 'request')})`);
  if (audience === 'view') {
    g.line(['Request ID', 'Subject', 'Since', 'What is needed'], true);
    for (const a of shown) g.line([a.requestId, a.subject, a.since ? formatUkDate(a.since) : '', a.needed]);
  } else {
    g.line(['Request ID', 'Candidate', 'Subject', 'Since', 'What is needed'], true);
    for (const a of shown)
      g.line([a.requestId, a.candidate, a.subject, a.since ? formatUkDate(a.since) : '', a.needed]);
  }
  if (f.needsAttention.length > shown.length) {
    g.note(`… and ${f.needsAttention.length - shown.length} more: see the Flags column of the logs.`);
  }
  if (f.needsAttention.length === 0) g.note('Nothing needs attention today.');

  const charts: DashboardChart[] = [
    {
      title: CHART_TITLES.statusByBoard,
      ranges: [{ row: boardHeader, column: 1, numRows: lastBoard - boardHeader + 1, numColumns: 1 + STATUSES.length }],
      anchor: { row: boardHeader - 1, column: CHART_COLUMN },
    },
    {
      title: CHART_TITLES.outcomesBySubject,
      ranges: [
        { row: subjectHeader, column: 1, numRows: lastSubject - subjectHeader + 1, numColumns: 1 },
        // Raised, lowered, mark changed and no change: the parts that make up a subject's outcomes.
        { row: subjectHeader, column: 4, numRows: lastSubject - subjectHeader + 1, numColumns: 4 },
      ],
      anchor: { row: subjectHeader - 1, column: CHART_COLUMN },
    },
  ];
  const widths = columnWidths(g.values, g.bold, g.span);
  const wrap = g.values.map((row, r) =>
    row.map((v, c) => !g.span[r] && typeof v === 'string' && v !== '' && textWidth(v, g.bold[r][c]) > widths[c]),
  );
  return { values: g.values, kinds: g.kinds, bold: g.bold, wrap, widths, charts };
}

/**
 * The charts' cells, the same for every season (they lie above the only part
 * of the grid that grows), for setUp to build the charts on.
 */
export function dashboardCharts(): DashboardChart[] {
  return layoutDashboard(dashboardFigures([], '2026-01-01'), '').charts;
}

/** A1 notation of a block, e.g. 'A13:G19'. */
export function a1(block: GridBlock): string {
  const col = (n: number): string => {
    let s = '';
    for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
    return s;
  };
  return `${col(block.column)}${block.row}:${col(block.column + block.numColumns - 1)}${block.row + block.numRows - 1}`;
}
