/**
 * The daily check through the built bundle: one digest a day (none on a
 * quiet day), grouped by what to do; flags by the calendar the officer keeps
 * in Settings; a failing run changes nothing and is reported next time; an
 * add-on that needs approval again says so by email once a day; and the cost
 * in Spreadsheet calls does not grow with the logs.
 */
import { LOG_COLUMNS, SHEET } from '../../src/domain/schema';
import type { SpreadsheetAppService } from '../../emulator/gas';
import type { AddOn } from './harness';
import { evaluateRules, serialOf, type RuleInput } from '../../emulator/conditionalFormat';
import {
  OFFICER,
  centre,
  dailyRun,
  digests,
  flagsOf,
  logRequest,
  mailTo,
  morning,
  row,
  setSettings,
} from './progressHelpers';
import { reviewForm, sheetRecords } from './harness';

/** Amy's review, logged on 20 August and submitted on `submittedOn`. */
function submittedOn(addOn: AddOn, day: string, overrides: Record<string, unknown> = {}): string {
  morning(addOn, '2026-08-20');
  const id = logRequest(addOn, overrides);
  morning(addOn, day);
  const r = addOn.run('recordSubmission', id, { submittedOn: day, boardReference: 'REF' });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return id;
}

/** Where runDailyCheck keeps its run log between digests (Document properties). */
const PROBLEMS_PROPERTY = 'dailyCheck.problems';
/** The text that marks the add-on's own conditional-format rules. */
const FLAG_RULE_MARKER = 'Post-Results Tracker flags';

function sheetsOnly(addOn: AddOn): string {
  return JSON.stringify(addOn.env.serialize().spreadsheet);
}

/** A log of `n` submitted, unacknowledged requests, written straight into the sheet in one call. */
function bigLog(n: number): AddOn {
  const addOn = centre();
  const sheet = addOn.env.spreadsheet.getSheetByName(SHEET.requests)!;
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const day = (iso: string) => new Date(`${iso}T12:00:00Z`);
  const rows = Array.from({ length: n }, (_, i) => {
    const k = String(i + 1).padStart(4, '0');
    const values: Record<string, unknown> = {
      'Request ID': `R-2026-${k}`,
      Received: day('2026-08-20'),
      'Candidate number': k.slice(-4),
      Surname: `Surname${k}`,
      Forename: 'Alex',
      Email: `c${k}@example.org`,
      Board: 'AQA',
      Qualification: 'GCE A level',
      Subject: 'Chemistry',
      Component: '7405/1',
      Series: 'June 2026',
      Service: 'review-of-marking',
      'Requested by': 'candidate',
      Consent: true,
      'Consent date': day('2026-08-20'),
      Fee: 48.65,
      Paid: 'yes',
      Deadline: day('2026-09-24'),
      'Submitted to board': day('2026-08-24'),
      'Board reference': `B${k}`,
      'Original grade': 'B',
      'Original mark': '61',
      Status: 'Submitted',
    };
    return headers.map((h) => values[h] ?? '');
  });
  if (sheet.getMaxRows() < n + 1) sheet.insertRowsAfter(sheet.getMaxRows(), n + 1 - sheet.getMaxRows());
  sheet.getRange(2, 1, n, headers.length).setValues(rows);
  morning(addOn, '2026-08-27');
  return addOn;
}

