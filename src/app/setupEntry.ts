import { setUpSheets } from '../sheets/setup';
import { withDocumentLock } from '../sheets/lock';
import { readSettings } from '../sheets/settingsSheet';
import { activeSpreadsheet, timeZoneOf, todayIn } from '../sheets/workbook';
import { OFFICER_EMAIL_MISSING } from './dailyCheck';
import { answer, type Answer } from './respond';
import { ensureDailyTrigger, someoneElsesDailyCheck } from './triggers';

/**
 * Creates or repairs every sheet, seeds what is empty and installs the one
 * daily trigger, unless a colleague's already runs here. `notices` (only when there is something to say) are what the
 * officer must do before the daily check can do its job.
 */
export function setUp(): Answer<{ created: string[]; repaired: string[]; notices?: string[] }> {
  return answer(() => {
    const ss = activeSpreadsheet();
    const timeZone = timeZoneOf(ss);
    // One lock for both: two editors pressing Set up at once install one daily trigger between them.
    const { report, daily } = withDocumentLock(() => ({
      report: setUpSheets(ss, timeZone),
      daily: ensureDailyTrigger(todayIn(timeZone)),
    }));
    const notices: string[] = [];
    if (daily.state === 'someone-else') notices.push(someoneElsesDailyCheck(daily));
    if (readSettings(ss, timeZone).settings.officerEmail.trim() === '') notices.push(OFFICER_EMAIL_MISSING);
    return {
      ok: true,
      created: report.created,
      repaired: report.repaired,
      ...(notices.length > 0 ? { notices } : {}),
    };
  });
}
