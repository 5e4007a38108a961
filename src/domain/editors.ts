/**
 * Who may edit the two logs and the SLT dashboard: the exams officer and the
 * people named in Settings' `Log editors`, nobody else. `SLT viewers` are
 * deliberately not among them: senior leaders look, they do not edit.
 *
 * Sheets itself always keeps the file's owner and the person applying the
 * protection as editors; that is Sheets' rule, not a setting.
 */
import type { Settings } from './types';

function key(email: string): string {
  return String(email ?? '')
    .trim()
    .toLowerCase();
}

/** The protection's editors as Settings names them, lower case, each once. */
export function protectionEditors(settings: Pick<Settings, 'officerEmail' | 'logEditors'>): string[] {
  return [...new Set([settings.officerEmail, ...settings.logEditors].map(key).filter((e) => e !== ''))];
}

/**
 * What to change to turn the editors a protection has into the ones it should
 * have. `keep` are left alone whatever Settings says (the owner, whom Sheets
 * will not remove anyway), so a second run asks Sheets for nothing.
 */
export function editorChanges(
  have: readonly string[],
  want: readonly string[],
  keep: readonly string[] = [],
): { add: string[]; remove: string[] } {
  const has = new Set(have.map(key));
  const wanted = new Set(want.map(key));
  const kept = new Set(keep.map(key));
  return {
    add: [...wanted].filter((e) => !has.has(e)),
    remove: [...has].filter((e) => e !== '' && !wanted.has(e) && !kept.has(e)),
  };
}
