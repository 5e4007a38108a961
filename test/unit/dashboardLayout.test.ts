/**
 * The dashboard's grid: one rectangle written in one go, the charts' cells in
 * the same place whatever the season holds, and no personal data beyond the
 * needs-attention list.
 */
import { dashboardFigures, NEEDS_ATTENTION_LIMIT, TOP_SUBJECTS } from '../../src/domain/dashboard';
import {
  a1,
  CHART_TITLES,
  FIGURE_COLUMN_WIDTH,
  LABEL_COLUMN_WIDTH,
  columnWidths,
  textWidth,
  DASHBOARD_TITLE,
  DASHBOARD_WIDTH,
  dashboardCharts,
  layoutDashboard,
  type DashboardLayout,
} from '../../src/domain/dashboardLayout';
import { FLAGS, STATUSES, type PostResultsRequest } from '../../src/domain/types';
import { request } from './requestFixture';

const TODAY = '2026-09-03';
const SUBJECTS = ['Art', 'Biology', 'Chemistry', 'Drama', 'English', 'French', 'Geography', 'History', 'Latin'];

function season(n: number): PostResultsRequest[] {
  return Array.from({ length: n }, (_, i) =>
    request({
      requestId: `R-2026-${String(i + 1).padStart(4, '0')}`,
      candidateNumber: String(1000 + i),
      email: `c${i}@students.example.org`,
      uci: `68199001${String(1000 + i)}X`,
      surname: `Surname${i}`,
      subject: `${SUBJECTS[i % SUBJECTS.length]} ${Math.floor(i / SUBJECTS.length) % 3}`,
      board: ['AQA', 'OCR', 'Pearson Edexcel', 'WJEC Eduqas', 'CCEA'][i % 5],
      status: i % 4 === 0 ? 'Submitted' : 'Received',
      submittedToBoard: i % 4 === 0 ? '2026-08-21' : '',
      flags: i % 8 === 0 ? FLAGS.notAcknowledged : '',
    }),
  );
}

const layout = (rows: PostResultsRequest[]) => layoutDashboard(dashboardFigures(rows, TODAY), '03/09/2026 07:00');

/** The value to the right of a label in column A. */
function beside(l: DashboardLayout, label: string, column = 1): unknown {
  const r = l.values.find((row) => row[0] === label);
  if (!r) throw new Error(`No line "${label}"`);
  return r[column];
}

