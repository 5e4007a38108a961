/**
 * Every page the add-on opens, in one place: each menu item's sidebar or
 * dialog, and the printable dialogs. A page opened from a file is built from
 * sidebar/<feature>/ into dist/<name>.html (the names are in
 * scripts/build.mjs); the pages call their feature's server functions
 * (src/app/<feature>.ts) through google.script.run.
 */
import { formQuestionsPage } from './applications';

function openSidebar(file: string, title: string): void {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile(file).setTitle(title));
}

function openDialog(file: string, title: string, width: number, height: number): void {
  const html = HtmlService.createHtmlOutputFromFile(file).setWidth(width).setHeight(height);
  SpreadsheetApp.getUi().showModalDialog(html, title);
}

/** "Open sidebar": the New request page. */
export function showSidebar(): void {
  openSidebar('Sidebar', 'Post-Results Tracker');
}

/** "Update a request": find a request and record its progress. */
export function showUpdateSidebar(): void {
  openSidebar('Update', 'Update a request');
}

/** "Send results-day reminders". */
export function showRemindersSidebar(): void {
  openSidebar('Reminders', 'Results-day reminders');
}

export function showImportSidebar(): void {
  openSidebar('Import', 'Import candidates');
}

export function showListsSidebar(): void {
  openSidebar('Lists', 'Lists for the MIS, boards and finance');
}

export function showSubjectAccessDialog(): void {
  openDialog('SubjectAccess', 'Subject access export', 760, 600);
}

export function showCloseSeasonDialog(): void {
  openDialog('CloseSeason', 'Close season', 640, 600);
}

/** "Applications (online form)". */
export function showApplicationsSidebar(): void {
  openSidebar('Applications', 'Applications');
}

/** "Match payments". */
export function showPaymentsSidebar(): void {
  openSidebar('Payments', 'Match payments');
}

/** "Questions for the application form…": a page to print or copy into Forms. */
export function showFormQuestions(): void {
  const output = HtmlService.createHtmlOutput(formQuestionsPage()).setWidth(800).setHeight(700);
  SpreadsheetApp.getUi().showModalDialog(output, 'Questions for the application form');
}

/** A printable page made on the server (letters, consent forms), as a dialog. */
export function showDialog(html: string, title: string): void {
  const output = HtmlService.createHtmlOutput(html).setWidth(900).setHeight(700);
  SpreadsheetApp.getUi().showModalDialog(output, title);
}
