/**
 * Settings, Services and Templates are the officer's sheets, read by name (src/sheets/table.ts,
 * readOfficerSheet): one that has been renamed or deleted stops a Save with a message naming it
 * before anything is logged; without Templates the request is logged and only its email waits.
 */
import { SHEET } from '../../src/domain/schema';
import { reviewForm, setUpAddOn } from './harness';

const gone = (name: string) =>
  `There is no "${name}" sheet: it has been renamed or deleted. Give it back its name (or run Set up sheets) and try again; nothing was changed.`;

describe.each([SHEET.services, SHEET.settings])('a Save when the %s sheet has been renamed', (name) => {
  it('is refused with a message naming the sheet, and nothing is logged', () => {
    const addOn = setUpAddOn();
    addOn.env.spreadsheet.getSheetByName(name)!.setName(`${name} (old)`);
    expect(addOn.run('submitRequest', reviewForm())).toEqual({
      ok: false,
      errors: [{ field: 'form', message: gone(name) }],
    });
    expect(addOn.env.spreadsheet.getSheetByName(SHEET.requests)!.getLastRow()).toBe(1);
  });
});

describe('a Save when the Templates sheet has been renamed', () => {
  it('is logged, and the officer is told the confirmation email could not be sent and why', () => {
    const addOn = setUpAddOn();
    addOn.env.spreadsheet.getSheetByName(SHEET.templates)!.setName('Templates (old)');
    const answer = addOn.run('submitRequest', reviewForm());
    expect(answer).toMatchObject({ ok: true, requestId: 'R-2026-0001', emailed: [] });
    expect(JSON.stringify(answer)).toContain(JSON.stringify(gone(SHEET.templates)).slice(1, -1));
    expect(addOn.env.spreadsheet.getSheetByName(SHEET.requests)!.getLastRow()).toBe(2);
    expect(addOn.env.mail.outbox).toHaveLength(0);
  });
});
