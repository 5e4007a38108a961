/**
 * Refreshing the separate "SLT view" spreadsheet (Settings: SLT view
 * spreadsheet = Yes): from "Refresh SLT view", from google.script.run, and
 * from the daily check. With the switch at No nothing here runs, and the
 * add-on makes no Sheets or Drive API call at all.
 */
import { sltViewRows } from '../domain/sltView';
import type { Settings } from '../domain/types';
import { refreshDashboardSheet, type DashboardRefresh } from '../sheets/dashboardSheet';
import { withDocumentLock } from '../sheets/lock';
import { readSettings } from '../sheets/settingsSheet';
import { NotTheViewOwnerError, writeSltView, type SltViewWrite } from '../sheets/sltView';
import { activeSpreadsheet, timeZoneOf } from '../sheets/workbook';
import { NOT_AN_EDITOR, isProtectionRefusal, messageOf } from './dashboard';
import { answer, type Answer } from './respond';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SltViewDone extends SltViewWrite {
  /** What the officer is told, in her words: a new file, who was shared, who could not be. */
  notices: string[];
}

export const SWITCH_OFF =
  'The SLT view spreadsheet is off: set "SLT view spreadsheet" to Yes in Settings to keep a separate, figures-only file for the SLT viewers.';

const WHY_NEW: Readonly<Record<NonNullable<SltViewWrite['created']>, string>> = {
  first: 'A new SLT view spreadsheet was made in your Drive',
  gone: 'The SLT view spreadsheet could not be found (deleted, or in the bin), so a new one was made in your Drive',
  'not-ours':
    'The SLT view spreadsheet on record belongs to another tracker (this one may be a copy), so a new one was made in your Drive',
};

/** What the officer is told about a refresh. Addresses only (the SLT viewers and readers she shared with), no candidate. */
export function viewNotices(w: SltViewWrite): string[] {
  const notices: string[] = [];
  if (w.created !== null) notices.push(`${WHY_NEW[w.created]}: ${w.url}`);
  if (w.shared.length > 0) {
    notices.push(`The SLT view is now shared as Viewer with ${w.shared.join(', ')}; Google emails them a link itself.`);
  }
  for (const n of w.notShared) notices.push(`The SLT view could not be shared with ${n.email}: ${n.reason}`);
  if (w.notInSettings.length > 0) {
    notices.push(
      `The SLT view is still shared with ${w.notInSettings.join(', ')}, who ${w.notInSettings.length === 1 ? 'is' : 'are'} not in SLT viewers. The add-on never removes anyone: open the SLT view and use Share to remove them if they should no longer see it.`,
    );
  }
  return notices;
}

function writeView(ss: Spreadsheet, refresh: DashboardRefresh, settings: Settings): SltViewDone {
  const rows = sltViewRows(refresh.figures, refresh.refreshedAt);
  const written = writeSltView(ss.getId(), rows, settings.sltViewers);
  return { ...written, notices: viewNotices(written) };
}

/** Whether Settings asks for the SLT view. False when Settings cannot be read: then the dashboard alone is refreshed. */
export function sltViewChosen(ss: Spreadsheet = activeSpreadsheet()): boolean {
  try {
    return readSettings(ss, timeZoneOf(ss)).settings.sltViewSpreadsheet;
  } catch {
    return false;
  }
}

/** `refreshSltViewSpreadsheet()`: the SLT dashboard, then the SLT view from the same figures. */
export function refreshSltViewSpreadsheet(): Answer<SltViewDone> {
  return answer((): Answer<SltViewDone> => {
    const ss = activeSpreadsheet();
    const settings = readSettings(ss, timeZoneOf(ss)).settings;
    if (!settings.sltViewSpreadsheet) return { ok: false, errors: [{ field: 'form', message: SWITCH_OFF }] };
    try {
      return { ok: true, ...withDocumentLock(() => writeView(ss, refreshDashboardSheet(ss), settings)) };
    } catch (err) {
      if (isProtectionRefusal(err)) return { ok: false, errors: [{ field: 'form', message: NOT_AN_EDITOR }] };
      if (err instanceof NotTheViewOwnerError) return { ok: false, errors: [{ field: 'form', message: err.message }] };
      throw err;
    }
  });
}

/**
 * For the daily check, once it has refreshed the dashboard: writes the view
 * from the figures it wrote. Never throws; answers the notices for the
 * officer's digest, or the reason the view was not refreshed.
 */
export function refreshSltViewQuietly(
  refresh: DashboardRefresh,
  settings: Settings,
  ss: Spreadsheet = activeSpreadsheet(),
): { ok: true; notices: string[] } | { ok: false; reason: string } {
  try {
    const done = withDocumentLock(() => writeView(ss, refresh, settings));
    // Readers left on the file are the officer's choice: said when she refreshes, not in every morning's digest.
    return { ok: true, notices: viewNotices({ ...done, notInSettings: [] }) };
  } catch (err) {
    console.error(`Post-Results Tracker: the SLT view was not refreshed (${messageOf(err)})`);
    return { ok: false, reason: messageOf(err) };
  }
}
