/**
 * The small part of the client-side Apps Script API the sidebar uses, with
 * the server functions it calls. Both Google and the local emulator inject
 * `google` before the page's script runs. Results are checked by the page
 * before use, so they arrive as `unknown`.
 */
interface GoogleScriptRun {
  withSuccessHandler(handler: (result: unknown, userObject?: unknown) => void): GoogleScriptRun;
  withFailureHandler(handler: (error: Error | string, userObject?: unknown) => void): GoogleScriptRun;
  withUserObject(userObject: unknown): GoogleScriptRun;
  getIntakeOptions(): void;
  lookupCandidate(candidateNumber: string): void;
  submitRequest(form: object): void;
  getReminderOptions(): void;
  sendResultsDayReminders(options: { dryRun: boolean; qualification?: string; tutorGroup?: string }): void;
  showResultsDayLetters(options: { qualification?: string; tutorGroup?: string; everyone?: boolean }): void;
  sendQueuedEmails(): void;
  showBlankConsentForm(form: object): void;
  showConsentForm(requestId: string): void;
}
declare const google: { script: { run: GoogleScriptRun; host: { close(): void } } };