describe('the digest', () => {
  it('is sent once a day however often the check runs, and not at all on a day with nothing flagged', () => {
    const addOn = centre();
    const id = submittedOn(addOn, '2026-08-24');

    morning(addOn, '2026-08-26');
    expect(dailyRun(addOn)).toEqual({
      ok: true,
      flagged: [],
      digestSent: false,
      digest: 'nothing-flagged',
      closed: [],
      summary: 'No request is flagged.\nNothing needs doing, so no digest was sent.',
    });
    expect(digests(addOn)).toHaveLength(0);

    morning(addOn, '2026-08-27');
    expect(dailyRun(addOn)).toMatchObject({ ok: true, digestSent: true, digest: 'sent' });
    addOn.env.clock.advanceMs(4 * 3600_000);
    expect(dailyRun(addOn)).toMatchObject({ ok: true, digestSent: false, digest: 'already-sent' });
    expect(addOn.run('runDailyCheck')).toMatchObject({ digestSent: false });
    expect(digests(addOn)).toHaveLength(1);
    const [digest] = digests(addOn);
    expect(digest.to).toBe(OFFICER);
    expect(digest.body).toContain('Chase the board: no acknowledgement yet (1)');
    expect(digest.body).toContain(`${id} Amy Brown (AQA): Chemistry 7405/1, review of marking; submitted 24/08/2026`);

    morning(addOn, '2026-08-28');
    expect(dailyRun(addOn).digestSent).toBe(true);
    expect(digests(addOn)).toHaveLength(2);

    addOn.run('recordAcknowledgement', id, { acknowledgedOn: '2026-08-28' });
    morning(addOn, '2026-08-29');
    expect(dailyRun(addOn)).toMatchObject({ flagged: [], digestSent: false, digest: 'nothing-flagged' });
    expect(digests(addOn)).toHaveLength(2);
  });

  // The run skips its read of the queue only when the digest's own read saw nothing waiting (src/app/dailyCheck.ts).
  it("goes with what waits in the queue: an email queued over yesterday's quota leaves in the same run", () => {
    const addOn = centre();
    submittedOn(addOn, '2026-08-24');
    morning(addOn, '2026-08-26');
    addOn.env.mail.setQuota(0);
    const zara = { candidateNumber: '0077', surname: 'Khan', forename: 'Zara', email: 'zara.khan@example.org' };
    expect(addOn.run('submitRequest', reviewForm(zara))).toMatchObject({ ok: true });
    expect(mailTo(addOn, zara.email)).toHaveLength(0);

    morning(addOn, '2026-08-27');
    addOn.env.mail.setQuota(100);
    expect(dailyRun(addOn)).toMatchObject({ ok: true, digest: 'sent' });
    expect(mailTo(addOn, zara.email)).toHaveLength(1);
    expect(sheetRecords(addOn.env, SHEET.correspondence).map((r) => r.Status)).not.toContain('queued');
  });

  it('lists every flag with request ID, candidate and board, grouped by what to do, most urgent first', () => {
    const addOn = centre();
    morning(addOn, '2026-08-20');
    const late = logRequest(addOn, { surname: 'Adams', forename: 'Kai', candidateNumber: '0001' });
    const silent = logRequest(addOn, { surname: 'Cole', forename: 'Ben', candidateNumber: '0002' });
    const slow = logRequest(addOn, { surname: 'Dean', forename: 'Lia', candidateNumber: '0003' });
    const raised = logRequest(addOn, { surname: 'Evans', forename: 'Mo', candidateNumber: '0004' });
    morning(addOn, '2026-08-24');
    for (const id of [slow, raised]) addOn.run('recordSubmission', id, { submittedOn: '2026-08-24' });
    expect(addOn.run('recordAcknowledgement', slow, { acknowledgedOn: '2026-08-24' }).ok).toBe(true);
    morning(addOn, '2026-09-21');
    addOn.run('recordSubmission', silent, { submittedOn: '2026-09-21' });
    addOn.run('recordOutcome', raised, { receivedOn: '2026-09-21', newGrade: 'A', newMark: '70' });

    morning(addOn, '2026-09-25');
    const run = dailyRun(addOn);
    expect(run.digestSent).toBe(true);
    expect(digests(addOn)[0].body).toContain(
      [
        'Submit to the board now: the deadline has passed (1)',
        `- ${late} Kai Adams (AQA): Chemistry 7405/1, review of marking; deadline 24/09/2026`,
        '',
        'Chase the board: no acknowledgement yet (1)',
        `- ${silent} Ben Cole (AQA): Chemistry 7405/1, review of marking; submitted 21/09/2026`,
        '',
        'Chase the board: the outcome is overdue (1)',
        `- ${slow} Lia Dean (AQA): Chemistry 7405/1, review of marking; due 13/09/2026`,
        '',
        'Refund the fee (1)',
        `- ${raised} Mo Evans (AQA): Chemistry 7405/1, review of marking; £48.65`,
        '',
        'Update the MIS with the new grade (1)',
        `- ${raised} Mo Evans (AQA): Chemistry 7405/1, review of marking`,
        '',
        'Issue an updated Statement of Results (1)',
        `- ${raised} Mo Evans (AQA): Chemistry 7405/1, review of marking`,
      ].join('\n'),
    );
    // A copy is kept in Correspondence under the day's key.
    const kept = addOn.env.spreadsheet.getSheetByName(SHEET.correspondence)!.getDataRange().getValues();
    expect(kept.some((r) => r.includes('DIGEST-2026-09-25') && r.includes('Daily digest'))).toBe(true);
  });

  it('goes to no one when Settings has no officer email, and the check says so plainly', () => {
    const addOn = centre();
    setSettings(addOn, { 'Exams officer email': '' });
    submittedOn(addOn, '2026-08-24');
    morning(addOn, '2026-08-27');
    const answer = dailyRun(addOn);
    expect(answer.digestSent).toBe(false);
    expect(answer.digest).toBe('no-address');
    expect(digests(addOn)).toEqual([]);
    addOn.bundle.menuRunDailyCheck();
    expect(addOn.env.ui.alerts.at(-1)).toContain(
      'No digest can be sent until Exams officer email is filled in on the Settings sheet.',
    );
  });

  it('says the digest cannot be sent even on a day with nothing flagged', () => {
    const addOn = centre();
    setSettings(addOn, { 'Exams officer email': '' });
    addOn.bundle.menuRunDailyCheck();
    expect(addOn.env.ui.alerts.at(-1)).toBe(
      [
        'No request is flagged.',
        'No digest can be sent until Exams officer email is filled in on the Settings sheet.',
      ].join('\n'),
    );
  });
});

