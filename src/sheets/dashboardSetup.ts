/**
 * setUp's part for the SLT dashboard: its first layout, its two charts, and
 * the protection of the dashboard and both logs. Idempotent: a second run
 * reads and changes nothing; a removed protection or chart is put back.
 *
 * Protection stays inside `spreadsheets.currentonly`: nothing here asks who
 * the user is (Session's email would need the userinfo.email scope). The
 * editors come from Settings (Exams officer email, Log editors); Sheets itself
 * keeps the file's owner and the person applying the protection as editors.
 */
import { DASHBOARD_TITLE, a1, dashboardCharts, type DashboardChart } from '../domain/dashboardLayout';
import { editorChanges, protectionEditors } from '../domain/editors';
import { SHEET } from '../domain/schema';
import { dashboardSheet, refreshDashboardSheet } from './dashboardSheet';
import { readSettings } from './settingsSheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type EmbeddedChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

/**
 * The logs, the dashboard, and every sheet the mailer reads to decide what
 * to send and to whom: Correspondence (the queue), Templates (what is said),
 * Services (the fees and deadlines a reminder lists), Settings (sender's
 * name, reply-to, who may edit) and Candidates (the reminders' addresses).
 * Every sheet the add-on makes, then. An editor of the file who is not named cannot add
 * a queued row, change a template or point a reminder at another address.
 */
export const PROTECTED_SHEETS = [
  SHEET.requests,
  SHEET.scripts,
  SHEET.dashboard,
  SHEET.correspondence,
  SHEET.templates,
  SHEET.services,
  SHEET.settings,
  SHEET.candidates,
] as const;
export const PROTECTION_DESCRIPTION =
  'Post-Results Tracker: only the exams officer and the Log editors named in Settings can edit this sheet (Set up sheets re-applies this).';

const CHART_WIDTH = 640;
const CHART_HEIGHT = 360;

export interface DashboardSetUpReport {
  created: string[];
  repaired: string[];
}

/** Call under the document lock, after the logs' headers and Settings are in place. */
export function setUpDashboard(ss: Spreadsheet, timeZone: string, report: DashboardSetUpReport): void {
  const sheet = dashboardSheet(ss);
  const laidOut = String(sheet.getRange(1, 1).getValue()) === DASHBOARD_TITLE;
  const chartsChanged = ensureCharts(sheet, dashboardCharts());
  // The refresh also sizes the columns to their labels.
  if (!laidOut || chartsChanged) refreshDashboardSheet(ss);

  const { settings } = readSettings(ss, timeZone);
  const want = protectionEditors(settings);
  const owner = ownerEmail(ss);
  for (const name of PROTECTED_SHEETS) {
    const target = ss.getSheetByName(name);
    if (target) protectSheet(target, want, owner, report);
  }
}

function chartTitle(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): string {
  return String(chart.getOptions().get('title') ?? '');
}

/** Builds each chart that is missing, puts back cells a chart lost, removes a second copy. True if anything changed. */
function ensureCharts(sheet: Sheet, specs: readonly DashboardChart[]): boolean {
  const existing = sheet.getCharts();
  let changed = false;
  for (const spec of specs) {
    const [chart, ...copies] = existing.filter((c) => chartTitle(c) === spec.title);
    for (const copy of copies) {
      sheet.removeChart(copy);
      changed = true;
    }
    if (!chart) {
      sheet.insertChart(configure(sheet.newChart(), sheet, spec));
      changed = true;
      continue;
    }
    const ranges = chart
      .getRanges()
      .map((r) => r.getA1Notation())
      .join(',');
    if (ranges !== spec.ranges.map(a1).join(',')) {
      sheet.updateChart(configure(chart.modify().clearRanges(), sheet, spec));
      changed = true;
    }
  }
  return changed;
}

/** Stacked bars: one bar per board (or subject), one colour per status (or outcome). */
function configure(builder: EmbeddedChartBuilder, sheet: Sheet, spec: DashboardChart) {
  let b: EmbeddedChartBuilder = builder
    .asBarChart()
    .setStacked()
    .setTitle(spec.title)
    .setLegendPosition(Charts.Position.RIGHT);
  for (const r of spec.ranges) b = b.addRange(sheet.getRange(r.row, r.column, r.numRows, r.numColumns));
  return b
    .setPosition(spec.anchor.row, spec.anchor.column, 0, 0)
    .setOption('width', CHART_WIDTH)
    .setOption('height', CHART_HEIGHT)
    .build();
}

function ownerEmail(ss: Spreadsheet): string {
  // A file in a shared drive has no owner.
  const owner = ss.getOwner();
  return owner ? owner.getEmail() : '';
}

/**
 * Protects the whole sheet for the editors Settings names; the owner can
 * always edit. Warning-only mode, domain-wide editing and unprotected holes
 * someone added are taken away again.
 *
 * Real Sheets: a new protection only starts protecting once a script changes
 * its editor list (until then it mirrors the file's own sharing), so a new
 * one always gets an explicit add or remove. Adding before removing keeps the
 * person running this an editor throughout when Settings names them (Sheets
 * refuses to remove a group through which the runner has their access), and
 * Sheets never removes the owner or the person running the script, whatever
 * the list says.
 */
function protectSheet(sheet: Sheet, want: readonly string[], owner: string, report: DashboardSetUpReport): void {
  const name = sheet.getName();
  const found = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
  const protection = found ?? sheet.protect().setDescription(PROTECTION_DESCRIPTION);
  if (!found && !report.created.includes(name)) report.repaired.push(`${name}: protection`);
  const have = protection.getEditors().map((u) => u.getEmail());
  const { add, remove } = editorChanges(have, want, owner ? [owner] : []);
  const adding = found ? add : [...want];
  if (adding.length > 0) protection.addEditors(adding);
  const removing = !found && adding.length === 0 && remove.length === 0 ? have : remove;
  if (removing.length > 0) protection.removeEditors(removing);
  if (protection.isWarningOnly()) protection.setWarningOnly(false);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
  if (protection.getUnprotectedRanges().length > 0) protection.setUnprotectedRanges([]);
}
