/**
 * The one daily trigger. Add-ons may hold only one time-driven trigger per
 * user per document, and a second setUp() must not add another. The search is
 * this spreadsheet's triggers only (getUserTriggers): getProjectTriggers()
 * would find last season's spreadsheet's trigger, install none here, and
 * could delete the other's.
 */
import { activeSpreadsheet } from '../sheets/workbook';

export const DAILY_HANDLER = 'runDailyCheck';
const DAILY_HOUR = 7;

export function ensureDailyTrigger(): 'created' | 'kept' {
  const daily = ScriptApp.getUserTriggers(activeSpreadsheet()).filter(
    (t) => t.getHandlerFunction() === DAILY_HANDLER && t.getEventType() === ScriptApp.EventType.CLOCK,
  );
  // Duplicates from an older version or a copied sheet: keep one.
  daily.slice(1).forEach((t) => ScriptApp.deleteTrigger(t));
  if (daily.length > 0) return 'kept';
  ScriptApp.newTrigger(DAILY_HANDLER).timeBased().everyDays(1).atHour(DAILY_HOUR).create();
  return 'created';
}