describe('flags follow the officer’s calendar (Settings)', () => {
  it('the bank holiday on Monday 31 August is not a working day: submitted Thursday 27th, flagged on Wednesday 2 September', () => {
    const addOn = centre();
    const id = submittedOn(addOn, '2026-08-27');
    for (const day of ['2026-08-28', '2026-08-29', '2026-08-30', '2026-08-31', '2026-09-01']) {
      morning(addOn, day);
      expect({ day, flags: flagsOf(dailyRun(addOn), id) }).toEqual({ day, flags: [] });
    }
    morning(addOn, '2026-09-02');
    expect(flagsOf(dailyRun(addOn), id)).toEqual(['notAcknowledged']);
  });

  it('with the bank holiday taken out of Settings, Monday counts and the flag comes on Tuesday', () => {
    const addOn = centre();
    setSettings(addOn, { 'Bank holidays': '25/12/2026' });
    const id = submittedOn(addOn, '2026-08-27');
    morning(addOn, '2026-08-31');
    expect(flagsOf(dailyRun(addOn), id)).toEqual([]);
    morning(addOn, '2026-09-01');
    expect(flagsOf(dailyRun(addOn), id)).toEqual(['notAcknowledged']);
  });

  it('waits the number of working days in Settings', () => {
    const addOn = centre();
    setSettings(addOn, { 'Acknowledgement working days': '3' });
    const id = submittedOn(addOn, '2026-08-24');
    morning(addOn, '2026-08-27');
    expect(flagsOf(dailyRun(addOn), id)).toEqual([]);
    morning(addOn, '2026-08-28');
    expect(flagsOf(dailyRun(addOn), id)).toEqual(['notAcknowledged']);
  });

  it('a request not yet submitted: near its deadline from 2 working days before, then past it, then cleared on submission', () => {
    const addOn = centre();
    morning(addOn, '2026-08-20');
    const id = logRequest(addOn);
    const seen: Record<string, string[]> = {};
    for (const day of ['2026-09-18', '2026-09-21', '2026-09-22', '2026-09-24', '2026-09-25']) {
      morning(addOn, day);
      seen[day] = flagsOf(dailyRun(addOn), id);
    }
    expect(seen).toEqual({
      '2026-09-18': [],
      '2026-09-21': [],
      '2026-09-22': ['deadlineNear'],
      '2026-09-24': ['deadlineNear'],
      '2026-09-25': ['deadlinePassed'],
    });
    expect(row(addOn, id).Flags).toBe('Board deadline passed: not submitted (deadline 24/09/2026)');
    addOn.run('recordSubmission', id, { submittedOn: '2026-09-25' });
    expect(row(addOn, id).Flags).toBe('');
    expect(flagsOf(dailyRun(addOn), id)).toEqual([]);
  });

  it('an outcome overdue against the Services turnaround clears when the outcome is recorded', () => {
    const addOn = centre();
    const id = submittedOn(addOn, '2026-08-24');
    addOn.run('recordAcknowledgement', id, { acknowledgedOn: '2026-08-24' });
    morning(addOn, '2026-09-13');
    expect(flagsOf(dailyRun(addOn), id)).toEqual([]);
    morning(addOn, '2026-09-14');
    expect(flagsOf(dailyRun(addOn), id)).toEqual(['outcomeOverdue']);
    addOn.run('recordOutcome', id, { receivedOn: '2026-09-14', newGrade: 'B', newMark: '62' });
    expect(flagsOf(dailyRun(addOn), id)).toEqual([]);
  });

  it('closes a grade change whose follow-up dates the officer typed straight into the log', () => {
    const addOn = centre();
    const id = submittedOn(addOn, '2026-08-24');
    morning(addOn, '2026-09-01');
    addOn.run('recordOutcome', id, { receivedOn: '2026-09-01', newGrade: 'A', newMark: '70' });
    const sheet = addOn.env.spreadsheet.getSheetByName(SHEET.requests)!;
    const col = (h: string) => LOG_COLUMNS.findIndex((c) => c.header === h) + 1;
    for (const h of ['Refund issued', 'MIS updated', 'SoR issued']) sheet.getRange(2, col(h)).setValue('02/09/2026');
    morning(addOn, '2026-09-02');
    expect(dailyRun(addOn).closed).toEqual([id]);
    expect(row(addOn, id)).toMatchObject({ Status: 'Closed', Flags: '' });
  });
});

