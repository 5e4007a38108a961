/**
 * The add-on's entry points. The build turns every function exported here
 * into a real top-level `function` in dist/Code.js, which is what Apps
 * Script, menus, triggers and google.script.run call. Export only functions.
 */
export {
  onOpen,
  onInstall,
  menuSetUp,
  menuRunDailyCheck,
  menuHandOverDailyCheck,
  menuSendReminders,
  menuRefreshSltView,
} from './app/menu';
export { setUp } from './app/setupEntry';
export { refreshSltDashboard } from './app/dashboard';
export { refreshSltViewSpreadsheet } from './app/sltView';
export { sendResultsDayReminders, getReminderOptions, sendQueuedEmails } from './app/reminders';
export {
  showResultsDayLetters,
  showConsentForm,
  showBlankConsentForm,
  menuPrintLetters,
  menuPrintConsentForm,
} from './app/letters';
export { submitRequest, getIntakeOptions, lookupCandidate } from './app/newRequest';
export {
  recordSubmission,
  recordAcknowledgement,
  recordOutcome,
  recordFollowUp,
  withdrawRequest,
  findRequests,
} from './app/updateRequest';
export { runDailyCheck } from './app/dailyCheck';
export { importCandidates } from './app/import';
export { misUpdateList, boardSubmissionList, refundList, getListOptions, markMisUpdated } from './app/lists';
export { subjectAccessExport } from './app/subjectAccess';
export { closeSeason } from './app/closeSeason';
export {
  showSidebar,
  showUpdateSidebar,
  showImportSidebar,
  showListsSidebar,
  showSubjectAccessDialog,
  showCloseSeasonDialog,
  showApplicationsSidebar,
  showPaymentsSidebar,
  showFormQuestions,
} from './app/pages';
export { listApplications, approveApplications, rejectApplication } from './app/applications';
export { previewPayments, applyPayments } from './app/payments';
