/**
 * A realistic season for the SLT dashboard tests, written straight into the
 * logs (one setValues per log), with the count a careful officer would make
 * by hand from the same rows, worked out here without the add-on's code.
 *
 * Today is Thursday 17 September 2026: the general review deadline (Thursday
 * 24 September, domain.md §2) is exactly a week away, the priority deadline
 * (20 August) long gone. Grades are on their qualification's scale (§7).
 */
import type { GasEnvironment } from '../../emulator/gas';
import { SHEET } from '../../src/domain/schema';

export const TODAY = '2026-09-17';
/** 09:00 in London (BST). */
export const NOW = '2026-09-17T08:00:00Z';
export const BOARDS = ['AQA', 'OCR', 'Pearson Edexcel', 'WJEC Eduqas', 'CCEA'] as const;
export const STATUSES = ['Received', 'Submitted', 'Acknowledged', 'Outcome received', 'Closed', 'Withdrawn'] as const;

const FLAG = {
  notAcknowledged: 'Not acknowledged by the board',
  deadlineNear: 'Board deadline near: not yet submitted',
  deadlinePassed: 'Board deadline passed: not submitted',
  outcomeOverdue: 'Outcome overdue',
  refundDue: 'Refund due',
  updateMis: 'Update MIS',
  issueSor: 'Issue updated SoR',
  appealWindowClosing: 'Appeal window closing',
};

interface Paper {
  qualification: string;
  subject: string;
  component: string;
}
const PAPERS: Record<(typeof BOARDS)[number], Paper[]> = {
  AQA: [
    { qualification: 'GCE A level', subject: 'Chemistry', component: '7405/1' },
    { qualification: 'GCSE', subject: 'English Language', component: '8700/1' },
    { qualification: 'GCSE', subject: 'History', component: '8145/1' },
    { qualification: 'GCE A level', subject: 'Psychology', component: '7182/2' },
  ],
  OCR: [
    { qualification: 'GCE A level', subject: 'Computer Science', component: 'H446/01' },
    { qualification: 'GCSE', subject: 'Physics', component: 'J249/02' },
    { qualification: 'Cambridge Nationals', subject: 'Sport Science', component: 'R180' },
  ],
  'Pearson Edexcel': [
    { qualification: 'GCE A level', subject: 'Mathematics', component: '9MA0/01' },
    { qualification: 'GCSE', subject: 'Geography', component: '1GA0/02' },
    { qualification: 'BTEC Nationals', subject: 'Business', component: 'Unit 2' },
  ],
  'WJEC Eduqas': [
    { qualification: 'GCSE', subject: 'English Literature', component: 'C720U1' },
    { qualification: 'GCE A level', subject: 'Film Studies', component: 'A670U1' },
  ],
  CCEA: [
    { qualification: 'GCE A level', subject: 'Biology', component: 'ABY11' },
    { qualification: 'GCE AS', subject: 'Religious Studies', component: 'SRS11' },
    { qualification: 'GCE AS', subject: 'Music', component: 'SMU11' },
  ],
};

/** The grade a candidate had, and what a review that raised or lowered it gave. */
const GRADES: Record<string, { was: string; up: string; down: string }> = {
  'GCE A level': { was: 'B', up: 'A', down: 'C' },
  'GCE AS': { was: 'C', up: 'B', down: 'D' },
  GCSE: { was: '5', up: '6', down: '4' },
  'BTEC Nationals': { was: 'Merit', up: 'Distinction', down: 'Pass' },
  'Cambridge Nationals': { was: 'Level 2 Merit', up: 'Level 2 Distinction', down: 'Level 2 Pass' },
};

