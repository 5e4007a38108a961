/**
 * What a tampered google.script.run call or a careless paste can send to
 * submitRequest. Each case is decided on its own: either refused with an
 * error beside the field at fault and nothing written at all, or (for odd
 * but harmless input such as emoji or right-to-left names) accepted and
 * stored exactly as typed, as plain text that can never become a formula.
 */
import type { SerializedWorkbook } from '../../emulator/gas';
import { LOG_COLUMNS, SHEET } from '../../src/domain/schema';
import { reviewForm, setUpAddOn, type AddOn } from '../integration/harness';
import { addOnCells, expectedRow, readLogView, restore, state } from './helpers';

type Form = Record<string, unknown>;
const LONG = 'x'.repeat(100_000);
const TEXT_FIELDS = [
  'candidateNumber', 'surname', 'forename', 'email', 'uci', 'board', 'qualification', 'subject', 'component',
  'series', 'service', 'requestedBy', 'teacherEmail', 'consentDate', 'paid', 'resultsIssued', 'originalMark',
  'originalGrade', 'relatedRequestId', 'reason', 'indicator', 'lateReason', 'notes',
]; // prettier-ignore

interface Refused {
  name: string;
  /** The arguments as the sidebar's call would carry them (JSON); `raw` skips the JSON round trip. */
  args: unknown[];
  raw?: boolean;
  /** Fields that must carry an error (exactly these, unless `atLeast`). */
  fields: string[];
  atLeast?: boolean;
}

interface Accepted {
  name: string;
  form: Form;
  /** Cells (by header) that differ from the form as given, e.g. a service typed as its code stored as its name. */
  stored?: Record<string, unknown>;
}

/** Service methods that change nothing: reads, the lock, flushing, formatting dates. */
const READ_ONLY = /\.(get\w*|is\w*|has\w*|tryLock|waitLock|releaseLock|flush|formatDate|parseDate)$/;

const withForm = (overrides: Form): unknown[] => [reviewForm(overrides)];
const parsed = (jsonText: string): unknown[] => [JSON.parse(jsonText)];
const formJson = (extra: string) => JSON.stringify(reviewForm()).replace(/}$/, `,${extra}}`);

