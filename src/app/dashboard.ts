/**
 * Refreshing the SLT dashboard: from the menu ("Refresh SLT view"), from
 * google.script.run, and quietly after the daily check or a recorded outcome.
 */
import { refreshDashboardSheet, type DashboardRefresh } from '../sheets/dashboardSheet';
import { withDocumentLock } from '../sheets/lock';
import type { LoggedRequest } from '../sheets/requestLog';
import { activeSpreadsheet } from '../sheets/workbook';
import { answer, type Answer } from './respond';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const NOT_AN_EDITOR =
  'Only the exams officer and the Log editors named in Settings can refresh the SLT view. The figures were not changed; the daily check refreshes them every morning.';

/** Errors from Apps Script services may come from another realm: read the message, don't test instanceof. */
export function messageOf(err: unknown): string {
  const message = (err as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(err);
}

/** Sheets refuses a write into a protected sheet with this wording. */
export function isProtectionRefusal(err: unknown): boolean {
  return /protected (cell|sheet|range)/i.test(messageOf(err));
}

/** Rewrites the dashboard's figures from both logs. */
export function refreshSltDashboard(): Answer<object> {
  return answer(() => {
    const ss = activeSpreadsheet();
    try {
      withDocumentLock(() => refreshDashboardSheet(ss));
    } catch (err) {
      // An SLT viewer given edit access to the file pressed the menu item: say why, not "something went wrong".
      if (isProtectionRefusal(err)) return { ok: false, errors: [{ field: 'form', message: NOT_AN_EDITOR }] };
      throw err;
    }
    return { ok: true };
  });
}

/**
 * For other entry points (the daily check, a recorded outcome) once they have
 * released the document lock: it takes the lock itself, so it must not be
 * called from inside withDocumentLock. It never throws: a dashboard that
 * could not be refreshed must not turn the officer's saved outcome into an
 * error. Answers the figures it wrote, or null when it could not; the reason
 * goes to the log (no names: the message never holds row data).
 */
export function refreshDashboardQuietly(ss: Spreadsheet = activeSpreadsheet()): DashboardRefresh | null {
  try {
    return withDocumentLock(() => refreshDashboardSheet(ss));
  } catch (err) {
    console.error(`Post-Results Tracker: the SLT dashboard was not refreshed (${messageOf(err)})`);
    return null;
  }
}

/**
 * Inside the hold in which the caller read both logs and wrote its changes: the dashboard from
 * those rows, without reading the logs again or taking the lock a second time. Never throws, as
 * refreshDashboardQuietly.
 */
export function refreshDashboardInHold(
  ss: Spreadsheet,
  requests: () => readonly LoggedRequest[],
): DashboardRefresh | null {
  try {
    return refreshDashboardSheet(ss, requests());
  } catch (err) {
    console.error(`Post-Results Tracker: the SLT dashboard was not refreshed (${messageOf(err)})`);
    return null;
  }
}
