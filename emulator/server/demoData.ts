/**
 * What a first start puts in the workbook after setUp, so the officer sees a
 * season rather than empty sheets: invented candidates and the settings the
 * letters quote. An officer's own values are never overwritten.
 */
import type { SheetLike, SpreadsheetLike } from './types';

export const DEMO_USER = 'exams.officer@demo.invalid';
/**
 * Someone with edit access to the file who is not an editor of the sheets the
 * add-on protects: the page can type as them to see Sheets refuse a protected cell.
 */
export const DEMO_COLLEAGUE = 'colleague@demo.invalid';

/** Clearly invented people: DEMO in the surname and the tutor group, addresses on the reserved .invalid domain. */
const DEMO_CANDIDATES: Record<string, string>[] = [
  ['0042', 'DEMO Ahmed', 'Aisha'],
  ['0107', 'DEMO Brown', 'Oliver'],
  ['0213', 'DEMO Chen', 'Mei'],
  ['0388', 'DEMO Davies', 'Rhys'],
  ['1204', "DEMO O'Neill", 'Siobhán'],
].map(([num, surname, forename]) => {
  const local = `${forename}.${surname.replace(/^DEMO /, '')}`
    .normalize('NFD')
    .replace(/[^A-Za-z.]/g, '')
    .toLowerCase();
  return {
    'Candidate number': num,
    Surname: surname,
    Forename: forename,
    Email: `${local}@students.demo.invalid`,
    'Parent email': `parent.${local}@demo.invalid`,
    'Tutor group': 'DEMO',
    UCI: '',
  };
});

export function headerIndex(sheet: SheetLike): Map<string, number> {
  const cols = sheet.getLastColumn();
  const headers = cols > 0 ? sheet.getRange(1, 1, 1, cols).getValues()[0] : [];
  return new Map(
    headers.map((h, i) => [
      String(h ?? '')
        .trim()
        .toLowerCase(),
      i,
    ]),
  );
}

export function seedDemoCandidates(ss: SpreadsheetLike): void {
  const sheet = ss.getSheetByName('Candidates');
  if (!sheet || sheet.getLastRow() > 1) return;
  const index = headerIndex(sheet);
  const width = sheet.getLastColumn();
  const rows = DEMO_CANDIDATES.map((c) => {
    const row: unknown[] = new Array(width).fill('');
    for (const [header, value] of Object.entries(c)) {
      const col = index.get(header.toLowerCase());
      if (col !== undefined) row[col] = value;
    }
    return row;
  });
  // The column is plain-text formatted by setUp, so '0042' stays text with its leading zeros.
  sheet.getRange(2, 1, rows.length, width).setValues(rows);
}

/** Fills only settings that setUp left blank, so an officer's values are never changed. */
export function seedDemoSettings(ss: SpreadsheetLike): void {
  const sheet = ss.getSheetByName('Settings');
  if (!sheet || sheet.getLastRow() < 2) return;
  const index = headerIndex(sheet);
  const keyCol = index.get('setting');
  const valueCol = index.get('value');
  if (keyCol === undefined || valueCol === undefined) return;
  // Every setting an email or letter quotes, so the demo's messages read whole; all marked DEMO.
  const demo: Record<string, string> = {
    'centre name': 'DEMO Academy (emulator)',
    'centre number': '99999',
    'centre address': 'DEMO Academy, 1 Example Road, Demotown, DE1 0AA',
    'exams officer name': 'DEMO Exams Officer',
    'exams officer email': DEMO_USER,
    'slt contact on results day': 'DEMO Deputy Head, in the main hall until 12:00 (slt@demo.invalid)',
    'enquiries contact': `DEMO Exams Office (${DEMO_USER})`,
  };
  const rows = sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn()).getValues();
  rows.forEach((row, i) => {
    const value =
      demo[
        String(row[keyCol] ?? '')
          .trim()
          .toLowerCase()
      ];
    if (value !== undefined && String(row[valueCol] ?? '').trim() === '') {
      sheet.getRange(i + 2, valueCol + 1, 1, 1).setValues([[value]]);
    }
  });
}
