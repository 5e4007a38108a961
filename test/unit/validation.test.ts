import { PEARSON_GCSE_PRIORITY_WARNING } from '../../src/domain/catalogue';
import { SEED_SERVICES } from '../../src/domain/seedServices';
import type { ServiceRow } from '../../src/domain/types';
import { context as ctx, draft, earlier as earlierReview, found, judging, settings } from './ruleFixture';
import {
  checkForm,
  checkRules,
  datesNotInFuture,
  isEmailAddress,
  priorityRule,
  uciMatchesCandidate,
  validateRequest,
  type ExistingRequest,
} from '../../src/domain/validation';

// ---------------------------------------------------------------------------
// Fixtures (ruleFixture.ts): June 2026. A level results day was Thursday 13
// August 2026, GCSE results day Thursday 20 August; today is Friday 21 August.
// The Services sheet is the seed of domain.md §8.

/** Niamh O'Brien's review of marking (ruleFixture's draft) as the form sends it: a request that passes every rule. */
const form = (over: Record<string, unknown> = {}): Record<string, unknown> => ({ ...draft(), ...over });

/** Niamh's earlier review of the same paper, its outcome in on 10 September. */
const earlier = (over: Partial<ExistingRequest> = {}): ExistingRequest =>
  earlierReview({ outcomeReceived: '2026-09-10', ...over });

/** The seed rows with one row changed: test data, not board facts. */
function servicesWith(board: string, service: string, change: Partial<ServiceRow>): ServiceRow[] {
  return SEED_SERVICES.map((r) => (r.board === board && r.service === service ? { ...r, ...change } : r));
}

const NO_CONSENT = { consent: false, consentDate: '' };
const noneOf = () => ({ errors: [], warnings: [] });

// ---------------------------------------------------------------------------

describe('a complete request that every rule allows is accepted', () => {
  it('a review of marking: fee and deadline from Services, into the Requests log', () => {
    const r = validateRequest(form(), ctx());
    expect(r).toMatchObject({ ok: true, ...noneOf(), fee: 48.65, deadline: '2026-09-24', log: 'Requests', notes: '' });
    expect(r.request).toEqual(r.form);
    expect(r.request?.surname).toBe("O'Brien");
  });

  it('a clerical re-check', () => {
    expect(validateRequest(form({ service: 'clerical-recheck' }), ctx())).toMatchObject({
      ok: true,
      ...noneOf(),
      fee: 8.7,
      deadline: '2026-09-24',
    });
  });

  it('a priority review of an A level, with the reason, before the priority deadline', () => {
    const r = validateRequest(
      form({ service: 'priority-review-of-marking', reason: 'Her place at Leeds depends on an A in Chemistry.' }),
      ctx({ today: '2026-08-18' }),
    );
    expect(r).toMatchObject({ ok: true, ...noneOf(), fee: 57.85, deadline: '2026-08-20' });
  });

  it('a review of moderation, which needs no candidate consent', () => {
    const services = servicesWith('AQA', 'review-of-moderation', { fee: 25 });
    const r = validateRequest(
      form({ service: 'review-of-moderation', candidatesCovered: 'whole cohort', ...NO_CONSENT }),
      ctx({ services }),
    );
    expect(r).toMatchObject({ ok: true, ...noneOf(), fee: 25, deadline: '2026-09-24' });
  });

  it('an appeal after a review of marking whose outcome came within the 30-day window', () => {
    const r = validateRequest(
      form({ service: 'appeal', relatedRequestId: 'R-2026-0003' }),
      ctx({ today: '2026-09-20', existing: [earlier()] }),
    );
    expect(r).toMatchObject({ ok: true, ...noneOf(), fee: 120.05, deadline: '2026-10-10', log: 'Requests' });
  });

  it('a missing result: the indicator is recorded, no component, no consent, no payment, fee 0', () => {
    const r = validateRequest(
      form({ service: 'mir', component: '', indicator: 'X', paid: 'no', ...NO_CONSENT }),
      ctx(),
    );
    expect(r).toMatchObject({ ok: true, ...noneOf(), fee: 0, deadline: '2026-09-24', log: 'Requests' });
    expect(r.request?.indicator).toBe('X');
  });

  it('a copy of a script asked for by the candidate, free, into the Access to scripts log', () => {
    const r = validateRequest(form({ service: 'ats-copy', paid: 'no' }), ctx());
    expect(r).toMatchObject({ ok: true, ...noneOf(), fee: 0, deadline: '2026-10-30', log: 'Access to scripts' });
  });

  it('a copy of a script asked for by a teacher: the teacher’s email is where the script goes', () => {
    const r = validateRequest(
      form({
        service: 'ats-copy',
        paid: 'no',
        requestedBy: 'teacher',
        email: '',
        teacherEmail: 'j.khan@example.sch.uk',
      }),
      ctx(),
    );
    expect(r).toMatchObject({ ok: true, ...noneOf() });
  });

  it('a priority copy of a GCSE script: priority copies are not limited to Level 3, they help decide on a review', () => {
    const r = validateRequest(
      form({
        board: 'OCR',
        service: 'ats-priority-copy',
        qualification: 'GCSE',
        subject: 'Mathematics',
        component: 'J560/04',
        reason: 'To decide on a review before the deadline',
        paid: 'no',
        resultsIssued: '2026-08-20',
        consentDate: '2026-08-20',
      }),
      ctx(),
    );
    expect(r).toMatchObject({ ok: true, ...noneOf(), fee: 0, deadline: '2026-09-24', log: 'Access to scripts' });
  });
});

// ---------------------------------------------------------------------------

