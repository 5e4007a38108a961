/** The server functions the Applications page calls (merged into ./google.d.ts). */
interface GoogleScriptRun {
  listApplications(): void;
  approveApplications(picked: Array<{ row: number; key: string }>): void;
  rejectApplication(picked: { row: number; key: string }, reason: string): void;
}
interface GoogleScriptRun {
  previewPayments(csvText: string): void;
  applyPayments(csvText: string): void;
}
