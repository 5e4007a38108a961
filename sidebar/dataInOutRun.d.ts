/**
 * The server functions the data-in-and-out pages call, added to the shared
 * GoogleScriptRun declaration of ./google.d.ts (interfaces merge).
 */
interface GoogleScriptRun {
  importCandidates(csvText: string, options: { dryRun: boolean }): void;
  misUpdateList(options: { toSheet: boolean }): void;
  boardSubmissionList(board: string, options: { toSheet: boolean }): void;
  refundList(options: { toSheet: boolean }): void;
  getListOptions(): void;
  markMisUpdated(requestIds: string[]): void;
  subjectAccessExport(candidateNumber: string): void;
  closeSeason(options: { dryRun: boolean; confirm?: string }): void;
}