const REFUSED: Refused[] = [
  // Formula injection where a field is checked against a list or a pattern.
  { name: 'a formula as the board', args: withForm({ board: '=HYPERLINK("http://evil.example","AQA")' }), fields: ['board'] },
  { name: 'a formula as the candidate number', args: withForm({ candidateNumber: '=1234' }), fields: ['candidateNumber'] },
  { name: 'a formula as the email', args: withForm({ email: '=IMPORTXML("http://evil.example","//a")' }), fields: ['email'] },
  // HTML and mail-header injection in addresses.
  { name: 'an address in angle brackets', args: withForm({ email: '<amy@example.org>' }), fields: ['email'] },
  { name: 'a script tag after an address', args: withForm({ email: 'amy@example.org<script>' }), fields: ['email'] },
  { name: 'two addresses in one field', args: withForm({ email: 'amy@example.org, all-staff@school.example.org' }), fields: ['email'] },
  { name: 'a Bcc header smuggled into the teacher email', args: withForm({ teacherEmail: 'x@school.example.org\nBcc: everyone@school.example.org' }), fields: ['teacherEmail'] },
  // 100,000-character fields.
  { name: 'a 100,000-character surname', args: withForm({ surname: LONG }), fields: ['surname'] },
  { name: 'a 100,000-character forename', args: withForm({ forename: LONG }), fields: ['forename'] },
  { name: 'a 100,000-character email', args: withForm({ email: `${LONG}@example.org` }), fields: ['email'] },
  { name: '100,000 characters of notes', args: withForm({ notes: LONG }), fields: ['notes'] },
  { name: 'a 100,000-character priority reason', args: withForm({ service: 'priority-review-of-marking', reason: LONG }), fields: ['reason'] },
  { name: 'every text field 100,000 characters long', args: withForm(Object.fromEntries(TEXT_FIELDS.map((f) => [f, LONG]))), fields: TEXT_FIELDS },
  { name: 'a surname one character too long (101)', args: withForm({ surname: 'B'.repeat(101) }), fields: ['surname'] },
  // Control and invisible direction characters.
  { name: 'a NUL inside the surname', args: withForm({ surname: 'Bro\u0000wn' }), fields: ['surname'] },
  { name: 'a tab inside the surname', args: withForm({ surname: 'Bro\twn' }), fields: ['surname'] },
  { name: 'a line break inside the forename', args: withForm({ forename: 'Amy\nJane' }), fields: ['forename'] },
  { name: 'a carriage return inside the component', args: withForm({ component: '7405\r/1' }), fields: ['component'] },
  { name: 'a right-to-left override in the surname', args: withForm({ surname: 'Brown\u202eoiv.exe' }), fields: ['surname'] },
  { name: 'a directional isolate in the forename', args: withForm({ forename: 'Amy\u2066x\u2069' }), fields: ['forename'] },
  { name: 'a bell character in the notes', args: withForm({ notes: 'ring\u0007' }), fields: ['notes'] },
  { name: 'a lone surrogate in the surname', args: withForm({ surname: '\ud800Brown' }), fields: ['surname'] },
  // The call itself tampered with.
  { name: 'no argument at all', args: [], fields: ['form'], atLeast: true },
  { name: 'null', args: [null], fields: ['form'], atLeast: true },
  { name: 'a number', args: [42], fields: ['form'], atLeast: true },
  { name: 'a string', args: ['review-of-marking'], fields: ['form'], atLeast: true },
  { name: 'true', args: [true], fields: ['form'], atLeast: true },
  { name: 'an empty array', args: [[]], fields: ['form'], atLeast: true },
  { name: 'the form wrapped in an array', args: [[reviewForm()]], fields: ['form'], atLeast: true },
  { name: 'undefined (not JSON: called directly)', args: [undefined], raw: true, fields: ['form'], atLeast: true },
  {
    name: 'an empty object',
    args: [{}],
    fields: ['candidateNumber', 'surname', 'forename', 'service', 'requestedBy', 'board', 'subject', 'series'],
    atLeast: true,
  },
  { name: 'the service missing', args: [{ ...reviewForm(), service: undefined }], fields: ['service'] },
  { name: 'the surname null', args: withForm({ surname: null }), fields: ['surname'] },
  { name: 'the surname an object', args: withForm({ surname: { first: 'Amy' } }), fields: ['surname'] },
  { name: 'the surname an array', args: withForm({ surname: ['Brown'] }), fields: ['surname'] },
  { name: 'the surname a boolean', args: withForm({ surname: true }), fields: ['surname'] },
  { name: 'the surname an object with its own toString', args: withForm({ surname: { toString: 'Brown' } }), fields: ['surname'] },
  { name: 'consent as the string "true"', args: withForm({ consent: 'true' }), fields: ['consent'] },
  { name: 'consent as 1', args: withForm({ consent: 1 }), fields: ['consent'] },
  { name: 'consent as an object', args: withForm({ consent: { given: true } }), fields: ['consent'] },
  { name: 'the service as an array', args: withForm({ service: ['review-of-marking'] }), fields: ['service'] },
  { name: 'the service as an object', args: withForm({ service: { code: 'review-of-marking' } }), fields: ['service'] },
  { name: 'paid as true', args: withForm({ paid: true }), fields: ['paid'] },
  { name: 'a candidate number of 42 (as a number)', args: withForm({ candidateNumber: 42 }), fields: ['candidateNumber'] },
  { name: 'a negative original mark', args: withForm({ originalMark: -5 }), fields: ['originalMark'] },
  { name: 'an original mark of 1e21', args: withForm({ originalMark: 1e21 }), fields: ['originalMark'] },
  // Prototype pollution keys.
  {
    name: 'every field hidden under __proto__',
    args: parsed(`{"__proto__": ${JSON.stringify(reviewForm())}}`),
    fields: ['candidateNumber', 'surname', 'service'],
    atLeast: true,
  },
  { name: 'the service "__proto__"', args: withForm({ service: '__proto__' }), fields: ['service'] },
  { name: 'the service "constructor"', args: withForm({ service: 'constructor' }), fields: ['service'] },
  { name: 'the service "toString"', args: withForm({ service: 'toString' }), fields: ['service'] },
  { name: 'the service "hasOwnProperty"', args: withForm({ service: 'hasOwnProperty' }), fields: ['service'] },
  { name: 'the board "__proto__"', args: withForm({ board: '__proto__' }), fields: ['board'] },
  // Unknown services.
  { name: 'an unknown service "remark"', args: withForm({ service: 'remark' }), fields: ['service'] },
  { name: 'a service with underscores', args: withForm({ service: 'review_of_marking' }), fields: ['service'] },
  { name: 'a service with SQL after it', args: withForm({ service: "ats-copy'; DROP TABLE requests; --" }), fields: ['service'] },
  // Impossible and out-of-range dates.
  { name: 'consent on 30 February', args: withForm({ consentDate: '2026-02-30' }), fields: ['consentDate'] },
  { name: 'consent on 31/02/2026', args: withForm({ consentDate: '31/02/2026' }), fields: ['consentDate'] },
  { name: 'consent in month 13', args: withForm({ consentDate: '2026-13-01' }), fields: ['consentDate'] },
  { name: 'consent on 29/02/2027 (not a leap year)', args: withForm({ consentDate: '29/02/2027' }), fields: ['consentDate'] },
  { name: 'consent "yesterday"', args: withForm({ consentDate: 'yesterday' }), fields: ['consentDate'] },
  { name: 'consent as a number 20260820', args: withForm({ consentDate: 20260820 }), fields: ['consentDate'] },
  { name: 'consent as a timestamp', args: withForm({ consentDate: '2026-08-20T00:00:00Z' }), fields: ['consentDate'] },
  { name: 'results issued 0000-00-00', args: withForm({ resultsIssued: '0000-00-00' }), fields: ['resultsIssued'] },
  { name: 'results issued in 2099', args: withForm({ resultsIssued: '2099-08-13' }), fields: ['resultsIssued'] },
  { name: 'consent before results day', args: withForm({ consentDate: '2026-08-12' }), fields: ['consentDate'] },
  // Other choices and identifiers.
  { name: 'candidate number 0000', args: withForm({ candidateNumber: '0000' }), fields: ['candidateNumber'] },
  { name: 'a five-digit candidate number', args: withForm({ candidateNumber: '12345' }), fields: ['candidateNumber'] },
  { name: 'requested by "admin"', args: withForm({ requestedBy: 'admin' }), fields: ['requestedBy'] },
  { name: 'paid "maybe"', args: withForm({ paid: 'maybe' }), fields: ['paid'] },
  { name: 'an indicator "<X>"', args: withForm({ service: 'mir', indicator: '<X>' }), fields: ['indicator'], atLeast: true },
  {
    name: 'a related request with SQL after it',
    args: withForm({ service: 'appeal', relatedRequestId: "R-2026-0001' OR 1=1 --" }),
    fields: ['relatedRequestId'],
  },
  { name: 'a UCI that is not one', args: withForm({ uci: 'not-a-uci' }), fields: ['uci'] },
]; // prettier-ignore