describe('the form must be complete and well formed (checkForm)', () => {
  // Each row changes one thing in a good form and must give exactly this one error.
  const BAD: Array<[string, Record<string, unknown>, string, string]> = [
    [
      'no candidate number',
      { candidateNumber: '' },
      'candidateNumber',
      'Enter the candidate number (4 digits, like 2058).',
    ],
    [
      '3 digits',
      { candidateNumber: '205' },
      'candidateNumber',
      'The candidate number must be 4 digits, like 2058; "205" is not.',
    ],
    [
      '5 digits',
      { candidateNumber: '20588' },
      'candidateNumber',
      'The candidate number must be 4 digits, like 2058; "20588" is not.',
    ],
    [
      'a letter',
      { candidateNumber: '20a8' },
      'candidateNumber',
      'The candidate number must be 4 digits, like 2058; "20a8" is not.',
    ],
    [
      'a decimal number',
      { candidateNumber: 2058.5 },
      'candidateNumber',
      'The candidate number must be 4 digits, like 2058; "2058.5" is not.',
    ],
    [
      '0000',
      { candidateNumber: '0000' },
      'candidateNumber',
      'Candidate number 0000 is not used: candidate numbers run from 0001 to 9999.',
    ],
    ['no surname', { surname: '' }, 'surname', "Enter the candidate's surname."],
    ['a surname of spaces', { surname: '   ' }, 'surname', "Enter the candidate's surname."],
    ['no forename', { forename: undefined }, 'forename', "Enter the candidate's forename."],
    [
      'a 101-character surname',
      { surname: 'x'.repeat(101) },
      'surname',
      'Surname can be at most 100 characters; this one has 101.',
    ],
    [
      'a tab in the surname',
      { surname: 'Smith\tJones' },
      'surname',
      'Surname contains a hidden control character (such as a tab or line break); please retype it.',
    ],
    [
      'a line break inside the forename',
      { forename: 'Ni\namh' },
      'forename',
      'Forename contains a hidden control character (such as a tab or line break); please retype it.',
    ],
    [
      'a right-to-left override in the surname',
      { surname: 'Smith\u202Egnirts' },
      'surname',
      'Surname contains a hidden control character (such as a tab or line break); please retype it.',
    ],
    [
      'a NUL in the forename',
      { forename: 'Niamh\u0000' },
      'forename',
      'Forename contains a hidden control character (such as a tab or line break); please retype it.',
    ],
    ['no candidate email', { email: '' }, 'email', "Enter the candidate's email, so they can be told the outcome."],
    ['an email with no domain', { email: 'niamh@' }, 'email', 'Email "niamh@" does not look like an email address.'],
    [
      'an email with a space',
      { email: 'niamh obrien@example.org' },
      'email',
      'Email "niamh obrien@example.org" does not look like an email address.',
    ],
    [
      'an email without a dot',
      { email: 'niamh@localhost' },
      'email',
      'Email "niamh@localhost" does not look like an email address.',
    ],
    [
      'a teacher email that is a name',
      { teacherEmail: 'Mr Khan' },
      'teacherEmail',
      'Teacher email "Mr Khan" does not look like an email address.',
    ],
    [
      'a teacher’s script request without the teacher’s email',
      { service: 'ats-copy', requestedBy: 'teacher', teacherEmail: '' },
      'teacherEmail',
      "Enter the teacher's email, so the script can be sent to them.",
    ],
    ['a 12-character UCI', { uci: '68199001205G' }, 'uci', 'A UCI has 13 characters; "68199001205G" has 12.'],
    [
      'a UCI with a wrong check letter',
      { uci: '681990012058H' },
      'uci',
      "The UCI 681990012058H does not add up: its check letter should be G, not H. Check it against the candidate's statement of results.",
    ],
    ['no board', { board: '' }, 'board', 'Choose the exam board.'],
    ['no series', { series: null }, 'series', 'Choose the series, like June 2026.'],
    ['no service', { service: '' }, 'service', 'Choose a service.'],
    [
      'an unknown service',
      { service: 're-mark' },
      'service',
      '"re-mark" is not a service the add-on knows; choose one from the list.',
    ],
    ['no subject', { subject: '' }, 'subject', 'Enter the subject, like Chemistry.'],
    [
      'no component for a paper-level service',
      { component: '' },
      'component',
      'Enter the component (the paper), like 7405/1: a review of marking is asked for one paper at a time.',
    ],
    [
      'nobody said who asked',
      { requestedBy: '' },
      'requestedBy',
      'Say who asked for this: the candidate or a teacher.',
    ],
    [
      'a parent asked',
      { requestedBy: 'parent' },
      'requestedBy',
      'Requested by must be the candidate or a teacher, not "parent".',
    ],
    ['consent as the word yes', { consent: 'yes' }, 'consent', 'Consent must be ticked or left unticked.'],
    ['consent as 1', { consent: 1 }, 'consent', 'Consent must be ticked or left unticked.'],
    [
      '30 February',
      { consentDate: '2026-02-30' },
      'consentDate',
      'Consent date "2026-02-30" is not a date: type it like 21/08/2026.',
    ],
    [
      'a consent date in words',
      { consentDate: 'yesterday' },
      'consentDate',
      'Consent date "yesterday" is not a date: type it like 21/08/2026.',
    ],
    [
      'month 13',
      { resultsIssued: '13/13/2026' },
      'resultsIssued',
      'Results issued "13/13/2026" is not a date: type it like 21/08/2026.',
    ],
    ['paid as maybe', { paid: 'maybe' }, 'paid', 'Paid must be yes, no or waived, not "maybe".'],
    [
      'a missing-result request without the indicator',
      { service: 'mir', indicator: '' },
      'indicator',
      'Choose the indicator shown on the results: X, #, Q or missing.',
    ],
    [
      'an indicator that does not exist',
      { service: 'mir', indicator: 'Z' },
      'indicator',
      'The indicator must be X, #, Q or missing, not "Z".',
    ],
    [
      'a mark in words',
      { originalMark: 'fifty' },
      'originalMark',
      'The original mark must be a number, like 54; "fifty" is not.',
    ],
    [
      'a negative mark',
      { originalMark: '-3' },
      'originalMark',
      'The original mark must be a number, like 54; "-3" is not.',
    ],
    [
      'an appeal that names no review',
      { service: 'appeal', relatedRequestId: '' },
      'relatedRequestId',
      "An appeal must name the review it follows: enter that request's ID, like R-2026-0042.",
    ],
    [
      'a related request that is not an ID',
      { relatedRequestId: 'R-42' },
      'relatedRequestId',
      '"R-42" is not a request ID (they look like R-2026-0042).',
    ],
    [
      'a priority review with no reason',
      { service: 'priority-review-of-marking', reason: '' },
      'reason',
      'Give the reason a priority review of marking is needed (for example, a university place depends on it).',
    ],
    [
      'a priority review with no qualification',
      { service: 'priority-review-of-marking', reason: 'UCAS', qualification: '' },
      'qualification',
      'Enter the qualification, like GCE A level: it decides whether a priority review of marking can be asked for.',
    ],
    [
      'a priority copy with no reason',
      { service: 'ats-priority-copy', reason: ' ' },
      'reason',
      'Give the reason a priority copy of script is needed (for example, a university place depends on it).',
    ],
    [
      '2,001 characters of notes',
      { notes: 'x'.repeat(2001) },
      'notes',
      'Notes can be at most 2,000 characters; this one has 2,001.',
    ],
    [
      'a 501-character late reason',
      { lateReason: 'x'.repeat(501) },
      'lateReason',
      'Late reason can be at most 500 characters; this one has 501.',
    ],
    ['a subject that is an object', { subject: { name: 'Chemistry' } }, 'subject', 'Subject must be text.'],
    ['a board that is a list', { board: ['AQA'] }, 'board', 'Board must be text.'],
    ['a surname that is true', { surname: true }, 'surname', 'Surname must be text.'],
    [
      'a 100,000-character forename',
      { forename: 'a'.repeat(100_000) },
      'forename',
      'Forename can be at most 100 characters; this one has 100,000.',
    ],
  ];

  it('the table has at least 30 bad inputs', () => {
    expect(BAD.length).toBeGreaterThanOrEqual(30);
  });

  it.each(BAD)('%s is refused on %#', (_what, change, field, message) => {
    const { errors } = checkForm(form(change));
    expect(errors).toEqual([{ field, message }]);
  });

  it.each(BAD)('%s is refused by validateRequest too, beside the same field', (_what, change, field, message) => {
    const r = validateRequest(form(change), ctx());
    expect(r.ok).toBe(false);
    expect(r.request).toBeNull();
    expect(r.errors).toContainEqual({ field, message });
  });

  it('the good form has no errors, so each refusal above is caused by its one change', () => {
    expect(checkForm(form())).toEqual({ form: form(), errors: [], warnings: [] });
  });

  it('a teacher’s script request does not need the candidate’s email', () => {
    const { errors } = checkForm(
      form({ service: 'ats-copy', requestedBy: 'teacher', teacherEmail: 'j.khan@example.sch.uk', email: '' }),
    );
    expect(errors).toEqual([]);
  });

  it('a teacher’s review request still needs the candidate’s email: the candidate is told the outcome', () => {
    const { errors } = checkForm(form({ requestedBy: 'teacher', teacherEmail: 'j.khan@example.sch.uk', email: '' }));
    expect(errors).toEqual([
      { field: 'email', message: "Enter the candidate's email, so they can be told the outcome." },
    ]);
  });

  it('MIR and late certification are for the whole qualification, so need no component', () => {
    expect(checkForm(form({ service: 'mir', indicator: '#', component: '' })).errors).toEqual([]);
    expect(checkForm(form({ service: 'late-certification', component: '' })).errors).toEqual([]);
  });

  it('exactly 100-character names and 2,000 characters of notes are accepted', () => {
    expect(checkForm(form({ surname: 'x'.repeat(100), notes: 'n'.repeat(2000) })).errors).toEqual([]);
  });

  it('notes, reasons and late reasons may run over several lines', () => {
    const { form: f, errors } = checkForm(form({ notes: 'Line one\nLine two\r\n\tindented', lateReason: 'a\nb' }));
    expect(errors).toEqual([]);
    expect(f.notes).toBe('Line one\nLine two\r\n\tindented');
  });

  it('lists every error at once, in the order of the form', () => {
    const { errors } = checkForm(
      form({ candidateNumber: '12', surname: '', email: 'x', service: 'appeal', notes: 'x'.repeat(2001) }),
    );
    expect(errors.map((e) => e.field)).toEqual(['candidateNumber', 'surname', 'email', 'relatedRequestId', 'notes']);
  });

  it('a UCI whose check letter the unconfirmed table disputes is a warning, not an error', () => {
    const { errors, warnings } = checkForm(form({ uci: '681990252058L' }));
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      {
        field: 'uci',
        message:
          'The UCI 681990252058L ends in L, but the check-letter table the add-on uses (not yet confirmed) expects R. If the UCI was copied from the MIS or a statement of results, keep it.',
      },
    ]);
  });
});

