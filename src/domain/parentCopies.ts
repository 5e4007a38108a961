/**
 * Copies for parents: with Settings "Copy emails to parents" on, a message to
 * a candidate also goes to the Parent email in `Candidates`, as its own
 * message (one recipient each, so no family sees another address), marked as
 * a copy at its top.
 *
 * Only messages addressed to the candidate themselves are copied (the job's
 * `toCandidate`): a teacher's script, the officer's digest and anything sent
 * to a teacher who asked are not the family's. Script links stay with whoever
 * asked for the script (JCQ: scripts go to the candidate or the teacher named
 * on the consent), so "Script ready" is not copied either.
 */
import { TEMPLATE_NAMES, type MailJob, type TemplateName } from './types';

/** Never copied: a script link is for whoever asked for it; the teacher's and the officer's mail is theirs. */
const NEVER_COPIED: ReadonlySet<TemplateName> = new Set<TemplateName>([
  'Script ready (candidate)',
  'Script ready (teacher)',
  'Daily digest',
]);

/** The messages a parent may be copied on. */
export const PARENT_COPY_TEMPLATES: ReadonlySet<TemplateName> = new Set(
  TEMPLATE_NAMES.filter((t) => !NEVER_COPIED.has(t)),
);

/**
 * The value that marks a queued message as a parent's copy. It rides in the
 * job's values, so it is sealed with them and survives the queue.
 */
export const PARENT_COPY_VALUE = 'parentCopy';

/** Whether these (queued) values are a parent's copy. */
export function isParentCopy(values: Readonly<Record<string, string>>): boolean {
  return values[PARENT_COPY_VALUE] === 'yes';
}

/** The parent's copy of one job, or null when it gets none. */
export function parentCopyOf(job: MailJob, parentEmail: string): MailJob | null {
  const parent = parentEmail.trim();
  if (job.toCandidate === undefined || job.toCandidate.trim() === '') return null;
  if (!PARENT_COPY_TEMPLATES.has(job.template)) return null;
  if (parent === '') return null;
  // A cell holding two addresses or a typo still makes a job: the mailer refuses it where mail leaves and
  // tells the officer which cell to fix, as it does for any other recipient.
  if (parent.toLowerCase() === job.to.trim().toLowerCase()) return null;
  return {
    requestId: job.requestId,
    template: job.template,
    to: parent,
    values: { ...job.values, [PARENT_COPY_VALUE]: 'yes' },
    recipientSource: { field: `the parent email cell for candidate ${job.toCandidate.trim()}`, fix: 'Candidates' },
  };
}

/**
 * Every job, each followed by its parent's copy where it has one. With the
 * setting off this is the jobs unchanged: nobody is copied by default.
 */
export function withParentCopies(
  jobs: readonly MailJob[],
  on: boolean,
  parentEmailOf: (candidateNumber: string) => string,
): MailJob[] {
  if (!on) return [...jobs];
  const out: MailJob[] = [];
  for (const job of jobs) {
    out.push(job);
    const copy = job.toCandidate === undefined ? null : parentCopyOf(job, parentEmailOf(job.toCandidate.trim()));
    if (copy !== null) out.push(copy);
  }
  return out;
}

/** The line at the top of a parent's copy, above the candidate's own message. */
export const PARENT_COPY_PREFACE =
  "This is a copy for the parent or carer of {{candidateName}}; the same email went to {{forename}}. Any review or appeal needs {{forename}}'s own written consent.";

/**
 * A template as the parent's copy reads it: "Copy: " before the subject and
 * the preface first. Placeholders fill the same way as the original's, so a
 * value typed by anyone is still text, never markup.
 */
export function parentCopyTemplate<T extends { subject: string; body: string }>(template: T): T {
  return { ...template, subject: `Copy: ${template.subject}`, body: `${PARENT_COPY_PREFACE}\n\n${template.body}` };
}
