/**
 * A season's logs at any size, written the fast way: one setNumberFormats and
 * one setValues per sheet, straight into the stand-in, so a 50,000-row
 * workbook takes seconds to make. The rows look like a real season: names in
 * filing order, a spread of boards, services and statuses, dates that agree
 * with each status, and enough requests in every state that the daily check,
 * the dashboard and the outcome path all have work to do.
 *
 * Shared by `npm run bench` and the reliability tests (which import it from
 * test/reliability), so both measure the same kind of data.
 */
import { createGasEnvironment, type GasEnvironment, type SerializedWorkbook } from '../emulator/gas';
import { loadBundle } from '../emulator/gas/loadBundle';
import { addDays } from '../src/domain/calendar';
import { LOG_COLUMNS, SHEET, type ColumnKind } from '../src/domain/schema';
import { sortKey } from '../src/domain/sortKey';

/** Number format per column kind, as the add-on writes them (src/sheets/cells.ts NUMBER_FORMAT). */
const FORMAT: Readonly<Record<ColumnKind, string>> = {
  text: '@',
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
  money: '£#,##0.00',
  number: '0',
  boolean: 'General',
};

const SURNAMES = [
  'Adams', 'Ahmed', 'Ali', 'Begum', 'Bennett', 'Brown', 'Campbell', "O'Brien", 'Clarke', 'Davies', 'Edwards',
  'Evans', 'Fernández', 'Green', 'Hall', 'Harris', 'Hughes', 'Jackson', 'James', 'Jones', 'Khan', 'Kowalski',
  'Lewis', 'Macdonald', 'McDonald', 'Martin', 'Morgan', 'Nowak', 'Patel', 'Phillips', 'Roberts', 'Robinson',
  'Shah', 'Singh', 'Smith', 'Smith-Jones', 'Taylor', 'Thomas', 'Thompson', 'Walker', 'Ward', 'White', 'Williams',
  'Wilson', 'Wood', 'Wright', 'Young', 'Zielińska',
]; // prettier-ignore
const FORENAMES = [
  'Aaliyah', 'Amelia', 'Amir', 'Amy', 'Ava', 'Chloé', 'Daniel', 'Ella', 'Ethan', 'Freya', 'George', 'Grace',
  'Hannah', 'Harry', 'Isla', 'Jack', 'Jacob', 'Leo', 'Lily', 'Mia', 'Mohammed', 'Noah', 'Oliver', 'Olivia',
  'Oscar', 'Priya', 'Ruby', 'Sophie', 'Theo', 'Zara',
]; // prettier-ignore

interface Paper {
  board: string;
  qualification: string;
  subject: string;
  component: string;
}
const PAPERS: readonly Paper[] = [
  { board: 'AQA', qualification: 'GCE A level', subject: 'Chemistry', component: '7405/1' },
  { board: 'AQA', qualification: 'GCE A level', subject: 'Chemistry', component: '7405/2' },
  { board: 'AQA', qualification: 'GCE A level', subject: 'Biology', component: '7402/1' },
  { board: 'AQA', qualification: 'GCSE', subject: 'English Language', component: '8700/1' },
  { board: 'AQA', qualification: 'GCSE', subject: 'Mathematics', component: '8300/1H' },
  { board: 'AQA', qualification: 'GCSE', subject: 'History', component: '8145/1' },
  { board: 'OCR', qualification: 'GCE A level', subject: 'Computer Science', component: 'H446/01' },
  { board: 'OCR', qualification: 'GCSE', subject: 'Physics', component: 'J249/02' },
  { board: 'Pearson Edexcel', qualification: 'GCE A level', subject: 'Mathematics', component: '9MA0/01' },
  { board: 'Pearson Edexcel', qualification: 'GCSE', subject: 'Geography', component: '1GA0/02' },
  { board: 'WJEC Eduqas', qualification: 'GCSE', subject: 'English Literature', component: 'C720U1' },
];

/** Services of the Requests log, weighted as a season runs: mostly reviews of marking. */
const REQUEST_SERVICES = [
  'review-of-marking', 'review-of-marking', 'review-of-marking', 'review-of-marking', 'clerical-recheck',
  'clerical-recheck', 'priority-review-of-marking', 'mir', 'review-of-moderation', 'late-certification',
]; // prettier-ignore
const SCRIPT_SERVICES = ['ats-copy', 'ats-copy', 'ats-priority-copy', 'ats-original'];
const FEES: Readonly<Record<string, number>> = {
  'review-of-marking': 48.65,
  'clerical-recheck': 8.7,
  'priority-review-of-marking': 57.85,
  appeal: 120.05,
  'late-certification': 7.35,
};
const GRADES = ['A*', 'A', 'B', 'C', 'D', 'E', '9', '8', '7', '6', '5', '4'];