const ACCEPTED: Accepted[] = [
  {
    name: 'a HYPERLINK formula as the surname',
    form: reviewForm({ surname: '=HYPERLINK("http://evil.example","Click")' }),
  },
  { name: '=1+1 as the forename', form: reviewForm({ forename: '=1+1' }) },
  { name: 'a phone number as the surname', form: reviewForm({ surname: '+447700900123' }) },
  { name: 'a leading minus in the surname', form: reviewForm({ surname: '-Smith' }) },
  { name: 'a leading @ in the surname', form: reviewForm({ surname: '@SUM(A1)' }) },
  { name: 'an IMPORTXML formula in the notes', form: reviewForm({ notes: '=IMPORTXML("http://evil.example","//a")' }) },
  { name: 'a DDE payload as the subject', form: reviewForm({ subject: "=cmd|' /C calc'!A0" }) },
  { name: 'a script tag as the surname', form: reviewForm({ surname: '<script>alert(1)</script>' }) },
  { name: 'an img onerror as the forename', form: reviewForm({ forename: '<img src=x onerror=alert(1)>' }) },
  { name: 'markup in the notes', form: reviewForm({ notes: '</textarea><b>bold</b>' }) },
  { name: 'a surname of exactly 100 characters', form: reviewForm({ surname: 'B'.repeat(100) }) },
  { name: 'two lines of notes', form: reviewForm({ notes: 'Line one\nLine two' }) },
  { name: 'an emoji with a zero-width joiner in the forename', form: reviewForm({ forename: '👩‍🔬 Amy' }) },
  { name: 'an Arabic surname', form: reviewForm({ surname: 'محمد' }) },
  { name: 'a Hebrew surname', form: reviewForm({ surname: 'כהן' }) },
  { name: 'a Chinese surname', form: reviewForm({ surname: '李' }) },
  { name: 'accented names', form: reviewForm({ surname: "O'Brien-Ní Dhomhnaill", forename: 'Zoë-Łucja' }) },
  { name: 'a flag emoji in the notes', form: reviewForm({ notes: 'Moved from 🇬🇧 to 🇮🇪' }) },
  { name: 'a zero-width space in the surname (kept as typed)', form: reviewForm({ surname: 'Bro\u200bwn' }) },
  {
    name: 'a surname sent as a number (kept as text)',
    form: reviewForm({ surname: 12345 }),
    stored: { Surname: '12345' },
  },
  {
    name: 'a candidate number sent as a number',
    form: reviewForm({ candidateNumber: 1234 }),
    stored: { 'Candidate number': '1234' },
  },
  {
    name: 'a candidate number with spaces round it',
    form: reviewForm({ candidateNumber: ' 0042 ' }),
    stored: { 'Candidate number': '0042' },
  },
  {
    name: 'the service by its name',
    form: reviewForm({ service: 'Review of Marking' }),
    stored: { Service: 'Review of marking' },
  },
  {
    name: 'the service in capitals with a trailing space',
    form: reviewForm({ service: 'REVIEW-OF-MARKING ' }),
    stored: { Service: 'Review of marking' },
  },
  {
    name: 'fields the server decides, sent anyway (ID, status, fee, dates, sheet, row)',
    form: {
      ...reviewForm(),
      requestId: 'R-2026-9999',
      status: 'Closed',
      fee: 0,
      deadline: '2099-01-01',
      received: '2020-01-01',
      sheet: 'Settings',
      row: 2,
      flags: '=1/0',
    },
  },
  { name: 'an extra __proto__ key beside a valid form', form: JSON.parse(formJson('"__proto__": {"isAdmin": true}')) },
  {
    name: 'an extra constructor.prototype key beside a valid form',
    form: JSON.parse(formJson('"constructor": {"prototype": {"polluted": "yes"}}')),
  },
];

