/**
 * The email that confirms a new request, sent once the request is saved and
 * the lock released. The request stands whatever becomes of the email: a
 * problem is a warning beside the saved request, never a failed save.
 */
import { confirmationTemplate, recipientFor, valuesForRequest } from '../domain/templateValues';
import type { FieldError, PostResultsRequest, Settings } from '../domain/types';
import { sendMail } from '../mail/mailer';
import { withParentCopiesFor } from './parentMail';

export function confirmRequest(
  req: PostResultsRequest,
  settings: Settings,
): { emailed: string[]; warnings: FieldError[] } {
  const to = recipientFor(req);
  if (to === '') return { emailed: [], warnings: [] };
  const field = to === req.email.trim() ? 'email' : 'teacherEmail';
  try {
    const jobs = withParentCopiesFor(
      [
        {
          requestId: req.requestId,
          template: confirmationTemplate(req.service),
          to,
          values: valuesForRequest(req, settings),
          ...(field === 'email' ? { toCandidate: req.candidateNumber } : {}),
        },
      ],
      settings,
    );
    const report = sendMail(jobs);
    const warnings: FieldError[] = [
      ...report.failed.map((f) => ({ field, message: `The confirmation email was not sent: ${f.reason}` })),
      ...report.uncertain.map(() => ({
        field,
        message: 'The confirmation email may or may not have gone: check its row in Correspondence.',
      })),
    ];
    if (report.queued > 0) {
      warnings.push({ field, message: `The confirmation email is queued. ${report.stoppedBecause ?? ''}`.trim() });
    }
    const notSent = new Set([...report.failed.map((f) => f.to), ...report.uncertain.map((u) => u.to)]);
    // The mailer sends in order: what it did not queue or refuse has gone (or went before).
    const emailed = jobs
      .filter((j) => !notSent.has(j.to))
      .slice(0, report.sent)
      .map((j) => j.to);
    return { emailed, warnings };
  } catch (err) {
    const why = err !== null && typeof err === 'object' && 'message' in err ? String(err.message) : String(err);
    // Only the request ID and the error go to the log.
    console.error(`Post-Results Tracker: confirmation for ${req.requestId} not sent: ${why}`);
    return {
      emailed: [],
      warnings: [
        {
          field,
          message: `The request is saved, but the confirmation email could not be sent (${why}).`,
        },
      ],
    };
  }
}
