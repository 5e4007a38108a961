/**
 * A school ready to send email: Settings filled in as the officer would, and
 * candidates put into the Candidates sheet the way the MIS import writes
 * them (text cells, so 0042 keeps its zeros).
 */
import { SHEET } from '../../src/domain/schema';
import type { GasEnvironment } from '../../emulator/gas';
import { setUpAddOn, sheetRecords, sheetValues, type AddOn } from './harness';

export const OFFICER = 'exams@hillside.example.org';

export const SCHOOL_SETTINGS: Record<string, string> = {
  'Centre name': 'Hillside Academy',
  'Centre number': '68199',
  'Centre address': 'Hill Road, Leeds LS6 2AA',
  'Exams officer name': 'Jo Patel',
  'Exams officer email': OFFICER,
  'SLT contact on results day': 'Mr Okafor (Deputy Head), in the library until 1pm',
  'Enquiries contact': 'the exams office (exams@hillside.example.org)',
};

/** Writes Setting/Value pairs into the Settings sheet, as the officer types them. */
export function setSettings(env: GasEnvironment, settings: Record<string, string>): void {
  const sheet = env.spreadsheet.getSheetByName(SHEET.settings)!;
  const [headers, ...rows] = sheetValues(env, SHEET.settings);
  const keyCol = headers.indexOf('Setting');
  const valueCol = headers.indexOf('Value');
  for (const [key, value] of Object.entries(settings)) {
    const i = rows.findIndex((r) => r[keyCol] === key);
    if (i < 0) throw new Error(`No setting ${key}`);
    const cell = sheet.getRange(i + 2, valueCol + 1);
    cell.setNumberFormat('@');
    cell.setValue(value);
  }
}

/** A set-up workbook with the school's Settings filled in. */
export function school(options: Parameters<typeof setUpAddOn>[0] = {}): AddOn {
  const addOn = setUpAddOn(options);
  setSettings(addOn.env, SCHOOL_SETTINGS);
  return addOn;
}

export interface CandidateInput {
  number: string;
  surname: string;
  forename: string;
  email: string;
  parentEmail?: string;
  tutorGroup?: string;
  qualification?: string;
}

/** Puts candidates in the Candidates sheet (and a Qualification column when any has one). */
export function addCandidates(env: GasEnvironment, candidates: readonly CandidateInput[]): void {
  const sheet = env.spreadsheet.getSheetByName(SHEET.candidates)!;
  const withQualification = candidates.some((c) => c.qualification !== undefined);
  const width = withQualification ? 8 : 7;
  if (withQualification) {
    if (sheet.getMaxColumns() < 8) sheet.insertColumnsAfter(sheet.getMaxColumns(), 8 - sheet.getMaxColumns());
    sheet.getRange(1, 8).setValue('Qualification');
  }
  if (sheet.getMaxRows() < candidates.length + 1) {
    sheet.insertRowsAfter(sheet.getMaxRows(), candidates.length + 1 - sheet.getMaxRows());
  }
  const rows = candidates.map((c) => {
    const row = [c.number, c.surname, c.forename, c.email, c.parentEmail ?? '', c.tutorGroup ?? '', ''];
    return withQualification ? [...row, c.qualification ?? ''] : row;
  });
  const range = sheet.getRange(2, 1, rows.length, width);
  range.setNumberFormat('@');
  range.setValues(rows);
}

const SURNAMES = ['Brown', 'Patel', 'Nowak', 'Begum', "O'Brien", 'Smith', 'Ng', 'Okafor', 'Jones', 'Khan'];
const FORENAMES = ['Amy', 'Leo', 'Zara', 'Oscar', 'Chloé', 'Ravi', 'Mia', 'Tom', 'Ada', 'Sam'];

/** `n` candidates with distinct numbers and addresses, in tutor groups 13A-13E. */
export function manyCandidates(n: number): CandidateInput[] {
  return Array.from({ length: n }, (_, i) => ({
    number: String(1001 + i).padStart(4, '0'),
    surname: SURNAMES[i % SURNAMES.length],
    forename: FORENAMES[Math.floor(i / SURNAMES.length) % FORENAMES.length],
    email: `c${1001 + i}@students.example.org`,
    tutorGroup: `13${'ABCDE'[i % 5]}`,
  }));
}

export function correspondence(env: GasEnvironment): Record<string, unknown>[] {
  return sheetRecords(env, SHEET.correspondence);
}

/** Recipients of every message in the outbox, with how many each got. */
export function sendsPerRecipient(env: GasEnvironment): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of env.mail.outbox) counts.set(m.to, (counts.get(m.to) ?? 0) + 1);
  return counts;
}

/** Runs `fn` as the daily trigger would: no UI. */
export function asTrigger<T>(addOn: AddOn, fn: () => T): T {
  const before = addOn.env.ui.available;
  addOn.env.ui.available = false;
  try {
    return fn();
  } finally {
    addOn.env.ui.available = before;
  }
}

/** Replaces a method of a service the bundle sees (MailApp, LockService…) for the rest of the test. */
export function patch<T extends object>(
  service: T,
  method: keyof T & string,
  replacement: (original: (...args: unknown[]) => unknown, ...args: unknown[]) => unknown,
): () => void {
  const target = service as Record<string, unknown>;
  const own = Object.prototype.hasOwnProperty.call(target, method);
  const previous = target[method];
  const original = (previous as (...args: unknown[]) => unknown).bind(service);
  target[method] = (...args: unknown[]) => replacement(original, ...args);
  return () => {
    if (own) target[method] = previous;
    else delete target[method];
  };
}
