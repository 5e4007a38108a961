/**
 * The add-on menu and what its items open. onOpen may run in AuthMode.NONE
 * (before the officer has authorised the add-on): then it may build the menu
 * and must touch nothing else, not even the spreadsheet.
 */
import { runDailyCheck } from './dailyCheck';
import { refreshSltDashboard } from './dashboard';
import { refreshSltViewSpreadsheet, sltViewChosen } from './sltView';
import { showRemindersSidebar } from './pages';
import { setUp } from './setupEntry';
import { handOverDailyTrigger } from './triggers';

type OpenEvent = { authMode?: GoogleAppsScript.Script.AuthMode } | undefined;

export const MENU_ITEMS: ReadonlyArray<{ caption: string; functionName: string }> = [
  { caption: 'Open sidebar', functionName: 'showSidebar' },
  { caption: 'Update a request', functionName: 'showUpdateSidebar' },
  { caption: 'Set up sheets', functionName: 'menuSetUp' },
  { caption: 'Run daily check now', functionName: 'menuRunDailyCheck' },
  { caption: 'Hand over the daily check', functionName: 'menuHandOverDailyCheck' },
  { caption: 'Send results-day reminders', functionName: 'menuSendReminders' },
  { caption: 'Print results-day letters', functionName: 'menuPrintLetters' },
  { caption: 'Print application and consent form…', functionName: 'menuPrintConsentForm' },
  { caption: 'Refresh SLT view', functionName: 'menuRefreshSltView' },
  { caption: 'Applications (online form)', functionName: 'showApplicationsSidebar' },
  { caption: 'Questions for the application form…', functionName: 'showFormQuestions' },
  { caption: 'Match payments', functionName: 'showPaymentsSidebar' },
  { caption: 'Import candidates', functionName: 'showImportSidebar' },
  { caption: 'Lists for the MIS, boards and finance', functionName: 'showListsSidebar' },
  { caption: 'Subject access export…', functionName: 'showSubjectAccessDialog' },
  { caption: 'Close season…', functionName: 'showCloseSeasonDialog' },
];

/** Each of these items starts a group of the menu. */
const GROUP_STARTS: ReadonlySet<string> = new Set(['menuRunDailyCheck', 'showImportSidebar']);

export function onOpen(_e?: OpenEvent): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  MENU_ITEMS.forEach((item, i) => {
    if (GROUP_STARTS.has(item.functionName) && i > 0) menu.addSeparator();
    menu.addItem(item.caption, item.functionName);
  });
  menu.addToUi();
}

export function onInstall(e?: OpenEvent): void {
  onOpen(e);
}

export function menuSetUp(): void {
  const result = setUp();
  const ui = SpreadsheetApp.getUi();
  if (!result.ok) {
    ui.alert(`Set up could not finish: ${result.errors.map((e) => e.message).join(' ')}`);
    return;
  }
  const parts = [
    result.created.length ? `Created: ${result.created.join(', ')}.` : 'All sheets were already there.',
    result.repaired.length ? `Repaired headers: ${result.repaired.join('; ')}.` : '',
    ...(result.notices ?? []),
    'Check every row of the Services sheet against the boards’ current fees and deadlines before the season.',
  ];
  ui.alert(parts.filter(Boolean).join('\n'));
}

const HAND_OVER_SAID = {
  removed:
    'Your daily check is removed from this spreadsheet: it no longer runs under your account. The colleague taking over now runs Set up sheets, and the daily check then runs under theirs.',
  'not-yours':
    'The daily check here is not yours, so it was left alone. Only the person who installed it (by running Set up) can hand it over.',
  none: 'No daily check is installed here. Run Set up sheets to install one under your account.',
} as const;

/** The owner of the daily trigger removes theirs, so a colleague's Set up installs the next. */
export function menuHandOverDailyCheck(): void {
  SpreadsheetApp.getUi().alert(HAND_OVER_SAID[handOverDailyTrigger()]);
}

export function menuRunDailyCheck(): void {
  const result = runDailyCheck();
  const ui = SpreadsheetApp.getUi();
  if (!result.ok) {
    ui.alert(result.errors.map((e) => e.message).join(' '));
    return;
  }
  ui.alert(result.summary);
}

export function menuSendReminders(): void {
  showRemindersSidebar();
}

/**
 * "Refresh SLT view": rewrites the dashboard's figures and says so in a toast;
 * with SLT view spreadsheet = Yes, also the separate SLT view, saying what it
 * did (a new file, who it was shared with, who could not be).
 */
export function menuRefreshSltView(): void {
  if (sltViewChosen()) {
    const view = refreshSltViewSpreadsheet();
    const ui = SpreadsheetApp.getUi();
    if (!view.ok) {
      ui.alert(view.errors.map((e) => e.message).join(' '));
      return;
    }
    if (view.notices.length > 0) {
      ui.alert(['The SLT dashboard and the SLT view now show today’s figures.', ...view.notices].join('\n'));
      return;
    }
    SpreadsheetApp.getActiveSpreadsheet().toast(
      `The SLT dashboard and the SLT view (${view.url}) now show today’s figures.`,
      'Refresh SLT view',
      5,
    );
    return;
  }
  const result = refreshSltDashboard();
  if (!result.ok) {
    SpreadsheetApp.getUi().alert(result.errors.map((e) => e.message).join(' '));
    return;
  }
  SpreadsheetApp.getActiveSpreadsheet().toast('The SLT dashboard now shows today’s figures.', 'Refresh SLT view', 5);
}
