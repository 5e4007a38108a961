/**
 * Candidates from the MIS: a CSV exported from SIMS, Arbor or Bromcom, read
 * into the `Candidates` sheet's columns. Pure: the adapter passes the file's
 * text and the sheet's rows, and gets back what would change.
 *
 * The officer's rules, as the add-on applies them:
 * - Columns are matched by header with the names MIS exports use. When two
 *   columns could fill one (Legal Surname and Preferred Surname), the legal
 *   one wins, as the boards know candidates by their legal names; the other
 *   is listed as not imported.
 * - An admission number (Adno) is the school's own number, not the exam
 *   candidate number; it is never taken for one.
 * - A candidate number that lost its leading zeros ('42' after a CSV went
 *   through Excel) can only mean 0042: it is read as such, with a warning.
 * - A row is refused, with its line in the file and every reason, when its
 *   candidate number is not 4 digits, its UCI has the wrong shape, an email
 *   is not an address, or the same candidate number came earlier in the file.
 * - Same candidate number as a row of the sheet: the row is updated with the
 *   file's values. A blank cell in the file never clears what the sheet holds,
 *   and nothing is ever deleted: a candidate missing from the file stays.
 */
import type { CsvRecord } from './csv';
import { readCsv } from './csv';
import { checkUci, normalizeUci } from './uci';
import { isEmailAddress, MAX_LENGTH } from './validation';

export const CANDIDATE_FIELDS = [
  'candidateNumber',
  'surname',
  'forename',
  'email',
  'parentEmail',
  'tutorGroup',
  'uci',
] as const;
export type CandidateField = (typeof CANDIDATE_FIELDS)[number];
export type Candidate = Record<CandidateField, string>;

/** The `Candidates` sheet header each field is written under. */
export const CANDIDATE_HEADERS: Readonly<Record<CandidateField, string>> = {
  candidateNumber: 'Candidate number',
  surname: 'Surname',
  forename: 'Forename',
  email: 'Email',
  parentEmail: 'Parent email',
  tutorGroup: 'Tutor group',
  uci: 'UCI',
};

/**
 * Header texts that MIS exports use for each field, best first, compared as
 * `headerWords` gives them (lower case, punctuation as spaces).
 */
export const HEADER_SYNONYMS: Readonly<Record<CandidateField, readonly string[]>> = {
  candidateNumber: [
    'candidate number',
    'exam candidate number',
    'examination candidate number',
    'candidate no',
    'exam candidate no',
    'cand no',
    'candidate num',
    'exam number',
    'exam no',
    'examination number',
  ],
  surname: ['legal surname', 'legal last name', 'surname', 'last name', 'family name', 'preferred surname'],
  forename: [
    'legal forename',
    'legal first name',
    'forename',
    'forenames',
    'first name',
    'given name',
    'preferred forename',
    'preferred first name',
  ],
  email: [
    'email',
    'email address',
    'e mail',
    'primary email',
    'primary email address',
    'pupil email',
    'student email',
    'candidate email',
    'school email',
    'contact email',
  ],
  parentEmail: [
    'parent email',
    'parent email address',
    'parent carer email',
    'parent or carer email',
    'primary contact email',
    'primary contact email address',
    'contact 1 email',
    'carer email',
  ],
  tutorGroup: [
    'tutor group',
    'reg group',
    'registration group',
    'registration form',
    'form',
    'form group',
    'tutor',
    'reg',
  ],
  uci: ['uci', 'unique candidate identifier', 'unique candidate id', 'unique candidate number'],
};

/** School numbers that are not the exam candidate number; named when no candidate number column is found. */
const NOT_CANDIDATE_NUMBERS = ['adno', 'admission number', 'admission no', 'adm no', 'upn', 'uln'];

