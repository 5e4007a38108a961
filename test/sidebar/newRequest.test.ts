import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatFee } from '../../src/domain/formats';
import { FIELD_LABELS, checkForm } from '../../src/domain/validation';
import {
  CONDITIONAL_FIELDS,
  FORM_FIELDS,
  boardsOf,
  consentDraft,
  printSavedFormLabel,
  deadlinePassed,
  emptyValues,
  errorsToShow,
  fillCandidate,
  lookupMessage,
  notesCounter,
  placeErrors,
  readCandidate,
  readIntakeOptions,
  readSubmitAnswer,
  seriesOf,
  servicesOf,
  submission,
  successText,
  summaryLabel,
  fieldsToFix,
  findOption,
  summarise,
  visibleFields,
  type ServiceOption,
} from '../../sidebar/newRequest/newRequestView';
import type { ServiceCode } from '../../src/domain/types';
import { CATALOGUE } from '../../src/domain/catalogue';

const TODAY = '2026-09-01';

function option(service: ServiceCode, extra: Partial<ServiceOption> = {}): ServiceOption {
  const info = CATALOGUE[service];
  return {
    board: 'AQA',
    series: 'June 2026',
    service,
    name: info.name,
    levels: [],
    fee: info.charging === 'paid' ? 8.7 : null,
    deadline: '2026-09-24',
    consent: info.consent,
    charging: info.charging,
    level: info.level,
    priority: info.priority,
    needsRelatedReview: info.needsRelatedReview,
    ...extra,
  };
}

const ROWS = [
  option('clerical-recheck'),
  option('review-of-marking', { fee: 50.25 }),
  option('ats-copy'),
  option('review-of-marking', { board: 'OCR', fee: 45 }),
  option('mir', { board: 'OCR', series: 'November 2025' }),
];

describe('readIntakeOptions', () => {
  it('keeps usable rows and drops the rest', () => {
    const read = readIntakeOptions({
      ok: true,
      today: TODAY,
      services: [...ROWS, { board: 'AQA', series: 'June 2026', service: 'no-such' }, { service: 'mir' }, null],
      qualifications: ['GCSE', 3, ''],
      subjects: ['Chemistry'],
      components: 'not a list',
    });
    expect('options' in read).toBe(true);
    if (!('options' in read)) return;
    expect(read.options.services).toHaveLength(ROWS.length);
    expect(read.options.today).toBe(TODAY);
    expect(read.options.qualifications).toEqual(['GCSE']);
    expect(read.options.components).toEqual([]);
  });

  it('fills what a row leaves out from the catalogue', () => {
    const read = readIntakeOptions({
      ok: true,
      today: TODAY,
      services: [{ board: 'AQA', series: 'June 2026', service: 'appeal' }],
    });
    if (!('options' in read)) throw new Error('expected options');
    expect(read.options.services[0]).toMatchObject({
      name: 'Preliminary appeal',
      consent: 'required',
      needsRelatedReview: true,
      fee: null,
    });
  });

  it("passes on the server's errors, or says plainly that it could not read the answer", () => {
    expect(readIntakeOptions({ ok: false, errors: [{ field: 'form', message: 'No Services sheet.' }] })).toEqual({
      errors: [{ field: 'form', message: 'No Services sheet.' }],
    });
    expect(readIntakeOptions(null)).toHaveProperty('errors.0.field', 'form');
    expect(readIntakeOptions({ ok: false })).toHaveProperty('errors.0.message', expect.stringContaining('Services'));
  });
});

describe('choices', () => {
  it('offers series by board and services by board and series, once each', () => {
    expect(boardsOf(ROWS)).toEqual(['AQA', 'OCR']);
    expect(seriesOf(ROWS, 'OCR')).toEqual(['June 2026', 'November 2025']);
    expect(servicesOf(ROWS, 'AQA', 'June 2026').map((s) => s.name)).toEqual([
      'Clerical re-check',
      'Review of marking',
      'Copy of script',
    ]);
    expect(servicesOf([...ROWS, option('clerical-recheck')], 'AQA', 'June 2026')).toHaveLength(3);
  });
});