/** The officer's research in Services: AQA's published fees, the other boards' as the officer found them. */
const FEES: Record<string, Record<string, number>> = {
  'review-of-marking': { AQA: 48.65, OCR: 46.5, 'Pearson Edexcel': 45.9, 'WJEC Eduqas': 44, CCEA: 41.2 },
  'clerical-recheck': { AQA: 8.7, OCR: 0, 'Pearson Edexcel': 9.6, 'WJEC Eduqas': 8.4, CCEA: 7.9 },
  'priority-review-of-marking': { AQA: 57.85, OCR: 55.2, 'Pearson Edexcel': 54.6, 'WJEC Eduqas': 53, CCEA: 50.1 },
  appeal: { AQA: 120.05, OCR: 118, 'Pearson Edexcel': 115.5, 'WJEC Eduqas': 110, CCEA: 105 },
};

export type Move = 'raised' | 'lowered' | 'mark' | 'none';

interface Scenario {
  name: string;
  service: string;
  status: (typeof STATUSES)[number];
  deadline: string;
  paid: 'yes' | 'no' | 'waived';
  move?: Move;
  submitted?: string;
  acknowledged?: string;
  outcome?: string;
  refundIssued?: string;
  flags?: (deadline: string) => string;
}

/*
 * Sixteen ways a request can stand in mid-September: 16 and the five boards
 * share no factor, so every board meets every one.
 */
const SCENARIOS: readonly Scenario[] = [
  {
    name: 'due within the week',
    service: 'review-of-marking',
    status: 'Received',
    deadline: '2026-09-24',
    paid: 'yes',
  },
  {
    name: 'due within the week, flagged',
    service: 'clerical-recheck',
    status: 'Received',
    deadline: '2026-09-24',
    paid: 'yes',
    flags: () => `${FLAG.deadlineNear} (deadline 24/09/2026)`,
  },
  {
    name: 'deadline missed',
    service: 'priority-review-of-marking',
    status: 'Received',
    deadline: '2026-08-20',
    paid: 'yes',
    flags: () => `${FLAG.deadlinePassed} (deadline 20/08/2026)`,
  },
  { name: 'no deadline yet', service: 'late-certification', status: 'Received', deadline: '', paid: 'no' },
  {
    name: 'just submitted',
    service: 'review-of-marking',
    status: 'Submitted',
    deadline: '2026-09-24',
    paid: 'yes',
    submitted: '2026-09-16',
  },
  {
    name: 'board silent',
    service: 'clerical-recheck',
    status: 'Submitted',
    deadline: '2026-09-24',
    paid: 'yes',
    submitted: '2026-09-01',
    flags: () => `${FLAG.notAcknowledged} (submitted 01/09/2026)`,
  },
  {
    name: 'acknowledged',
    service: 'review-of-marking',
    status: 'Acknowledged',
    deadline: '2026-09-24',
    paid: 'yes',
    submitted: '2026-09-08',
    acknowledged: '2026-09-09',
  },
  {
    name: 'outcome overdue',
    service: 'review-of-marking',
    status: 'Acknowledged',
    deadline: '2026-09-24',
    paid: 'yes',
    submitted: '2026-08-21',
    acknowledged: '2026-08-24',
    flags: () => `${FLAG.outcomeOverdue} (due 10/09/2026)`,
  },
  {
    name: 'moderation with the board',
    service: 'review-of-moderation',
    status: 'Acknowledged',
    deadline: '2026-09-24',
    paid: 'waived',
    submitted: '2026-09-02',
    acknowledged: '2026-09-03',
  },
  {
    name: 'grade raised, refund due',
    service: 'review-of-marking',
    status: 'Outcome received',
    deadline: '2026-09-24',
    paid: 'yes',
    move: 'raised',
    submitted: '2026-08-24',
    acknowledged: '2026-08-25',
    outcome: '2026-09-14',
    flags: () => `${FLAG.refundDue}; ${FLAG.updateMis}; ${FLAG.issueSor}`,
  },
  {
    name: 'grade lowered, fee waived',
    service: 'review-of-marking',
    status: 'Outcome received',
    deadline: '2026-09-24',
    paid: 'waived',
    move: 'lowered',
    submitted: '2026-08-24',
    acknowledged: '2026-08-25',
    outcome: '2026-09-15',
    flags: () => `${FLAG.updateMis}; ${FLAG.issueSor}`,
  },
  {
    name: 'mark changed',
    service: 'clerical-recheck',
    status: 'Outcome received',
    deadline: '2026-09-24',
    paid: 'yes',
    move: 'mark',
    submitted: '2026-08-27',
    acknowledged: '2026-08-28',
    outcome: '2026-09-04',
    flags: () => `${FLAG.appealWindowClosing} (closes 04/10/2026)`,
  },
  {
    name: 'no change',
    service: 'review-of-marking',
    status: 'Outcome received',
    deadline: '2026-09-24',
    paid: 'yes',
    move: 'none',
    submitted: '2026-08-24',
    acknowledged: '2026-08-26',
    outcome: '2026-09-11',
  },
  {
    name: 'raised, refunded and closed',
    service: 'review-of-marking',
    status: 'Closed',
    deadline: '2026-09-24',
    paid: 'yes',
    move: 'raised',
    submitted: '2026-08-21',
    acknowledged: '2026-08-24',
    outcome: '2026-09-07',
    refundIssued: '2026-09-09',
  },
  {
    name: 'appeal dismissed, closed',
    service: 'appeal',
    status: 'Closed',
    deadline: '',
    paid: 'yes',
    move: 'none',
    submitted: '2026-08-28',
    acknowledged: '2026-08-31',
    outcome: '2026-09-10',
  },
  { name: 'withdrawn', service: 'review-of-marking', status: 'Withdrawn', deadline: '2026-09-24', paid: 'yes' },
];