describe('what the form keeps, and how it tidies what was typed', () => {
  it('keeps names exactly: accents, apostrophes, hyphens, other scripts', () => {
    const names = [
      ["D'Arcy-Ní Bhriain", 'Zoë'],
      ['Nguyễn', 'Thị Minh'],
      ['Østergaard-Łukasiewicz', 'Søren'],
      ['O’Neill', 'Seán'],
      ['محمد', 'علي'],
      ['כהן', 'נועה'],
      ['Иванова', 'Анна'],
      ['李', '小龙'],
    ];
    for (const [surname, forename] of names) {
      const { form: f, errors } = checkForm(form({ surname, forename }));
      expect(errors).toEqual([]);
      expect([f.surname, f.forename]).toEqual([surname, forename]);
    }
  });

  it('accepts emoji in a name when it is printable, including joined emoji', () => {
    const { form: f, errors } = checkForm(form({ forename: 'Sky 🌟', surname: 'Scientist 👩‍🔬' }));
    expect(errors).toEqual([]);
    expect(f.forename).toBe('Sky 🌟');
    expect(f.surname).toBe('Scientist 👩‍🔬');
  });

  it('takes a surname like =HYPERLINK(...) as plain text: the sheet stores it as text', () => {
    const surname = '=HYPERLINK("http://example.com","Click me")';
    const { form: f, errors } = checkForm(form({ surname }));
    expect(errors).toEqual([]);
    expect(f.surname).toBe(surname);
  });

  it('trims spaces around values but not inside them', () => {
    const { form: f } = checkForm(form({ surname: '  Smith  Jones ', subject: ' Chemistry ' }));
    expect(f.surname).toBe('Smith  Jones');
    expect(f.subject).toBe('Chemistry');
  });

  it('takes a candidate number sent as a number', () => {
    const { form: f, errors } = checkForm(form({ candidateNumber: 2058 }));
    expect(errors).toEqual([]);
    expect(f.candidateNumber).toBe('2058');
  });

  it('writes a typed UK date as ISO, and a UCI without spaces in capitals', () => {
    const { form: f, errors } = checkForm(form({ consentDate: '14/8/2026', uci: '68199 0 01 2058 g' }));
    expect(errors).toEqual([]);
    expect(f.consentDate).toBe('2026-08-14');
    expect(f.uci).toBe('681990012058G');
  });

  it('reads choices in any case: service by name, Teacher, YES, indicator x, a lower-case request ID', () => {
    const { form: f, errors } = checkForm(
      form({
        service: 'Copy of script',
        requestedBy: 'Teacher',
        teacherEmail: 'j.khan@example.sch.uk',
        paid: 'YES',
        indicator: 'x',
        relatedRequestId: ' r-2026-0003 ',
      }),
    );
    expect(errors).toEqual([]);
    expect(f).toMatchObject({
      service: 'ats-copy',
      requestedBy: 'teacher',
      paid: 'yes',
      indicator: 'X',
      relatedRequestId: 'R-2026-0003',
    });
  });

  it('a blank Paid means not paid yet', () => {
    expect(checkForm(form({ paid: '' })).form.paid).toBe('no');
  });

  it('an unticked (missing) consent is false', () => {
    const { form: f, errors } = checkForm(form({ consent: undefined }));
    expect(errors).toEqual([]);
    expect(f.consent).toBe(false);
  });
});

describe('a tampered or broken call is refused safely, never with a crash', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['a string', 'surname=Smith'],
    ['an array', [form()]],
  ])('%s instead of a form: every required field is reported, and the form itself', (_what, input) => {
    const { form: f, errors } = checkForm(input);
    expect(errors[0]).toEqual({
      field: 'form',
      message: 'The request form was empty or could not be read. Please fill it in again.',
    });
    expect(errors.map((e) => e.field)).toEqual([
      'form',
      'candidateNumber',
      'surname',
      'forename',
      'email',
      'board',
      'subject',
      'series',
      'service',
      'requestedBy',
    ]);
    expect(f.surname).toBe('');
    expect(f.consent).toBe(false);
    expect(validateRequest(input, ctx()).ok).toBe(false);
  });

  it('an empty object gets the required-field messages without the form message', () => {
    const { errors } = checkForm({});
    expect(errors.map((e) => e.field)).not.toContain('form');
    expect(errors).toHaveLength(9);
  });

  it('nested objects in every field are each refused as not text', () => {
    const tampered = Object.fromEntries(Object.keys(form()).map((k) => [k, { $gt: '' }]));
    const { errors } = checkForm(tampered);
    const fields = errors.map((e) => e.field);
    for (const k of Object.keys(form())) expect(fields).toContain(k);
    expect(errors.find((e) => e.field === 'notes')?.message).toBe('Notes must be text.');
    expect(errors.find((e) => e.field === 'consent')?.message).toBe('Consent must be ticked or left unticked.');
  });

  it('100,000-character strings in every field are refused by length, and the message does not repeat them', () => {
    const huge = 'A'.repeat(100_000);
    const tampered = Object.fromEntries(Object.keys(form()).map((k) => [k, k === 'consent' ? true : huge]));
    const { errors } = checkForm(tampered);
    const textFields = Object.keys(form()).filter((k) => k !== 'consent');
    expect(errors.map((e) => e.field).sort()).toEqual(textFields.sort());
    for (const e of errors) expect(e.message.length).toBeLessThan(200);
    expect(errors.find((e) => e.field === 'notes')?.message).toBe(
      'Notes can be at most 2,000 characters; this one has 100,000.',
    );
  });

  it('a value echoed in a message is cut short after 40 characters', () => {
    expect(checkForm(form({ service: 'x'.repeat(50) })).errors).toEqual([
      {
        field: 'service',
        message: `"${'x'.repeat(40)}…" is not a service the add-on knows; choose one from the list.`,
      },
    ]);
    expect(checkForm(form({ paid: 'p'.repeat(20) })).errors).toEqual([
      { field: 'paid', message: `Paid must be yes, no or waived, not "${'p'.repeat(20)}".` },
    ]);
  });

  it('does not read fields from a prototype', () => {
    const polluted = JSON.parse('{"__proto__": {"surname": "Injected"}}');
    expect(checkForm({ ...form(), ...polluted, surname: undefined }).form.surname).toBe('');
    const inherited = Object.create({ surname: 'Inherited' });
    expect(checkForm(inherited).form.surname).toBe('');
  });

  it('refuses a broken character (a lone surrogate) in a name', () => {
    expect(checkForm(form({ surname: 'Smith\ud800' })).errors).toEqual([
      {
        field: 'surname',
        message: 'Surname contains a hidden control character (such as a tab or line break); please retype it.',
      },
    ]);
  });

  it('never throws, whatever is put in any field', () => {
    const weird: unknown[] = [
      null,
      undefined,
      0,
      -1,
      NaN,
      Infinity,
      true,
      false,
      [],
      {},
      '',
      ' ',
      '\u0000',
      'x'.repeat(3000),
      [1, 2],
      () => 1,
      Symbol('s'),
      10n,
    ];
    for (const key of Object.keys(form())) {
      for (const value of weird) {
        const r = validateRequest(form({ [key]: value }), ctx());
        expect(Array.isArray(r.errors)).toBe(true);
      }
    }
  });
});

// ---------------------------------------------------------------------------

describe('board, series and service must be in the officer’s Services sheet', () => {
  it('a board the sheet does not list is refused: add its rows first', () => {
    const r = validateRequest(form({ board: 'Edexcel International' }), ctx());
    expect(r.errors).toEqual([
      {
        field: 'board',
        message:
          '"Edexcel International" is not a board in the Services sheet. Choose one from the list, or add the board\'s rows to the Services sheet first.',
      },
    ]);
  });

  it('a series the sheet does not list for that board is refused', () => {
    const r = validateRequest(form({ series: 'November 2026' }), ctx());
    expect(r.errors).toEqual([
      {
        field: 'series',
        message: 'The Services sheet has no November 2026 series for AQA. Add its rows to the Services sheet first.',
      },
    ]);
  });

  it('a service the sheet does not list for that board and series is refused', () => {
    const services = SEED_SERVICES.filter((s) => !(s.board === 'AQA' && s.service === 'review-of-marking'));
    expect(validateRequest(form(), ctx({ services })).errors).toEqual([
      {
        field: 'service',
        message:
          'The Services sheet has no row for AQA, June 2026, Review of marking. If the board offers it, add that row to the Services sheet first.',
      },
    ]);
  });

  it('board and series match whatever their case and spacing', () => {
    expect(validateRequest(form({ board: 'aqa', series: 'june  2026' }), ctx()).errors).toEqual([]);
  });
});