describe('the dashboard grid', () => {
  it('is one rectangle, eight columns wide, with a kind and a weight for every cell', () => {
    const l = layout(season(40));
    for (const grid of [l.values, l.kinds, l.bold]) {
      expect(grid).toHaveLength(l.values.length);
      for (const r of grid) expect(r).toHaveLength(DASHBOARD_WIDTH);
    }
    expect(l.values[0][0]).toBe(DASHBOARD_TITLE);
    expect(l.values[1].slice(0, 2)).toEqual(['Last refreshed', '03/09/2026 07:00']);
  });

  it('stores counts as numbers, money as money and everything else as plain text', () => {
    const l = layout(season(10));
    l.values.forEach((r, i) =>
      r.forEach((v, c) => {
        const kind = l.kinds[i][c];
        if (typeof v === 'number') expect(['number', 'money']).toContain(kind);
        else expect(kind).toBe('text');
      }),
    );
    const money = l.values.findIndex((r) => r[0] === 'Fees taken (Paid: yes)');
    expect(l.kinds[money].slice(0, 3)).toEqual(['text', 'number', 'money']);
    expect(l.values[money].slice(0, 3)).toEqual(['Fees taken (Paid: yes)', 10, 486.5]);
  });

  it('keeps the charts’ cells in the same place for an empty season and a full one', () => {
    const empty = layout([]);
    const full = layout(season(300));
    expect(full.charts).toEqual(empty.charts);
    expect(dashboardCharts()).toEqual(empty.charts);
    expect(empty.charts.map((c) => c.title)).toEqual([CHART_TITLES.statusByBoard, CHART_TITLES.outcomesBySubject]);
  });

  it('charts requests by status per board from the board table: every board, every status', () => {
    const l = layout(season(25));
    const [block] = l.charts[0].ranges;
    const cells = l.values.slice(block.row - 1, block.row - 1 + block.numRows).map((r) => r.slice(0, block.numColumns));
    expect(cells[0]).toEqual(['Board', ...STATUSES]);
    expect(cells.slice(1).map((r) => r[0])).toEqual([
      'AQA',
      'OCR',
      'Pearson Edexcel',
      'WJEC Eduqas',
      'CCEA',
      'Other boards',
    ]);
    // 25 requests, five per board: 7 submitted (i % 4 === 0), the rest received.
    const aqa = cells[1];
    expect(aqa.slice(1, 3)).toEqual([3, 2]);
  });

  it('charts outcomes by subject on a fixed number of subject rows, blank when there are fewer subjects', () => {
    const l = layout(season(4));
    const [labels, figures] = l.charts[1].ranges;
    expect(labels.numRows).toBe(TOP_SUBJECTS + 1);
    expect(figures.numColumns).toBe(4);
    const header = l.values[labels.row - 1];
    expect(header[0]).toBe('Subject');
    expect(header.slice(figures.column - 1, figures.column - 1 + 4)).toEqual([
      'Grade raised',
      'Grade lowered',
      'Mark changed, grade unchanged',
      'No change',
    ]);
    const subjects = l.values.slice(labels.row, labels.row + TOP_SUBJECTS).map((r) => r[0]);
    expect(subjects.filter((s) => s !== '')).toHaveLength(4);
  });

  it('sums the subjects beyond the top ten on one line', () => {
    const l = layout(season(27)); // 27 different subjects, one review each
    const other = l.values.find((r) => String(r[0]).startsWith('All other subjects'))!;
    expect(other.slice(0, 2)).toEqual([`All other subjects (${27 - TOP_SUBJECTS})`, 27 - TOP_SUBJECTS]);
  });

  it('shows the at-a-glance figures', () => {
    const l = layout(season(16));
    expect(beside(l, 'Requests logged')).toBe(16);
    expect(beside(l, 'Waiting on a board')).toBe(4);
    expect(beside(l, 'Overdue at a board (acknowledgement or outcome)')).toBe(2);
  });

  it('lists at most the first hundred requests that need attention and says how many more there are', () => {
    const l = layout(season(8 * (NEEDS_ATTENTION_LIMIT + 3)));
    const heading = l.values.findIndex((r) => String(r[0]).startsWith('Needs attention'));
    expect(l.values[heading][0]).toBe(`Needs attention (${NEEDS_ATTENTION_LIMIT + 3} requests)`);
    expect(l.values[heading + 1].slice(0, 5)).toEqual([
      'Request ID',
      'Candidate',
      'Subject',
      'Since',
      'What is needed',
    ]);
    const listed = l.values.slice(heading + 2).filter((r) => /^R-2026-/.test(String(r[0])));
    expect(listed).toHaveLength(NEEDS_ATTENTION_LIMIT);
    expect(listed[0].slice(1, 5)).toEqual(['Amy Surname0', 'Art 0', '21/08/2026', FLAGS.notAcknowledged]);
    expect(l.values[l.values.length - 1][0]).toBe('… and 3 more: see the Flags column of the logs.');
  });

  it('says so when nothing needs attention', () => {
    const l = layout([]);
    expect(l.values[l.values.length - 1][0]).toBe('Nothing needs attention today.');
  });

  it('shows no email address, candidate number or UCI anywhere', () => {
    const rows = season(60);
    const text = layout(rows).values.flat().map(String);
    for (const r of rows) {
      expect(text).not.toContain(r.email);
      expect(text).not.toContain(r.candidateNumber);
      expect(text).not.toContain(r.uci);
    }
    expect(text.join('\n')).not.toMatch(/@/);
  });
});