const SCRIPT_SCENARIOS: readonly Scenario[] = [
  { name: 'script asked for', service: 'ats-copy', status: 'Received', deadline: '2026-10-30', paid: 'no' },
  {
    name: 'priority copy asked of the board',
    service: 'ats-priority-copy',
    status: 'Submitted',
    deadline: '2026-09-24',
    paid: 'no',
    submitted: '2026-09-14',
  },
  {
    name: 'script received',
    service: 'ats-copy',
    status: 'Outcome received',
    deadline: '2026-10-30',
    paid: 'no',
    submitted: '2026-08-24',
    acknowledged: '2026-08-25',
    outcome: '2026-09-02',
  },
  {
    name: 'original script, closed',
    service: 'ats-original',
    status: 'Closed',
    deadline: '2026-10-30',
    paid: 'no',
    submitted: '2026-08-24',
    outcome: '2026-09-01',
  },
  { name: 'script withdrawn', service: 'ats-copy', status: 'Withdrawn', deadline: '2026-10-30', paid: 'no' },
  {
    name: 'script due within the week',
    service: 'ats-priority-copy',
    status: 'Received',
    deadline: '2026-09-24',
    paid: 'no',
  },
];

const SURNAMES = ['Ahmed', 'Brown', 'Campbell', "O'Neill", 'Davies', 'Evans', 'Fernández', 'Green', 'Khan', 'Nowak'];
const FORENAMES = ['Amy', 'Ben', 'Chloé', 'Dev', 'Ella', 'Finn', 'Grace', 'Hari', 'Isla', 'Jack', 'Kai'];

export interface SeasonRow {
  record: Record<string, string | number | boolean>;
  scenario: string;
  move?: Move;
}

