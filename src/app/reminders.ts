/**
 * "Send results-day reminders": the sidebar's preview and send, and the
 * button that sends what is queued. The work is the mailer's; this picks the
 * candidates, builds one job each, and turns the mailer's report into what
 * the sidebar shows.
 */
import { seasonYear } from '../domain/requestId';
import {
  REMINDER_TEMPLATE,
  choicesOf,
  currentServices,
  filterCandidates,
  reminderJobs,
  type ReminderCandidate,
  type ReminderFilter,
} from '../domain/reminders';
import { candidateLevels, familyServices, servicesTable, unconfirmedLines } from '../domain/familyServices';
import type { FieldError, MailJob } from '../domain/types';
import { previewMail, resumeMailQueue, runDeadline, sendMail, type MailPreview } from '../mail/mailer';
import { readCandidates } from '../sheets/candidateRows';
import { readServices, readSettings } from '../sheets/settingsSheet';
import { activeSpreadsheet, timeZoneOf, todayIn } from '../sheets/workbook';
import { answer, type Answer } from './respond';
import type { QueueAnswer, ReminderChoices, RemindersAnswer } from '../shared/answers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Values that belong to one candidate: when only these are missing, only that candidate is left out. */
const CANDIDATE_VALUES = new Set(['forename', 'surname', 'candidateName', 'candidateNumber']);

export interface ReminderRequest extends ReminderFilter {
  /** Anything but `false` is a dry run: sending needs the officer to say so. */
  dryRun: boolean;
}

/** The options as google.script.run passed them; a wrong type is reported, never guessed. */
export function readReminderOptions(raw: unknown): { options: ReminderRequest; errors: FieldError[] } {
  const o = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const errors: FieldError[] = [];
  const text = (field: 'qualification' | 'tutorGroup') => {
    const v = o[field];
    if (v === undefined || v === null) return '';
    if (typeof v === 'string' && v.length <= 100) return v.trim();
    errors.push({
      field,
      message: `The ${field === 'tutorGroup' ? 'tutor group' : 'qualification'} filter is not a short piece of text.`,
    });
    return '';
  };
  return {
    options: { dryRun: o.dryRun !== false, qualification: text('qualification'), tutorGroup: text('tutorGroup') },
    errors,
  };
}

interface Batch {
  candidates: ReminderCandidate[];
  jobs: MailJob[];
  sources: ReminderCandidate[];
  withoutEmail: ReminderCandidate[];
  /** Each candidate's own list: the services still open today, for their levels where known. */
  servicesTableFor: (c: ReminderCandidate) => string;
  /** Services left out of every list because their fee or deadline is not confirmed, for the officer. */
  unconfirmed: string[];
}

/** The candidates the filters pick, and their reminder jobs; errors when there is nobody to remind. */
export function reminderBatch(ss: Spreadsheet, filter: ReminderFilter): { batch: Batch } | { errors: FieldError[] } {
  const tz = timeZoneOf(ss);
  const today = todayIn(tz);
  const { candidates: all, hasQualification } = readCandidates(ss, tz);
  if (all.length === 0) {
    return {
      errors: [
        {
          field: 'form',
          message: 'The Candidates sheet has nobody in it yet: import the candidates from the MIS first.',
        },
      ],
    };
  }
  if ((filter.qualification ?? '') !== '' && !hasQualification) {
    return {
      errors: [
        {
          field: 'qualification',
          message:
            'The Candidates sheet has no Qualification column to filter by. Add one (like GCSE or GCE A level), or clear this filter.',
        },
      ],
    };
  }
  const candidates = filterCandidates(all, filter);
  if (candidates.length === 0) {
    return { errors: [{ field: 'form', message: 'No candidate in the Candidates sheet matches these filters.' }] };
  }
  const services = currentServices(readServices(ss, tz).services, today);
  // Candidates share a handful of level mixes: each list is worked out once.
  const tables = new Map<string, string>();
  const servicesTableFor = (c: ReminderCandidate): string => {
    const levels = candidateLevels(c.qualification);
    const key = levels.join(',');
    let table = tables.get(key);
    if (table === undefined) {
      table = servicesTable(services, undefined, { today, levels });
      tables.set(key, table);
    }
    return table;
  };
  const unconfirmed = unconfirmedLines(familyServices(services, { today }).unconfirmed);
  const copyToParents = readSettings(ss, tz).settings.copyToParents;
  const { jobs, sources, withoutEmail } = reminderJobs(candidates, servicesTableFor, seasonYear(today), copyToParents);
  return { batch: { candidates, jobs, sources, withoutEmail, servicesTableFor, unconfirmed } };
}