describe('submitRequest with hostile or broken input', () => {
  let setUp: SerializedWorkbook;
  let shared: AddOn;
  let untouched: string;
  beforeAll(() => {
    setUp = setUpAddOn().env.serialize();
    shared = restore(setUp);
    untouched = state(shared.env);
  });

  it('has a corpus of at least 60 cases', () => {
    expect(REFUSED.length + ACCEPTED.length).toBeGreaterThanOrEqual(60);
  });

  it.each(REFUSED.map((c) => [c.name, c]))('refuses %s, beside the field, and writes nothing', (_name, c) => {
    const { env } = shared;
    env.calls.reset();
    const logsBefore = env.logs.length;
    const fn = shared.bundle.submitRequest;
    const answer = c.raw ? JSON.parse(JSON.stringify(fn(...c.args))) : shared.run('submitRequest', ...c.args);
    expect(answer.ok).toBe(false);
    const fields = [...new Set<string>(answer.errors.map((e: { field: string }) => e.field))].sort();
    if (c.atLeast) expect(fields).toEqual(expect.arrayContaining(c.fields));
    else expect(fields).toEqual([...c.fields].sort());
    for (const e of answer.errors) {
      expect(Object.keys(e).sort()).toEqual(['field', 'message']);
      expect(typeof e.message).toBe('string');
      // Short plain sentences: a tampered megabyte is never echoed back.
      expect(e.message.length).toBeLessThan(400);
      expect(e.message).not.toMatch(/x{100}/);
    }
    // Only reads were asked of the services, and the workbook, properties and outbox are as set up.
    const writes = Object.keys(env.calls.byMethod()).filter((m) => !READ_ONLY.test(m));
    expect(writes).toEqual([]);
    expect(state(env)).toBe(untouched);
    // Nothing about the candidate goes to the execution log.
    expect(env.logs.slice(logsBefore).join('\n')).not.toMatch(/Brown|amy\.brown/);
  });

  it.each(ACCEPTED.map((c) => [c.name, c]))('accepts %s and stores it exactly, as text', (_name, c) => {
    const addOn = restore(setUp);
    const answer = addOn.run('submitRequest', c.form);
    expect(answer).toMatchObject({ ok: true, requestId: 'R-2026-0001', sheet: SHEET.requests });
    const view = readLogView(addOn.env, SHEET.requests);
    expect(view.rows).toHaveLength(1);
    const expected = {
      ...expectedRow(c.form, { requestId: 'R-2026-0001', received: '2026-08-20', fee: 48.65, deadline: '2026-09-24' }),
      ...(c.stored ?? {}),
    };
    // Every cell, so nothing went into the wrong column and nothing was parsed into a number or date.
    expect(addOnCells(view.rows[0], view.headers)).toEqual(expected);
    expect(view.formulas).toEqual([]);
    const sheet = addOn.env.spreadsheet.getSheetByName(SHEET.requests)!;
    const formats = sheet.getRange(2, 1, 1, LOG_COLUMNS.length).getNumberFormats()[0];
    LOG_COLUMNS.forEach((col, i) => {
      if (col.kind === 'text') expect([col.header, formats[i]]).toEqual([col.header, '@']);
    });
    // No prototype was polluted, in this realm or as seen by the next request.
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const next = addOn.run('submitRequest', reviewForm({ candidateNumber: '0043', email: 'b@example.org' }));
    expect(next).toMatchObject({ ok: true, requestId: 'R-2026-0002' });
  });
});