/** `n` requests for a log, every board and scenario in turn. */
export function seasonRows(n: number, log: 'Requests' | 'Access to scripts'): SeasonRow[] {
  const scenarios = log === SHEET.requests ? SCENARIOS : SCRIPT_SCENARIOS;
  const prefix = log === SHEET.requests ? 'R' : 'S';
  const rows: SeasonRow[] = [];
  for (let i = 0; i < n; i++) {
    const board = BOARDS[i % BOARDS.length];
    const papers = PAPERS[board];
    const paper = papers[Math.floor(i / BOARDS.length) % papers.length];
    const s = scenarios[i % scenarios.length];
    const g = GRADES[paper.qualification];
    const newGrade = !s.outcome || !s.move ? '' : s.move === 'raised' ? g.up : s.move === 'lowered' ? g.down : g.was;
    const newMark = !s.outcome || !s.move ? '' : { raised: '66', lowered: '57', mark: '62', none: '61' }[s.move];
    const candidate = String(1000 + (i % 9000));
    const fee = FEES[s.service]?.[board];
    const forename = FORENAMES[i % FORENAMES.length];
    const surname = SURNAMES[(i * 3) % SURNAMES.length];
    rows.push({
      scenario: s.name,
      move: s.outcome ? s.move : undefined,
      record: {
        'Request ID': `${prefix}-2026-${String(i + 1).padStart(5, '0')}`,
        Received: '2026-08-21',
        'Candidate number': candidate,
        Surname: surname,
        Forename: forename,
        Email: `${candidate}.${forename.toLowerCase().replace(/[^a-z]/g, '')}@students.hilltop.example.org`,
        UCI: `68199001${candidate}G`,
        Board: board,
        Qualification: paper.qualification,
        Subject: paper.subject,
        Component: paper.component,
        Series: 'June 2026',
        Service: s.service,
        'Requested by': 'candidate',
        Consent: true,
        'Consent date': '2026-08-21',
        Fee: fee === undefined ? '' : fee,
        Paid: s.paid,
        Deadline: s.deadline,
        'Results issued': paper.qualification === 'GCSE' ? '2026-08-20' : '2026-08-13',
        'Submitted to board': s.submitted ?? '',
        'Board reference': s.submitted ? `EAR${100000 + i}` : '',
        Acknowledged: s.acknowledged ?? '',
        'Outcome received': s.outcome ?? '',
        'Original grade': log === SHEET.requests ? g.was : '',
        'New grade': newGrade,
        'Original mark': log === SHEET.requests ? '61' : '',
        'New mark': newMark,
        'Script link': log === SHEET.scripts && s.outcome ? 'https://drive.example.org/script' : '',
        'Refund issued': s.refundIssued ?? '',
        'MIS updated': s.refundIssued ?? '',
        'SoR issued': s.refundIssued ?? '',
        Status: s.status,
        Flags: s.flags ? s.flags(s.deadline) : '',
        Notes: i % 13 === 0 ? 'Parent phoned 01234 567890' : '',
      },
    });
  }
  return rows;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Writes the rows under a log's headers (found by name) in one setValues:
 * dates as real dates (noon UTC keeps the London day), text as plain text.
 */
export function writeLog(env: GasEnvironment, log: string, rows: readonly SeasonRow[]): void {
  if (rows.length === 0) return;
  const sheet = env.spreadsheet.getSheetByName(log)!;
  const headers = sheet
    .getRange(1, 1, 1, sheet.getLastColumn())
    .getValues()[0]
    .map((h) => String(h));
  if (sheet.getMaxRows() < rows.length + 1)
    sheet.insertRowsAfter(sheet.getMaxRows(), rows.length + 1 - sheet.getMaxRows());
  const range = sheet.getRange(2, 1, rows.length, headers.length);
  range.setNumberFormats(
    rows.map((r) =>
      headers.map((h) => {
        const v = r.record[h];
        return typeof v === 'string' && ISO.test(v) ? 'dd/mm/yyyy' : typeof v === 'number' ? '£#,##0.00' : '@';
      }),
    ),
  );
  range.setValues(
    rows.map((r) =>
      headers.map((h) => {
        const v = r.record[h] ?? '';
        return typeof v === 'string' && ISO.test(v) ? new Date(`${v}T12:00:00Z`) : v;
      }),
    ),
  );
}

const REVIEWS = [
  'clerical-recheck',
  'review-of-marking',
  'priority-review-of-marking',
  'review-of-moderation',
  'appeal',
];
const open = (r: SeasonRow) => r.record.Status !== 'Closed' && r.record.Status !== 'Withdrawn';
const pence = (v: unknown) => (typeof v === 'number' ? Math.round(v * 100) : 0);

/** The officer's count by hand. */
export function expectedFigures(rows: readonly SeasonRow[]) {
  const boardStatus = new Map<string, Record<string, number>>();
  for (const b of [...BOARDS, 'Other boards']) boardStatus.set(b, Object.fromEntries(STATUSES.map((s) => [s, 0])));
  const services = new Map<string, number>();
  const subjects = new Map<string, { reviews: number; changed: number; raised: number; lowered: number }>();
  const moves: Record<Move, number> = { raised: 0, lowered: 0, mark: 0, none: 0 };
  const money = { taken: 0, takenCount: 0, waived: 0, waivedCount: 0, due: 0, dueCount: 0, issued: 0, issuedCount: 0 };
  const waiting = { ack: 0, outcome: 0, overdueAck: 0, overdueOutcome: 0, soon: 0, passed: 0 };
  const attention: string[] = [];
  const inAWeek = '2026-09-24';
  // By the Qualification the season types (PAPERS): GCSE, GCE A level and GCE AS, and the vocational ones together.
  const levelName = (q: string) =>
    q === 'GCSE' ? 'GCSE' : q === 'GCE A level' || q === 'GCE AS' ? 'AS/A level' : 'Other or not known';
  const levels = new Map(
    ['GCSE', 'AS/A level', 'Other or not known'].map((l) => [l, { requests: 0, reviews: 0, changed: 0, raised: 0 }]),
  );

  for (const r of rows) {
    const x = r.record;
    const status = String(x.Status);
    const level = levels.get(levelName(String(x.Qualification)))!;
    level.requests++;
    boardStatus.get(String(x.Board))![status]++;
    services.set(String(x.Service), (services.get(String(x.Service)) ?? 0) + 1);
    if (x.Paid === 'yes' && pence(x.Fee) > 0) {
      money.taken += pence(x.Fee);
      money.takenCount++;
    }
    if (x.Paid === 'waived' && pence(x.Fee) > 0) {
      money.waived += pence(x.Fee);
      money.waivedCount++;
    }
    if (x['Refund issued'] !== '' && pence(x.Fee) > 0) {
      money.issued += pence(x.Fee);
      money.issuedCount++;
    }
    const changed = r.move === 'raised' || r.move === 'lowered';
    if (changed && x.Paid === 'yes' && pence(x.Fee) > 0 && x['Refund issued'] === '') {
      money.due += pence(x.Fee);
      money.dueCount++;
    }
    if (status !== 'Withdrawn' && REVIEWS.includes(String(x.Service))) {
      const s = subjects.get(String(x.Subject)) ?? { reviews: 0, changed: 0, raised: 0, lowered: 0 };
      s.reviews++;
      if (changed) s.changed++;
      if (r.move === 'raised') s.raised++;
      if (r.move === 'lowered') s.lowered++;
      subjects.set(String(x.Subject), s);
      if (r.move) moves[r.move]++;
      level.reviews++;
      if (changed) level.changed++;
      if (r.move === 'raised') level.raised++;
    }
    if (status === 'Submitted') waiting.ack++;
    if (status === 'Acknowledged') waiting.outcome++;
    const flags = String(x.Flags);
    if (open(r) && flags.includes(FLAG.notAcknowledged)) waiting.overdueAck++;
    if (open(r) && flags.includes(FLAG.outcomeOverdue)) waiting.overdueOutcome++;
    const deadline = String(x.Deadline);
    const soon = status === 'Received' && deadline !== '' && deadline >= TODAY && deadline <= inAWeek;
    const passed = status === 'Received' && deadline !== '' && deadline < TODAY;
    if (soon) waiting.soon++;
    if (passed) waiting.passed++;
    if (open(r) && (flags !== '' || soon || passed)) attention.push(String(x['Request ID']));
  }
  return { boardStatus, services, subjects, levels, moves, money, waiting, attention };
}