/**
 * Problems that stop the whole run (a template the officer broke, Settings
 * left blank) are errors; a candidate with a blank forename is left out and
 * listed, and the rest still go.
 */
function sortProblems(
  preview: MailPreview,
  batch: Batch,
): { blocking: string[]; leftOut: string[]; refused: string[]; skip: Set<number> } {
  const blocking = new Set<string>();
  const leftOut: string[] = [];
  const refused: string[] = [];
  const skip = new Set<number>();
  for (const p of preview.problems) {
    if (p.recipient) {
      // Only this candidate's address is at fault: the mailer refuses it and keeps the refusal on file.
      refused.push(p.reason);
    } else if (p.missing.length > 0 && p.missing.every((m) => CANDIDATE_VALUES.has(m))) {
      skip.add(p.index);
      leftOut.push(
        `Candidates row ${batch.sources[p.index].row} (${p.to}): ${p.missing.map((m) => `{{${m}}}`).join(', ')} is empty, so this candidate gets no reminder.`,
      );
    } else {
      blocking.add(p.reason);
    }
  }
  return { blocking: [...blocking], leftOut, refused, skip };
}

/** `sendResultsDayReminders({ dryRun, qualification?, tutorGroup? })` */
export function sendResultsDayReminders(raw: unknown): Answer<RemindersAnswer> {
  return answer((): Answer<RemindersAnswer> => {
    // Measured before the Candidates read and the preview: they come out of the same 6 minutes as the sends.
    const deadline = runDeadline();
    const { options, errors } = readReminderOptions(raw);
    if (errors.length > 0) return { ok: false, errors };
    const ss = activeSpreadsheet();
    const picked = reminderBatch(ss, options);
    if ('errors' in picked) return { ok: false, errors: picked.errors };
    const { batch } = picked;

    const preview = previewMail(batch.jobs, 3);
    const { blocking, leftOut, refused, skip } = sortProblems(preview, batch);
    if (blocking.length > 0) {
      return { ok: false, errors: blocking.map((message) => ({ field: 'template', message })) };
    }
    const result: RemindersAnswer = {
      dryRun: options.dryRun,
      candidates: batch.candidates.length,
      sent: 0,
      queued: 0,
      skipped: preview.alreadySent,
      sentSoFar: preview.alreadySent,
      total: preview.alreadySent + preview.count,
      preview: { count: preview.count, emails: preview.emails },
      withoutEmail: batch.withoutEmail.length,
      // A send lists the refused addresses under `failed`; a preview warns of them here.
      leftOut: options.dryRun ? [...leftOut, ...refused] : leftOut,
      unconfirmed: batch.unconfirmed,
      failed: [],
      uncertain: [],
      stoppedBecause: '',
    };
    if (options.dryRun) return { ok: true, ...result };

    const report = sendMail(
      batch.jobs.filter((_, i) => !skip.has(i)),
      { deadline },
    );
    return {
      ok: true,
      ...result,
      sent: report.sent,
      queued: report.queued,
      skipped: report.skipped,
      sentSoFar: report.skipped + report.sent,
      total: report.skipped + report.sent + report.queued,
      failed: report.failed.map((f) => ({ to: f.to, reason: f.reason })),
      uncertain: report.uncertain.map((u) => ({ to: u.to })),
      stoppedBecause: report.stoppedBecause ?? '',
    };
  });
}

/** What the Reminders sidebar offers to filter by. */
export function getReminderOptions(): Answer<ReminderChoices> {
  return answer((): Answer<ReminderChoices> => {
    const ss = activeSpreadsheet();
    const { candidates } = readCandidates(ss, timeZoneOf(ss));
    return {
      ok: true,
      candidates: candidates.length,
      withoutEmail: candidates.filter((c) => c.email.trim() === '').length,
      tutorGroups: choicesOf(candidates, (c) => c.tutorGroup),
      qualifications: choicesOf(candidates, (c) => c.qualification),
      template: REMINDER_TEMPLATE,
    };
  });
}

/** Sends what is queued now, as the daily run would ("Send queued emails" in the sidebar). */
export function sendQueuedEmails(): Answer<QueueAnswer> {
  return answer((): Answer<QueueAnswer> => {
    const report = resumeMailQueue({ deadline: runDeadline() });
    return {
      ok: true,
      sent: report.sent,
      queued: report.queued,
      failed: report.failed.map((f) => ({ to: f.to, reason: f.reason })),
      uncertain: report.uncertain.map((u) => ({ to: u.to, template: u.template })),
      stoppedBecause: report.stoppedBecause ?? '',
    };
  });
}
