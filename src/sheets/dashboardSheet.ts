/**
 * The `SLT dashboard` sheet: read both logs once, write the figures once.
 *
 * Values only: no formula an officer's edit elsewhere could break, and every
 * text cell (subjects and names come from the logs) is written in a
 * plain-text cell so it can never become a formula. The number of service
 * calls is the same for twenty requests as for twenty thousand.
 */
import { dashboardFigures, type DashboardFigures } from '../domain/dashboard';
import { DASHBOARD_WIDTH, layoutDashboard, type DashboardLayout } from '../domain/dashboardLayout';
import { SHEET } from '../domain/schema';
import type { IsoDate } from '../domain/types';
import { NUMBER_FORMAT } from './cells';
import { readLog, type LoggedRequest } from './requestLog';
import { withRoom } from './table';
import { sheetByName, timeZoneOf, todayIn } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function dashboardSheet(ss: Spreadsheet): Sheet {
  const sheet = sheetByName(ss, SHEET.dashboard);
  if (!sheet) {
    throw new Error(
      `The "${SHEET.dashboard}" sheet is missing. Run Set up sheets from the add-on menu to bring it back.`,
    );
  }
  return sheet;
}

/** The dashboard's figures for today, from both logs (one read each). */
export function readDashboardFigures(ss: Spreadsheet, timeZone: string, today: IsoDate): DashboardFigures {
  const read = (name: typeof SHEET.requests | typeof SHEET.scripts) =>
    readLog(ss, name, timeZone, { readOnly: true }).requests;
  const rows = [...read(SHEET.requests), ...read(SHEET.scripts)];
  return dashboardFigures(rows, today);
}

/** What a refresh worked out: the SLT view is written from the same figures, without reading the logs again. */
export interface DashboardRefresh {
  figures: DashboardFigures;
  refreshedAt: string;
}

/** Clears the sheet (its charts stay: they are not cells) and writes the grid in one go. */
export function writeDashboard(sheet: Sheet, layout: DashboardLayout): void {
  const rows = layout.values.length;
  sheet.clear();
  // A new season's longer lists, or rows deleted by hand, may not fit: the sheet grows first then.
  const range = withRoom(sheet, rows, DASHBOARD_WIDTH, () => sheet.getRange(1, 1, rows, DASHBOARD_WIDTH));
  range.setNumberFormats(layout.kinds.map((r) => r.map((k) => NUMBER_FORMAT[k])));
  range.setValues(layout.values);
  range.setFontWeights(layout.bold.map((r) => r.map((b) => (b ? 'bold' : 'normal'))));
  range.setWraps(layout.wrap);
  setWidths(sheet, layout.widths);
}

/** One call per run of equal widths (at most one per column), whatever the season holds. */
function setWidths(sheet: Sheet, widths: readonly number[]): void {
  let i = 0;
  while (i < widths.length) {
    let j = i;
    while (j + 1 < widths.length && widths[j + 1] === widths[i]) j++;
    sheet.setColumnWidths(i + 1, j - i + 1, widths[i]);
    i = j + 1;
  }
}

/**
 * Refreshes the dashboard. The caller holds the document lock. `requests`, when given, are both
 * logs' rows (Requests first) as the caller read and wrote them in this same hold, so the logs are
 * not read again.
 */
export function refreshDashboardSheet(ss: Spreadsheet, requests?: readonly LoggedRequest[]): DashboardRefresh {
  const timeZone = timeZoneOf(ss);
  const sheet = dashboardSheet(ss);
  const refreshedAt = Utilities.formatDate(new Date(), timeZone, 'dd/MM/yyyy HH:mm');
  const today = todayIn(timeZone);
  const figures = requests ? dashboardFigures(requests, today) : readDashboardFigures(ss, timeZone, today);
  writeDashboard(sheet, layoutDashboard(figures, refreshedAt));
  return { figures, refreshedAt };
}