describe('consent: marks and grades can go down as well as up', () => {
  const because = (service: string) =>
    `${service} needs the candidate's written consent: marks and grades can go down as well as up, so the candidate must agree in writing first.`;

  it.each([
    ['clerical-recheck', 'A clerical re-check'],
    ['review-of-marking', 'A review of marking'],
    ['priority-review-of-marking', 'A priority review of marking'],
  ])('a %s without written consent is refused, and says why', (service, named) => {
    const r = validateRequest(form({ service, reason: 'UCAS place', ...NO_CONSENT }), ctx({ today: '2026-08-18' }));
    expect(r.errors).toEqual([{ field: 'consent', message: because(named) }]);
  });

  it('an appeal without consent is refused too: the JCQ form covers any later appeal', () => {
    const r = validateRequest(
      form({ service: 'appeal', relatedRequestId: 'R-2026-0003', ...NO_CONSENT }),
      ctx({ today: '2026-09-20', existing: [earlier()] }),
    );
    expect(r.errors).toEqual([{ field: 'consent', message: because('A preliminary appeal') }]);
  });

  it('consent ticked without its date is refused', () => {
    expect(validateRequest(form({ consentDate: '' }), ctx()).errors).toEqual([
      { field: 'consentDate', message: 'Enter the date the candidate gave written consent.' },
    ]);
  });

  it('consent dated in the future is refused', () => {
    expect(validateRequest(form({ consentDate: '2026-08-22' }), ctx()).errors).toEqual([
      { field: 'consentDate', message: 'The consent date 22/08/2026 is in the future (today is 21/08/2026).' },
    ]);
  });

  it('consent dated before results day is refused: it can only be collected after results', () => {
    expect(validateRequest(form({ consentDate: '2026-08-12' }), ctx()).errors).toEqual([
      {
        field: 'consentDate',
        message:
          'The consent date 12/08/2026 is before results day (13/08/2026): consent can only be collected after results are published.',
      },
    ]);
  });

  it('consent dated on results day itself is accepted', () => {
    expect(validateRequest(form({ consentDate: '2026-08-13' }), ctx()).errors).toEqual([]);
  });

  it('without a results date on the form, the results day of the context is used', () => {
    const r = validateRequest(
      form({ resultsIssued: '', consentDate: '2026-08-19' }),
      ctx({ resultsDay: '2026-08-20' }),
    );
    expect(r.errors).toEqual([
      {
        field: 'consentDate',
        message:
          'The consent date 19/08/2026 is before results day (20/08/2026): consent can only be collected after results are published.',
      },
    ]);
    expect(
      validateRequest(form({ resultsIssued: '', consentDate: '2026-08-20' }), ctx({ resultsDay: '2026-08-20' })).errors,
    ).toEqual([]);
  });

  it('a script for the candidate needs their consent to the centre seeing it', () => {
    expect(validateRequest(form({ service: 'ats-copy', paid: 'no', ...NO_CONSENT }), ctx()).errors).toEqual([
      {
        field: 'consent',
        message: "The candidate's written consent to the centre seeing their script is needed first.",
      },
    ]);
  });

  it('a script a teacher will use in class needs the candidate’s consent too', () => {
    const r = validateRequest(
      form({
        service: 'ats-original',
        paid: 'no',
        requestedBy: 'teacher',
        teacherEmail: 'j.khan@example.sch.uk',
        ...NO_CONSENT,
      }),
      ctx(),
    );
    expect(r.errors).toEqual([
      {
        field: 'consent',
        message: "A teacher wants this script to use in class, so the candidate's written consent is needed first.",
      },
    ]);
  });

  it('a review of moderation, a missing result and late certification need no candidate consent', () => {
    const services = servicesWith('AQA', 'review-of-moderation', { fee: 25 });
    for (const service of ['review-of-moderation', 'mir', 'late-certification']) {
      const r = validateRequest(
        form({ service, indicator: 'Q', candidatesCovered: 'whole cohort', ...NO_CONSENT }),
        ctx({ services }),
      );
      expect(r.errors).toEqual([]);
    }
  });
});

describe('payment: requests cannot be processed without payment', () => {
  it('a paid service not yet paid is refused, naming the fee', () => {
    expect(validateRequest(form({ paid: 'no' }), ctx()).errors).toEqual([
      {
        field: 'paid',
        message:
          'Requests cannot be processed without payment: the fee for a review of marking is £48.65. Mark it paid, or waived if the centre is paying.',
      },
    ]);
  });

  it('paid, or waived (the centre pays), is accepted with the fee recorded', () => {
    expect(validateRequest(form({ paid: 'yes' }), ctx())).toMatchObject({ ok: true, fee: 48.65 });
    expect(validateRequest(form({ paid: 'waived' }), ctx())).toMatchObject({ ok: true, fee: 48.65 });
  });

  it('a paid service whose fee is still blank in Services is refused: blank is not free', () => {
    const r = validateRequest(form({ board: 'OCR', subject: 'Biology A', component: 'H420/01' }), ctx());
    expect(r.errors).toEqual([
      {
        field: 'service',
        message:
          "The fee for OCR, June 2026, Review of marking is blank in the Services sheet. Fill in that row's fee first: blank is not free (enter 0 if the board does not charge).",
      },
    ]);
    expect(r.fee).toBeNull();
  });

  it('a paid service the officer has priced at £0 needs no payment', () => {
    const services = servicesWith('OCR', 'clerical-recheck', { fee: 0 });
    const r = validateRequest(
      form({ board: 'OCR', service: 'clerical-recheck', component: '05689', paid: 'no' }),
      ctx({ services }),
    );
    expect(r).toMatchObject({ ok: true, fee: 0 });
  });

  it('a free service with a blank fee needs no payment and is recorded at £0', () => {
    const r = validateRequest(form({ service: 'mir', component: '', indicator: 'missing', paid: 'no' }), ctx());
    expect(r).toMatchObject({ ok: true, fee: 0 });
  });

  it('a free-unless-priced service the board prices needs payment: Pearson’s late cash-in', () => {
    const late = form({
      board: 'Pearson Edexcel',
      service: 'late-certification',
      qualification: 'Level 3 Extended Project',
      subject: 'Extended Project',
      component: '',
      paid: 'no',
      ...NO_CONSENT,
    });
    const r = validateRequest(late, ctx());
    expect(r.errors).toEqual([
      {
        field: 'paid',
        message:
          'Requests cannot be processed without payment: the fee for a late certification is £7.35. Mark it paid, or waived if the centre is paying.',
      },
    ]);
    expect(validateRequest({ ...late, paid: 'yes' }, ctx())).toMatchObject({ ok: true, fee: 7.35 });
  });
});

describe('deadlines: a late request only with the officer’s reason', () => {
  it('a request after the board’s deadline is refused, naming the deadline', () => {
    expect(validateRequest(form(), ctx({ today: '2026-09-25' })).errors).toEqual([
      {
        field: 'lateReason',
        message:
          "The board's deadline for a review of marking (AQA, June 2026) was 24/09/2026; today is 25/09/2026. It can only be taken late with a reason, which is kept in the notes.",
      },
    ]);
  });

  it('a request on the deadline day itself is accepted', () => {
    expect(validateRequest(form(), ctx({ today: '2026-09-24' })).ok).toBe(true);
  });

  it('with a reason, a late request is accepted and the reason goes first in the notes', () => {
    const r = validateRequest(
      form({ lateReason: 'Head of centre agreed; candidate was in hospital' }),
      ctx({ today: '2026-09-25' }),
    );
    expect(r).toMatchObject({
      ok: true,
      notes: "Accepted after the board's deadline of 24/09/2026: Head of centre agreed; candidate was in hospital",
    });
  });

  it('the late reason is put before the officer’s own notes, which are kept', () => {
    const r = validateRequest(
      form({ lateReason: 'Board agreed by phone', notes: 'Paid by card' }),
      ctx({ today: '2026-09-25' }),
    );
    expect(r.notes).toBe("Accepted after the board's deadline of 24/09/2026: Board agreed by phone\nPaid by card");
  });

  it('a late reason on a request that is not late is not recorded, and the officer is told', () => {
    const r = validateRequest(form({ lateReason: 'Just in case', notes: 'Paid by card' }), ctx());
    expect(r).toMatchObject({ ok: true, notes: 'Paid by card' });
    expect(r.warnings).toEqual([
      {
        field: 'lateReason',
        message: 'The request is not late, so the late reason is not needed and is not recorded.',
      },
    ]);
  });

  it('when Services has no deadline, the officer is warned to check the board’s', () => {
    const r = validateRequest(form({ service: 'late-certification', component: '', paid: 'no' }), ctx());
    expect(r.ok).toBe(true);
    expect(r.deadline).toBeNull();
    expect(r.warnings).toEqual([
      {
        field: 'service',
        message:
          "The Services sheet has no deadline for AQA, June 2026, Late certification: check the board's deadline before you submit.",
      },
    ]);
  });

  it('when Services has no deadline, a late reason given is still kept in the notes', () => {
    const r = validateRequest(
      form({ service: 'mir', indicator: 'X', component: '', paid: 'no', lateReason: 'Board portal closed 1 Sept' }),
      ctx({ services: servicesWith('AQA', 'mir', { deadline: null }) }),
    );
    expect(r.notes).toBe('Late reason (the Services sheet has no deadline): Board portal closed 1 Sept');
  });
});

