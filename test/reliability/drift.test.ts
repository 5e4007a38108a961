/**
 * The officer treats the log as their own spreadsheet: adds columns, drags
 * them about, renames and deletes headers, sorts, leaves blank rows, types
 * dates as text. Whatever they did, the add-on either still works or refuses
 * with a message naming the header to put back, and no value ever lands in
 * the wrong column: every cell of every row is checked by its header.
 */
import type { GasEnvironment, SerializedWorkbook, Sheet } from '../../emulator/gas';
import { callAsTrigger } from '../../emulator/gas';
import { SHEET } from '../../src/domain/schema';
import { fillSettings, seasonRecords, writeRows } from '../../bench/fixtures';
import { reviewForm, setUpAddOn, type AddOn } from '../integration/harness';
import {
  addOnCells,
  byId,
  columnOf,
  expectedRow,
  readLogView,
  reorderColumns,
  restore,
  state,
  type LogView,
} from './helpers';

const TODAY = '2026-08-20';

let firstWeek: SerializedWorkbook | null = null;

/** A set-up workbook whose Requests log already holds 20 requests from the first week of the season. */
function season(): { addOn: AddOn; sheet: Sheet } {
  if (firstWeek === null) {
    const { env } = setUpAddOn();
    fillSettings(env);
    writeRows(env, SHEET.requests, seasonRecords(20, { today: '2026-08-19', seed: 3 }));
    firstWeek = env.serialize();
  }
  const addOn = restore(firstWeek);
  return { addOn, sheet: addOn.env.spreadsheet.getSheetByName(SHEET.requests) as Sheet };
}

/**
 * Saves a new request and checks the whole log: the rows that were there are
 * unchanged cell for cell (wherever they now stand), and the new row holds
 * exactly the request under each add-on header and nothing under the officer's.
 */
function submitAndCheckEveryCell(env: GasEnvironment, addOn: AddOn, form = reviewForm()): LogView {
  const before = readLogView(env, SHEET.requests);
  const answer = addOn.run('submitRequest', form);
  expect(answer).toMatchObject({ ok: true, sheet: SHEET.requests });
  const after = readLogView(env, SHEET.requests);
  expect(after.headers).toEqual(before.headers);
  expect(after.rows).toHaveLength(before.rows.length + 1);
  const idHeader = after.headers.find((h) => h.trim().toLowerCase() === 'request id') as string;
  const old = byId(before, idHeader);
  const now = byId(after, idHeader);
  for (const [id, row] of old) expect(now.get(id)).toEqual(row);
  const added = now.get(answer.requestId) as Record<string, unknown>;
  expect(added).toBeDefined();
  expect(addOnCells(added, after.headers)).toEqual(
    addOnCells(
      expectedRow(form, { requestId: answer.requestId, received: TODAY, fee: answer.fee, deadline: answer.deadline }),
      after.headers,
    ),
  );
  // Columns that are not the add-on's stay empty in the new row.
  const ours = new Set(Object.keys(addOnCells(added, after.headers)).map((h) => h.toLowerCase()));
  for (const h of after.headers) {
    if (!ours.has(h.trim().toLowerCase())) expect([h, added[h === '' ? '' : h] ?? '']).toEqual([h, '']);
  }
  expect(answer.requestId).toBe('R-2026-0021');
  return after;
}

function expectRefusalNaming(addOn: AddOn, header: string): void {
  const before = state(addOn.env);
  const answer = addOn.run('submitRequest', reviewForm());
  expect(answer.ok).toBe(false);
  expect(answer.errors).toHaveLength(1);
  expect(answer.errors[0].message).toContain(`"${header}"`);
  expect(answer.errors[0].message).toMatch(/Restore the header/);
  expect(answer.errors[0].message).toMatch(/nothing was changed/);
  expect(state(addOn.env)).toBe(before);
}