describe('when something goes wrong', () => {
  it('a failing run changes nothing, is recorded, and the next digest reports it; the next run recovers', () => {
    const addOn = centre();
    const id = submittedOn(addOn, '2026-08-24');
    // The officer deletes a header in the second log: the first log has been read and checked when it fails.
    const scripts = addOn.env.spreadsheet.getSheetByName(SHEET.scripts)!;
    const statusCol = LOG_COLUMNS.findIndex((c) => c.header === 'Status') + 1;
    scripts.getRange(1, statusCol).setValue('');
    morning(addOn, '2026-08-27');
    const before = sheetsOnly(addOn);
    const failed = dailyRun(addOn);
    expect(failed.ok).toBe(false);
    expect(failed.errors[0].message).toMatch(
      /could not finish and changed nothing: The "Access to scripts" sheet has no "Status" column/,
    );
    expect(sheetsOnly(addOn)).toBe(before);
    expect(row(addOn, id).Flags).toBe('');
    expect(digests(addOn)).toHaveLength(0);
    expect(addOn.env.properties.document.get(PROBLEMS_PROPERTY)).toMatch(/failed and changed nothing/);
    // No names in the log the execution keeps.
    expect(addOn.env.logs.join('\n')).not.toMatch(/Brown|Amy/);

    scripts.getRange(1, statusCol).setValue('Status');
    addOn.env.clock.advanceMs(3600_000);
    const recovered = dailyRun(addOn);
    expect(recovered).toMatchObject({ ok: true, digestSent: true });
    expect(row(addOn, id).Flags).toBe('Not acknowledged by the board (submitted 24/08/2026)');
    const [digest] = digests(addOn);
    expect(digest.body).toContain('The add-on had problems (nothing was changed by a run that failed):');
    expect(digest.body).toContain('The daily check of 27/08/2026 failed and changed nothing');
    // Reported once: the next day's digest no longer carries it.
    expect(addOn.env.properties.document.has(PROBLEMS_PROPERTY)).toBe(false);
    morning(addOn, '2026-08-28');
    dailyRun(addOn);
    expect(digests(addOn)[1].body).not.toContain('had problems');
  });

  it('needing approval again: the officer is emailed at most once a day and nothing else happens', () => {
    const addOn = centre();
    submittedOn(addOn, '2026-08-24');
    addOn.env.setAuthorizationRequired(true);
    morning(addOn, '2026-08-27');
    const before = sheetsOnly(addOn);
    const first = dailyRun(addOn);
    expect(first.ok).toBe(false);
    expect(first.errors[0].message).toMatch(/needs your approval again/);
    dailyRun(addOn);
    dailyRun(addOn);
    expect(addOn.env.mail.outbox.map((m) => m.to)).toEqual([OFFICER]);
    expect(addOn.env.mail.outbox[0].body).toContain('Post-Results Tracker needs your approval again');
    expect(addOn.env.mail.outbox[0].body).toContain('https://script.google.com/macros/authorize');
    morning(addOn, '2026-08-28');
    dailyRun(addOn);
    expect(addOn.env.mail.outbox).toHaveLength(2);
    // Only the Correspondence copies of those two emails changed: the logs are as they were.
    const logs = (s: string) =>
      JSON.stringify((JSON.parse(s).sheets as { name: string }[]).filter((x) => x.name !== SHEET.correspondence));
    expect(logs(sheetsOnly(addOn))).toBe(logs(before));

    addOn.env.setAuthorizationRequired(false);
    expect(dailyRun(addOn)).toMatchObject({ ok: true, digestSent: true });
  });
});