describe('fee and deadline', () => {
  it('writes fees in pounds, free, or as missing', () => {
    expect(formatFee(8.7, 'paid')).toBe('£8.70');
    expect(formatFee(1234.5, 'paid')).toBe('£1,234.50');
    expect(formatFee(0, 'paid')).toBe('Free');
    expect(formatFee(null, 'paid')).toBe('Fee not yet in the Services sheet');
    expect(formatFee(null, 'free-unless-priced')).toBe('Free');
    expect(formatFee(7.35, 'free-unless-priced')).toBe('£7.35');
  });

  it('writes the deadline the UK way and says when it has passed', () => {
    const s = summarise(option('clerical-recheck'), TODAY, 'candidate');
    expect(s).toMatchObject({ fee: '£8.70', deadline: 'Thursday 24 September 2026', late: false, log: 'Requests' });
    expect(s.consent).toMatch(/marks and grades can go down/);
    const late = summarise(option('clerical-recheck'), '2026-09-25', 'candidate');
    expect(late.late).toBe(true);
    expect(late.deadline).toBe('Thursday 24 September 2026 (passed)');
    expect(deadlinePassed('2026-09-24', '2026-09-24')).toBe(false);
    expect(deadlinePassed(null, '2026-09-24')).toBe(false);
  });

  it('explains deadlines the sheet does not give', () => {
    expect(summarise(option('appeal', { deadline: null }), TODAY, 'candidate').deadline).toMatch(/review's outcome/);
    expect(summarise(option('ats-copy', { deadline: null }), TODAY, 'candidate').deadline).toMatch(
      /Not in the Services sheet/,
    );
    expect(summarise(option('ats-copy'), TODAY, 'candidate').log).toBe('Access to scripts');
    expect(summarise(option('review-of-moderation'), TODAY, 'candidate').consent).toBe('No candidate consent needed.');
    expect(summarise(option('ats-copy'), TODAY, 'teacher').consent).toMatch(/teacher will use the script in class/);
  });
});

describe('visibleFields', () => {
  const shown = (o: ServiceOption | null, by = 'candidate', today = TODAY) => [...visibleFields(o, by, today)].sort();

  it('shows nothing extra before a service is chosen', () => {
    expect(shown(null)).toEqual([]);
  });

  it('asks for consent, payment and the original result for a clerical re-check', () => {
    expect(shown(option('clerical-recheck'))).toEqual(
      ['consent', 'consentDate', 'originalGrade', 'originalMark', 'paid', 'resultsIssued'].sort(),
    );
  });

  it('asks for no consent for a review of moderation', () => {
    expect(shown(option('review-of-moderation'))).not.toContain('consent');
  });

  it("asks for the teacher's email only when a teacher asks for a script", () => {
    expect(shown(option('ats-copy'))).not.toContain('teacherEmail');
    expect(shown(option('ats-copy'), 'teacher')).toContain('teacherEmail');
    expect(shown(option('review-of-marking'), 'teacher')).not.toContain('teacherEmail');
    expect(shown(option('ats-copy'), 'teacher')).toContain('consent');
  });

  it('asks for payment only when the service is charged', () => {
    expect(shown(option('ats-copy'))).not.toContain('paid');
    expect(shown(option('late-certification', { board: 'Pearson Edexcel', fee: 7.35 }))).toContain('paid');
    expect(shown(option('clerical-recheck', { fee: null }))).toContain('paid');
  });

  it('asks for the service-specific details', () => {
    expect(shown(option('priority-review-of-marking'))).toContain('reason');
    expect(shown(option('ats-priority-copy'))).toContain('reason');
    expect(shown(option('appeal'))).toContain('relatedRequestId');
    expect(shown(option('mir'))).toEqual(['indicator', 'resultsIssued']);
    expect(shown(option('late-certification'))).toEqual([]);
  });

  it('a review of moderation is the centre’s: it asks for the candidates covered, not payment or a candidate’s marks', () => {
    const fields = shown(option('review-of-moderation'));
    expect(fields).toContain('candidatesCovered');
    expect(fields).not.toContain('paid');
    expect(fields).not.toContain('originalGrade');
    expect(summarise(option('review-of-moderation'), TODAY, 'candidate')).toMatchObject({
      fee: '£8.70, paid by the centre',
      note: expect.stringContaining('with the candidates it covers (or "whole cohort")'),
    });
  });

  it('a preliminary appeal asks when the reasons for the outcome came, if they were asked for; a hearing names its stage 1', () => {
    expect(shown(option('appeal'))).toContain('reasonsReceived');
    expect(shown(option('appeal-hearing'))).toEqual([
      'consent',
      'consentDate',
      'originalGrade',
      'originalMark',
      'paid',
      'relatedRequestId',
      'resultsIssued',
    ]);
    expect(summarise(option('appeal-hearing'), TODAY, 'candidate').deadline).toMatch(/preliminary appeal's outcome/);
  });

  it('late certification past its deadline asks for no late reason: the board accepts no late applications', () => {
    expect(shown(option('late-certification'), 'candidate', '2026-09-25')).not.toContain('lateReason');
    expect(summarise(option('late-certification'), '2026-09-25', 'candidate').deadline).toBe(
      'Thursday 24 September 2026 (passed: the board accepts no late applications)',
    );
  });

  it('asking for an original script tells the officer a later review of that paper can no longer be requested', () => {
    expect(summarise(option('ats-original'), TODAY, 'candidate').note).toBe(
      'Once the original script is requested, a re-check or review of marking of that paper can no longer be requested.',
    );
  });

  it('asks for a late reason only once the deadline has passed (appeals have their own window)', () => {
    expect(shown(option('clerical-recheck'), 'candidate', '2026-09-24')).not.toContain('lateReason');
    expect(shown(option('clerical-recheck'), 'candidate', '2026-09-25')).toContain('lateReason');
    expect(shown(option('appeal'), 'candidate', '2026-09-25')).not.toContain('lateReason');
  });
});

describe('submission', () => {
  it('sends hidden fields empty and keeps the rest as typed', () => {
    const v = emptyValues();
    Object.assign(v, { surname: "O'Brien-Núñez", teacherEmail: 'a@b.org', consent: true, consentDate: '2026-08-20' });
    const out = submission(v, new Set(['consentDate']));
    expect(out).toMatchObject({
      surname: "O'Brien-Núñez",
      teacherEmail: '',
      consent: false,
      consentDate: '2026-08-20',
    });
    expect(v.teacherEmail).toBe('a@b.org');
    expect(Object.keys(out).sort()).toEqual([...FORM_FIELDS].sort());
  });

  it('is a form that checkForm accepts when complete', () => {
    const v = Object.assign(emptyValues(), {
      candidateNumber: '2058',
      surname: 'Smith',
      forename: 'Ana',
      email: 'ana@example.org',
      board: 'OCR',
      series: 'November 2025',
      service: 'mir',
      subject: 'Mathematics',
      indicator: '#',
      notes: 'typed for another service',
      originalMark: 'not a number, but hidden',
    });
    const out = submission(v, visibleFields(option('mir'), 'candidate', TODAY));
    expect(checkForm(out).errors).toEqual([]);
  });
});

describe('where errors go', () => {
  it('the summary names each field as the form labels it, less its "(optional)" aside', () => {
    const html = readFileSync(join(__dirname, '..', '..', 'sidebar', 'newRequest', 'newRequest.html'), 'utf8');
    const labels = new Map([...html.matchAll(/<label for="(\w+)">([^<]*)<\/label>/g)].map((m) => [m[1], m[2]]));
    for (const f of FORM_FIELDS) expect(labels.has(f)).toBe(true);
    expect(summaryLabel(labels.get('email') ?? '')).toBe('Candidate email');
    expect(summaryLabel(labels.get('uci') ?? '')).toBe('UCI');
    expect(summaryLabel(labels.get('reason') ?? '')).toBe('Why is priority needed?');
    expect(summaryLabel(labels.get('relatedRequestId') ?? '')).toBe('Review being appealed');
    expect(summaryLabel(labels.get('reasonsReceived') ?? '')).toBe('Reasons for the outcome received');
    expect(summaryLabel(labels.get('lateReason') ?? '')).toBe(
      "Only if the officer accepts this after the board's deadline: why?",
    );
  });

  it('after a Save, the summary lists every field the page or the server found wrong, once, in the form’s order', () => {
    const local = [{ field: 'reason', message: 'Give the reason a priority review of marking is needed.' }];
    const server = [
      { field: 'lateReason', message: "The board's deadline was 20/08/2026." },
      ...local,
      { field: 'form', message: 'Something about the whole form.' },
    ];
    expect(fieldsToFix(errorsToShow(local, server, new Set(), true), FORM_FIELDS)).toEqual(['reason', 'lateReason']);
  });

  it('has a field on the page for every field checkForm can name', () => {
    expect([...FORM_FIELDS].sort()).toEqual(Object.keys(FIELD_LABELS).sort());
    for (const f of CONDITIONAL_FIELDS) expect(FORM_FIELDS).toContain(f);
    const fields = new Set<string>(FORM_FIELDS);
    const blank = checkForm(submission(emptyValues(), new Set()));
    expect(blank.errors.length).toBeGreaterThan(5);
    expect(placeErrors(blank.errors, fields).banner).toEqual([]);
  });

  it('puts field errors beside their field, every one, and the rest in the banner', () => {
    const placed = placeErrors(
      [
        { field: 'surname', message: 'Enter the surname.' },
        { field: 'surname', message: 'Too long.' },
        { field: 'surname', message: 'Too long.' },
        { field: 'form', message: 'Another change is being saved, try again.' },
        { field: 'somethingElse', message: 'Odd.' },
        { field: 'email', message: '' },
      ],
      new Set(['surname', 'email']),
    );
    expect(placed.byField.get('surname')).toEqual(['Enter the surname.', 'Too long.']);
    expect(placed.byField.get('email')).toEqual(['Something is wrong with this field.']);
    expect(placed.banner).toEqual(['Another change is being saved, try again.', 'Odd.']);
  });

  it('judges only touched fields while typing, all after a submit, and always shows the server', () => {
    const local = [
      { field: 'surname', message: 'a' },
      { field: 'email', message: 'b' },
    ];
    const server = [
      { field: 'consent', message: 'c' },
      { field: 'surname', message: 'a' },
    ];
    expect(errorsToShow(local, [], new Set(['email']), false)).toEqual([{ field: 'email', message: 'b' }]);
    expect(errorsToShow(local, server, new Set(), true)).toEqual([...local, { field: 'consent', message: 'c' }]);
    expect(errorsToShow(local, server, new Set(), false)).toEqual(server);
  });
});

describe('candidate look-up', () => {
  const found = { surname: 'Smith', forename: 'Ana', email: 'ana@example.org', uci: '681990012058G' };
  const blank = { surname: '', forename: '', email: '', uci: '' };

  it('reads the answer', () => {
    expect(readCandidate({ ok: true, candidate: { ...found, candidateNumber: '2058', tutorGroup: '11B' } })).toEqual({
      found,
    });
    expect(readCandidate({ ok: true, candidate: null })).toEqual({ found: null });
    expect(
      readCandidate({ ok: false, errors: [{ field: 'candidateNumber', message: 'A candidate number is 4 digits.' }] }),
    ).toEqual({
      problem: 'A candidate number is 4 digits.',
    });
    expect(readCandidate('nonsense')).toEqual({ problem: 'The Candidates sheet could not be read.' });
    expect(readCandidate({ ok: true, candidate: { surname: 5, forename: null } })).toEqual({
      found: { surname: '5', forename: '', email: '', uci: '' },
    });
  });

  it('fills empty fields', () => {
    const r = fillCandidate(blank, {}, found);
    expect(r.values).toEqual(found);
    expect(r.filled).toEqual(found);
    expect(r.kept).toEqual([]);
    expect(lookupMessage(found, r.kept)).toBe('Found in Candidates: Ana Smith.');
  });

  it('never overwrites what the officer typed', () => {
    const r = fillCandidate({ ...blank, email: 'home@example.org' }, {}, found);
    expect(r.values.email).toBe('home@example.org');
    expect(r.values.surname).toBe('Smith');
    expect(r.kept).toEqual(['email']);
    expect(lookupMessage(found, r.kept)).toBe('Found in Candidates: Ana Smith. Kept what you typed for email.');
  });

  it("replaces a previous look-up's values, and takes them away when the new number is not in the sheet", () => {
    const other = { surname: 'Jones', forename: 'Bo', email: '', uci: '' };
    const r = fillCandidate(found, found, other);
    expect(r.values).toEqual(other);
    const gone = fillCandidate({ ...found, email: 'typed@example.org' }, found, null);
    expect(gone.values).toEqual({ ...blank, email: 'typed@example.org' });
    expect(lookupMessage(null, [])).toBe('Not in the Candidates sheet — type the details.');
  });
});

describe('notes counter', () => {
  it('counts characters as validation does, and says how many are too many', () => {
    expect(notesCounter('')).toEqual({ text: '0 of 2,000 characters', over: false });
    expect(notesCounter('😀é')).toEqual({ text: '2 of 2,000 characters', over: false });
    expect(notesCounter('x'.repeat(2001))).toEqual({ text: '1 character too many', over: true });
    expect(notesCounter('x'.repeat(3500))).toEqual({ text: '1,500 characters too many', over: true });
  });
});

describe("submitRequest's answer", () => {
  it('reads a success into the notice', () => {
    const read = readSubmitAnswer({
      ok: true,
      requestId: 'R-2026-0012',
      sheet: 'Requests',
      fee: 8.7,
      deadline: '2026-09-24',
    });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(successText(read.saved)).toEqual([
      'Saved as R-2026-0012 in the Requests log.',
      'Fee: £8.70.',
      'Deadline: Thursday 24 September 2026.',
    ]);
    const withWarning = readSubmitAnswer({
      ok: true,
      requestId: 'S-2026-0001',
      sheet: 'Access to scripts',
      fee: 0,
      deadline: null,
      warnings: [{ field: 'service', message: 'No deadline in Services: check the board.' }, 'junk'],
    });
    if (!withWarning.ok) throw new Error('expected success');
    expect(successText(withWarning.saved)).toEqual([
      'Saved as S-2026-0001 in the Access to scripts log.',
      'Fee: Free.',
      'Deadline: none recorded.',
      'Check: No deadline in Services: check the board.',
    ]);
  });

  it('reads errors, and anything else as a whole-form error', () => {
    expect(readSubmitAnswer({ ok: false, errors: [{ field: 'paid', message: 'Pay first.' }] })).toEqual({
      ok: false,
      errors: [{ field: 'paid', message: 'Pay first.' }],
    });
    expect(readSubmitAnswer(undefined)).toMatchObject({ ok: false, errors: [{ field: 'form' }] });
    expect(readSubmitAnswer({ ok: false, errors: [] })).toMatchObject({ ok: false, errors: [{ field: 'form' }] });
  });
});

describe('the page', () => {
  const dir = join(__dirname, '..', '..', 'sidebar');
  // The page as built (globalSetup): its <html> comes from the frame all pages share, sidebar/page.html.
  const html = readFileSync(join(__dirname, '..', '..', 'dist', 'Sidebar.html'), 'utf8');

  it('has a labelled control for every field, with the id the errors refer to', () => {
    for (const f of FORM_FIELDS) {
      expect(html).toMatch(new RegExp(`<(input|select|textarea)[^>]*\\sid="${f}"[^>]*\\sname="${f}"`));
      expect(html).toContain(`<label for="${f}">`);
    }
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toMatch(/id="form-error"[^>]*role="alert"/);
    expect(html).toMatch(/id="notice"[^>]*role="status"/);
  });

  it('never parses data as HTML', () => {
    for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(join(dir, file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      expect([file, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(/.test(source)]).toEqual([
        file,
        false,
      ]);
    }
  });
});

describe('the fee shown is the one for the qualification typed', () => {
  const rows = [
    option('review-of-marking', { levels: ['gcse'], fee: 42 }),
    option('review-of-marking', { fee: 48.65 }),
  ];

  it('a GCSE shows £42.00 and an A level £48.65 (AQA)', () => {
    expect(findOption(rows, 'AQA', 'June 2026', 'review-of-marking', 'GCSE')?.fee).toBe(42);
    expect(findOption(rows, 'AQA', 'June 2026', 'review-of-marking', 'GCE A level')?.fee).toBe(48.65);
  });

  it('with no qualification yet, the page says what each level costs rather than guess', () => {
    const chosen = findOption(rows, 'AQA', 'June 2026', 'review-of-marking', '');
    expect(chosen?.fee).toBeNull();
    expect(summarise(chosen!, TODAY, 'candidate').fee).toBe(
      'GCSE £42.00, other levels £48.65: enter the qualification to see which',
    );
  });
});

describe('printing the consent form before saving', () => {
  it('sends only what the form has so far, trimmed, the teacher only when a teacher asked', () => {
    const v = emptyValues();
    Object.assign(v, {
      candidateNumber: ' 0042 ',
      board: 'AQA',
      series: 'June 2026',
      service: 'review-of-marking',
      subject: 'Chemistry ',
      requestedBy: 'candidate',
      teacherEmail: 'left.over@example.org',
      notes: 'not printed',
      consent: true,
    });
    const draft = consentDraft(v);
    expect(draft).toMatchObject({
      candidateNumber: '0042',
      subject: 'Chemistry',
      service: 'review-of-marking',
      teacherEmail: '',
    });
    expect(Object.keys(draft)).not.toContain('notes');
    expect(Object.keys(draft)).not.toContain('consent');
    expect(consentDraft({ ...v, requestedBy: 'teacher' }).teacherEmail).toBe('left.over@example.org');
    expect(consentDraft(emptyValues())).toEqual(
      expect.objectContaining({ candidateNumber: '', board: '', service: '', requestedBy: 'candidate' }),
    );
  });

  it('has its button on the page, and the saved notice offers the saved form by ID', () => {
    const html = readFileSync(join(__dirname, '..', '..', 'sidebar', 'newRequest', 'newRequest.html'), 'utf8');
    expect(html).toMatch(/<button type="button" id="print-form"[^>]*>\s*Print consent form to sign\s*<\/button>/);
    const saved = readSubmitAnswer({ ok: true, requestId: 'R-2026-0012', sheet: 'Requests', fee: 8.7 });
    if (!saved.ok) throw new Error('expected success');
    expect(printSavedFormLabel(saved.saved)).toBe('Print the form for R-2026-0012 (to file with the signed one)');
  });
});