describe('submitRequest on a log the officer has rearranged', () => {
  it('still works after the officer inserts their own column at the very left, and never writes into it', () => {
    const { addOn, sheet } = season();
    sheet.insertColumnBefore(1);
    const rows = sheet.getLastRow();
    sheet.getRange(1, 1).setValue('Tutor notes');
    sheet
      .getRange(2, 1, rows - 1, 1)
      .setValues(Array.from({ length: rows - 1 }, (_, i) => [i === 2 ? '=LEN(E4)' : `note ${i + 2}`]));
    submitAndCheckEveryCell(addOn.env, addOn);
  });

  it('still works after the officer inserts a column in the middle of the add-on columns', () => {
    const { addOn, sheet } = season();
    const at = columnOf(sheet, 'Email');
    sheet.insertColumnBefore(at);
    sheet.getRange(1, at).setValue('Phoned parent?');
    sheet.getRange(3, at).setValue('yes');
    submitAndCheckEveryCell(addOn.env, addOn);
  });

  it('still works after the officer reorders every column', () => {
    const { addOn, sheet } = season();
    const n = sheet.getLastColumn();
    // Reversed, then the middle third rotated: no column keeps its place.
    const order = Array.from({ length: n }, (_, i) => n - i);
    const third = Math.floor(n / 3);
    const rotated = [...order.slice(third, 2 * third).slice(5), ...order.slice(third, 2 * third).slice(0, 5)];
    order.splice(third, third, ...rotated);
    reorderColumns(sheet, order);
    const view = submitAndCheckEveryCell(addOn.env, addOn);
    expect(view.headers[0]).toBe('Notes');
  });

  it('accepts a header retyped in another case or with spaces around it', () => {
    const { addOn, sheet } = season();
    sheet.getRange(1, columnOf(sheet, 'Surname')).setValue('  SURNAME ');
    sheet.getRange(1, columnOf(sheet, 'Board reference')).setValue('board   reference');
    submitAndCheckEveryCell(addOn.env, addOn);
  });

  it('refuses, naming the header, when the officer renames one the add-on needs', () => {
    const { addOn, sheet } = season();
    sheet.getRange(1, columnOf(sheet, 'Surname')).setValue('Family name');
    expectRefusalNaming(addOn, 'Surname');
  });

  it('refuses, naming the header, when the officer clears a header cell', () => {
    const { addOn, sheet } = season();
    sheet.getRange(1, columnOf(sheet, 'Fee')).setValue('');
    expectRefusalNaming(addOn, 'Fee');
  });

  it('refuses, naming the header, when the officer deletes a whole column', () => {
    const { addOn, sheet } = season();
    sheet.deleteColumn(columnOf(sheet, 'Deadline'));
    expectRefusalNaming(addOn, 'Deadline');
  });

  it('names every missing header at once', () => {
    const { addOn, sheet } = season();
    sheet.getRange(1, columnOf(sheet, 'Status')).setValue('State');
    sheet.deleteColumn(columnOf(sheet, 'Candidate number'));
    const answer = addOn.run('submitRequest', reviewForm());
    expect(answer.ok).toBe(false);
    expect(answer.errors[0].message).toContain('"Candidate number"');
    expect(answer.errors[0].message).toContain('"Status"');
  });

  it('still works after the officer sorts the log by date received, newest first, and moves no existing row', () => {
    const { addOn, sheet } = season();
    sheet.sort(columnOf(sheet, 'Received'), false);
    const before = readLogView(addOn.env, SHEET.requests);
    const after = submitAndCheckEveryCell(addOn.env, addOn);
    // The rows keep their relative order; only the new one is inserted among them.
    const order = (v: LogView) => v.rows.map((r) => r['Request ID']).filter((id) => id !== 'R-2026-0021');
    expect(order(after)).toEqual(order(before));
  });

  it('still works with blank rows in the middle of the log and ignores them', () => {
    const { addOn, sheet } = season();
    sheet.insertRowsBefore(6, 3);
    sheet.insertRowsBefore(15, 1);
    const after = submitAndCheckEveryCell(addOn.env, addOn);
    expect(after.rows).toHaveLength(21);
  });

  it('still works when the officer types dates as text, and leaves what they typed alone', () => {
    const { addOn, sheet } = season();
    const received = columnOf(sheet, 'Received');
    const acknowledged = columnOf(sheet, 'Acknowledged');
    sheet.getRange(3, received).setNumberFormat('@').setValue('13/08/2026');
    sheet.getRange(4, acknowledged).setNumberFormat('@').setValue('not yet');
    sheet.getRange(5, received).setValue('2026-08-14');
    const after = submitAndCheckEveryCell(addOn.env, addOn);
    expect(after.rows.some((r) => r.Received === '13/08/2026')).toBe(true);
    expect(after.rows.some((r) => r.Acknowledged === 'not yet')).toBe(true);
  });
});

/** Everything an officer might have done to the log at once. */
function rearrange(sheet: Sheet): void {
  sheet.sort(columnOf(sheet, 'Received'), false);
  const n = sheet.getLastColumn();
  // A shuffle of every column: a step that shares no factor with n visits each column once.
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const step = [7, 11, 13, 17].find((k) => gcd(k, n) === 1) ?? 1;
  reorderColumns(
    sheet,
    Array.from({ length: n }, (_, i) => ((i * step) % n) + 1),
  );
  sheet.insertColumnBefore(1);
  sheet.getRange(1, 1).setValue('Tutor notes');
  sheet.getRange(2, 1, 3, 1).setValues([['rang home'], ['=LEN(B3)'], ['sent letter']]);
  sheet.insertRowsBefore(8, 2);
  const received = columnOf(sheet, 'Received');
  sheet.getRange(4, received).setNumberFormat('@').setValue('14/08/2026');
}

