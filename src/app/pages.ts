/**
 * The menu items of "data in and out": each opens its page. The pages call
 * the server functions of ./dataInOut through google.script.run.
 */

export function showImportSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Import').setTitle('Import candidates');
  SpreadsheetApp.getUi().showSidebar(html);
}

export function showListsSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Lists').setTitle('Lists for the MIS, boards and finance');
  SpreadsheetApp.getUi().showSidebar(html);
}

export function showSubjectAccessDialog(): void {
  const html = HtmlService.createHtmlOutputFromFile('SubjectAccess').setWidth(760).setHeight(600);
  SpreadsheetApp.getUi().showModalDialog(html, 'Subject access export');
}

export function showCloseSeasonDialog(): void {
  const html = HtmlService.createHtmlOutputFromFile('CloseSeason').setWidth(640).setHeight(600);
  SpreadsheetApp.getUi().showModalDialog(html, 'Close season');
}
