import { setUpSheets } from '../sheets/setup';
import { withDocumentLock } from '../sheets/lock';
import { readSettings } from '../sheets/settingsSheet';
import { activeSpreadsheet, timeZoneOf } from '../sheets/workbook';
import { OFFICER_EMAIL_MISSING } from './dailyCheck';
import { answer, type Answer } from './respond';
import { ensureDailyTrigger } from './triggers';

/**
 * Creates or repairs every sheet, seeds what is empty and installs the one
 * daily trigger. `notices` (only when there is something to say) are what the
 * officer must do before the daily check can do its job.
 */
export function setUp(): Answer<{ created: string[]; repaired: string[]; notices?: string[] }> {
  return answer(() => {
    const ss = activeSpreadsheet();
    const timeZone = timeZoneOf(ss);
    const report = withDocumentLock(() => setUpSheets(ss, timeZone));
    ensureDailyTrigger();
    const notices: string[] = [];
    if (readSettings(ss, timeZone).settings.officerEmail.trim() === '') notices.push(OFFICER_EMAIL_MISSING);
    return {
      ok: true,
      created: report.created,
      repaired: report.repaired,
      ...(notices.length > 0 ? { notices } : {}),
    };
  });
}
