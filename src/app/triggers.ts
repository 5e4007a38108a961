/**
 * The one daily trigger. Add-ons may hold only one time-driven trigger per
 * user per document, and a second setUp() must not add another. One script
 * serves every spreadsheet it is used in, so the trigger is looked for in
 * this spreadsheet only: getProjectTriggers() would find (and could delete)
 * last season's spreadsheet's trigger.
 */
export const DAILY_HANDLER = 'runDailyCheck';
const DAILY_HOUR = 7;

export function ensureDailyTrigger(): 'created' | 'kept' {
  const daily = ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet()).filter(
    (t) => t.getHandlerFunction() === DAILY_HANDLER && t.getEventType() === ScriptApp.EventType.CLOCK,
  );
  // Duplicates from an older version or a copied sheet: keep one.
  daily.slice(1).forEach((t) => ScriptApp.deleteTrigger(t));
  if (daily.length > 0) return 'kept';
  ScriptApp.newTrigger(DAILY_HANDLER).timeBased().everyDays(1).atHour(DAILY_HOUR).create();
  return 'created';
}