describe('the menu item and the trigger', () => {
  it('"Run daily check now" runs the check and tells the officer what it found', () => {
    const addOn = centre();
    submittedOn(addOn, '2026-08-24');
    morning(addOn, '2026-08-27');
    addOn.bundle.menuRunDailyCheck();
    expect(addOn.env.ui.alerts.at(-1)).toBe(
      [
        '1 request is flagged: see the Flags column of the logs (red rows are late, amber rows have something to do).',
        'The digest has been emailed to you.',
      ].join('\n'),
    );
    addOn.bundle.menuRunDailyCheck();
    expect(addOn.env.ui.alerts.at(-1)).toContain("Today's digest had already been sent");
  });

  it('the installed trigger calls runDailyCheck, which runs without any UI', () => {
    const addOn = centre();
    const [trigger] = addOn.env.triggers.filter((t) => t.getEventType() === 'CLOCK');
    expect(trigger.getHandlerFunction()).toBe('runDailyCheck');
    submittedOn(addOn, '2026-08-24');
    morning(addOn, '2026-08-27');
    expect(dailyRun(addOn)).toMatchObject({ ok: true, digestSent: true });
  });
});

describe('row colours', () => {
  function rules(addOn: AddOn, log: string) {
    return addOn.env.spreadsheet
      .getSheetByName(log)!
      .getConditionalFormatRules()
      .map((r) => ({
        formula: String(r.getBooleanCondition().getCriteriaValues()[0]),
        background: r.getBooleanCondition().getBackground(),
      }));
  }

  it('come from conditional formatting on the Flags column, installed by setUp once however often it runs', () => {
    const addOn = centre();
    const flags = LOG_COLUMNS.findIndex((c) => c.header === 'Flags');
    const letter = String.fromCharCode(65 + Math.floor(flags / 26) - 1) + String.fromCharCode(65 + (flags % 26));
    for (const log of [SHEET.requests, SHEET.scripts]) {
      const installed = rules(addOn, log);
      expect(installed).toHaveLength(2);
      expect(installed[0].formula).toContain(`$${letter}2`);
      expect(installed[0].formula).toContain(FLAG_RULE_MARKER);
      expect(installed[0].formula).toContain('Outcome overdue');
    }
    addOn.run('setUp');
    addOn.run('setUp');
    expect(rules(addOn, SHEET.requests)).toHaveLength(2);
  });

  it("keep the officer's own rules, and follow the Flags column when columns move", () => {
    const addOn = centre();
    const sheet = addOn.env.spreadsheet.getSheetByName(SHEET.requests)!;
    const app = addOn.env.globals.SpreadsheetApp as SpreadsheetAppService;
    const mine = app
      .newConditionalFormatRule()
      .whenTextEqualTo('VIP')
      .setBackground('#00ff00')
      .setRanges([sheet.getRange('A2:A10')])
      .build();
    sheet.setConditionalFormatRules([mine, ...sheet.getConditionalFormatRules()]);
    sheet.insertColumnBefore(1);
    sheet.getRange(1, 1).setValue('My column');
    addOn.run('setUp');
    const after = rules(addOn, SHEET.requests);
    expect(after).toHaveLength(3);
    expect(after[0].formula).toBe('VIP');
    const flags = LOG_COLUMNS.findIndex((c) => c.header === 'Flags') + 1;
    const letter = String.fromCharCode(65 + Math.floor(flags / 26) - 1) + String.fromCharCode(65 + (flags % 26));
    expect(after[1].formula).toContain(`$${letter}2`);
  });

  /** The colours the rules give sheet rows (their first cell), evaluated as Sheets shows them (emulator/conditionalFormat.ts). */
  function rowColours(addOn: AddOn, log: string, rows: number[]): (string | null)[] {
    const sheet = addOn.env.spreadsheet.getSheetByName(log)!;
    const rules: RuleInput[] = sheet.getConditionalFormatRules().map((r) => ({
      ranges: r.getRanges().map((g) => ({
        row: g!.getRow(),
        column: g!.getColumn(),
        numRows: g!.getNumRows(),
        numColumns: g!.getNumColumns(),
      })),
      criteria: String(r.getBooleanCondition().getCriteriaType()),
      args: r.getBooleanCondition().getCriteriaValues(),
      background: r.getBooleanCondition().getBackground(),
      fontColor: r.getBooleanCondition().getFontColor(),
    }));
    const values = sheet
      .getRange(1, 1, sheet.getMaxRows(), sheet.getLastColumn())
      .getValues()
      .map((r) => r.map((v) => (v === '' ? null : typeof v === 'string' ? v : String(v))));
    const formats = evaluateRules(rules, values, serialOf('2026-08-27'));
    expect(formats.unsupported).toEqual([]);
    return rows.map((row) => formats.backgrounds[row - 1][0]);
  }

  it('colour a request the add-on adds below the last row of a full log, as they colour the rest', () => {
    // Every row Set up made is used, so the next request at the end of the alphabet grows the sheet.
    const addOn = bigLog(centre().env.spreadsheet.getSheetByName(SHEET.requests)!.getMaxRows() - 1);
    const sheet = addOn.env.spreadsheet.getSheetByName(SHEET.requests)!;
    const rowsBefore = sheet.getMaxRows();
    expect(sheet.getLastRow()).toBe(rowsBefore);
    submittedOn(addOn, '2026-08-24', { surname: 'Zephaniah', candidateNumber: '9999' });
    expect(sheet.getMaxRows()).toBe(rowsBefore + 1);
    const surnames = sheet.getRange(1, LOG_COLUMNS.findIndex((c) => c.header === 'Surname') + 1, rowsBefore + 1, 1);
    expect(surnames.getValues()[rowsBefore][0]).toBe('Zephaniah');
    morning(addOn, '2026-08-27');
    expect(dailyRun(addOn)).toMatchObject({ ok: true });
    // Both are unacknowledged by the board three days on: late, so red.
    expect(rowColours(addOn, SHEET.requests, [2, rowsBefore + 1])).toEqual(['#f4c7c3', '#f4c7c3']);
  });

  it('the daily check never colours a cell itself', () => {
    const addOn = centre();
    submittedOn(addOn, '2026-08-24');
    morning(addOn, '2026-08-27');
    addOn.env.calls.reset();
    dailyRun(addOn);
    const coloured = Object.keys(addOn.env.calls.byMethod()).filter((m) => /setBackground|setFontColor/.test(m));
    expect(coloured).toEqual([]);
  });
});

