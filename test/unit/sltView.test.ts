/**
 * The SLT view's rows: the dashboard's figures and nothing a senior leader
 * must not see, from a season whose candidates have names, emails, UCIs and
 * notes; and who the file is shared with.
 */
import { dashboardFigures, NEEDS_ATTENTION_LIMIT } from '../../src/domain/dashboard';
import { DASHBOARD_TITLE, layoutDashboard } from '../../src/domain/dashboardLayout';
import {
  SLT_VIEW_COLUMNS,
  SLT_VIEW_ROWS,
  WITHHELD,
  planSharing,
  sltViewRows,
  viewText,
} from '../../src/domain/sltView';
import { FLAGS, type PostResultsRequest } from '../../src/domain/types';
import { request } from './requestFixture';

const TODAY = '2026-09-03';

function season(n: number): PostResultsRequest[] {
  return Array.from({ length: n }, (_, i) =>
    request({
      requestId: `R-2026-${String(i + 1).padStart(4, '0')}`,
      candidateNumber: String(1000 + i),
      forename: `Zelda${i}`,
      surname: `Quixote${i}`,
      email: `zelda${i}@students.example.org`,
      uci: `6819902${String(1000 + i)}5K`.slice(0, 13),
      teacherEmail: `teacher${i}@hilltop.example.org`,
      notes: `Mother rang on 01234 567890, private note ${i}`,
      subject: ['Chemistry', 'Biology', 'History'][i % 3],
      status: 'Submitted',
      submittedToBoard: '2026-08-21',
      flags:
        i % 2 === 0
          ? `${FLAGS.notAcknowledged}; Call Zelda${i}'s dad`
          : `${FLAGS.refundDue} (zelda${i}@students.example.org)`,
    }),
  );
}

function cells(rows: (string | number)[][]): string[] {
  return rows.flat().map(String);
}

describe('the SLT view rows', () => {
  const rows = season(30);
  const view = sltViewRows(dashboardFigures(rows, TODAY), '03/09/2026 07:00');
  const text = cells(view).join('\n');

  it('hold no email address, UCI, candidate name, candidate number or note', () => {
    expect(text).not.toContain('@');
    for (const r of rows) {
      expect(text).not.toContain(r.forename);
      expect(text).not.toContain(r.surname);
      expect(text).not.toContain(r.uci);
      expect(text).not.toContain(r.notes);
    }
    expect(text).not.toMatch(/private note|01234|dad/);
    // The candidate numbers would be the only 4-digit cells: none is a cell on its own.
    expect(cells(view).filter((c) => /^1\d{3}$/.test(c))).toEqual([]);
  });

  it('keep the figures of the dashboard and the daily check’s own labels', () => {
    const dashboard = layoutDashboard(dashboardFigures(rows, TODAY), '03/09/2026 07:00').values;
    expect(view[0][0]).toBe(DASHBOARD_TITLE);
    expect(view[1].slice(0, 2)).toEqual(['Last refreshed', '03/09/2026 07:00']);
    // Everything above the needs-attention list is the dashboard's, line for line (but the intro).
    const attention = dashboard.findIndex((r) => String(r[0]).startsWith('Needs attention'));
    expect(view.slice(4, attention)).toEqual(dashboard.slice(4, attention));
    expect(view[attention + 1].slice(0, 4)).toEqual(['Request ID', 'Subject', 'Since', 'What is needed']);
    const first = view[attention + 2];
    expect(first[0]).toMatch(/^R-2026-\d{4}$/);
    expect([FLAGS.notAcknowledged, FLAGS.refundDue]).toContain(first[3]);
  });

  it('are always the same size, so one write replaces yesterday’s whole view', () => {
    for (const n of [0, 3, 30, NEEDS_ATTENTION_LIMIT + 40]) {
      const v = sltViewRows(dashboardFigures(season(n), TODAY), 'x');
      expect(v).toHaveLength(SLT_VIEW_ROWS);
      for (const r of v) expect(r).toHaveLength(SLT_VIEW_COLUMNS);
    }
    const long = cells(sltViewRows(dashboardFigures(season(NEEDS_ATTENTION_LIMIT + 40), TODAY), 'x'));
    expect(long).toContain('… and 40 more: see the Flags column of the logs.');
  });

  it('withhold a subject or request ID someone typed an address or a UCI into', () => {
    const typed = [
      request({
        requestId: 'ask sam@x.org',
        subject: 'sam.pupil@example.org',
        status: 'Received',
        deadline: '2026-09-04',
      }),
      request({
        requestId: 'R-2026-0002',
        subject: 'Maths 68199 0 26 1000 K',
        status: 'Received',
        deadline: '2026-09-04',
      }),
    ];
    const v = cells(sltViewRows(dashboardFigures(typed, TODAY), 'x'));
    expect(v.join('\n')).not.toMatch(/@|68199 0 26/);
    expect(v.filter((c) => c === WITHHELD).length).toBeGreaterThanOrEqual(3);
    expect(viewText('Chemistry')).toBe('Chemistry');
  });
});

describe('sharing the SLT view', () => {
  it('adds only the viewers who cannot open it yet, whatever the case of their address', () => {
    const plan = planSharing(
      ['Head@Hilltop.example.org', 'deputy@hilltop.example.org', 'deputy@hilltop.example.org'],
      [
        { type: 'user', role: 'owner', emailAddress: 'exams@hilltop.example.org' },
        { type: 'user', role: 'reader', emailAddress: 'head@hilltop.example.org' },
      ],
    );
    expect(plan.add).toEqual(['deputy@hilltop.example.org']);
    expect(plan.notInSettings).toEqual([]);
  });

  it('never removes anyone: a reader no longer in SLT viewers is only reported', () => {
    const plan = planSharing(
      ['head@hilltop.example.org'],
      [
        { type: 'user', role: 'owner', emailAddress: 'exams@hilltop.example.org' },
        { type: 'user', role: 'reader', emailAddress: 'head@hilltop.example.org' },
        { type: 'user', role: 'reader', emailAddress: 'governor@hilltop.example.org' },
        { type: 'user', role: 'writer', emailAddress: 'it@hilltop.example.org' },
      ],
    );
    expect(plan).toEqual({ add: [], notInSettings: ['governor@hilltop.example.org'] });
  });
});
