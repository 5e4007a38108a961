/**
 * SLT see a recorded outcome without anyone pressing "Refresh SLT view": the
 * dashboard is refreshed after every recorded outcome and by the daily check.
 */
import { SHEET } from '../../src/domain/schema';
import type { Sheet } from '../../emulator/gas';
import { sheetValues } from './harness';
import { centre, logRequest, morning } from './progressHelpers';

function dashboardLine(addOn: ReturnType<typeof centre>, label: string): unknown[] | undefined {
  return sheetValues(addOn.env, SHEET.dashboard).find((r) => r[0] === label);
}

describe('the SLT dashboard keeps itself up to date', () => {
  it('counts a raised grade as soon as the outcome is recorded', () => {
    const addOn = centre();
    morning(addOn, '2026-08-20');
    const id = logRequest(addOn);
    addOn.run('refreshSltDashboard');
    expect(dashboardLine(addOn, 'Grade raised')?.[1]).toBe(0);
    morning(addOn, '2026-08-24');
    addOn.run('recordSubmission', id, { submittedOn: '2026-08-24', boardReference: 'AQA-1' });
    morning(addOn, '2026-09-03');
    expect(addOn.run('recordOutcome', id, { receivedOn: '2026-09-03', newMark: '67', newGrade: 'A' }).ok).toBe(true);
    expect(dashboardLine(addOn, 'Grade raised')?.[1]).toBe(1);
  });

  it('is refreshed by the daily check', () => {
    const addOn = centre();
    morning(addOn, '2026-08-20');
    logRequest(addOn);
    const before = JSON.stringify(dashboardLine(addOn, 'Last refreshed'));
    morning(addOn, '2026-08-21');
    expect(addOn.run('runDailyCheck').ok).toBe(true);
    const after = dashboardLine(addOn, 'Last refreshed');
    expect(JSON.stringify(after)).not.toBe(before);
    expect(String(after?.[1])).toContain('21/08/2026');
  });
});

// The dashboard reads both logs by name, their add-on columns only (src/sheets/table.ts readTable);
// a log the officer rearranged past those columns, or cut narrower, is read whole by its handle instead.
describe('the SLT dashboard reads the logs however the officer has laid them out', () => {
  const requestsCounted = (addOn: ReturnType<typeof centre>) => {
    expect(addOn.run('refreshSltDashboard').ok).toBe(true);
    return sheetValues(addOn.env, SHEET.dashboard).find((r) => r[0] === 'Requests logged')?.[1];
  };

  it.each([
    ['a column of her own inserted before the first', (log: Sheet) => log.insertColumnBefore(1)],
    [
      'a column added since the first season deleted, so the log is narrower than the columns read',
      (log: Sheet) => {
        const headers = log.getRange(1, 1, 1, log.getMaxColumns()).getValues()[0];
        log.deleteColumn(headers.indexOf('Payment reference') + 1);
      },
    ],
  ])('counts the same with %s', (_name, rearrange) => {
    const addOn = centre();
    morning(addOn, '2026-08-20');
    logRequest(addOn);
    logRequest(addOn, { candidateNumber: '0077', surname: 'Khan', forename: 'Zara', email: 'zara@example.org' });
    const counted = requestsCounted(addOn);
    expect(counted).toBe(2);
    rearrange(addOn.env.spreadsheet.getSheetByName(SHEET.requests)!);
    expect(requestsCounted(addOn)).toBe(counted);
  });
});