describe('priority services: for a candidate whose next step depends on it', () => {
  const priority = (over: Record<string, unknown> = {}) =>
    form({ service: 'priority-review-of-marking', reason: 'University place depends on it', ...over });
  const beforeDeadline = ctx({ today: '2026-08-18' });
  // GCSE results come out on 20 August, a week after A level: a GCSE candidate's consent is dated from then.
  const gcse = { qualification: 'GCSE', resultsIssued: '2026-08-20', consentDate: '2026-08-20' };
  const gcseDay = ctx({ today: '2026-08-21' });

  it('a priority review of a GCSE is refused at AQA: it is for A level and Level 3 only', () => {
    expect(validateRequest(priority({ ...gcse, subject: 'Biology', component: '8461/1H' }), gcseDay).errors).toEqual([
      {
        field: 'qualification',
        message:
          'A priority review of marking is only for AS/A level and other Level 3 qualifications (it is for candidates whose university place depends on the outcome); "GCSE" is not one.',
      },
    ]);
  });

  it('a priority review of a Level 3 vocational qualification is accepted', () => {
    expect(validateRequest(priority({ qualification: 'AQA Applied General' }), beforeDeadline).errors).toEqual([]);
  });

  it('a priority review of a Pearson GCSE is accepted with a warning to check the service still exists', () => {
    const services = servicesWith('Pearson Edexcel', 'priority-review-of-marking', { fee: 55 });
    const r = validateRequest(
      priority({ board: 'Pearson Edexcel', ...gcse, subject: 'Mathematics', component: '1MA1/1H' }),
      { ...gcseDay, services },
    );
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([{ field: 'qualification', message: PEARSON_GCSE_PRIORITY_WARNING }]);
  });

  it('a Pearson GCSE priority request has the GCSE deadline, not the A level one: on 21 August it is not late', () => {
    const services = servicesWith('Pearson Edexcel', 'priority-review-of-marking', { fee: 55 });
    const gcseRequest = validateRequest(
      priority({ board: 'Pearson Edexcel', ...gcse, subject: 'Mathematics', component: '1MA1/1H' }),
      { ...gcseDay, services },
    );
    expect(gcseRequest.deadline).toBe('2026-08-27');
    expect(gcseRequest.errors).toEqual([]);
    const aLevel = validateRequest(
      priority({ board: 'Pearson Edexcel', subject: 'Mathematics', component: '9MA0/01' }),
      { ...gcseDay, services },
    );
    expect(aLevel.deadline).toBe('2026-08-20');
    expect(aLevel.errors.map((e) => e.field)).toEqual(['lateReason']);
  });
});

describe('fees and deadlines by qualification level', () => {
  it('AQA charges £42.00 for a GCSE review of marking and £48.65 for A level', () => {
    const gcse = validateRequest(
      form({
        qualification: 'GCSE',
        subject: 'Biology',
        component: '8461/1H',
        resultsIssued: '2026-08-20',
        consentDate: '2026-08-20',
      }),
      ctx({ today: '2026-08-21' }),
    );
    expect(gcse).toMatchObject({ ok: true, fee: 42 });
    expect(validateRequest(form(), ctx())).toMatchObject({ ok: true, fee: 48.65 });
  });

  it('a Level 3 vocational review of marking at AQA takes the row that serves every other level', () => {
    expect(validateRequest(form({ qualification: 'AQA Applied General' }), ctx())).toMatchObject({ fee: 48.65 });
  });

  it('where the board prices levels apart and the qualification is not one the add-on knows, the officer is asked for it', () => {
    const r = validateRequest(form({ qualification: 'Biology' }), ctx());
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([
      {
        field: 'qualification',
        message:
          'AQA charges a review of marking by qualification level (GCSE £42.00, other levels £48.65): enter the qualification, like GCSE or GCE A level, so the right fee and deadline are used.',
      },
    ]);
  });

  it('a board with one row for every level charges the same whatever the level', () => {
    const services = servicesWith('OCR', 'review-of-marking', { fee: 50 });
    const ocr = { board: 'OCR', subject: 'Mathematics', component: 'J560/04' };
    const gcse = validateRequest(
      form({ ...ocr, qualification: 'GCSE', resultsIssued: '2026-08-20', consentDate: '2026-08-20' }),
      ctx({ today: '2026-08-21', services }),
    );
    expect(gcse).toMatchObject({ ok: true, fee: 50 });
    expect(validateRequest(form({ ...ocr }), ctx({ services }))).toMatchObject({ ok: true, fee: 50 });
  });

  it('a service the Services sheet lists only for other levels is refused for this one, naming the levels it has', () => {
    const services = SEED_SERVICES.filter((r) => !(r.board === 'OCR' && r.service === 'review-of-marking')).concat([
      {
        ...SEED_SERVICES.find((r) => r.board === 'OCR' && r.service === 'review-of-marking')!,
        fee: 50,
        levels: ['a-level'],
      },
    ]);
    const r = validateRequest(
      form({
        board: 'OCR',
        qualification: 'GCSE',
        subject: 'Mathematics',
        component: 'J560/04',
        resultsIssued: '2026-08-20',
        consentDate: '2026-08-20',
      }),
      ctx({ today: '2026-08-21', services }),
    );
    expect(r.errors).toEqual([
      {
        field: 'qualification',
        message:
          'The Services sheet lists OCR, June 2026, Review of marking only for AS/A level, not for GCSE ("GCSE"). If the board offers it at this level, add that row to the Services sheet first.',
      },
    ]);
  });
});

describe("consent is dated on or after the results day of the candidate's level", () => {
  it('consent of 1 August saved on 20 August is refused even when Results issued is left blank', () => {
    const r = validateRequest(form({ resultsIssued: '', consentDate: '2026-08-01' }), ctx({ today: '2026-08-20' }));
    expect(r.errors).toEqual([
      {
        field: 'consentDate',
        message:
          'The consent date 01/08/2026 is before results day (13/08/2026): consent can only be collected after results are published.',
      },
    ]);
  });

  it('a GCSE candidate cannot consent on A level results day: GCSE results come out on 20 August', () => {
    const r = validateRequest(
      form({
        qualification: 'GCSE',
        subject: 'Biology',
        component: '8461/1H',
        resultsIssued: '',
        consentDate: '2026-08-13',
      }),
      ctx({ today: '2026-08-21' }),
    );
    expect(r.errors.map((e) => e.message)).toEqual([
      'The consent date 13/08/2026 is before results day (20/08/2026): consent can only be collected after results are published.',
    ]);
  });

  it('an A level candidate may consent on 13 August with Results issued left blank', () => {
    expect(validateRequest(form({ resultsIssued: '', consentDate: '2026-08-13' }), ctx()).errors).toEqual([]);
  });
});