describe('A1 notation of a block', () => {
  it('names the block’s corners as Sheets does', () => {
    expect(a1({ row: 14, column: 1, numRows: 7, numColumns: 7 })).toBe('A14:G20');
    expect(a1({ row: 2, column: 27, numRows: 1, numColumns: 2 })).toBe('AA2:AB2');
  });
});

describe('column widths', () => {
  it('estimates wider text as wider, bold wider still, capitals wider than small letters, m wider than i', () => {
    expect(textWidth('Grade raised')).toBeLessThan(textWidth('Grade raised, mark changed'));
    expect(textWidth('Reviews', true)).toBeGreaterThan(textWidth('Reviews'));
    expect(textWidth('HHHH')).toBeGreaterThan(textWidth('hhhh'));
    expect(textWidth('mmmm')).toBeGreaterThan(textWidth('iiii'));
    expect(textWidth('')).toBe(12);
  });

  it('sizes each column to its longest label, within its bounds, leaving out lines that run on', () => {
    const widths = columnWidths(
      [
        ['A title far longer than any column should ever be made, running on across the row', '', ''],
        ['Short', 'Reviews', 3],
        ['A label of middling length', 'Mark changed, grade unchanged', 12345],
      ],
      [
        [true, false, false],
        [false, true, false],
        [false, false, false],
      ],
      [true, false, false],
    );
    expect(widths).toHaveLength(DASHBOARD_WIDTH);
    expect(widths[0]).toBe(Math.max(LABEL_COLUMN_WIDTH.min, textWidth('A label of middling length')));
    expect(widths[1]).toBe(textWidth('Mark changed, grade unchanged'));
    expect(widths[2]).toBe(FIGURE_COLUMN_WIDTH.min);
    expect(widths.slice(3)).toEqual(Array(DASHBOARD_WIDTH - 3).fill(FIGURE_COLUMN_WIDTH.min));
    const huge = columnWidths([['x'.repeat(500)]], [[false]], [false]);
    expect(huge[0]).toBe(LABEL_COLUMN_WIDTH.max);
  });

  it('makes every label and header of the dashboard fit, and wraps only what cannot', () => {
    const rows = season(40).map((r, i) =>
      i === 0 ? { ...r, flags: `${FLAGS.notAcknowledged}; ${FLAGS.outcomeOverdue}; ${FLAGS.refundDue} (£48.65)` } : r,
    );
    const grid: DashboardLayout = layout(rows);
    expect(grid.widths).toHaveLength(DASHBOARD_WIDTH);
    expect(grid.wrap).toHaveLength(grid.values.length);
    const needs = grid.values.findIndex((r) => r[0] === 'Request ID');
    grid.values.forEach((row, r) => {
      if (r >= needs) return;
      row.forEach((v, c) => {
        // Above the needs-attention list every label fits on one line, or runs on as a heading does.
        if (typeof v === 'string' && v !== '' && grid.values[r].slice(1).some((x) => x !== '')) {
          expect([v, textWidth(v, grid.bold[r][c]) <= grid.widths[c]]).toEqual([v, true]);
        }
      });
      expect(grid.wrap[r].every((w) => !w)).toBe(true);
    });
    const listed = grid.values.slice(needs + 1);
    const wrapped = listed.filter((_, i) => grid.wrap[needs + 1 + i][4]).map((r) => r[4]);
    expect(wrapped.length).toBeGreaterThan(0);
    for (const text of wrapped) expect(textWidth(String(text))).toBeGreaterThan(grid.widths[4]);
  });

  it('has a block by level, GCSE, AS/A level and the rest', () => {
    const grid = layout([request({ qualification: 'GCSE' }), request({ qualification: 'GCE A level' })]);
    const at = grid.values.findIndex((r) => r[0] === 'Level');
    expect(grid.values[at - 1][0]).toBe('By level (from the Qualification column)');
    expect(grid.values.slice(at + 1, at + 4).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['GCSE', 1, 1],
      ['AS/A level', 1, 1],
      ['Other or not known', 0, 0],
    ]);
  });
});