/** The rows by ID with the given headers' cells removed, to compare everything else. */
function without(view: LogView, headers: string[]): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const [id, row] of byId(view)) {
    const rest = { ...row };
    for (const h of headers) delete rest[h];
    out.set(id, rest);
  }
  return out;
}

describe('recordOutcome and the daily check on a log the officer has rearranged', () => {
  const awaiting = () => {
    // A review whose outcome is a grade (a review of moderation's is the board's decision for the sample).
    const id = seasonRecords(20, { today: '2026-08-19', seed: 3 }).find(
      (r) => r.Status === 'Acknowledged' && r.Service !== 'review-of-moderation',
    );
    if (!id) throw new Error('the fixture has no acknowledged request');
    return String(id['Request ID']);
  };

  it('records an outcome in the right row and the right columns, and touches nothing else', () => {
    const { addOn, sheet } = season();
    rearrange(sheet);
    const id = awaiting();
    const before = readLogView(addOn.env, SHEET.requests);
    const answer = addOn.run('recordOutcome', id, {
      receivedOn: TODAY,
      newMark: '64',
      newGrade: 'A*',
      scriptLink: '',
    });
    expect(answer.ok).toBe(true);
    const after = readLogView(addOn.env, SHEET.requests);
    expect(after.headers).toEqual(before.headers);
    const outcomeColumns = ['Outcome received', 'New mark', 'New grade', 'Status', 'Flags'];
    // Every other row is exactly as it was; this row differs only in the outcome's columns.
    const rest = (v: LogView) => new Map([...byId(v)].filter(([k]) => k !== id));
    expect(rest(after)).toEqual(rest(before));
    expect(without(after, outcomeColumns).get(id)).toEqual(without(before, outcomeColumns).get(id));
    expect(byId(after).get(id)).toMatchObject({ 'Outcome received': TODAY, 'New mark': '64', 'New grade': 'A*' });
    expect(after.formulas).toEqual(before.formulas);
  });

  it('refuses to record an outcome, naming the header, when the New grade column has been renamed', () => {
    const { addOn, sheet } = season();
    sheet.getRange(1, columnOf(sheet, 'New grade')).setValue('Grade after review');
    const before = state(addOn.env);
    const answer = addOn.run('recordOutcome', awaiting(), { receivedOn: TODAY, newMark: '64', newGrade: 'A*' });
    expect(answer.ok).toBe(false);
    expect(answer.errors[0].message).toContain('"New grade"');
    expect(state(addOn.env)).toBe(before);
  });

  it('flags every request of a rearranged log exactly as it would the tidy log, writing only Flags and Status', () => {
    const tidy = season();
    const drifted = season();
    rearrange(drifted.sheet);
    const before = readLogView(drifted.addOn.env, SHEET.requests);
    for (const { addOn } of [tidy, drifted]) {
      expect(callAsTrigger(addOn.env, addOn.bundle, 'runDailyCheck', {})).toMatchObject({ ok: true });
    }
    const after = readLogView(drifted.addOn.env, SHEET.requests);
    expect(without(after, ['Flags', 'Status'])).toEqual(without(before, ['Flags', 'Status']));
    const flagsOf = (v: LogView) => [...byId(v)].map(([k, r]) => [k, r.Flags, r.Status]).sort();
    expect(flagsOf(after)).toEqual(flagsOf(readLogView(tidy.addOn.env, SHEET.requests)));
    expect(flagsOf(after).some(([, f]) => f !== '')).toBe(true);
  });

  it('does not run the daily check on a log without a Flags header, and says which header to restore', () => {
    const { addOn, sheet } = season();
    sheet.getRange(1, columnOf(sheet, 'Flags')).setValue('Warnings');
    const logs = () => [readLogView(addOn.env, SHEET.requests), readLogView(addOn.env, SHEET.scripts)];
    const before = logs();
    const answer = JSON.parse(JSON.stringify(callAsTrigger(addOn.env, addOn.bundle, 'runDailyCheck', {})));
    expect(answer.ok).toBe(false);
    expect(answer.errors[0].message).toContain('"Flags"');
    expect(logs()).toEqual(before);
  });
});