describe('cost', () => {
  function measure(n: number) {
    const addOn = bigLog(n);
    addOn.env.calls.reset();
    const result = dailyRun(addOn);
    expect(result).toMatchObject({ ok: true, digestSent: true });
    expect(result.flagged).toHaveLength(n);
    const spreadsheet = Object.entries(addOn.env.calls.byMethod()).filter(([m]) => m.startsWith('Spreadsheet.'));
    return { addOn, calls: addOn.env.calls.total('Spreadsheet'), byMethod: Object.fromEntries(spreadsheet) };
  }

  it('the same number of Spreadsheet calls for 10 rows and for 5,000', () => {
    const small = measure(10);
    const started = Date.now();
    const large = measure(5000);
    const seconds = (Date.now() - started) / 1000;
    expect(large.calls).toBe(small.calls);
    expect(large.byMethod).toEqual(small.byMethod);
    expect(seconds).toBeLessThan(30);
    // Every row got its flag, in the one write of the Flags column.
    const flags = large.addOn.env.spreadsheet.getSheetByName(SHEET.requests)!;
    const col = LOG_COLUMNS.findIndex((c) => c.header === 'Flags') + 1;
    const written = flags.getRange(2, col, 5000, 1).getValues().flat();
    expect(written.every((v) => v === 'Not acknowledged by the board (submitted 24/08/2026)')).toBe(true);
    // The digest stays readable: the first hundred, then how many more.
    expect(digests(large.addOn)[0].body).toContain('…and 4900 more: filter the Flags column');
  });
});
