/**
 * SLT see a recorded outcome without anyone pressing "Refresh SLT view": the
 * dashboard is refreshed after every recorded outcome and by the daily check.
 */
import { SHEET } from '../../src/domain/schema';
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
