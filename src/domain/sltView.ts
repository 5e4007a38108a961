/**
 * The "SLT view": a separate spreadsheet, shared as Viewer with the SLT
 * viewers in Settings, that holds the dashboard's figures and nothing else.
 * Sharing the tracker itself as Viewer shows every sheet (every candidate's
 * email, parents' emails, UCIs, every message sent); this file is the one a
 * senior leader can be given instead.
 *
 * Pure. What reaches the view is decided here, so it can be tested without
 * Sheets: the dashboard's figures without the candidates' names, the daily
 * check's flag labels without their bracketed detail (a Flags cell is typed
 * text after the label), and any remaining cell that looks like an email
 * address or a UCI replaced by WITHHELD, in case someone typed one into a
 * subject or a request ID.
 */
import { NEEDS_ATTENTION_LIMIT, dashboardFigures, parseFlags, type DashboardFigures } from './dashboard';
import { DASHBOARD_WIDTH, layoutDashboard, type DashboardValue } from './dashboardLayout';
import { isRequestId } from './requestId';

/** The file's name in Drive. */
export const SLT_VIEW_FILE_NAME = 'Post-results season: SLT view';
/** Its one tab. */
export const SLT_VIEW_SHEET = 'SLT view';
export const WITHHELD = '(withheld)';

/** Anything with an @ may be an address; a UCI, written solid or spaced as WJEC prints it ('68199 0 01 2058 G'). */
const UCI_LIKE = /\b\d{5}\s?[0B]\s?\d{2}\s?\d{4}\s?[A-Z]\b/i;

/** A text cell as it may appear in the view. */
export function viewText(text: string): string {
  return text.includes('@') || UCI_LIKE.test(text) ? WITHHELD : text;
}

/** What the view is told a request needs: the daily check's own labels, joined as the Flags column joins them. */
function labelsOnly(needed: string): string {
  const labels = parseFlags(needed)
    .map((e) => e.label)
    .filter((l): l is NonNullable<typeof l> => l !== null);
  return [...new Set(labels)].join('; ');
}

/** The figures with no name in them. */
export function viewFigures(f: DashboardFigures): DashboardFigures {
  return {
    ...f,
    needsAttention: f.needsAttention.map((a) => ({
      ...a,
      requestId: isRequestId(a.requestId) ? a.requestId : WITHHELD,
      candidate: '',
      needed: labelsOnly(a.needed),
    })),
  };
}

/**
 * The tallest the view can be: the fixed part, the needs-attention heading
 * and header, every line of the capped list and its "… and N more" line.
 * Every refresh writes this many rows, so a list that got shorter leaves
 * no line of yesterday's below it, in the one write.
 */
export const SLT_VIEW_ROWS =
  layoutDashboard(dashboardFigures([], '2026-01-01'), '').values.length + NEEDS_ATTENTION_LIMIT;
export const SLT_VIEW_COLUMNS = DASHBOARD_WIDTH;

/**
 * The rows of the view: always SLT_VIEW_ROWS by SLT_VIEW_COLUMNS, counts and
 * money as numbers, everything else text (the adapter writes them RAW, so no
 * text is ever read as a formula).
 */
export function sltViewRows(f: DashboardFigures, refreshedAt: string): DashboardValue[][] {
  const values = layoutDashboard(viewFigures(f), refreshedAt, 'view').values.map((row) =>
    row.map((v) => (typeof v === 'string' ? viewText(v) : v)),
  );
  const blank = (): DashboardValue[] => Array.from({ length: SLT_VIEW_COLUMNS }, () => '');
  while (values.length < SLT_VIEW_ROWS) values.push(blank());
  return values.slice(0, SLT_VIEW_ROWS);
}

/** A permission on the view file, as Drive lists it. */
export interface ViewPermission {
  type: string;
  role: string;
  emailAddress?: string;
}

export interface SharingPlan {
  /** SLT viewers who cannot open the view yet: each is added as a reader. */
  add: string[];
  /**
   * Readers who are no longer SLT viewers. Left alone (a human may have shared
   * the file with them on purpose); the officer is told, and removes them in
   * File › Share if they should not see it.
   */
  notInSettings: string[];
}

/** Who to share the view with: only those missing; nobody is ever removed. */
export function planSharing(viewers: readonly string[], permissions: readonly ViewPermission[]): SharingPlan {
  const key = (s: string) => s.trim().toLowerCase();
  const canOpen = new Set(
    permissions
      .filter((p) => (p.type === 'user' || p.type === 'group') && p.emailAddress)
      .map((p) => key(p.emailAddress!)),
  );
  const wanted = new Set(viewers.map(key));
  const add: string[] = [];
  for (const v of viewers) {
    if (!canOpen.has(key(v)) && !add.some((a) => key(a) === key(v))) add.push(v.trim());
  }
  const notInSettings = permissions
    .filter((p) => p.type === 'user' && p.role === 'reader' && p.emailAddress && !wanted.has(key(p.emailAddress)))
    .map((p) => p.emailAddress!);
  return { add, notInSettings };
}
