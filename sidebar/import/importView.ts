/**
 * What the Import candidates page shows, as plain functions of the server's answers (so
 * they are tested without a browser). Every text here is shown with
 * textContent, never as HTML.
 */
import type { ImportAnswer } from '../../src/shared/answers';
import { isObject, lineNotes, num, plural, refusal, str, UNREADABLE, type Read } from '../read';

/** importCandidates' answer as the page reads it (the header's line is not shown). */
export type ImportResult = Omit<ImportAnswer, 'headerLine'>;

export function readImport(answer: unknown): Read<ImportResult> {
  if (!isObject(answer)) return { ok: false, messages: [UNREADABLE] };
  if (answer.ok !== true) return { ok: false, messages: refusal(answer) };
  return {
    ok: true,
    value: {
      dryRun: answer.dryRun === true,
      added: num(answer.added),
      updated: num(answer.updated),
      unchanged: num(answer.unchanged),
      refused: lineNotes(answer.refused),
      warnings: lineNotes(answer.warnings),
      unmatched: Array.isArray(answer.unmatched) ? answer.unmatched.map(str) : [],
      columns: Array.isArray(answer.columns)
        ? answer.columns.filter(isObject).map((c) => ({ header: str(c.header), column: str(c.column) }))
        : [],
    },
  };
}

/** The headline of a preview or of a finished import. */
export function importHeadline(r: ImportResult): string {
  const counts = `${plural(r.added, 'new candidate')}, ${r.updated} updated, ${r.unchanged} unchanged, ${plural(r.refused.length, 'row')} refused`;
  if (r.dryRun) {
    return r.added + r.updated === 0
      ? `Nothing to import: ${counts}.`
      : `Preview: ${counts}. Nothing is saved until you press Import.`;
  }
  return `Imported: ${counts}.`;
}

export function lineText(n: { line: number; reason: string }): string {
  return `Line ${n.line}: ${n.reason}`;
}

/** Files from the MIS are UTF-8 or, from older Windows exports, Windows-1252: a UTF-8 read full of � is the second. */
export function looksMisdecoded(text: string): boolean {
  return text.includes('\uFFFD');
}