/** A deterministic pseudo-random sequence, so every run measures the same workbook. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

export type LogRecord = Record<string, string | number | boolean>;

export interface SeasonOptions {
  /** The day the rows are "as of"; nothing in them is later. ISO. */
  today?: string;
  /** Which log the rows are for (decides services and the ID prefix). */
  log?: typeof SHEET.requests | typeof SHEET.scripts;
  seed?: number;
}

/**
 * `n` log rows as records keyed by header, sorted as the log keeps them
 * (surname, then forename). IDs are unique and count up in the order the
 * requests were received, as the add-on issues them.
 */
export function seasonRecords(n: number, options: SeasonOptions = {}): LogRecord[] {
  const today = options.today ?? '2026-09-15';
  const log = options.log ?? SHEET.requests;
  const random = seeded(options.seed ?? (log === SHEET.requests ? 11 : 29));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const resultsDay = '2026-08-13';
  const span = Math.max(1, Math.round((Date.parse(today) - Date.parse(resultsDay)) / 86400000));
  const rows: (LogRecord & { _received: string; _key: string })[] = [];
  for (let i = 0; i < n; i++) {
    const surname = pick(SURNAMES);
    const forename = pick(FORENAMES);
    const paper = pick(PAPERS);
    const service = log === SHEET.requests ? pick(REQUEST_SERVICES) : pick(SCRIPT_SERVICES);
    const received = addDays(resultsDay, Math.floor(random() * span));
    // Older requests are further along, as in a real season.
    const age = Math.round((Date.parse(today) - Date.parse(received)) / 86400000);
    const stage = Math.min(4, Math.floor((age / span) * 5 + random()));
    const withdrawn = random() < 0.02;
    const submitted = stage >= 1 ? addDays(received, 1) : '';
    const acknowledged = stage >= 2 ? addDays(received, 3) : '';
    const outcome = stage >= 3 ? addDays(received, Math.min(age, 12)) : '';
    const closed = stage >= 4;
    const originalGrade = pick(GRADES);
    const changed = outcome !== '' && random() < 0.2;
    const candidate = String(1 + Math.floor(random() * 9999)).padStart(4, '0');
    rows.push({
      _received: received,
      _key: sortKey(surname, forename),
      'Request ID': '',
      Received: received,
      'Candidate number': candidate,
      Surname: surname,
      Forename: forename,
      Email: `${candidate}.${forename.toLowerCase().replace(/[^a-z]/g, '')}@students.example.org`,
      UCI: '',
      Board: paper.board,
      Qualification: paper.qualification,
      Subject: paper.subject,
      Component: paper.component,
      Series: 'June 2026',
      Service: service,
      'Requested by': random() < 0.9 ? 'candidate' : 'teacher',
      'Teacher email': random() < 0.1 ? 'head.of.science@school.example.org' : '',
      Consent: service !== 'review-of-moderation' && service !== 'mir',
      'Consent date': service === 'review-of-moderation' || service === 'mir' ? '' : received,
      Fee: FEES[service] ?? 0,
      Paid: FEES[service] ? 'yes' : 'no',
      Deadline: service === 'priority-review-of-marking' ? '2026-08-20' : '2026-09-24',
      'Results issued': resultsDay,
      'Related request': '',
      'Priority reason': service === 'priority-review-of-marking' ? 'University place depends on it' : '',
      Indicator: service === 'mir' ? 'X' : '',
      'Submitted to board': submitted,
      'Board reference': submitted ? `BR${String(100000 + i)}` : '',
      Acknowledged: acknowledged,
      'Outcome received': outcome,
      'Original grade': originalGrade,
      'New grade': outcome === '' ? '' : changed ? pick(GRADES) : originalGrade,
      'Original mark': String(30 + Math.floor(random() * 60)),
      'New mark': outcome === '' ? '' : String(30 + Math.floor(random() * 60)),
      'Script link': '',
      'Refund issued': '',
      'MIS updated': closed && changed ? addDays(outcome, 2) : '',
      'SoR issued': '',
      Status: withdrawn
        ? 'Withdrawn'
        : closed
          ? 'Closed'
          : ['Received', 'Submitted', 'Acknowledged', 'Outcome received'][stage],
      Flags: '',
      Notes: random() < 0.05 ? 'Parent phoned to check progress' : '',
    });
  }
  const prefix = log === SHEET.requests ? 'R' : 'S';
  [...rows]
    .sort((a, b) => (a._received < b._received ? -1 : a._received > b._received ? 1 : 0))
    .forEach((r, i) => {
      r['Request ID'] = `${prefix}-2026-${String(i + 1).padStart(4, '0')}`;
    });
  rows.sort((a, b) => (a._key < b._key ? -1 : a._key > b._key ? 1 : 0));
  return rows.map(({ _received, _key, ...r }) => {
    void _received;
    void _key;
    return r;
  });
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** A record's value as the add-on would have written it: dates as Date at midnight UTC (London in August is BST, so noon keeps the day). */
function cellFor(value: unknown, kind: ColumnKind): unknown {
  if (value === undefined || value === null) return '';
  if (kind === 'date' && typeof value === 'string' && ISO.test(value)) return new Date(`${value}T12:00:00Z`);
  return value;
}

/**
 * Writes records below the header row of a set-up sheet, in its current
 * column order (found by header), with one format and one value write.
 * Columns the records do not name are left blank.
 */
export function writeRows(env: GasEnvironment, sheetName: string, records: readonly Record<string, unknown>[]): void {
  const sheet = env.spreadsheet.getSheetByName(sheetName);
  if (!sheet) throw new Error(`No sheet ${sheetName}; run setUp first`);
  if (records.length === 0) return;
  const headers = sheet
    .getRange(1, 1, 1, sheet.getLastColumn())
    .getValues()[0]
    .map((h) => String(h));
  const kinds = headers.map((h) => LOG_COLUMNS.find((c) => c.header === h)?.kind ?? 'text');
  const need = records.length + 1;
  if (sheet.getMaxRows() < need) sheet.insertRowsAfter(sheet.getMaxRows(), need - sheet.getMaxRows());
  const range = sheet.getRange(2, 1, records.length, headers.length);
  range.setNumberFormats(records.map(() => kinds.map((k) => FORMAT[k])));
  range.setValues(records.map((r) => headers.map((h, c) => cellFor(r[h], kinds[c]))));
}

/** `n` candidates for the Candidates sheet (results-day reminders go to each). */
export function candidateRecords(n: number): Record<string, string>[] {
  const random = seeded(7);
  const out: Record<string, string>[] = [];
  for (let i = 1; i <= n; i++) {
    const surname = SURNAMES[Math.floor(random() * SURNAMES.length)];
    const forename = FORENAMES[Math.floor(random() * FORENAMES.length)];
    const number = String(i).padStart(4, '0');
    out.push({
      'Candidate number': number,
      Surname: surname,
      Forename: forename,
      Email: `${number}.${forename.toLowerCase().replace(/[^a-z]/g, '')}@students.example.org`,
      'Parent email': `parent.${number}@home.example.org`,
      'Tutor group': `11${'ABCDEFGH'[i % 8]}`,
      UCI: '',
    });
  }
  return out;
}

/** What an officer fills in on the Settings sheet before the season (fictional centre). */
export const SCHOOL_SETTINGS: Readonly<Record<string, string>> = {
  'Centre name': 'Northfield Academy',
  'Centre number': '12345',
  'Centre address': '1 School Lane, Northfield, NF1 2AB',
  'Exams officer name': 'Sam Patel',
  'Exams officer email': 'exams@northfield.example.org',
  'SLT contact on results day': 'Ms J Okafor, Deputy Head, 01234 567890',
  'Enquiries contact': 'exams@northfield.example.org',
  'SLT viewers': 'head@northfield.example.org, deputy@northfield.example.org',
};

/** Fills in Settings values by key, as the officer types them (one write per row changed). */
export function fillSettings(env: GasEnvironment, values: Readonly<Record<string, string>> = SCHOOL_SETTINGS): void {
  const sheet = env.spreadsheet.getSheetByName(SHEET.settings);
  if (!sheet) throw new Error('No Settings sheet; run setUp first');
  const rows = sheet.getDataRange().getValues();
  const keyCol = rows[0].findIndex((h) => String(h).trim() === 'Setting');
  const valueCol = rows[0].findIndex((h) => String(h).trim() === 'Value');
  rows.forEach((r, i) => {
    const key = String(r[keyCol]).trim();
    if (i > 0 && key in values) sheet.getRange(i + 1, valueCol + 1).setValue(values[key]);
  });
}

export interface WorkbookSpec {
  /** Rows in Requests. */
  requests: number;
  /** Rows in Access to scripts; default a quarter of `requests`. */
  scripts?: number;
  candidates?: number;
  /** Virtual clock, UTC. */
  now?: string;
  htmlFiles?: Record<string, string>;
}

/**
 * A set-up workbook (setUp run by the built bundle) with the logs filled.
 * Returned as a snapshot, so each measured run can start from the same state.
 */
export function seasonWorkbook(distDir: string, spec: WorkbookSpec): SerializedWorkbook {
  const now = spec.now ?? '2026-09-15T06:00:00Z';
  const env = createGasEnvironment({ now, htmlFiles: spec.htmlFiles ?? {}, mailQuota: 1500 });
  const bundle = loadBundle(distDir, env);
  const setUp = bundle.setUp() as { ok: boolean; errors?: unknown };
  if (!setUp.ok) throw new Error(`setUp failed: ${JSON.stringify(setUp.errors)}`);
  fillSettings(env);
  const today = now.slice(0, 10);
  writeRows(env, SHEET.requests, seasonRecords(spec.requests, { today }));
  writeRows(
    env,
    SHEET.scripts,
    seasonRecords(spec.scripts ?? Math.floor(spec.requests / 4), { today, log: SHEET.scripts }),
  );
  if (spec.candidates) writeRows(env, SHEET.candidates, candidateRecords(spec.candidates));
  return env.serialize();
}