describe('appeals: after a review’s outcome, within the appeal window', () => {
  const appeal = (over: Record<string, unknown> = {}) =>
    form({ service: 'appeal', relatedRequestId: 'R-2026-0003', ...over });
  const at = (today: string, existing: ExistingRequest[] = [earlier()], services = SEED_SERVICES) =>
    ctx({ today, existing, services });

  it('the review named must exist', () => {
    expect(validateRequest(appeal({ relatedRequestId: 'R-2026-0099' }), at('2026-09-20')).errors).toEqual([
      { field: 'relatedRequestId', message: 'There is no request R-2026-0099 in the logs.' },
    ]);
  });

  it('the review is found whatever case the ID was typed in', () => {
    expect(validateRequest(appeal({ relatedRequestId: 'r-2026-0003' }), at('2026-09-20')).ok).toBe(true);
  });

  it('a clerical re-check cannot be appealed: an appeal follows a review of marking or moderation', () => {
    const r = validateRequest(appeal(), at('2026-09-20', [earlier({ service: 'clerical-recheck' })]));
    expect(r.errors).toEqual([
      {
        field: 'relatedRequestId',
        message:
          'R-2026-0003 is a clerical re-check: an appeal can only follow a review of marking or a review of moderation.',
      },
    ]);
  });

  it('a priority review of marking and a review of moderation can be appealed', () => {
    expect(validateRequest(appeal(), at('2026-09-20', [earlier({ service: 'priority-review-of-marking' })])).ok).toBe(
      true,
    );
    // Moderation covers the centre's sample, so the review may be logged under another candidate.
    const moderation = earlier({ service: 'review-of-moderation', candidateNumber: '1001' });
    expect(validateRequest(appeal(), at('2026-09-20', [moderation])).ok).toBe(true);
  });

  it('a withdrawn review has no outcome to appeal', () => {
    expect(validateRequest(appeal(), at('2026-09-20', [earlier({ status: 'Withdrawn' })])).errors).toEqual([
      { field: 'relatedRequestId', message: 'R-2026-0003 was withdrawn, so there is no outcome to appeal.' },
    ]);
  });

  it('the review must have its outcome recorded', () => {
    const r = validateRequest(appeal(), at('2026-09-20', [earlier({ status: 'Submitted', outcomeReceived: '' })]));
    expect(r.errors).toEqual([
      {
        field: 'relatedRequestId',
        message:
          "R-2026-0003 has no outcome recorded yet: an appeal can only be made once the review's outcome has been received.",
      },
    ]);
  });

  it('the review must be the same candidate’s and to the same board', () => {
    const r = validateRequest(appeal(), at('2026-09-20', [earlier({ candidateNumber: '1234', board: 'OCR' })]));
    expect(r.errors).toEqual([
      { field: 'relatedRequestId', message: 'R-2026-0003 is for candidate 1234, not 2058.' },
      { field: 'relatedRequestId', message: 'R-2026-0003 was made to OCR, not AQA.' },
    ]);
  });

  it('a review of a different paper is only a warning: the officer may have grouped papers', () => {
    const r = validateRequest(appeal({ component: '7405/2' }), at('2026-09-20'));
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([
      {
        field: 'component',
        message: 'R-2026-0003 was for component 7405/1, not 7405/2: check that the appeal is about the same paper.',
      },
    ]);
  });

  it('takes its deadline from the outcome: 30 days from Settings, the last day included', () => {
    expect(validateRequest(appeal(), at('2026-10-10'))).toMatchObject({ ok: true, deadline: '2026-10-10' });
    expect(validateRequest(appeal(), at('2026-10-11')).errors).toEqual([
      {
        field: 'lateReason',
        message:
          'The appeal window for R-2026-0003 closed on 10/10/2026 (30 days after its outcome on 10/09/2026); today is 11/10/2026. It can only be taken late with a reason, which is kept in the notes.',
      },
    ]);
  });

  it('the window follows Settings when the officer changes it', () => {
    const shorter = {
      ...ctx({ today: '2026-09-25', existing: [earlier()] }),
      settings: { ...settings, appealWindowDays: 14 },
    };
    expect(validateRequest(appeal(), shorter).errors[0]?.message).toMatch(
      /^The appeal window for R-2026-0003 closed on 24\/09\/2026 \(14 days/,
    );
  });

  it('a board’s appeal row can set its own window in Notes ("appeal window: 14 days")', () => {
    const services = servicesWith('AQA', 'appeal', {
      notes: 'Vocational: appeal window: 14 days; check before season',
    });
    expect(validateRequest(appeal(), at('2026-09-24', [earlier()], services))).toMatchObject({
      ok: true,
      deadline: '2026-09-24',
    });
    expect(validateRequest(appeal(), at('2026-09-25', [earlier()], services)).errors).toEqual([
      {
        field: 'lateReason',
        message:
          'The appeal window for R-2026-0003 closed on 24/09/2026 (14 days after its outcome on 10/09/2026); today is 25/09/2026. It can only be taken late with a reason, which is kept in the notes.',
      },
    ]);
  });

  it('a late appeal with a reason is accepted, the reason noted (e.g. the board sent the script late)', () => {
    const r = validateRequest(appeal({ lateReason: 'Board sent the script copy late' }), at('2026-10-12'));
    expect(r).toMatchObject({
      ok: true,
      notes: "Accepted after the board's deadline of 10/10/2026: Board sent the script copy late",
    });
  });
});

describe('duplicates: one open request per candidate, board, paper and service', () => {
  it('a second review of marking while the first is open is refused, naming the first', () => {
    const r = validateRequest(form(), ctx({ existing: [earlier({ status: 'Submitted', outcomeReceived: '' })] }));
    expect(r.errors).toEqual([
      {
        field: 'service',
        message:
          'Candidate 2058 already has an open review of marking for AQA 7405/1: R-2026-0003. Update that request instead of making a new one.',
      },
    ]);
  });

  it('the same service for another paper, another series, another board or another candidate is fine', () => {
    const open = earlier({ status: 'Submitted', outcomeReceived: '' });
    for (const other of [
      { component: '7405/2' },
      { series: 'November 2025' },
      { board: 'OCR' },
      { candidateNumber: '1234' },
    ]) {
      expect(validateRequest(form(), ctx({ existing: [{ ...open, ...other }] })).errors).toEqual([]);
    }
  });

  it('the paper matches whatever its spacing and case', () => {
    const open = earlier({ status: 'Received', outcomeReceived: '', component: ' 7405 / 1 ' });
    expect(validateRequest(form(), ctx({ existing: [open] })).errors).toHaveLength(1);
  });

  it('a clerical re-check of a paper that has already had one is refused, even when closed: once per paper', () => {
    const r = validateRequest(
      form({ service: 'clerical-recheck' }),
      ctx({ existing: [earlier({ requestId: 'R-2026-0001', service: 'clerical-recheck', status: 'Closed' })] }),
    );
    expect(r.errors).toEqual([
      {
        field: 'service',
        message:
          'Candidate 2058 has already had a clerical re-check of AQA 7405/1 (R-2026-0001): the board allows only one per paper.',
      },
    ]);
  });

  it('a review of marking after a closed priority review of the same paper is refused: one review per paper', () => {
    const r = validateRequest(
      form(),
      ctx({ existing: [earlier({ service: 'priority-review-of-marking', status: 'Closed' })] }),
    );
    expect(r.errors).toEqual([
      {
        field: 'service',
        message:
          'Candidate 2058 has already had a priority review of marking of AQA 7405/1 (R-2026-0003): the board allows only one per paper.',
      },
    ]);
  });

  it('a withdrawn request does not count: it can be asked for again', () => {
    const r = validateRequest(form(), ctx({ existing: [earlier({ status: 'Withdrawn' })] }));
    expect(r.errors).toEqual([]);
  });

  it('a review of marking after a clerical re-check is fine: they are different services', () => {
    const r = validateRequest(form(), ctx({ existing: [earlier({ service: 'clerical-recheck', status: 'Closed' })] }));
    expect(r.errors).toEqual([]);
  });

  it('a second copy of a script after the first is closed is fine: only reviews are once per paper', () => {
    const r = validateRequest(
      form({ service: 'ats-copy', paid: 'no' }),
      ctx({ existing: [earlier({ requestId: 'S-2026-0002', service: 'ats-copy', status: 'Closed' })] }),
    );
    expect(r.errors).toEqual([]);
  });

  it('a review of moderation covers the whole centre: a second for the same paper is refused whoever it is logged under', () => {
    const services = servicesWith('AQA', 'review-of-moderation', { fee: 25 });
    const r = validateRequest(
      form({ service: 'review-of-moderation', candidatesCovered: '2058, 1001', ...NO_CONSENT }),
      ctx({
        services,
        existing: [earlier({ service: 'review-of-moderation', candidateNumber: '1001', status: 'Submitted' })],
      }),
    );
    expect(r.errors).toEqual([
      {
        field: 'service',
        message:
          'The centre already has an open review of moderation for AQA 7405/1: R-2026-0003. Update that request instead of making a new one.',
      },
    ]);
  });

  it('a missing result is matched by subject, as it concerns the whole qualification', () => {
    const mir = form({ service: 'mir', component: '', indicator: 'X', paid: 'no' });
    const open = earlier({ service: 'mir', component: '', status: 'Received' });
    expect(validateRequest(mir, ctx({ existing: [open] })).errors).toEqual([
      {
        field: 'service',
        message:
          'Candidate 2058 already has an open missing or incomplete result for AQA Chemistry: R-2026-0003. Update that request instead of making a new one.',
      },
    ]);
    expect(validateRequest(mir, ctx({ existing: [{ ...open, subject: 'Physics' }] })).errors).toEqual([]);
  });
});

describe('dates on the form', () => {
  it('a results date in the future is refused', () => {
    expect(validateRequest(form({ resultsIssued: '2026-08-27' }), ctx()).errors).toEqual([
      { field: 'resultsIssued', message: 'The results issue date 27/08/2026 is in the future (today is 21/08/2026).' },
    ]);
  });

  it('a results date of today is accepted', () => {
    expect(validateRequest(form({ resultsIssued: '2026-08-21', consentDate: '2026-08-21' }), ctx()).errors).toEqual([]);
  });
});

describe('the UCI and the candidate number', () => {
  it('a UCI from this centre for another candidate number is a warning: check both', () => {
    const r = validateRequest(form({ candidateNumber: '1234' }), ctx());
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([
      {
        field: 'uci',
        message:
          'The UCI 681990012058G was given to candidate number 2058 at this centre, but the form says 1234. Check both.',
      },
    ]);
  });

  it('a UCI from another centre is accepted whatever its candidate number: candidates keep their UCI', () => {
    const r = validateRequest(form({ candidateNumber: '1234', uci: '689990980001D' }), ctx());
    expect(r).toMatchObject({ ok: true, warnings: [] });
  });

  it('no UCI at all is fine: it is optional', () => {
    expect(validateRequest(form({ uci: '' }), ctx())).toMatchObject({ ok: true, warnings: [] });
  });
});

describe('validateRequest: both layers, every error at once', () => {
  it('reports shape and rule errors together, in the order of the form', () => {
    const r = validateRequest(form({ surname: '', paid: 'no', consent: false }), ctx({ today: '2026-09-25' }));
    expect(r.errors.map((e) => e.field)).toEqual(['surname', 'consent', 'paid', 'lateReason']);
    expect(r.ok).toBe(false);
    expect(r.request).toBeNull();
  });

  it('does not judge a field the shape check already refused', () => {
    // The date is unreadable; "enter the consent date" would only repeat the problem.
    const r = validateRequest(form({ consentDate: 'last Friday' }), ctx());
    expect(r.errors).toEqual([
      { field: 'consentDate', message: 'Consent date "last Friday" is not a date: type it like 21/08/2026.' },
    ]);
  });

  it('still runs the rules that can run when the shape fails', () => {
    const r = validateRequest(form({ candidateNumber: 'abc', paid: 'no' }), ctx());
    expect(r.errors.map((e) => e.field)).toEqual(['candidateNumber', 'paid']);
  });

  it('a late priority review with no reason names the missing reason and the passed deadline on the first Save', () => {
    const r = validateRequest(
      form({ service: 'priority-review-of-marking', reason: '' }),
      ctx({ today: '2026-09-20' }),
    );
    expect(r.errors).toEqual([
      {
        field: 'reason',
        message:
          'Give the reason a priority review of marking is needed (for example, a university place depends on it).',
      },
      {
        field: 'lateReason',
        message:
          "The board's deadline for a priority review of marking (AQA, June 2026) was 20/08/2026; today is 20/09/2026. It can only be taken late with a reason, which is kept in the notes.",
      },
    ]);
  });

  it('with the qualification still blank, an unpaid late review is told about payment and the deadline too', () => {
    // AQA prices a review of marking by level, so the fee is not known yet; but every level's fee is owed
    // and every level's deadline has passed, so those are said now rather than after the qualification.
    const r = validateRequest(form({ qualification: '', paid: 'no' }), ctx({ today: '2026-09-25' }));
    expect(r.errors.map((e) => e.field)).toEqual(['qualification', 'paid', 'lateReason']);
    expect(r.errors[1].message).toContain(
      'Requests cannot be processed without payment: AQA charges a review of marking',
    );
    expect(r.errors[2].message).toBe(
      "The board's deadline for a review of marking (AQA, June 2026) was 24/09/2026 at every level; today is 25/09/2026. It can only be taken late with a reason, which is kept in the notes.",
    );
  });

  it('with the qualification blank but the deadline not yet passed at every level, only the qualification is asked for', () => {
    const r = validateRequest(form({ qualification: '' }), ctx());
    expect(r.errors.map((e) => e.field)).toEqual(['qualification']);
  });

  it('checkRules alone answers the officer’s rules for a well-formed form', () => {
    const { form: f } = checkForm(form({ paid: 'no' }));
    const r = checkRules(f, ctx());
    expect(r.errors.map((e) => e.field)).toEqual(['paid']);
    expect(r).toMatchObject({ fee: 48.65, deadline: '2026-09-24', log: 'Requests' });
  });

  it('checkRules has no log to name when no service was chosen', () => {
    const { form: f } = checkForm(form({ service: '' }));
    expect(checkRules(f, ctx()).log).toBeNull();
  });
});

describe('email addresses', () => {
  it.each(['niamh.obrien@example.org', 'j.khan+exams@school.sch.uk', "o'brien@example.ie", 'A@B.CO'])(
    '%s looks like one',
    (e) => {
      expect(isEmailAddress(e)).toBe(true);
    },
  );

  it.each([
    '',
    'niamh',
    'niamh@',
    '@example.org',
    'a@b',
    'a b@c.org',
    'a@b..org',
    'a@-b.org',
    'a@b.org.',
    `${'x'.repeat(65)}@example.org`,
  ])('%j does not', (e) => {
    expect(isEmailAddress(e)).toBe(false);
  });
});

// ---------------------------------------------------------------------------
// Issue 14, second half: the rules where families and money are at stake.

describe('late certification: free, and never taken after the deadline (OCR, seed 004)', () => {
  const late = (over: Record<string, unknown> = {}) =>
    form({ board: 'OCR', service: 'late-certification', component: '', paid: 'no', ...NO_CONSENT, ...over });
  const withDeadline = servicesWith('OCR', 'late-certification', { deadline: '2026-09-24' });

  it('OCR late certification is a free service: no fee, no payment needed', () => {
    const r = validateRequest(late(), ctx({ services: withDeadline }));
    expect(r).toMatchObject({ ok: true, errors: [], fee: 0, deadline: '2026-09-24' });
  });

  it('past the deadline it is refused with a clear message, even when the officer gives a late reason', () => {
    const r = validateRequest(
      late({ lateReason: 'The student only told us today' }),
      ctx({ services: withDeadline, today: '2026-09-25' }),
    );
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([
      {
        field: 'service',
        message:
          'OCR does not accept late certification applications after its deadline of Thursday 24 September 2026 (today is Friday 25 September 2026), so it cannot be taken late, even with a reason.',
      },
    ]);
    expect(r.notes).toBe('');
  });
});

describe('an original script means that paper can no longer be reviewed', () => {
  const original = earlier({ requestId: 'S-2026-0004', service: 'ats-original', status: 'Closed' });

  it('asking for the original script warns the officer that a later review of that paper can no longer be requested', () => {
    const r = validateRequest(form({ service: 'ats-original', paid: 'no' }), ctx());
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([
      {
        field: 'service',
        message:
          'Once the original script of 7405/1 is requested, a clerical re-check or review of marking of that paper can no longer be requested. Check that the candidate does not want one first.',
      },
    ]);
  });

  it('a later review of the same paper (candidate, board, subject, component, series) is refused, naming the script request', () => {
    for (const service of ['clerical-recheck', 'review-of-marking']) {
      const r = validateRequest(form({ service }), ctx({ existing: [original] }));
      expect(r.errors).toEqual([
        {
          field: 'overrideReason',
          message: expect.stringContaining(
            'The original script of AQA Chemistry 7405/1 was requested for candidate 2058 (S-2026-0004), so a',
          ),
        },
      ]);
    }
  });

  it('the officer may override with a reason, which goes first in the notes', () => {
    const r = validateRequest(
      form({ overrideReason: 'AQA agreed by phone on 2 September', notes: 'Paid in cash' }),
      ctx({ existing: [original] }),
    );
    expect(r.ok).toBe(true);
    expect(r.notes).toBe(
      'Requested although the original script was requested (S-2026-0004): AQA agreed by phone on 2 September\nPaid in cash',
    );
  });

  it('another paper, another series or a withdrawn script request does not stop a review', () => {
    for (const other of [
      { ...original, component: '7405/2' },
      { ...original, series: 'November 2025' },
      { ...original, subject: 'Physics' },
      { ...original, candidateNumber: '1001' },
      { ...original, status: 'Withdrawn' as const },
    ]) {
      expect(validateRequest(form(), ctx({ existing: [other] })).errors).toEqual([]);
    }
  });
});

describe('appeals in their stages', () => {
  const review = earlier({ outcomeReceived: '2026-09-10', status: 'Outcome received' });
  const appealForm = (over: Record<string, unknown> = {}) =>
    form({ service: 'appeal', relatedRequestId: 'R-2026-0003', ...over });
  const stage1 = earlier({
    requestId: 'R-2026-0007',
    service: 'appeal',
    outcomeReceived: '2026-10-01',
    status: 'Outcome received',
  });
  const hearingForm = (over: Record<string, unknown> = {}) =>
    form({ service: 'appeal-hearing', relatedRequestId: 'R-2026-0007', ...over });

  it('stage 1: 30 calendar days from receiving the review outcome', () => {
    const r = validateRequest(appealForm(), ctx({ today: '2026-09-20', existing: [review] }));
    expect(r).toMatchObject({ ok: true, fee: 120.05, deadline: '2026-10-10' });
  });

  it('stage 1 where reasons were asked for: also 15 days from receiving them, whichever is later', () => {
    const r = validateRequest(
      appealForm({ reasonsReceived: '2026-10-05' }),
      ctx({ today: '2026-10-15', existing: [review] }),
    );
    expect(r).toMatchObject({ ok: true, deadline: '2026-10-20' });
    const late = validateRequest(
      appealForm({ reasonsReceived: '2026-10-05' }),
      ctx({ today: '2026-10-21', existing: [review] }),
    );
    expect(late.errors).toEqual([
      {
        field: 'lateReason',
        message:
          'The appeal window for R-2026-0003 closed on 20/10/2026 (15 days after its reasons were received on 05/10/2026); today is 21/10/2026. It can only be taken late with a reason, which is kept in the notes.',
      },
    ]);
  });

  it('reasons dated before the review outcome are refused', () => {
    const r = validateRequest(
      appealForm({ reasonsReceived: '2026-09-01' }),
      ctx({ today: '2026-09-20', existing: [review] }),
    );
    expect(r.errors).toEqual([
      {
        field: 'reasonsReceived',
        message:
          "The reasons date 01/09/2026 is before the review's outcome (10/09/2026): the reasons come after the outcome.",
      },
    ]);
  });

  it('stage 2, the appeal hearing, is its own request linked to the preliminary appeal: 14 days from its outcome, at its own fee', () => {
    const r = validateRequest(hearingForm(), ctx({ today: '2026-10-10', existing: [review, stage1] }));
    expect(r).toMatchObject({ ok: true, fee: 205.8, deadline: '2026-10-15', log: 'Requests' });
    const late = validateRequest(hearingForm(), ctx({ today: '2026-10-16', existing: [review, stage1] }));
    expect(late.errors[0].message).toBe(
      'The window to ask for an appeal hearing after R-2026-0007 closed on 15/10/2026 (14 days after its outcome on 01/10/2026); today is 16/10/2026. It can only be taken late with a reason, which is kept in the notes.',
    );
  });

  it('a hearing must follow a preliminary appeal with its outcome, and a second preliminary appeal is pointed to the hearing', () => {
    expect(
      validateRequest(hearingForm({ relatedRequestId: 'R-2026-0003' }), ctx({ existing: [review] })).errors,
    ).toEqual([
      {
        field: 'relatedRequestId',
        message:
          'R-2026-0003 is a review of marking: an appeal hearing can only follow a preliminary appeal (stage 1). Log the preliminary appeal first.',
      },
    ]);
    const waiting = { ...stage1, outcomeReceived: '', status: 'Submitted' as const };
    expect(validateRequest(hearingForm(), ctx({ existing: [review, waiting] })).errors[0].message).toMatch(
      /an appeal hearing can only be asked for once the preliminary appeal's outcome has been received/,
    );
    const again = validateRequest(
      appealForm({ relatedRequestId: 'R-2026-0007', component: '7405/2' }),
      ctx({ today: '2026-10-05', existing: [stage1] }),
    );
    expect(again.errors).toEqual([
      {
        field: 'relatedRequestId',
        message:
          'R-2026-0007 is a preliminary appeal: to take it further, choose the service Appeal hearing (stage 2).',
      },
    ]);
  });

  it('the hearing window is data: Settings’ Appeal hearing window days', () => {
    const r = validateRequest(
      hearingForm(),
      ctx({ today: '2026-10-10', existing: [review, stage1], settings: { ...settings, appealHearingWindowDays: 21 } }),
    );
    expect(r.deadline).toBe('2026-10-22');
  });
});

describe('a review of moderation is a centre request', () => {
  const services = servicesWith('AQA', 'review-of-moderation', { fee: 25 });
  const moderation = (over: Record<string, unknown> = {}) =>
    form({
      service: 'review-of-moderation',
      candidateNumber: '',
      surname: '',
      forename: '',
      email: '',
      uci: '',
      requestedBy: '',
      paid: '',
      candidatesCovered: 'whole cohort',
      ...NO_CONSENT,
      ...over,
    });

  it('is recorded once per component with the candidates it covers: no candidate, no consent, fee paid by the centre', () => {
    const r = validateRequest(moderation(), ctx({ services }));
    expect(r).toMatchObject({ ok: true, errors: [], fee: 25, log: 'Requests' });
    expect(r.request).toMatchObject({ candidatesCovered: 'whole cohort', paid: 'waived', requestedBy: 'teacher' });
  });

  it('needs the candidates covered', () => {
    expect(validateRequest(moderation({ candidatesCovered: '' }), ctx({ services })).errors).toEqual([
      {
        field: 'candidatesCovered',
        message:
          'Enter the candidates a review of moderation covers: their candidate numbers (like 0042, 0107), or "whole cohort".',
      },
    ]);
  });

  it('a blank fee does not stop it (the board invoices the centre) but the officer is told to fill it in', () => {
    const r = validateRequest(moderation(), ctx());
    expect(r.ok).toBe(true);
    expect(r.fee).toBeNull();
    expect(r.warnings[0].message).toMatch(/The board invoices the centre, so the request is taken/);
  });

  it('a second review of moderation of the same component is refused, with no candidate on either', () => {
    const first = earlier({ service: 'review-of-moderation', candidateNumber: '', status: 'Submitted' });
    expect(validateRequest(moderation(), ctx({ services, existing: [first] })).errors[0].message).toBe(
      'The centre already has an open review of moderation for AQA 7405/1: R-2026-0003. Update that request instead of making a new one.',
    );
  });
});

describe('the rules that belong to no one subject, each on its own', () => {
  it('no date can be in the future: results issued, consent, reasons (datesNotInFuture)', () => {
    const c = judging({ resultsIssued: '2026-08-22', consentDate: '2026-08-23', reasonsReceived: '2026-08-24' });
    datesNotInFuture(c);
    expect(found(c.errors)).toEqual([
      ['resultsIssued', 'The results issue date 22/08/2026 is in the future (today is 21/08/2026).'],
      ['consentDate', 'The consent date 23/08/2026 is in the future (today is 21/08/2026).'],
      ['reasonsReceived', 'The reasons date 24/08/2026 is in the future (today is 21/08/2026).'],
    ]);
  });

  it('a UCI this centre gave another candidate number is a warning: check both (uciMatchesCandidate)', () => {
    const c = judging({ candidateNumber: '2059' });
    uciMatchesCandidate(c);
    expect(c.errors).toEqual([]);
    expect(found(c.warnings)).toEqual([
      [
        'uci',
        'The UCI 681990012058G was given to candidate number 2058 at this centre, but the form says 2059. Check both.',
      ],
    ]);
    const another = judging({ candidateNumber: '2059', uci: '123450012058G' });
    uciMatchesCandidate(another);
    expect(another.warnings).toEqual([]);
  });

  it('a priority review of marking is for Level 3 only, a Pearson GCSE one with a warning (priorityRule)', () => {
    const gcse = judging({ service: 'priority-review-of-marking', qualification: 'GCSE' });
    priorityRule(gcse, 'priority-review-of-marking');
    expect(found(gcse.errors)).toEqual([
      [
        'qualification',
        'A priority review of marking is only for AS/A level and other Level 3 qualifications (it is for candidates whose university place depends on the outcome); "GCSE" is not one.',
      ],
    ]);
    const pearson = judging({ service: 'priority-review-of-marking', board: 'Pearson Edexcel', qualification: 'GCSE' });
    priorityRule(pearson, 'priority-review-of-marking');
    expect(found(pearson.warnings)).toEqual([['qualification', PEARSON_GCSE_PRIORITY_WARNING]]);
    const aLevel = judging({ service: 'priority-review-of-marking' });
    priorityRule(aLevel, 'priority-review-of-marking');
    expect([aLevel.errors, aLevel.warnings]).toEqual([[], []]);
  });
});
