import { setUpSheets } from '../sheets/setup';
import { withDocumentLock } from '../sheets/lock';
import { activeSpreadsheet, timeZoneOf } from '../sheets/workbook';
import { answer, type Answer } from './respond';
import { ensureDailyTrigger } from './triggers';

/** Creates or repairs every sheet, seeds what is empty and installs the one daily trigger. */
export function setUp(): Answer<{ created: string[]; repaired: string[] }> {
  return answer(() => {
    const ss = activeSpreadsheet();
    const report = withDocumentLock(() => setUpSheets(ss, timeZoneOf(ss)));
    ensureDailyTrigger();
    return { ok: true, created: report.created, repaired: report.repaired };
  });
}
