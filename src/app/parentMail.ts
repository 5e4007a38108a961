/**
 * Parents' copies for the jobs one server call sends: `Candidates` is read
 * only when Settings "Copy emails to parents" is on and a job goes to a
 * candidate, so with the setting off (the default) a Save costs nothing more.
 */
import { withParentCopies } from '../domain/parentCopies';
import type { MailJob, Settings } from '../domain/types';
import { parentEmailsByCandidate } from '../sheets/candidateRows';
import { activeSpreadsheet, timeZoneOf } from '../sheets/workbook';

export function withParentCopiesFor(jobs: MailJob[], settings: Settings): MailJob[] {
  if (!settings.copyToParents || !jobs.some((j) => j.toCandidate !== undefined)) return jobs;
  const ss = activeSpreadsheet();
  return withParentCopies(jobs, true, parentEmailsByCandidate(ss, timeZoneOf(ss)));
}
