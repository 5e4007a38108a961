/**
 * Results-day reminders: one email (or letter) per candidate with the
 * season's services, fees and deadlines, the SLT contact for the day and the
 * contact for later. Who gets one, and what it is keyed by so that a second
 * run (or the daily queue) never sends anyone a second copy.
 */
import { compareDates } from './calendar';
import { matchKey } from './services';
import { valuesForCandidate, type CandidateNames } from './templateValues';
import type { IsoDate, MailJob, ServiceRow } from './types';

export const REMINDER_TEMPLATE = 'Results-day reminder' as const;

export interface ReminderCandidate extends CandidateNames {
  /** The row in `Candidates`, to point the officer at it without a name. */
  row: number;
  email: string;
  tutorGroup: string;
  qualification: string;
}

export interface ReminderFilter {
  /** '' or absent: every candidate. Matched as the officer typed it, case and spacing aside. */
  qualification?: string;
  tutorGroup?: string;
}

export function filterCandidates<C extends ReminderCandidate>(candidates: readonly C[], filter: ReminderFilter): C[] {
  const q = matchKey(filter.qualification ?? '');
  const t = matchKey(filter.tutorGroup ?? '');
  return candidates.filter(
    (c) => (q === '' || matchKey(c.qualification) === q) && (t === '' || matchKey(c.tutorGroup) === t),
  );
}

/** Distinct values of a column for the filter lists, in a stable order. */
export function choicesOf(candidates: readonly ReminderCandidate[], pick: (c: ReminderCandidate) => string): string[] {
  const seen = new Map<string, string>();
  for (const c of candidates) {
    const v = pick(c).trim();
    if (v !== '' && !seen.has(matchKey(v))) seen.set(matchKey(v), v);
  }
  return [...seen.values()].sort(naturalOrder);
}

/** '7A' before '10A' before '13B'; otherwise alphabetical. */
function naturalOrder(a: string, b: string): number {
  const lead = (s: string) => (/^\d+/.exec(s) ? Number(/^\d+/.exec(s)?.[0]) : Infinity);
  const byNumber = lead(a) - lead(b);
  if (byNumber !== 0 && !Number.isNaN(byNumber)) return byNumber;
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The Services rows of the season that is open: the series with a deadline
 * still to come. When none has (the officer has not yet entered next
 * season's dates), every row, so the reminder is never empty.
 */
export function currentServices(services: readonly ServiceRow[], today: IsoDate): ServiceRow[] {
  const open = new Set(
    services.filter((r) => r.deadline !== null && compareDates(r.deadline, today) >= 0).map((r) => matchKey(r.series)),
  );
  if (open.size === 0) return [...services];
  return services.filter((r) => open.has(matchKey(r.series)));
}

/** One reminder per candidate per season, whatever happens to the run. */
export function reminderKey(year: number, candidateNumber: string): string {
  return `REMINDER-${year}-${candidateNumber.trim() || 'NO-NUMBER'}`;
}

/** "Pupil, Sam" as the officer's lists show a candidate; the number when both names are blank. */
function candidateLabel(c: ReminderCandidate): string {
  const name = [c.surname.trim(), c.forename.trim()].filter((n) => n !== '').join(', ');
  return name !== '' ? name : `candidate ${c.candidateNumber.trim() || 'with no number'}`;
}

/** The emails to send, and the candidates with no email address (they get a letter). */
export function reminderJobs(
  candidates: readonly ReminderCandidate[],
  servicesTableFor: (c: ReminderCandidate) => string,
  year: number,
): { jobs: MailJob[]; sources: ReminderCandidate[]; withoutEmail: ReminderCandidate[] } {
  const jobs: MailJob[] = [];
  const sources: ReminderCandidate[] = [];
  const withoutEmail: ReminderCandidate[] = [];
  for (const c of candidates) {
    if (c.email.trim() === '') {
      withoutEmail.push(c);
      continue;
    }
    sources.push(c);
    jobs.push({
      requestId: reminderKey(year, c.candidateNumber),
      template: REMINDER_TEMPLATE,
      to: c.email.trim(),
      values: { ...valuesForCandidate(c), servicesTable: servicesTableFor(c) },
      recipientSource: { field: `the email cell for ${candidateLabel(c)}`, fix: `Candidates row ${c.row}` },
    });
  }
  return { jobs, sources, withoutEmail };
}
