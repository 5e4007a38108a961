/**
 * Fixtures for the data-in-and-out tests: MIS exports as the three systems
 * write them, and log rows put straight into the sheets (by header, as an
 * officer typing into the log would), independent of the add-on's own code.
 */
import { UCI_CHECK_LETTERS, uciRemainder } from '../../src/domain/uci';
import type { AddOn } from './harness';

/** A well-formed UCI first given by centre 68199 in 2001 to `number`. */
export function uci(number: string): string {
  const first12 = `68199001${number}`;
  return first12 + UCI_CHECK_LETTERS[uciRemainder(first12)];
}

export const crlf = (lines: readonly string[]): string => lines.join('\r\n') + '\r\n';

/** SIMS: Adno first, legal surname, the exam candidate number further along. */
export const SIMS_FILE = crlf([
  'Adno,Legal Surname,Forename,Reg,Exam Candidate Number,UCI,Primary Email,Parent Email',
  `001234,Brown,Amy,13B,0042,${uci('0042')},amy.brown@example.org,parent.brown@example.org`,
  `001235,O'Neill,Seán,13C,1001,${uci('1001')},sean.oneill@example.org,`,
  `001236,"=HYPERLINK(""http://evil.example"")",Zoe,13C,0007,,zoe@example.org,`,
]);

/** Arbor: legal first and last names, Registration Form, a date of birth that is not imported. */
export const ARBOR_FILE = crlf([
  'Student,Legal First Name,Legal Last Name,Candidate Number,Unique Candidate Identifier,Registration Form,Email Address,Primary Contact Email,Date of Birth',
  `Amy Brown,Amy,Brown,0042,${uci('0042')},13B,amy.brown@example.org,parent.brown@example.org,01/02/2008`,
  `Ben Cole,Ben,Cole,0043,,13B,ben.cole@example.org,,03/04/2008`,
]);

/** Bromcom, saved by Excel: BOM, CRLF, quoted commas and a quoted line break. */
export const BROMCOM_FILE =
  '\uFEFF' +
  crlf([
    'Candidate No,Legal Surname,Preferred Forename,Reg Group,UCI,Contact Email,Primary Contact Email,Admission Number,Notes',
    `"0042","Brown","Amy","13B",${uci('0042')},amy.brown@example.org,parent.brown@example.org,1234,"Allergies: nuts, dairy"`,
    `"0044","Smith, Jr","Cal","13A",,cal.smith@example.org,,1236,"Two`,
    `line note"`,
    `0045,Dale,Di,13A,,di.dale@example.org,,1237,`,
  ]);

/** Writes rows into a sheet below its last row, each value under its header; text columns stay text. */
export function putRows(addOn: AddOn, sheetName: string, rows: ReadonlyArray<Record<string, unknown>>): void {
  const sheet = addOn.env.spreadsheet.getSheetByName(sheetName);
  if (!sheet) throw new Error(`No sheet ${sheetName}`);
  const width = sheet.getLastColumn();
  const headers = sheet.getRange(1, 1, 1, width).getValues()[0].map(String);
  for (const r of rows) for (const h of Object.keys(r)) if (!headers.includes(h)) throw new Error(`No column ${h}`);
  const first = sheet.getLastRow() + 1;
  sheet
    .getRange(first, 1, rows.length, width)
    .setValues(rows.map((r) => headers.map((h) => (r[h] === undefined ? '' : (r[h] as string | number | boolean)))));
}

/** A request row as the officer's log holds it: Amy Brown's AQA A level Chemistry review, unless overridden. */
export function logRow(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    'Request ID': 'R-2026-0001',
    Received: '2026-08-20',
    'Candidate number': '0042',
    Surname: 'Brown',
    Forename: 'Amy',
    Email: 'amy.brown@example.org',
    Board: 'AQA',
    Qualification: 'GCE A level',
    Subject: 'Chemistry',
    Component: '7405/1',
    Series: 'June 2026',
    // As the add-on writes them now; rows given a code instead stand for a log written before the names.
    Service: 'Review of marking',
    'Requested by': 'Candidate',
    Consent: true,
    'Consent date': '2026-08-20',
    Fee: 48.65,
    Paid: 'yes',
    Deadline: '2026-09-24',
    'Original grade': 'B',
    'Original mark': '61',
    Status: 'Received',
    ...over,
  };
}

/** The same request with an outcome on `on` that moved the grade from B to `grade`. */
export function outcomeRow(on: string, grade: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return logRow({
    'Submitted to board': '2026-08-21',
    Acknowledged: '2026-08-24',
    'Outcome received': on,
    'New grade': grade,
    'New mark': '66',
    Status: 'Outcome received',
    ...over,
  });
}
