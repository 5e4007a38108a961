/**
 * Fees, deadlines and results days by qualification level, through the
 * built bundle: what the officer is charged, what is refused, and what each
 * family reads on results day.
 */
import { SHEET } from '../../src/domain/schema';
import { reviewForm, sheetRecords } from './harness';
import { addCandidates, school } from './mailHelpers';

const GCSE = { qualification: 'GCSE', subject: 'Biology', component: '8461/1H', resultsIssued: '' };

describe('the fee for the level', () => {
  it('an AQA GCSE review of marking is logged at £42.00, an A level one at £48.65', () => {
    const addOn = school();
    const gcse = addOn.run('submitRequest', reviewForm({ ...GCSE, consentDate: '2026-08-20' }));
    expect(gcse).toMatchObject({ ok: true, fee: 42 });
    const aLevel = addOn.run(
      'submitRequest',
      reviewForm({ candidateNumber: '0043', surname: 'Ng', forename: 'Li', email: 'li.ng@example.org' }),
    );
    expect(aLevel).toMatchObject({ ok: true, fee: 48.65 });
    const fees = sheetRecords(addOn.env, SHEET.requests).map((r) => [r.Qualification, r.Fee]);
    expect(fees).toEqual([
      ['GCSE', 42],
      ['GCE A level', 48.65],
    ]);
  });

  it('the sidebar is given each level’s row, so it can show the fee for the qualification typed', () => {
    const addOn = school();
    const options = addOn.run('getIntakeOptions');
    const aqaRom = options.services.filter(
      (s: { board: string; service: string }) => s.board === 'AQA' && s.service === 'review-of-marking',
    );
    expect(aqaRom.map((s: { levels: string[]; fee: number }) => [s.levels, s.fee])).toEqual([
      [['gcse'], 42],
      [[], 48.65],
    ]);
  });

  it('an officer’s own Level column is read by its header, wherever she moved it', () => {
    const addOn = school();
    const sheet = addOn.env.spreadsheet.getSheetByName(SHEET.services)!;
    // Move Level to the far right: the fee must still follow the level.
    const width = sheet.getLastColumn();
    const values = sheet.getRange(1, 1, sheet.getLastRow(), width).getValues();
    const level = values[0].indexOf('Level');
    const moved = values.map((row) => [...row.slice(0, level), ...row.slice(level + 1), row[level]]);
    const range = sheet.getRange(1, 1, moved.length, width);
    range.setNumberFormat('@');
    range.setValues(moved.map((r) => r.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)))));
    const gcse = addOn.run('submitRequest', reviewForm({ ...GCSE, consentDate: '2026-08-20' }));
    expect(gcse).toMatchObject({ ok: true, fee: 42 });
  });
});

describe('consent and the results day of the level', () => {
  it('consent of 1 August, saved on 20 August with Results issued blank, is refused and nothing is written', () => {
    const addOn = school();
    const answer = addOn.run('submitRequest', reviewForm({ resultsIssued: '', consentDate: '2026-08-01' }));
    expect(answer.ok).toBe(false);
    expect(answer.errors).toEqual([
      {
        field: 'consentDate',
        message:
          'The consent date 01/08/2026 is before results day (13/08/2026): consent can only be collected after results are published.',
      },
    ]);
    expect(sheetRecords(addOn.env, SHEET.requests)).toEqual([]);
  });

  it('a GCSE candidate’s consent dated on A level results day is refused: GCSE results came a week later', () => {
    const addOn = school();
    const answer = addOn.run('submitRequest', reviewForm({ ...GCSE, consentDate: '2026-08-13' }));
    expect(answer.errors.map((e: { message: string }) => e.message)).toEqual([
      'The consent date 13/08/2026 is before results day (20/08/2026): consent can only be collected after results are published.',
    ]);
  });
});

describe('what each family reads on results day', () => {
  const candidates = [
    {
      number: '0042',
      surname: 'Brown',
      forename: 'Amy',
      email: 'amy.brown@example.org',
      qualification: 'GCE A level',
    },
    { number: '2058', surname: 'Patel', forename: 'Ravi', email: 'ravi.patel@example.org', qualification: 'GCSE' },
  ];

  it("lists the fee for the candidate's own level, and the priority line only for the A level candidate", () => {
    const addOn = school();
    addCandidates(addOn.env, candidates);
    const answer = addOn.run('sendResultsDayReminders', { dryRun: true });
    const [amy, ravi] = answer.preview.emails.map((e: { body: string }) => e.body);
    expect(amy).toContain('- Review of marking: £48.65; apply by Thursday 24 September 2026');
    expect(amy).toContain('tell us today: a priority review of marking may be possible');
    expect(ravi).toContain('- Review of marking: £42.00; apply by Thursday 24 September 2026');
    expect(ravi).not.toMatch(/£48\.65|tell us today|Priority review of marking/);
  });

  it('after the priority deadline nobody is told to "tell us today"', () => {
    const addOn = school({ now: '2026-08-21T09:00:00Z' });
    addCandidates(addOn.env, candidates);
    const answer = addOn.run('sendResultsDayReminders', { dryRun: true });
    for (const e of answer.preview.emails) expect(e.body).not.toMatch(/tell us today|Priority review of marking/);
  });

  it('leaves out services with no confirmed fee or deadline, tells families to ask, and warns the officer first', () => {
    const addOn = school();
    addCandidates(addOn.env, candidates);
    const answer = addOn.run('sendResultsDayReminders', { dryRun: true });
    for (const e of answer.preview.emails) {
      expect(e.body).not.toMatch(/to be confirmed;|fee to be confirmed/);
      expect(e.body).toContain('ask the exams office about them');
    }
    expect(answer.unconfirmed).toContain('OCR, June 2026, Review of marking: fee not confirmed');
    expect(answer.unconfirmed).toContain('CCEA, June 2026, Clerical re-check: fee and deadline not confirmed');
  });
});