export function headerWords(header: string): string {
  return String(header ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Each field's column: the first synonym (best first) whose header words match
 * a column not already claimed. `claimed` holds columns no field may take and
 * gains every column matched, so a caller can tell what was left over.
 */
export function columnsBySynonym<F extends string>(
  words: readonly string[],
  fields: readonly F[],
  synonyms: Readonly<Record<F, readonly string[]>>,
  claimed: Set<number> = new Set(),
): Partial<Record<F, number>> {
  const columns: Partial<Record<F, number>> = {};
  for (const field of fields) {
    for (const synonym of synonyms[field]) {
      const i = words.findIndex((w, j) => w === synonym && !claimed.has(j));
      if (i >= 0) {
        columns[field] = i;
        claimed.add(i);
        break;
      }
    }
  }
  return columns;
}

export interface HeaderMatch {
  /** 0-based column of the file for each field found. */
  columns: Partial<Record<CandidateField, number>>;
  /** Which header of the file fills which column of the sheet, in sheet order. */
  used: { header: string; column: string }[];
  /** Headers of the file that are not imported, as written in the file. */
  unmatched: string[];
}

export function matchHeaders(headers: readonly string[]): HeaderMatch {
  const words = headers.map(headerWords);
  const taken = new Set<number>();
  const columns = columnsBySynonym(words, CANDIDATE_FIELDS, HEADER_SYNONYMS, taken);
  const used = CANDIDATE_FIELDS.filter((f) => columns[f] !== undefined).map((f) => ({
    header: headers[columns[f] as number].trim(),
    column: CANDIDATE_HEADERS[f],
  }));
  const unmatched = headers.map((h) => h.trim()).filter((h, i) => h !== '' && !taken.has(i));
  return { columns, used, unmatched };
}

export interface LineNote {
  line: number;
  reason: string;
}

/** One data row of the file, checked on its own: the fields it gives (blank ones left out). */
export interface CheckedRow {
  line: number;
  values: Partial<Candidate>;
  reasons: string[];
  warnings: string[];
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/; // eslint-disable-line no-control-regex

const LABEL: Readonly<Record<CandidateField, string>> = {
  candidateNumber: 'candidate number',
  surname: 'surname',
  forename: 'forename',
  email: 'email',
  parentEmail: 'parent email',
  tutorGroup: 'tutor group',
  uci: 'UCI',
};

const LONGEST: Readonly<Record<CandidateField, number>> = {
  candidateNumber: 4,
  surname: MAX_LENGTH.surname,
  forename: MAX_LENGTH.forename,
  email: MAX_LENGTH.email,
  parentEmail: MAX_LENGTH.email,
  tutorGroup: 40,
  uci: MAX_LENGTH.uci,
};

/** checkUci's message without the UCI itself: refusals name the line, not the person's identifiers. */
function uciReason(message: string, uci: string): string {
  return message.replace(`The UCI ${uci} `, 'The UCI ').split(JSON.stringify(uci)).join('it').replace(/\.$/, '');
}

export function checkRow(record: CsvRecord, columns: Partial<Record<CandidateField, number>>): CheckedRow {
  const values: Partial<Candidate> = {};
  const reasons: string[] = [];
  const warnings: string[] = [];
  const cell = (f: CandidateField) => {
    const i = columns[f];
    return i === undefined ? '' : String(record.cells[i] ?? '').trim();
  };

  for (const f of CANDIDATE_FIELDS) {
    const v = cell(f);
    if (v === '' || f === 'candidateNumber') continue;
    if (CONTROL.test(v)) {
      reasons.push(`the ${LABEL[f]} runs over more than one line or holds a control character`);
      continue;
    }
    if (Array.from(v).length > LONGEST[f]) {
      reasons.push(`the ${LABEL[f]} is longer than ${LONGEST[f]} characters`);
      continue;
    }
    values[f] = v;
  }

  const number = cell('candidateNumber').replace(/\s+/g, '');
  if (number === '') reasons.push('there is no candidate number');
  else if (/^\d{4}$/.test(number)) values.candidateNumber = number;
  else if (/^\d{1,3}$/.test(number)) {
    values.candidateNumber = number.padStart(4, '0');
    warnings.push(
      'the candidate number had lost its leading zeros (a spreadsheet program drops them); it was read with zeros in front to make 4 digits',
    );
  } else if (/^\d{5,}$/.test(number)) {
    reasons.push(
      `the candidate number has ${number.length} digits; an exam candidate number has 4 (an admission number is not a candidate number)`,
    );
  } else reasons.push('the candidate number is not 4 digits');

  if (values.uci !== undefined) {
    const uci = normalizeUci(values.uci);
    const checked = checkUci(uci);
    if (checked.ok) values.uci = uci;
    else {
      delete values.uci;
      reasons.push(uciReason(checked.message, uci));
    }
  }
  if (values.email !== undefined && !isEmailAddress(values.email)) {
    delete values.email;
    reasons.push('the email is not an email address (like name@school.org.uk)');
  }
  if (values.parentEmail !== undefined) {
    const addresses = values.parentEmail
      .split(/[;,]/)
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (addresses.length === 0 || !addresses.every(isEmailAddress)) {
      delete values.parentEmail;
      reasons.push('the parent email is not an email address (like name@example.org)');
    } else {
      values.parentEmail = addresses[0];
      if (addresses.length > 1) {
        warnings.push(
          `the parent email cell holds ${addresses.length} addresses; the first is imported (the Candidates sheet keeps one)`,
        );
      }
    }
  }
  return { line: record.line, values, reasons, warnings };
}

/** A row of the `Candidates` sheet as the adapter read it (text values, blank as ''). */
export interface ExistingCandidate {
  /** Sheet row number. */
  row: number;
  values: Partial<Candidate>;
}

export interface CandidateUpdate {
  row: number;
  /** Only the fields that change, with their new values. */
  changes: Partial<Candidate>;
}

export interface ImportPlan {
  added: Candidate[];
  updated: CandidateUpdate[];
  unchanged: number;
  refused: LineNote[];
  warnings: LineNote[];
  unmatched: string[];
  used: { header: string; column: string }[];
  /** Line of the header row in the file. */
  headerLine: number;
}

export type ImportPlanAnswer = { ok: true; plan: ImportPlan } | { ok: false; message: string; unmatched: string[] };

function same(field: CandidateField, a: string, b: string): boolean {
  if (field === 'uci') return normalizeUci(a) === normalizeUci(b);
  return a.trim() === b.trim();
}

function isBlank(record: CsvRecord): boolean {
  return record.cells.every((c) => String(c).trim() === '');
}

/** How many rows at the top may be titles before the header row (SIMS reports put one or two). */
const HEADER_SEARCH_ROWS = 10;

/**
 * What importing `csvText` into the sheet would do. Nothing is decided by
 * position: the header row is the first line (of the first few) that names a
 * candidate number column; lines above it are report titles.
 */
export function planCandidateImport(csvText: string, existing: readonly ExistingCandidate[]): ImportPlanAnswer {
  const read = readCsv(csvText);
  if (!read.ok) return { ok: false, message: read.message, unmatched: [] };
  const nonBlank = read.records.filter((r) => !isBlank(r));
  const headerIndex = nonBlank
    .slice(0, HEADER_SEARCH_ROWS)
    .findIndex((r) => matchHeaders(r.cells).columns.candidateNumber !== undefined);
  if (headerIndex < 0) {
    const first = nonBlank[0]?.cells ?? [];
    const otherNumbers = first.filter((h) => NOT_CANDIDATE_NUMBERS.includes(headerWords(h)));
    const also = otherNumbers.length
      ? ` ${otherNumbers.map((h) => `"${h.trim()}"`).join(', ')} is the school's own number, not the exam candidate number.`
      : '';
    return {
      ok: false,
      message: `No column of the file holds the candidate number: its first line should have a header such as "Candidate number", "Candidate No" or "Exam Candidate Number".${also} Nothing was imported.`,
      unmatched: first.map((h) => h.trim()).filter((h) => h !== ''),
    };
  }
  const header = nonBlank[headerIndex];
  const match = matchHeaders(header.cells);
  const dataRows = read.records.filter((r) => r.line > header.line && !isBlank(r));

  const byNumber = new Map<string, ExistingCandidate>();
  for (const e of existing) {
    const n = e.values.candidateNumber ?? '';
    if (n !== '' && !byNumber.has(n)) byNumber.set(n, e);
  }

  const plan: ImportPlan = {
    added: [],
    updated: [],
    unchanged: 0,
    refused: [],
    warnings: [],
    unmatched: match.unmatched,
    used: match.used,
    headerLine: header.line,
  };
  const firstLineOf = new Map<string, number>();
  for (const record of dataRows) {
    const checked = checkRow(record, match.columns);
    const number = checked.values.candidateNumber;
    if (number !== undefined) {
      const earlier = firstLineOf.get(number);
      if (earlier !== undefined) checked.reasons.push(`the same candidate number is on line ${earlier}`);
      else firstLineOf.set(number, record.line);
    }
    const current = number === undefined ? undefined : byNumber.get(number);
    if (current === undefined && checked.reasons.length === 0) {
      const missing = (['surname', 'forename'] as const).filter((f) => checked.values[f] === undefined);
      if (missing.length) checked.reasons.push(`a new candidate needs a ${missing.join(' and a ')}`);
    }
    if (checked.reasons.length) {
      plan.refused.push({ line: record.line, reason: capitalise(checked.reasons.join('; ')) });
      continue;
    }
    for (const w of checked.warnings) plan.warnings.push({ line: record.line, reason: capitalise(w) });
    if (current === undefined) {
      const added = Object.fromEntries(CANDIDATE_FIELDS.map((f) => [f, checked.values[f] ?? ''])) as Candidate;
      plan.added.push(added);
      continue;
    }
    const changes: Partial<Candidate> = {};
    for (const f of CANDIDATE_FIELDS) {
      const v = checked.values[f];
      if (v !== undefined && !same(f, v, current.values[f] ?? '')) changes[f] = v;
    }
    if (Object.keys(changes).length) plan.updated.push({ row: current.row, changes });
    else plan.unchanged++;
  }
  return { ok: true, plan };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}
